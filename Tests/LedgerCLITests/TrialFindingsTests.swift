import Foundation
import Testing

/// What a first user ran into, kept fixed.
@Suite("First-use findings")
struct TrialFindingsTests {
    @Test("a record edited in place (same length) never shows: readers of it refuse, a snapshot answers as committed")
    func editedRecordIsRefused() throws {
        let ledger = try ProjectTests.ledger()
        #expect(try LedgerProcess.run(["snapshot"], in: ledger.path).status == 0)
        var text = String(decoding: ledger.read("EventLog/events.jsonl"), as: UTF8.self)
        text = text.replacingOccurrences(of: #""accepted":116"#, with: #""accepted":118"#)
        ledger.write("EventLog/events.jsonl", Data(text.utf8))
        // The snapshot was taken (and the log verified record by record) before the edit.
        let fromSnapshot = try LedgerProcess.run(["project", "window"], in: ledger.path)
        #expect(fromSnapshot.status == 0)
        #expect(fromSnapshot.stdout.contains("受理 accepted                    116"))
        #expect(try LedgerProcess.run(["verify"], in: ledger.path).status == 65)
        for arguments in [["project", "window", "--as-of", "2023-12-31"], ["log"], ["show", "17"], ["replay", "--known-at", "2099-01-01"]] {
            let result = try LedgerProcess.run(arguments, in: ledger.path)
            #expect(result.status == 65, "\(arguments)")
            #expect(result.stderr.contains("the record was edited") && result.stderr.contains("ledger verify"), "\(arguments): \(result.stderr)")
            #expect(!result.stdout.contains("118"), "\(arguments)")
        }
    }

    @Test("a superseded document can come back with --supersede; another encoding of the same facts is a no-op")
    func supersedeAndBack() throws {
        let ledger = try ProjectTests.ledger()
        let original = try IngestTests.fixture("2023-06.txt")
        ledger.write("changed.txt", Data(original.replacingOccurrences(of: "受理 116 件", with: "受理 117 件").utf8))
        let changed = try LedgerProcess.run(["ingest", "changed.txt", "--supersede", "--reason", "r"], in: ledger.path)
        #expect(changed.status == 0, "\(changed.stderr)")
        let back = try LedgerProcess.run(["ingest", IngestTests.fixtures + "/2023-06.txt"], in: ledger.path)
        #expect(back.status == 65)
        #expect(back.stderr.contains("changed: window.counted: week.accepted 117 → 116"), "\(back.stderr)")
        let restored = try LedgerProcess.run(["ingest", IngestTests.fixtures + "/2023-06.txt", "--supersede", "--reason", "back"], in: ledger.path)
        #expect(restored.status == 0, "\(restored.stderr)")
        let window = try ProjectTests.json(try LedgerProcess.run(["project", "window", "--json"], in: ledger.path))
        #expect((window["week"] as? [String: Int])?["accepted"] == 116)

        ledger.write("crlf.txt", Data(original.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        let crlf = try LedgerProcess.run(["ingest", "crlf.txt"], in: ledger.path)
        #expect(crlf.status == 0, "\(crlf.stderr)")
        #expect(crlf.stdout.contains("already ingested as 2023-06") && crlf.stdout.contains("the same facts"))
    }

    @Test("--help works on commands that take arguments", arguments: [["project", "--help"], ["ingest", "-h"], ["show", "--help"], ["correct", "--help"]])
    func helpBeforeArguments(arguments: [String]) throws {
        let result = try LedgerProcess.run(arguments, in: NSTemporaryDirectory())
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: ledger \(arguments[0])"))
    }

    @Test("a wrong ledger directory is not an intact empty ledger")
    func wrongLedgerDirectory() throws {
        let missing = try LedgerProcess.run(["--ledger", "/nonexistent/ledger", "verify"], in: NSTemporaryDirectory())
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("/nonexistent/ledger does not exist (from --ledger)"))
        let empty = TemporaryDirectory()
        let noLedger = try LedgerProcess.run(["project", "authorization"], in: empty.path)
        #expect(noLedger.status == 66)
        #expect(noLedger.stderr.contains("there is no ledger in"))
        let ingest = try LedgerProcess.run(["--ledger", "/nonexistent/ledger", "ingest", IngestTests.fixtures + "/2023-02.txt"], in: empty.path)
        #expect(ingest.status == 66)
    }

    @Test("options of other projections are refused", arguments: [
        // --year applies to every projection with weeks now; not to departments.
        ["project", "departments", "--year", "2023"], ["project", "totals", "--department", "司法厅"],
        ["project", "authorisation"], ["log", "--type", "nonsense.x"],
    ])
    func misplacedOptions(arguments: [String]) throws {
        let ledger = try ProjectTests.ledger()
        let result = try LedgerProcess.run(arguments, in: ledger.path)
        #expect(result.status == 64, "\(arguments): \(result.stderr)")
    }

    @Test("UTF-16 without a byte-order mark is not just 'binary': the message says what to force")
    func utf16WithoutByteOrderMark() throws {
        let ledger = TemporaryDirectory()
        let text = try IngestTests.fixture("2023-02.txt")
        ledger.write("le.txt", text.data(using: .utf16LittleEndian) ?? Data())
        let result = try LedgerProcess.run(["ingest", "le.txt"], in: ledger.path)
        #expect(result.status == 65)
        #expect(result.stderr.contains("try --encoding utf-16le"), "\(result.stderr)")
        #expect(try LedgerProcess.run(["ingest", "le.txt", "--encoding", "utf-16le"], in: ledger.path).status == 0)
    }
}
