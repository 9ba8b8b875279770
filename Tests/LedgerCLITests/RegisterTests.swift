import Foundation
import Testing

/// Users extend the department registry without a rebuild.
@Suite("Registering departments")
struct RegisterTests {
    @Test func aliasesAndNewDepartments() throws {
        let ledger = try ProjectTests.ledger()
        let alias = try LedgerProcess.run(["register", "应急厅", "--alias", "应急局", "--reason", "used by the 2024 bulletins"], in: ledger.path)
        #expect(alias.status == 0, "\(alias.stderr)")
        #expect(alias.stdout.contains("added 应急局 as names of 应急管理厅"))
        let visits = try ProjectTests.json(try LedgerProcess.run(["project", "visits", "--department", "应急局", "--json"], in: ledger.path))
        #expect((visits["visits"] as? [[String: Any]])?.map { $0["person"] as? String } == ["周彤"])

        let added = try LedgerProcess.run(["register", "新区管委会", "--alias", "新区", "--reason", "stationed in 2024"], in: ledger.path)
        #expect(added.status == 0, "\(added.stderr)")
        let text = try IngestTests.fixture("2023-06.txt")
            .replacingOccurrences(of: "2023年第 6期（总第 426期）", with: "2023年第 7期（总第 427期）")
            .replacingOccurrences(of: "2 月 14 日下午，司法厅党委委员、副厅长王飙来到", with: "2 月 14 日下午，新区管委会副主任张三来到")
        ledger.write("new.txt", Data(text.utf8))
        #expect(try LedgerProcess.run(["ingest", "new.txt"], in: ledger.path).status == 0)
        let log = String(decoding: ledger.read("EventLog/events.jsonl"), as: UTF8.self)
        #expect(log.contains(#""asWritten":"新区管委会","date":"2023-02-14","department":"新区管委会","person":"张三","registered":true"#))
        let departments = try LedgerProcess.run(["project", "departments"], in: ledger.path)
        #expect(departments.stdout.contains("新区管委会") && !departments.stdout.contains("新区管委会 (unregistered)"))
        let audit = try LedgerProcess.run(["audit", "--department", "新区"], in: ledger.path)
        #expect(audit.stdout.contains("register 新区管委会"))
    }

    @Test("a name another department has is refused, and nothing is written")
    func conflicts() throws {
        let ledger = try ProjectTests.ledger()
        let before = IngestTests.snapshot(ledger)
        let taken = try LedgerProcess.run(["register", "公安厅", "--alias", "司法厅", "--reason", "r"], in: ledger.path)
        #expect(taken.status == 65)
        #expect(taken.stderr.contains("司法厅 (already 司法厅)"))
        let noReason = try LedgerProcess.run(["register", "新部门"], in: ledger.path)
        #expect(noReason.status == 64)
        #expect(IngestTests.snapshot(ledger) == before)
    }
}
