import Foundation
import Glibc
import Testing
import LedgerDomain
import LedgerParser
import LedgerStore
import LedgerFormats

/// Corrections, retractions, audit and reparse: nothing is ever rewritten.
@Suite("Audit and corrections")
struct CorrectionTests {
    static func ledger() throws -> TemporaryDirectory { try ProjectTests.ledger() }

    static func visitSeq(_ ledger: TemporaryDirectory, person: String) throws -> Int {
        let document = try ProjectTests.json(try LedgerProcess.run(["project", "visits", "--person", person, "--json"], in: ledger.path))
        return try #require((document["visits"] as? [[String: Any]])?.first?["seq"] as? Int)
    }

    @Test("a corrected name shows in project visits, the old one under --known-at, both in the audit")
    func correctAVisitorsName() throws {
        let ledger = try Self.ledger()
        let seq = try Self.visitSeq(ledger, person: "王飙")
        Glibc.usleep(20_000)
        let before = Instant(millisecondsSinceEpoch: Int64(Date().timeIntervalSince1970 * 1000)).description
        Glibc.usleep(20_000)
        let corrected = try LedgerProcess.run(["correct", String(seq), "--set", "person=王彪", "--reason", "misprint", "--actor", "审核员"], in: ledger.path)
        #expect(corrected.status == 0, "\(corrected.stderr)")
        #expect(corrected.stdout.contains("corrected seq \(seq) (visit.recorded, 2023-06): person: 王飙 → 王彪"))
        #expect(try Self.visitSeq(ledger, person: "王彪") == seq)
        let old = try LedgerProcess.run(["project", "visits", "--person", "王", "--known-at", before, "--json"], in: ledger.path)
        #expect(old.stdout.contains("王飙") && !old.stdout.contains("王彪"))
        let audit = try ProjectTests.json(try LedgerProcess.run(["audit", "--json", "--actor", "审核员"], in: ledger.path))
        let entry = try #require((audit["entries"] as? [[String: Any]])?.first)
        #expect(entry["action"] as? String == "correct")
        #expect(entry["target"] as? Int == seq)
        #expect(entry["reason"] as? String == "misprint")
        let change = try #require((entry["changes"] as? [[String: Any]])?.first)
        #expect(change["field"] as? String == "person")
        #expect(change["from"] as? String == "王飙")
        #expect(change["to"] as? String == "王彪")
        // A correction of the correction, named by the correction's seq.
        let correctionSeq = try #require(entry["seq"] as? Int)
        let again = try LedgerProcess.run(["correct", String(correctionSeq), "--set", "person=王飚", "--reason", "second look"], in: ledger.path)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try Self.visitSeq(ledger, person: "王飚") == seq)
        let shown = try LedgerProcess.run(["show", String(seq)], in: ledger.path)
        #expect(shown.stdout.contains("corrected person: 王飙 → 王彪 (reason: misprint)"))
        #expect(try LedgerProcess.run(["verify"], in: ledger.path).status == 0)
    }

    @Test("a retracted fact leaves the projections, and cannot be corrected")
    func retract() throws {
        let ledger = try Self.ledger()
        let seq = try Self.visitSeq(ledger, person: "周彤")
        let retracted = try LedgerProcess.run(["retract", String(seq), "--reason", "not a leader visit"], in: ledger.path)
        #expect(retracted.status == 0, "\(retracted.stderr)")
        let visits = try LedgerProcess.run(["project", "visits", "--json"], in: ledger.path)
        #expect(!visits.stdout.contains("周彤"))
        let correct = try LedgerProcess.run(["correct", String(seq), "--set", "person=周", "--reason", "x"], in: ledger.path)
        #expect(correct.status == 65)
        #expect(correct.stderr.contains("it was retracted at seq"))
        #expect(try LedgerProcess.run(["verify"], in: ledger.path).status == 0)
    }

    @Test("refused corrections write nothing", arguments: [
        (["correct", "24", "--set", "person=王彪"], 64, "--reason TEXT is required"),
        (["correct", "9999", "--set", "person=王彪", "--reason", "r"], 64, "there is no seq 9999"),
        (["correct", "24", "--set", "nickname=x", "--reason", "r"], 64, "its fields are: date, department, person, titles"),
        (["correct", "2", "--set", "accepted=many", "--reason", "r"], 64, "expected a whole number"),
        (["correct", "1", "--set", "serial=999", "--reason", "r", "--set", "printRun=x"], 64, "expected a whole number"),
        (["retract", "24"], 64, "--reason TEXT is required"),
    ] as [([String], Int32, String)])
    func refusals(arguments: [String], status: Int32, message: String) throws {
        let ledger = try Self.ledger()
        let before = IngestTests.snapshot(ledger)
        let result = try LedgerProcess.run(arguments, in: ledger.path)
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(IngestTests.snapshot(ledger) == before)
    }

    @Test("reparse shows what a better parser reads differently, and --apply appends it as corrections")
    func reparseAfterAParserChange() throws {
        // An older parser's extraction: the visitor's name misread, one inspection item missed.
        let ledger = TemporaryDirectory()
        let layout = LedgerLayout(root: ledger.path)
        let store = EventStore(layout: layout)
        let text = try IngestTests.fixture("2023-06.txt")
        let bytes = Array(text.utf8)
        let digest = try DocumentStore(layout: layout, system: store.system).store(bytes)
        let bulletin = try #require(BulletinParser.parse(lines: text.components(separatedBy: "\n")).bulletin)
        var events = bulletin.events(document: digest, encoding: "utf-8", partial: false)
        let visit = try #require(events.firstIndex { $0.type == EventType.visitRecorded })
        events[visit].payload["person"] = "王"
        events.removeAll { $0.type == EventType.inspectionRecorded && $0.payload["ordinal"] == .int(6) }
        try store.append(events, expecting: .empty, context: AppendContext(actor: "old parser", now: Instant(millisecondsSinceEpoch: 0)))

        let shown = try LedgerProcess.run(["reparse"], in: ledger.path)
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("2023-06: 2 facts would change"))
        #expect(shown.stdout.contains("changed: visit.recorded 司法厅 2023-02-14: person \"王\" → \"王飙\""))
        #expect(shown.stdout.contains("added: inspection.recorded 6"))
        let unchanged = IngestTests.snapshot(ledger)
        #expect(try LedgerProcess.run(["reparse", "--apply"], in: ledger.path).status == 64)
        #expect(IngestTests.snapshot(ledger) == unchanged)

        let applied = try LedgerProcess.run(["reparse", "--apply", "--reason", "parser 1.0.0 reads names whole"], in: ledger.path)
        #expect(applied.status == 0, "\(applied.stderr)")
        #expect(applied.stdout.contains("appended 2 corrections"))
        #expect(try LedgerProcess.run(["reparse"], in: ledger.path).stdout.contains("2023-06: no change"))
        #expect(try Self.visitSeq(ledger, person: "王飙") > 0)
        let inspections = try ProjectTests.json(try LedgerProcess.run(["project", "inspections", "--json"], in: ledger.path))
        #expect((inspections["inspections"] as? [Any])?.count == 6)
        let audit = try LedgerProcess.run(["audit"], in: ledger.path)
        #expect(audit.stdout.contains("person: 王 → 王飙"))
        #expect(try LedgerProcess.run(["verify"], in: ledger.path).status == 0)
    }
}

/// An inspection verdict the parser could not classify, from ingest to its correction.
@Suite("Unclassified inspection verdicts")
struct UnclassifiedVerdictTests {
    @Test("ingested with a warning, shown by project inspections and audit as needing a look, settled by a correction")
    func fromIngestToCorrection() throws {
        let ledger = TemporaryDirectory()
        let text = try IngestTests.fixture("2023-06.txt")
            .replacingOccurrences(of: "（三）着装情况。总体情况良好。", with: "（三）着装情况。详见附件。")
        try text.write(toFile: ledger.file("unclear.txt"), atomically: true, encoding: .utf8)
        let ingest = try LedgerProcess.run(["ingest", "unclear.txt"], in: ledger.path)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(ingest.stdout.contains("warning: inspection item 3 “着装情况”"))

        let project = try LedgerProcess.run(["project", "inspections"], in: ledger.path)
        #expect(project.stdout.contains("0 findings, 1 to check"))
        #expect(project.stdout.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("CHECK") && $0.contains("详见附件") })
        let json = try ProjectTests.json(try LedgerProcess.run(["project", "inspections", "--json"], in: ledger.path))
        #expect(json["unclassified"] as? Int == 1 && json["findings"] as? Int == 0)
        let rows = try #require(json["inspections"] as? [[String: Any]])
        #expect(rows.first?["verdict"] as? String == "unclassified")
        let seq = try #require(rows.first?["seq"] as? Int)

        let audit = try LedgerProcess.run(["audit"], in: ledger.path)
        #expect(audit.stdout.contains("Needs a look: 1 inspection verdict") && audit.stdout.contains("seq \(seq)  2023-06  着装情况"))

        let corrected = try LedgerProcess.run(["correct", String(seq), "--set", "verdict=satisfactory", "--reason", "read the annex"], in: ledger.path)
        #expect(corrected.status == 0, "\(corrected.stderr)")
        let after = try ProjectTests.json(try LedgerProcess.run(["project", "inspections", "--json"], in: ledger.path))
        #expect(after["unclassified"] as? Int == 0)
        let auditAfter = try LedgerProcess.run(["audit", "--json"], in: ledger.path)
        #expect((try ProjectTests.json(auditAfter)["needsALook"] as? [Any])?.isEmpty == true)
        let report = try LedgerProcess.run(["report", "--out", "r.html"], in: ledger.path)
        #expect(report.status == 0)
    }
}
