import Foundation
import Testing

/// A ledger written by the previous release (format 1, `Fixtures/format1-ledger`: the committed
/// ledger as it stood before format 2) is read, verified, appended to in its own format, and
/// migrated, with the chain of custody from the old head to the new log.
@Suite("Log formats: a format-1 ledger made by the previous release")
struct LogFormatTests {
    static let fixture = LedgerProcess.repositoryRoot + "/Tests/LedgerCLITests/Fixtures/format1-ledger"

    /// A copy of the fixture in a temporary directory.
    static func copy() throws -> TemporaryDirectory {
        let directory = TemporaryDirectory()
        for part in ["EventLog", "Snapshots"] {
            try FileManager.default.copyItem(atPath: fixture + "/" + part, toPath: directory.file(part))
        }
        return directory
    }

    static func head(_ ledger: TemporaryDirectory) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: ledger.read("EventLog/HEAD")) as? [String: Any])
    }

    /// `ledger log`, without the log.migrated record a migrated log begins with.
    static func events(_ ledger: TemporaryDirectory) throws -> [String] {
        let log = try LedgerProcess.run(["log"], in: ledger.path)
        #expect(log.status == 0, "\(log.stderr)")
        let entries = ("\n" + log.stdout).components(separatedBy: "\n#").dropFirst()
        return entries.filter { !$0.hasPrefix("0 ") }
    }

    @Test("is read, verified and appended to in its own format")
    func readVerifiedAppended() throws {
        let ledger = try Self.copy()
        #expect(try Self.head(ledger)["format"] as? Int == 1)
        let verify = try LedgerProcess.run(["verify"], in: ledger.path)
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        let answer = try LedgerProcess.run(["project", "authorization"], in: ledger.path)
        #expect(answer.stdout.contains("82.2%"), "\(answer.stdout)\(answer.stderr)")
        let show = try LedgerProcess.run(["show", "3"], in: ledger.path)
        #expect(show.stdout.contains("14 | 件；公共服务事项受理 157350件"), "\(show.stdout)")

        let register = try LedgerProcess.run(["register", "--publisher", "某某政务服务中心", "--reason", "a test of format 1"], in: ledger.path)
        #expect(register.status == 0, "\(register.stderr)")
        #expect(try Self.head(ledger)["format"] as? Int == 1)
        #expect(try Self.head(ledger)["seq"] as? Int == 41)
        let last = try #require(String(decoding: ledger.read("EventLog/events.jsonl"), as: UTF8.self).split(separator: "\n").last)
        #expect(last.contains(#""seq":41,"#) && last.contains(#""prev":""#) && last.contains(#""batch":{"first":41,"count":1,"#), "\(last)")
        #expect(try LedgerProcess.run(["verify"], in: ledger.path).status == 0)
        #expect(try AuditScriptTests.run("audit:sh", in: ledger.path).stdout.hasPrefix("chain intact: 41 records"))
        if AuditScriptTests.pythonAvailable {
            #expect(try AuditScriptTests.run("audit:python", in: ledger.path).stdout.hasPrefix("chain intact: 41 records"))
        }
    }

    @Test("is migrated to format 2: every event says what it said, the old log is kept, seq 0 names the old head")
    func migrated() throws {
        let ledger = try Self.copy()
        let old = ledger.read("EventLog/events.jsonl")
        let oldHead = try Self.head(ledger)
        let before = try Self.events(ledger)
        #expect(before.count == 40)
        let answerBefore = try LedgerProcess.run(["project", "authorization", "--json"], in: ledger.path).stdout

        let refused = try LedgerProcess.run(["migrate"], in: ledger.path)
        #expect(refused.status == 64 && refused.stderr.contains("--reason"), "\(refused.stderr)")
        #expect(ledger.read("EventLog/events.jsonl") == old)

        let migrate = try LedgerProcess.run(["migrate", "--reason", "format 2"], in: ledger.path)
        #expect(migrate.status == 0, "\(migrate.stderr)")
        #expect(migrate.stdout.contains("rewrote the log in format 2: 40 events"), "\(migrate.stdout)")
        let head = try Self.head(ledger)
        #expect(head["format"] as? Int == 2 && head["seq"] as? Int == 40)
        let new = ledger.read("EventLog/events.jsonl")
        #expect(new.count * 2 < old.count + old.count / 5, "\(new.count) bytes from \(old.count)")

        // The old log, whole, in the archive; the first record names its head.
        let archived = try FileManager.default.contentsOfDirectory(atPath: ledger.file("EventLog/archive"))
        #expect(archived.count == 1)
        #expect(ledger.read("EventLog/archive/" + archived[0]) == old)
        let first = try #require(String(decoding: new, as: UTF8.self).split(separator: "\n").first)
        #expect(first.hasPrefix(#"{"seq":0,"#) && first.contains(#""type":"log.migrated""#), "\(first)")
        #expect(first.contains(#""hash":"\#(oldHead["hash"] as? String ?? "?")","seq":40"#), "\(first)")
        #expect(first.contains(#""reason":"format 2""#))

        // Every event, as `log` prints it, and every answer but its head, as before.
        #expect(try Self.events(ledger) == before)
        let answerAfter = try LedgerProcess.run(["project", "authorization", "--json"], in: ledger.path).stdout
        func withoutHead(_ json: String) -> String { json.components(separatedBy: "\"head\"")[0] }
        #expect(withoutHead(answerAfter) == withoutHead(answerBefore))
        let show = try LedgerProcess.run(["show", "3"], in: ledger.path)
        #expect(show.stdout.contains("14 | 件；公共服务事项受理 157350件"), "\(show.stdout)")
        #expect(try LedgerProcess.run(["verify"], in: ledger.path).status == 0)
        #expect(try AuditScriptTests.run("audit:sh", in: ledger.path).stdout.hasPrefix("chain intact: 41 records"))
        if AuditScriptTests.pythonAvailable {
            #expect(try AuditScriptTests.run("audit:python", in: ledger.path).stdout.hasPrefix("chain intact: 41 records"))
        }

        // The migration is in the audit trail: who, when, why, from which format to where the old log is kept.
        let audit = try LedgerProcess.run(["audit"], in: ledger.path)
        #expect(audit.stdout.contains("seq 0 ") && audit.stdout.contains("rewrite the log in format 2"), "\(audit.stdout)")
        #expect(audit.stdout.contains("format: 1 → 2") && audit.stdout.contains("EventLog/archive/events.format1.to-seq-40."), "\(audit.stdout)")
        #expect(audit.stdout.contains("format 2"), "\(audit.stdout)")
        let chinese = try LedgerProcess.run(["audit"], in: ledger.path, environment: ["LANG": "zh_CN.UTF-8"])
        #expect(chinese.stdout.contains("将日志改写为格式 2"), "\(chinese.stdout)")

        // Appends go on in format 2; a second migrate changes nothing.
        #expect(try LedgerProcess.run(["register", "--publisher", "某某政务服务中心", "--reason", "after"], in: ledger.path).status == 0)
        let appended = try #require(String(decoding: ledger.read("EventLog/events.jsonl"), as: UTF8.self).split(separator: "\n").last)
        #expect(appended.contains(#""seq":41,"#) && !appended.contains(#""prev":""#) && appended.contains(#""batch":{"count":1,"#), "\(appended)")
        let again = try LedgerProcess.run(["migrate", "--reason", "again"], in: ledger.path)
        #expect(again.status == 0 && again.stdout.contains("already in format 2"), "\(again.stdout)")
        #expect(try LedgerProcess.run(["verify"], in: ledger.path).status == 0)
    }

    @Test("an edited format-1 log is refused by migrate, and nothing changes")
    func damagedRefused() throws {
        let ledger = try Self.copy()
        var text = String(decoding: ledger.read("EventLog/events.jsonl"), as: UTF8.self)
        text = text.replacingOccurrences(of: "受理 157350件", with: "受理 157351件")
        ledger.write("EventLog/events.jsonl", Data(text.utf8))
        let before = ledger.read("EventLog/events.jsonl")
        let migrate = try LedgerProcess.run(["migrate", "--reason", "format 2"], in: ledger.path)
        #expect(migrate.status != 0)
        #expect(migrate.stderr.contains("damaged") && migrate.stderr.contains("ledger verify"), "\(migrate.stderr)")
        #expect(ledger.read("EventLog/events.jsonl") == before)
        #expect(try Self.head(ledger)["format"] as? Int == 1)
        #expect(!FileManager.default.fileExists(atPath: ledger.file("EventLog/archive")))
        #expect(!FileManager.default.fileExists(atPath: ledger.file("EventLog/events.jsonl.migrating")))
    }
}
