import Foundation
import LedgerDomain
import Testing
import LedgerFormats

/// Whatever a document or an option says, `ledger` writes only inside its ledger directory,
/// names stored documents by their hash, and refuses ledger files that are symlinks.
@Suite("Paths: nothing written outside the ledger")
struct PathSafetyTests {
    /// Every regular file and symlink under `root`, relative to it.
    static func tree(_ root: String) -> Set<String> {
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var paths = Set<String>()
        for case let relative as String in walker {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory)
            if !exists || !isDirectory.boolValue { paths.insert(relative) }
        }
        return paths
    }

    static let hostile = ["../../pwned", "/tmp/ledger-pwned", "$(touch pwned)", "`touch pwned`", "a/../../b", "EventLog/../../x", "-"]

    @Test("hostile option values and document text write nothing outside the ledger directory")
    func nothingOutside() throws {
        let root = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: root.file("ledger"), withIntermediateDirectories: false)
        try FileManager.default.createDirectory(atPath: root.file("work/deeper"), withIntermediateDirectories: true)
        let lines = Self.hostile.map { "（\($0)）\($0)" }.joined(separator: "\n")
        let text = try IngestTests.fixture("2023-06.txt").replacingOccurrences(of: "报：中心领导", with: lines + "\n报：中心领导")
        root.write("work/deeper/bulletin.txt", Data(text.utf8))
        let before = Self.tree(root.path)
        let cwd = root.file("work/deeper")
        let ledger = ["--ledger", root.file("ledger")]
        var commands: [[String]] = [["ingest", "bulletin.txt", "--actor", Self.hostile[0]],
                                    ["ingest", IngestTests.fixtures + "/2023-02.txt", "--actor", Self.hostile[2]]]
        for value in Self.hostile {
            commands.append(["correct", "VISIT", "--set", "person=\(value)", "--reason", value, "--actor", value])
            commands.append(["register", value, "--alias", value + "局", "--reason", value])
            commands.append(["audit", "--department", value, "--actor", value])
            commands.append(["project", "visits", "--department", value, "--person", value])
        }
        commands += [["snapshot"], ["retract", "VISIT", "--reason", Self.hostile[1]], ["reparse", "--apply", "--reason", Self.hostile[5]],
                     ["show", "VISIT"], ["replay", "--json"], ["log", "--json"], ["verify"]]
        var visit = "24"
        for command in commands {
            let result = try LedgerProcess.run(ledger + command.map { $0 == "VISIT" ? visit : $0 }, in: cwd)
            if command[0] == "ingest" {
                #expect(result.status == 0, "\(result.stderr)")
                let visits = try LedgerProcess.run(ledger + ["log", "--type", "visit.recorded"], in: cwd).stdout
                visit = String(visits.split(separator: " ").first?.dropFirst() ?? "24")
            }
            #expect(result.status < 128, "\(command): \(result.stderr)")
        }
        #expect(try LedgerProcess.run(ledger + ["verify"], in: cwd).status == 0)

        let outside = Self.tree(root.path).filter { !$0.hasPrefix("ledger/") }
        #expect(outside == before, "written outside the ledger: \(outside.subtracting(before))")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/ledger-pwned"))
        let inside = Self.tree(root.file("ledger"))
        let expected: Set<String> = ["EventLog/events.jsonl", "EventLog/HEAD", "EventLog/lock"]
        let unexpected = inside.filter { !expected.contains($0) && !$0.hasPrefix("EventLog/documents/") && !$0.hasPrefix("Snapshots/") }
        #expect(unexpected.isEmpty, "\(unexpected)")
        let documents = inside.filter { $0.hasPrefix("EventLog/documents/") }
        #expect(documents.count == 2)
        for document in documents {
            let name = String(document.dropFirst("EventLog/documents/".count))
            let bytes = [UInt8](root.read("ledger/" + document))
            #expect(name == SHA256.hash(bytes).hex, "a stored document is named by its SHA-256: \(name)")
        }
        #expect(inside.filter { $0.hasPrefix("Snapshots/") }.allSatisfy { $0.hasSuffix(".snapshot") }, "\(inside)")
    }

    @Test("a ledger file or folder that is a symlink is refused, and what it points at is untouched", arguments: [
        "EventLog", "EventLog/events.jsonl", "EventLog/HEAD", "EventLog/lock", "EventLog/documents",
    ])
    func symlinkRefused(_ path: String) throws {
        let ledger = try ProjectTests.ledger()
        let elsewhere = TemporaryDirectory()
        elsewhere.write("victim", Data("not the ledger's\n".utf8))
        try FileManager.default.createDirectory(atPath: elsewhere.file("folder"), withIntermediateDirectories: false)
        let moved = elsewhere.file("folder")
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: ledger.file(path), isDirectory: &isDirectory)
        if isDirectory.boolValue {
            // The symlinked folder holds a copy of the real one, so only the symlink is wrong.
            try FileManager.default.removeItem(atPath: moved)
            try FileManager.default.moveItem(atPath: ledger.file(path), toPath: moved)
            try FileManager.default.createSymbolicLink(atPath: ledger.file(path), withDestinationPath: moved)
        } else {
            try FileManager.default.removeItem(atPath: ledger.file(path))
            try FileManager.default.createSymbolicLink(atPath: ledger.file(path), withDestinationPath: elsewhere.file("victim"))
        }
        let outsideBefore = Self.tree(elsewhere.path).map { ($0, elsewhere.read($0)) }
        let text = try IngestTests.fixture("2023-06.txt").replacingOccurrences(of: "2023年第 6期（总第 426期）", with: "2023年第 7期（总第 427期）")
        ledger.write("next.txt", Data(text.utf8))
        let ingest = try LedgerProcess.run(["ingest", "next.txt"], in: ledger.path)
        #expect(ingest.status == 65, "\(ingest.stderr)")
        #expect(ingest.stderr.contains("refusing to use") && ingest.stderr.contains("symbolic link"), "\(ingest.stderr)")
        let verify = try LedgerProcess.run(["verify"], in: ledger.path)
        #expect(verify.status == 65, "\(verify.stdout)\(verify.stderr)")
        let outsideAfter = Self.tree(elsewhere.path).map { ($0, elsewhere.read($0)) }
        #expect(outsideAfter.sorted { $0.0 < $1.0 }.elementsEqual(outsideBefore.sorted { $0.0 < $1.0 }) { $0 == $1 })
    }

    @Test("a symlinked Snapshots/ is refused; a symlinked snapshot file is replaced, never written through")
    func symlinkedSnapshots() throws {
        let ledger = try ProjectTests.ledger()
        let elsewhere = TemporaryDirectory()
        try FileManager.default.createSymbolicLink(atPath: ledger.file("Snapshots"), withDestinationPath: elsewhere.path)
        let refused = try LedgerProcess.run(["snapshot"], in: ledger.path)
        #expect(refused.status == 65, "\(refused.stderr)")
        #expect(refused.stderr.contains("refusing to use Snapshots"), "\(refused.stderr)")
        #expect(Self.tree(elsewhere.path).isEmpty)
        #expect(try LedgerProcess.run(["project", "authorization"], in: ledger.path).status == 0)

        try FileManager.default.removeItem(atPath: ledger.file("Snapshots"))
        try FileManager.default.createDirectory(atPath: ledger.file("Snapshots"), withIntermediateDirectories: false)
        elsewhere.write("victim", Data("not the ledger's\n".utf8))
        try FileManager.default.createSymbolicLink(atPath: ledger.file("Snapshots/hall.snapshot"), withDestinationPath: elsewhere.file("victim"))
        let written = try LedgerProcess.run(["snapshot"], in: ledger.path)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(elsewhere.read("victim") == Data("not the ledger's\n".utf8))
        let kind = try FileManager.default.attributesOfItem(atPath: ledger.file("Snapshots/hall.snapshot"))[.type] as? FileAttributeType
        #expect(kind == .typeRegular)
    }
}
