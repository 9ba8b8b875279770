import Foundation
import Glibc
import LedgerDomain
import Testing

/// Input made to break the tool, through the built binary: each gets a clear error and a
/// non-zero exit, never a crash, and leaves the ledger byte for byte as it was.
@Suite("Hostile input")
struct HostileInputTests {
    /// Every file of a ledger but the lock (whose bytes name the last writer's pid), by path.
    static func files(_ ledger: TemporaryDirectory) -> [String: Data] {
        var files: [String: Data] = [:]
        for top in ["EventLog", "Snapshots"] {
            guard let walker = FileManager.default.enumerator(atPath: ledger.file(top)) else { continue }
            for case let relative as String in walker where relative != "lock" {
                let path = top + "/" + relative
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: ledger.file(path), isDirectory: &isDirectory), !isDirectory.boolValue {
                    files[path] = ledger.read(path)
                }
            }
        }
        return files
    }

    /// The real 2023-06 issue as text, and its parts around the sections.
    static func bulletin() throws -> (text: String, sections: Range<String.Index>) {
        let text = try IngestTests.fixture("2023-06.txt")
        let start = try #require(text.range(of: "一、")).lowerBound
        let end = try #require(text.range(of: "报：中心领导")).lowerBound
        return (text, start..<end)
    }

    static let tenMegabytes = 10 << 20

    /// A hostile file: its bytes, the exit code and a phrase of the message it must get.
    struct Hostile: CustomTestStringConvertible, Sendable {
        var name: String
        var status: Int32
        var message: String
        /// Whether the document may be kept under EventLog/documents (it was read whole and only
        /// the append refused it); the log and HEAD must be unchanged all the same.
        var mayStoreDocument = false
        var make: @Sendable () throws -> Data
        var testDescription: String { name }
    }

    static let cases: [Hostile] = [
        Hostile(name: "a single 10 MB line", status: 65, message: "it has no masthead") {
            Data(String(repeating: "窗口工作周报", count: tenMegabytes / 18).utf8)
        },
        Hostile(name: "a bulletin with a 2 MB paragraph: a record over the log's line limit", status: 65,
                message: "over the limit of 1048575 bytes for one record", mayStoreDocument: true) {
            let (text, sections) = try bulletin()
            return Data((text[..<sections.upperBound] + String(repeating: "大厅运行保障有序。", count: (2 << 20) / 27) + "\n" + text[sections.upperBound...]).utf8)
        },
        Hostile(name: "one section heading repeated 100,000 times", status: 65,
                message: "over the limit of 1048575 bytes for one record", mayStoreDocument: true) {
            let (text, sections) = try bulletin()
            return Data((text[..<sections.lowerBound] + String(repeating: "一、大厅巡查情况\n", count: 100_000) + text[sections.upperBound...]).utf8)
        },
        Hostile(name: "a count of 300 digits", status: 65, message: "a number of 300 digits") {
            Data(try bulletin().text.replacingOccurrences(of: "受理 62827件", with: "受理 " + String(repeating: "9", count: 300) + "件").utf8)
        },
        Hostile(name: "an issue number of 300 digits", status: 65, message: "it has no masthead") {
            Data(try bulletin().text.replacingOccurrences(of: "2023年第 6期", with: "2023年第 " + String(repeating: "9", count: 300) + "期").utf8)
        },
        Hostile(name: "a day of the month of 200 digits", status: 65, message: "it has no masthead") {
            Data(try bulletin().text.replacingOccurrences(of: "2023年 2月 2 7日", with: "2023年 2月 " + String(repeating: "2", count: 200) + "日").utf8)
        },
        Hostile(name: "full-width digits past any integer", status: 65, message: "a number of") {
            Data(try bulletin().text.replacingOccurrences(of: "受理 62827件", with: "受理 " + String(repeating: "９", count: 40) + "件").utf8)
        },
        Hostile(name: "invalid UTF-8 in the middle of a bulletin", status: 65, message: "cannot be decoded") {
            let bytes = Array(try bulletin().text.utf8)
            return Data(bytes[..<2_000] + [0xC3, 0x28, 0xFF, 0xFE] + bytes[2_000...])
        },
        Hostile(name: "UTF-8 with a GB18030 passage inside", status: 65, message: "cannot be decoded") {
            let text = try bulletin().text
            let middle = text.index(text.startIndex, offsetBy: text.count / 2)
            // 大厅运行 in GB18030.
            let passage = Data([0xB4, 0xF3, 0xCC, 0xFC, 0xD4, 0xCB, 0xD0, 0xD0])
            return Data(text[..<middle].utf8) + passage + Data(text[middle...].utf8)
        },
        Hostile(name: "UTF-16 with a byte-order mark and a lone surrogate", status: 65, message: "cannot be decoded") {
            let utf16 = try #require(try bulletin().text.data(using: .utf16LittleEndian))
            return Data([0xFF, 0xFE]) + utf16.prefix(100) + Data([0x00, 0xD8, 0x41, 0x00]) + utf16.dropFirst(100)
        },
        Hostile(name: "NUL bytes inside text", status: 65, message: "binary") {
            Data(try bulletin().text.utf8.prefix(500)) + Data(count: 16) + Data(try bulletin().text.utf8.dropFirst(500))
        },
        Hostile(name: "two million empty lines", status: 65, message: "empty") { Data(repeating: 0x0A, count: 2_000_000) },
        Hostile(name: "random bytes", status: 65, message: "binary") {
            var generator = SplitMix64(seed: 26)
            return Data((0..<100_000).map { _ in UInt8.random(in: 0...255, using: &generator) })
        },
        Hostile(name: "over the 16 MiB cap", status: 65, message: "more than the limit of 16,777,216") { Data(repeating: 0x41, count: (16 << 20) + 1) },
    ]

    @Test("each hostile file: a clear error, a non-zero exit, no crash, the ledger unchanged", arguments: cases)
    func hostileFile(_ input: Hostile) throws {
        let ledger = TemporaryDirectory()
        #expect(try LedgerProcess.run(["ingest", IngestTests.fixtures + "/2023-02.txt"], in: ledger.path).status == 0)
        let before = Self.files(ledger)
        ledger.write("input.txt", try input.make())
        let result = try LedgerProcess.run(["ingest", "input.txt"], in: ledger.path)
        #expect(result.status == input.status, "\(result.stderr.prefix(2_000))")
        #expect(result.stderr.hasPrefix("ledger: error: ") || result.stderr.hasPrefix("input.txt"), "\(result.stderr.prefix(2_000))")
        #expect(result.stderr.contains(input.message), "\(result.stderr.prefix(2_000))")
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("crashed"))
        // A message quotes a few lines, never the whole file back.
        #expect(result.stderr.utf8.count < 64 << 10)
        var after = Self.files(ledger)
        if input.mayStoreDocument { after = after.filter { !$0.key.hasPrefix("EventLog/documents/") || before[$0.key] != nil } }
        #expect(after == before, "the ledger changed: \(Set(after.keys).symmetricDifference(before.keys))")
        #expect(try LedgerProcess.run(["verify"], in: ledger.path).status == 0)
    }

    @Test("a directory, a FIFO, a device, standard input over the cap: refused, the ledger unchanged")
    func notRegularFiles() throws {
        let ledger = TemporaryDirectory()
        #expect(try LedgerProcess.run(["ingest", IngestTests.fixtures + "/2023-02.txt"], in: ledger.path).status == 0)
        let before = Self.files(ledger)
        try FileManager.default.createDirectory(atPath: ledger.file("folder.txt"), withIntermediateDirectories: false)
        #expect(mkfifo(ledger.file("pipe.txt"), 0o644) == 0)
        for (file, message) in [("folder.txt", "is a directory"), ("pipe.txt", "FIFO"), ("/dev/zero", "device")] {
            let result = try LedgerProcess.run(["ingest", file], in: ledger.path)
            #expect(result.status == 66, "\(file): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(file): \(result.stderr)")
        }
        // Through a shell pipe: the writer of a pipe the reader closed early gets SIGPIPE, and
        // that must be `head`, not this test process.
        let flood = try LedgerProcess.runProgram("/bin/bash", ["-c", "head -c 20971520 /dev/zero | tr '\\0' A | '\(LedgerProcess.executable)' --ledger . ingest -"], in: ledger.path)
        #expect(flood.status == 65)
        #expect(flood.stderr.contains("more than the limit of 16,777,216"), "\(flood.stderr)")
        #expect(Self.files(ledger) == before)
    }
}

