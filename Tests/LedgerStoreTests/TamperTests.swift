import Foundation
import Testing
import LedgerDomain
@testable import LedgerStore

@Suite("Tamper evidence")
struct TamperTests {
    /// Three batches: seqs 1–3, 4–7, 8–10, in the log format given.
    func ledger(_ format: LogFormat = .current) throws -> (TemporaryDirectory, [[UInt8]]) {
        let directory = TemporaryDirectory()
        let store = EventStore(layout: LedgerLayout(root: directory.path))
        _ = try store.create(format: format)
        for size in [3, 4, 3] { try StoreFixtures.append(store, StoreFixtures.events(size)) }
        let lines = directory.read("EventLog/events.jsonl").split(separator: 0x0A).map(Array.init)
        return (directory, lines)
    }

    func firstProblem(_ directory: TemporaryDirectory, lines: [[UInt8]], trailingNewline: Bool = true) throws -> ChainProblem {
        directory.write("EventLog/events.jsonl", Array(lines.joined(separator: [0x0A])) + (trailingNewline ? [0x0A] : []))
        let report = try EventStore(layout: LedgerLayout(root: directory.path)).verify()
        #expect(!report.isIntact)
        return try #require(report.problems.first)
    }

    @Test(arguments: LogFormat.allCases) func flippedByte(_ format: LogFormat) throws {
        var (directory, lines) = try ledger(format)
        // A letter of the payload's first key, upper case now: the line still reads, its hash does not match.
        let payload = Array(#""payload":{""#.utf8)
        let position = try #require(lines[4].indices.first { lines[4][$0...].starts(with: payload) }) + payload.count
        lines[4][position] ^= 0x20
        let problem = try firstProblem(directory, lines: lines)
        #expect(problem.kind == .edited)
        #expect(problem.seq == 5)
        #expect(problem.lineNumber == 5)
    }

    @Test(arguments: LogFormat.allCases) func deletedLine(_ format: LogFormat) throws {
        var (directory, lines) = try ledger(format)
        lines.remove(at: 5)
        let problem = try firstProblem(directory, lines: lines)
        #expect(problem.kind == .deleted)
        #expect(problem.seq == 6)
    }

    @Test(arguments: LogFormat.allCases) func swappedLines(_ format: LogFormat) throws {
        var (directory, lines) = try ledger(format)
        lines.swapAt(1, 2)
        let problem = try firstProblem(directory, lines: lines)
        #expect(problem.kind == .reordered)
        #expect(problem.seq == 2)
        #expect(problem.lineNumber == 3)
    }

    @Test(arguments: LogFormat.allCases) func truncatedMidRecord(_ format: LogFormat) throws {
        var (directory, lines) = try ledger(format)
        lines = Array(lines.prefix(7))
        lines[6] = Array(lines[6].prefix(50))
        let problem = try firstProblem(directory, lines: lines, trailingNewline: false)
        #expect(problem.kind == .truncated)
        #expect(problem.seq == 7)
        #expect(problem.lineNumber == 7)
    }

    @Test(arguments: LogFormat.allCases) func forgedRecordAppended(_ format: LogFormat) throws {
        var (directory, lines) = try ledger(format)
        var forged = String(decoding: lines[9], as: UTF8.self)
        forged = forged.replacingOccurrences(of: #""seq":10"#, with: #""seq":11"#)
        lines.append(Array(forged.utf8))
        let problem = try firstProblem(directory, lines: lines)
        #expect(problem.kind == .forged)
        #expect(problem.seq == 11)
        #expect(problem.lineNumber == 11)
    }

    @Test("other commands refuse a log cut short behind HEAD's back")
    func readersRefuseATruncatedLog() throws {
        let (directory, lines) = try ledger()
        directory.write("EventLog/events.jsonl", Array(lines.prefix(7).joined(separator: [0x0A])) + [0x0A])
        let store = EventStore(layout: LedgerLayout(root: directory.path))
        #expect(throws: StoreError.self) { try store.open() }
        let report = try store.verify()
        #expect(report.problems.contains { $0.kind == .truncated })
    }
}

@Suite("Tamper evidence: stored documents")
struct DocumentTamperTests {
    @Test("an edited or deleted source document is named by verify", arguments: ["edited", "deleted"])
    func documentTampering(change: String) throws {
        let directory = TemporaryDirectory()
        let layout = LedgerLayout(root: directory.path)
        let store = EventStore(layout: layout)
        let bytes = Array("2023年第 6期（总第 426期）\n".utf8)
        let digest = try DocumentStore(layout: layout, system: store.system).store(bytes)
        let events = [NewEvent(type: "test.fact", source: SourceReference(document: digest, issue: "2023-06", lines: 1...1))]
        try store.append(events, expecting: .empty, context: StoreFixtures.context())
        #expect(try store.verify().isIntact)
        let path = "EventLog/documents/" + digest.hex
        if change == "edited" { directory.write(path, bytes + [0x20]) } else { try FileManager.default.removeItem(atPath: directory.file(path)) }
        let report = try store.verify()
        let problem = try #require(report.problems.first)
        #expect(problem.kind == .document)
        #expect(problem.seq == 1)
        #expect(problem.message.contains(change == "edited" ? "it was edited" : "missing"))
    }
}
