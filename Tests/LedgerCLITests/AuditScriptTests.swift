import Foundation
import Testing

/// The README's independent chain checks, extracted from the README itself so they cannot go stale.
@Suite("Checking the chain without ledger")
struct AuditScriptTests {
    static func block(_ marker: String) throws -> String {
        let readme = try String(contentsOfFile: LedgerProcess.repositoryRoot + "/README.md", encoding: .utf8)
        let lines = readme.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "<!-- \(marker) -->"))
        let fence = try #require(lines[start...].firstIndex { $0.hasPrefix("```") })
        let end = try #require(lines[(fence + 1)...].firstIndex { $0 == "```" })
        return lines[(fence + 1)..<end].joined(separator: "\n")
    }

    static func run(_ marker: String, in directory: String) throws -> LedgerProcess.Result {
        let script = try block(marker)
        switch marker {
        case "audit:sh": return try LedgerProcess.runProgram("/bin/bash", ["-c", script], in: directory)
        default: return try LedgerProcess.runProgram("/usr/bin/env", ["python3", "-c", script], in: directory)
        }
    }

    static var pythonAvailable: Bool {
        (try? LedgerProcess.runProgram("/usr/bin/env", ["python3", "--version"], in: "/").status) == 0
    }

    @Test("the shell check accepts the committed ledger and a fresh one")
    func shellAcceptsIntactLedgers() throws {
        let committed = try Self.run("audit:sh", in: LedgerProcess.repositoryRoot)
        #expect(committed.status == 0, "\(committed.stdout)\(committed.stderr)")
        #expect(committed.stdout.hasPrefix("chain intact"))
        let ledger = try TemporaryDirectory.ledger(batches: [2, 3, 1])
        let fresh = try Self.run("audit:sh", in: ledger.path)
        #expect(fresh.stdout.hasPrefix("chain intact: 6 records"), "\(fresh.stdout)\(fresh.stderr)")
    }

    @Test("the shell check rejects an edited record")
    func shellRejectsAnEdit() throws {
        let ledger = try TemporaryDirectory.ledger(batches: [2, 3])
        var text = String(decoding: ledger.read("EventLog/events.jsonl"), as: UTF8.self)
        text = text.replacingOccurrences(of: #""n":2"#, with: #""n":7"#)
        ledger.write("EventLog/events.jsonl", Data(text.utf8))
        let result = try Self.run("audit:sh", in: ledger.path)
        #expect(result.status == 1)
        #expect(result.stdout.contains("line 2: hash mismatch"))
    }

    @Test("the Python check agrees", .enabled(if: AuditScriptTests.pythonAvailable))
    func pythonAgrees() throws {
        let ledger = try TemporaryDirectory.ledger(batches: [2, 3])
        #expect(try Self.run("audit:python", in: ledger.path).stdout.hasPrefix("chain intact: 5 records"))
        #expect(try Self.run("audit:python", in: LedgerProcess.repositoryRoot).status == 0)
        var lines = ledger.read("EventLog/events.jsonl").split(separator: 0x0A).map { Data($0) }
        lines.swapAt(1, 2)
        ledger.write("EventLog/events.jsonl", Data(lines.joined(separator: Data([0x0A]))) + Data([0x0A]))
        let swapped = try Self.run("audit:python", in: ledger.path)
        #expect(swapped.status != 0)
        #expect(swapped.stderr.contains("line 2: broken chain"))
    }
}
