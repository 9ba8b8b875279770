import Testing
import LedgerDomain
import LedgerFormats
@testable import LedgerParser

/// The forms other staff write a leader's visit in, each read into the same facts; a visit the
/// reader cannot be sure of is kept and warned about, never dropped and never made up.
@Suite("Visit wordings of other hands")
struct VisitWordingsTests {
    /// 2023 No. 6 with its 厅（局）长进大厅 sub-section replaced by `items`.
    static func issue(_ items: String) throws -> String {
        let lines = Fixtures.lines(try Fixtures.text("2023-06.txt"))
        let heading = try #require(lines.firstIndex(of: "（三）厅（局）长进大厅"))
        let next = try #require(lines.firstIndex(of: "四、大厅巡查情况"))
        return (lines[...heading] + [items] + lines[next...]).joined(separator: "\n")
    }

    struct Expected: Sendable {
        var date: String
        var department: String
        var person: String
        var titles: [String]
    }

    static func visits(_ items: String) throws -> (visits: [Bulletin.Visit], outcome: BulletinParser.Outcome, text: String) {
        let text = try issue(items)
        let outcome = Fixtures.parse(text)
        let bulletin = try #require(outcome.bulletin)
        LineAccountTests.expectWhole(text, outcome, items)
        return (bulletin.visits, outcome, text)
    }

    static func expect(_ visits: [Bulletin.Visit], _ expected: [Expected], _ comment: String) {
        #expect(visits.map { "\($0.date)" } == expected.map(\.date), "\(comment)")
        #expect(visits.map(\.department.canonical) == expected.map(\.department), "\(comment)")
        #expect(visits.map(\.person) == expected.map(\.person), "\(comment)")
        #expect(visits.map(\.titles) == expected.map(\.titles), "\(comment)")
    }

    static let oneVisit: [(String, Expected)] = [
        ("（1）2月14日下午，司法厅党委委员、副厅长王飙来到司法厅窗口调研。",
         Expected(date: "2023-02-14", department: "司法厅", person: "王飙", titles: ["党委委员", "副厅长"])),
        ("（1）\n2月\n14日，司法厅副厅长王飙来到司法厅窗口调研。",
         Expected(date: "2023-02-14", department: "司法厅", person: "王飙", titles: ["副厅长"])),
        ("（1）2月\n14日，司法厅副厅长王飙来到司法厅窗口调研。",
         Expected(date: "2023-02-14", department: "司法厅", person: "王飙", titles: ["副厅长"])),
        ("（1）2023年2月14日，司法厅副厅长王飙来到司法厅窗口调研。",
         Expected(date: "2023-02-14", department: "司法厅", person: "王飙", titles: ["副厅长"])),
        ("（1）司法厅党委委员、副厅长王飙于2月14日来到司法厅窗口调研。",
         Expected(date: "2023-02-14", department: "司法厅", person: "王飙", titles: ["党委委员", "副厅长"])),
        ("（1）2月14日（星期二）上午，司法厅副厅长王飙来到司法厅窗口调研。",
         Expected(date: "2023-02-14", department: "司法厅", person: "王飙", titles: ["副厅长"])),
        ("（1）2月14日（周二），司法厅副厅长王飙莅临司法厅窗口。",
         Expected(date: "2023-02-14", department: "司法厅", person: "王飙", titles: ["副厅长"])),
        ("（1）2月14日，司法厅王飙副厅长来到司法厅窗口调研。",
         Expected(date: "2023-02-14", department: "司法厅", person: "王飙", titles: ["副厅长"])),
        ("（1）2月14日，省司法厅副厅长王飙督导司法厅窗口工作。",
         Expected(date: "2023-02-14", department: "司法厅", person: "王飙", titles: ["副厅长"])),
        ("（1）2月14日，四川省司法厅副厅长王飙一行调研司法厅窗口。",
         Expected(date: "2023-02-14", department: "司法厅", person: "王飙", titles: ["副厅长"])),
        ("（1）2月14日，司法厅一级巡视员王飙带领相关处室负责人到窗口检查。",
         Expected(date: "2023-02-14", department: "司法厅", person: "王飙", titles: ["一级巡视员"])),
        ("1. 2月14日，司法厅副厅长王飙等来到司法厅窗口调研。",
         Expected(date: "2023-02-14", department: "司法厅", person: "王飙", titles: ["副厅长"])),
    ]

    @Test("one leader, in the forms staff write", arguments: oneVisit.indices)
    func oneLeader(_ index: Int) throws {
        let (items, expected) = Self.oneVisit[index]
        let (visits, outcome, _) = try Self.visits(items)
        Self.expect(visits, [expected], items)
        #expect(!outcome.diagnostics.contains { $0.kind == .unplaced }, "\(items): \(outcome.diagnostics.map(\.message))")
    }

    @Test("several leaders in one item: one visit each, no name lost among another's titles")
    func severalLeaders() throws {
        let forms = [
            "（1）2月14日，司法厅党组书记、厅长张三，副厅长王飙一行来到司法厅窗口调研。",
            "（1）2月14日，司法厅厅长张三、副厅长王飙一行来到司法厅窗口调研。",
            "（1）司法厅厅长张三、副厅长王飙于2月14日来到司法厅窗口调研。",
            "（1）2月14日，司法厅张三厅长、王飙副厅长来到司法厅窗口调研。",
        ]
        for items in forms {
            let (visits, _, _) = try Self.visits(items)
            #expect(visits.map(\.person) == ["张三", "王飙"], "\(items)")
            #expect(visits.allSatisfy { $0.department.canonical == "司法厅" && "\($0.date)" == "2023-02-14" }, "\(items)")
            #expect(visits.last?.titles == ["副厅长"], "\(items)")
        }
    }

    @Test("leaders of two departments in one sentence: each visit under its own department (a new user's trial)", arguments: [
        "（1）2月15日，交通运输厅副厅长张勇和水利厅副厅长王五一同来到大厅调研。",
        "（1）2月15日，交通运输厅副厅长张勇、水利厅副厅长王五来到大厅调研。",
        "（1）2月15日，交通运输厅副厅长张勇与水利厅副厅长王五一起来到大厅调研。",
    ])
    func twoDepartments(items: String) throws {
        let (visits, outcome, _) = try Self.visits(items)
        Self.expect(visits, [
            Expected(date: "2023-02-15", department: "交通运输厅", person: "张勇", titles: ["副厅长"]),
            Expected(date: "2023-02-15", department: "水利厅", person: "王五", titles: ["副厅长"]),
        ], items)
        #expect(!outcome.diagnostics.contains { $0.severity >= .warning }, "\(outcome.diagnostics)")
    }

    @Test("a name holding 和 is not cut at it; 一同 is never part of a name")
    func conjunctionInAName() throws {
        let (visits, _, _) = try Self.visits("（1）2月15日，水利厅副厅长张和平一同来到水利窗口调研。")
        Self.expect(visits, [Expected(date: "2023-02-15", department: "水利厅", person: "张和平", titles: ["副厅长"])], "张和平")
    }

    @Test("a sentence dated 同日 is a visit on the date of the one before it (a new user's trial: it was lost)")
    func sameDay() throws {
        let (visits, outcome, _) = try Self.visits(
            "（1）2月15日，交通运输厅副厅长张勇来到交通运输窗口调研。同日，水利厅副厅长王五来到水利窗口调研。")
        Self.expect(visits, [
            Expected(date: "2023-02-15", department: "交通运输厅", person: "张勇", titles: ["副厅长"]),
            Expected(date: "2023-02-15", department: "水利厅", person: "王五", titles: ["副厅长"]),
        ], "同日")
        #expect(!outcome.diagnostics.contains { $0.severity >= .warning }, "\(outcome.diagnostics)")
    }

    @Test("同日 with no read visit before it: kept and warned about, never dated by a guess")
    func sameDayAlone() throws {
        let (visits, outcome, _) = try Self.visits("（1）同日，水利厅副厅长王五来到水利窗口调研。")
        #expect(visits.isEmpty)
        #expect(outcome.diagnostics.contains { $0.severity == .warning }, "\(outcome.diagnostics)")
    }

    @Test("two visits in one item, each with its own date and department")
    func twoVisitsInOneItem() throws {
        let (visits, outcome, _) = try Self.visits(
            "（1）2月14日，司法厅副厅长王飙来到司法厅窗口调研。2月15日，应急厅副厅长周彤来到应急窗口调研。")
        Self.expect(visits, [
            Expected(date: "2023-02-14", department: "司法厅", person: "王飙", titles: ["副厅长"]),
            Expected(date: "2023-02-15", department: "应急管理厅", person: "周彤", titles: ["副厅长"]),
        ], "two visits")
        #expect(!outcome.diagnostics.contains { $0.kind == .unplaced })
    }

    @Test("a department in no table: kept as written, flagged unregistered")
    func unregisteredDepartment() throws {
        let (visits, _, _) = try Self.visits("（1）2月14日，天府新区管委会副主任王飙来到大厅调研。")
        #expect(visits.map(\.person) == ["王飙"])
        #expect(visits.first?.department.isRegistered == false)
        #expect(visits.first?.department.asWritten == "天府新区管委会")
    }

    @Test("a person is never a title word, a collective or empty: unsure means kept and warned")
    func neverAPersonByGuess() throws {
        let unsure = [
            "（1）2月14日，司法厅副厅长一行来到司法厅窗口调研。",
            "（1）2月14日，司法厅相关负责同志来到司法厅窗口调研。",
            "（1）2月14日，司法厅领导来到司法厅窗口调研。",
        ]
        for items in unsure {
            let (visits, outcome, _) = try Self.visits(items)
            #expect(visits.isEmpty, "\(items): \(visits.map(\.person))")
            #expect(outcome.bulletin?.unplaced.contains { $0.text.contains("司法厅") && $0.section == "厅（局）长进大厅" } == true, "\(items)")
            #expect(outcome.diagnostics.contains { $0.severity == .warning && $0.kind == .unplaced }, "\(items)")
        }
    }

    @Test("a visit that cannot be read beside one that can: warned about, its text kept, never lost")
    func unreadableBesideReadable() throws {
        let items = "（1）2月14日，司法厅副厅长王飙来到司法厅窗口调研。2月15日，应急厅有关领导来到应急窗口调研。"
        let (visits, outcome, _) = try Self.visits(items)
        #expect(visits.map(\.person) == ["王飙"])
        let warning = try #require(outcome.diagnostics.first { $0.message.contains("2月15日") })
        #expect(warning.severity == .warning)
        let kept = (outcome.bulletin?.unplaced.map(\.text) ?? []) + visits.map(\.provenance.text)
        #expect(kept.contains { $0.contains("应急厅有关领导") })
    }
}

/// Facts are named in an issue by their identity (``FactIdentity``); two leaders of one
/// department on one day are two facts, each shown when a new document of the issue adds them.
@Suite("Fact identity")
struct FactIdentityTests {
    @Test("two visits of one department on one day: two keys, the second `#2`; a fact alone keeps its plain key")
    func twoVisitsOneDay() {
        var taken: [String: Int] = [:]
        let payloads: [JSONObject] = [
            ["department": "人力资源社会保障厅", "date": "2023-02-16", "person": "张三"],
            ["department": "人力资源社会保障厅", "date": "2023-02-16", "person": "李四"],
            ["department": "交通运输厅", "date": "2023-02-15", "person": "张勇"],
        ]
        var keys: [String] = []
        for (index, payload) in payloads.enumerated() {
            let key = FactIdentity.key(type: EventType.visitRecorded, payload: payload, index: index, distinctFrom: taken)
            taken[key] = index
            keys.append(key)
        }
        #expect(keys == ["visit.recorded 人力资源社会保障厅 2023-02-16", "visit.recorded 人力资源社会保障厅 2023-02-16 #2",
                         "visit.recorded 交通运输厅 2023-02-15"])
    }

    @Test("a new document adding two leaders of one department on one day shows both as added")
    func bothAdded() throws {
        let events = ["张三", "李四"].map { person in
            NewEvent(type: EventType.visitRecorded, valid: CalendarDate(year: 2023, month: 2, day: 16),
                     payload: ["department": "人力资源社会保障厅", "date": "2023-02-16", "person": .string(person)])
        }
        let header = NewEvent(type: EventType.issuePublished, valid: CalendarDate(year: 2023, month: 2, day: 17), payload: [:])
        let differences = IngestPlanner.structuredDifferences(old: [:], new: [header] + events)
        #expect(differences.filter { $0.kind == "added" }.count == 2, "\(differences.map(\.description))")
    }
}
