import Foundation
import Testing

/// Date options accept the forms the centre's staff write, through the binary.
@Suite("Date options as people write them")
struct DateFormsTests {
    @Test("--as-of in Chinese, slashed and full-width forms answers as the ISO form does")
    func asOfForms() throws {
        let ledger = try ProjectTests.ledger()
        let iso = try LedgerProcess.run(["project", "authorization", "--as-of", "2023-01-20", "--json"], in: ledger.path)
        #expect(iso.status == 0, "\(iso.stderr)")
        for form in ["2023年1月20日", "2023/1/20", "2023.1.20", "２０２３年１月２０日", "2023 年 1 月 20 日"] {
            let result = try LedgerProcess.run(["project", "authorization", "--as-of", form, "--json"], in: ledger.path)
            #expect(result.status == 0, "\(form): \(result.stderr)")
            #expect(result.stdout == iso.stdout, "\(form)")
        }
    }

    @Test("--known-at and audit --since take a date and time")
    func instantForms() throws {
        let ledger = try ProjectTests.ledger()
        let known = try LedgerProcess.run(["project", "issues", "--known-at", "2099年1月1日 10:00"], in: ledger.path)
        #expect(known.status == 0, "\(known.stderr)")
        #expect(known.stdout.contains("2023-06"))
        let audit = try LedgerProcess.run(["audit", "--since", "2000/1/1", "--until", "2099/12/31 23:00"], in: ledger.path)
        #expect(audit.status == 0, "\(audit.stderr)")
        #expect(audit.stdout.contains("ingest"))
    }

    @Test("an impossible date is a usage error that shows the accepted forms", arguments: [
        ["project", "authorization", "--as-of", "2023-02-30"],
        ["project", "authorization", "--as-of", "2023年13月1日"],
        ["report", "--known-at", "2023/2/30 10:00", "--out", "r.html"],
        ["audit", "--since", "2023-13-01"],
    ])
    func impossibleDate(_ arguments: [String]) throws {
        let ledger = try ProjectTests.ledger()
        let result = try LedgerProcess.run(arguments, in: ledger.path)
        #expect(result.status == 64)
        #expect(result.stderr.contains("2023/2/20"), "\(result.stderr)")
        #expect(result.stderr.contains("2023年2月20日"), "\(result.stderr)")
    }

    @Test("correct --set date= takes the same forms")
    func correctDate() throws {
        let ledger = try ProjectTests.ledger()
        let visits = try ProjectTests.json(try LedgerProcess.run(["project", "visits", "--json"], in: ledger.path))
        let first = try #require((visits["visits"] as? [[String: Any]])?.first)
        let seq = try #require(first["seq"] as? Int)
        let bad = try LedgerProcess.run(["correct", String(seq), "--set", "date=2023年2月30日", "--reason", "r"], in: ledger.path)
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("2023年2月20日"), "\(bad.stderr)")
        let good = try LedgerProcess.run(["correct", String(seq), "--set", "date=2023年2月1日", "--reason", "typo"], in: ledger.path)
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains("→ 2023-02-01"), "\(good.stdout)")
    }
}
