import Foundation
import Testing
import LedgerDomain
@testable import LedgerStore

/// A report written outside the ledger: whole or not at all, never into a ledger's own files.
@Suite("Output files")
struct OutputFileTests {
    static let old = Array("the old report\n".utf8)
    static let new = Array(String(repeating: "新的报告 ", count: 50_000).utf8)

    func leftovers(_ directory: TemporaryDirectory) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tmp") }
    }

    @Test("a file replaced whole, and no temporary file left")
    func replaces() throws {
        let directory = TemporaryDirectory()
        directory.write("r.html", Self.old)
        try OutputFile.write(Self.new, to: "r.html", workingDirectory: directory.path, system: PosixSystemCalls())
        #expect(directory.read("r.html") == Self.new)
        #expect(try leftovers(directory).isEmpty)
    }

    @Test("a failed fsync leaves the old file as it was, and no temporary file")
    func failedFsync() throws {
        let directory = TemporaryDirectory()
        directory.write("r.html", Self.old)
        #expect(throws: OutputFile.Failure.self) {
            try OutputFile.write(Self.new, to: "r.html", workingDirectory: directory.path, system: FaultySystem(.failFsync(onCall: 1)))
        }
        #expect(directory.read("r.html") == Self.old)
        #expect(try leftovers(directory).isEmpty)
    }

    @Test("a crash part-way leaves the old file as it was")
    func crash() throws {
        let directory = TemporaryDirectory()
        directory.write("r.html", Self.old)
        let faulty = FaultySystem(.crashAfterWriting(bytes: Self.new.count / 2))
        #expect(throws: OutputFile.Failure.self) {
            try OutputFile.write(Self.new, to: "r.html", workingDirectory: directory.path, system: faulty)
        }
        #expect(directory.read("r.html") == Self.old)
    }

    @Test("a file this process may not write is kept, not replaced by rename")
    func readOnly() throws {
        let directory = TemporaryDirectory()
        directory.write("r.html", Self.old)
        #expect(throws: OutputFile.Failure.readOnly("r.html")) {
            try OutputFile.write(Self.new, to: "r.html", workingDirectory: directory.path, system: FaultySystem(.readOnlyFiles))
        }
        #expect(directory.read("r.html") == Self.old)
        // A new file needs no permission of its own.
        try OutputFile.write(Self.new, to: "new.html", workingDirectory: directory.path, system: FaultySystem(.readOnlyFiles))
        #expect(directory.read("new.html") == Self.new)
    }

    @Test("inside a ledger's EventLog/ or Snapshots/, as written or through a link", arguments: [
        "EventLog/events.jsonl", "Snapshots/hall.snapshot", "./EventLog/../EventLog/HEAD", "Snapshots/new/r.html", "link/HEAD",
    ])
    func insideLedger(_ path: String) throws {
        let ledger = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: ledger.file("EventLog"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: ledger.file("Snapshots"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: ledger.file("link"), withDestinationPath: ledger.file("EventLog"))
        ledger.write("EventLog/HEAD", Self.old)
        do {
            try OutputFile.write(Self.new, to: path, workingDirectory: ledger.path, system: PosixSystemCalls())
            Issue.record("\(path) was written")
        } catch {
            guard case .insideLedger = error else { Issue.record("\(path): \(error)"); return }
        }
        #expect(ledger.read("EventLog/HEAD") == Self.old)
    }

    @Test func normalizedPaths() {
        #expect(OutputFile.normalized("/a/./b/../c//d/") == "/a/c/d")
        #expect(OutputFile.normalized("/../x") == "/x")
    }
}
