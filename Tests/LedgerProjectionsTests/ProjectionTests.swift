import Foundation
import Testing
import LedgerDomain
@testable import LedgerProjections
import LedgerParser
import LedgerFormats

@Suite("Projections over the two real issues")
struct ProjectionTests {
    let records: [EventRecord]

    init() throws {
        records = LedgerFixtures.records([
            try LedgerFixtures.events(try LedgerFixtures.text("2023-02.txt")),
            try LedgerFixtures.events(try LedgerFixtures.text("2023-06.txt")),
        ])
    }

    func date(_ text: String) -> CalendarDate? { CalendarDate(iso: text) }

    @Test func authorizationNow() throws {
        let projection = AuthorizationProjection(LedgerFixtures.state(records), registry: .standard)
        let latest = try #require(projection.latest)
        #expect(latest.issue == "2023-06")
        #expect(latest.stationed == 45)
        #expect(latest.authorized == 37)
        #expect(latest.unauthorized == 8)
        #expect(latest.share == "82.2")
        #expect(projection.newlyAuthorized.map(\.department) == ["地震局", "测绘地理信息局"])
        #expect(projection.newlyAuthorized.map(\.partial) == [false, true])
        #expect(projection.history.count == 1)
        let json = projection.json(asOf: nil)
        #expect(json["share"] == .number("82.2"))
        #expect(json["through"] == "2023-02-17")
    }

    @Test("as of dates before, between and after the two issues", arguments: [
        ("2023-01-05", nil, nil, 0),
        ("2023-01-13", nil, "2023-02", 3),
        ("2023-02-10", nil, "2023-02", 3),
        ("2023-02-17", "2023-06", "2023-06", 4),
        ("2030-01-01", "2023-06", "2023-06", 4),
    ] as [(String, String?, String?, Int)])
    func asOf(_ day: String, authorizationIssue: String?, totalsIssue: String?, visits: Int) throws {
        let filter = TimeFilter(asOf: date(day))
        let state = LedgerFixtures.state(records, filter)
        #expect(AuthorizationProjection(state, registry: .standard).latest?.issue == authorizationIssue)
        #expect(TotalsProjection(state).issue == totalsIssue)
        #expect(VisitsProjection(state, registry: .standard).visits.count == visits)
    }

    @Test func nothingReportedIsNullNotZero() {
        let state = LedgerFixtures.state(records, TimeFilter(asOf: date("2023-01-01")))
        let json = AuthorizationProjection(state, registry: .standard).json(asOf: date("2023-01-01"))
        #expect(json["stationed"] == .null)
        #expect(json["authorized"] == .null)
        #expect(TotalsProjection(state).json(asOf: nil)["categories"] == .null)
    }

    @Test func totalsAndTheChangeSincePrevious() throws {
        let totals = TotalsProjection(LedgerFixtures.state(records))
        #expect(totals.year == 2023)
        #expect(totals.issue == "2023-06")
        #expect(totals.categories["administrativeLicensing"]?.accepted == 62827)
        #expect(totals.categories["publicService"]?.completed == 491421)
        #expect(totals.sincePrevious?["administrativeLicensing"]?.accepted == 62827 - 26641)
        #expect(totals.categories["otherPowers"]?.completionRate == "104.9")
    }

    @Test func windowCounts() throws {
        let window = try #require(WindowProjection(LedgerFixtures.state(records)).latest)
        #expect(window.week == ["consultations": 618, "accepted": 116, "issued": 3189, "transferred": 6346])
        #expect(window.yearToDate["transferred"] == 8406)
    }

    @Test("visits are found under any alias of their department", arguments: ["应急厅", "应急管理厅", "四川省应急管理厅", "应急窗口"])
    func visitsByAlias(_ alias: String) {
        let visits = VisitsProjection(LedgerFixtures.state(records), registry: .standard, department: alias)
        #expect(visits.visits.map(\.person) == ["周彤"])
    }

    @Test func visitsPerDepartmentAndPerson() {
        let projection = VisitsProjection(LedgerFixtures.state(records), registry: .standard)
        #expect(projection.byDepartment.first?.department == "司法厅")
        #expect(projection.byDepartment.first?.count == 2)
        #expect(VisitsProjection(LedgerFixtures.state(records), registry: .standard, person: "王飙").visits.first?.date.description == "2023-02-14")
    }

    @Test func inspectionsAndIssues() {
        let state = LedgerFixtures.state(records)
        #expect(InspectionsProjection(state).inspections.count == 12)
        #expect(InspectionsProjection(state).findings == 0)
        let issues = IssuesProjection(state)
        #expect(issues.issues.map(\.key) == ["2023-02", "2023-06"])
        #expect(issues.gaps == ["2023-03", "2023-04", "2023-05"])
    }
}

@Suite("Order, years, snapshots")
struct ProjectionPropertyTests {
    func batches() throws -> [[NewEvent]] {
        let finding = try LedgerFixtures.variant(
            year: 2023, number: 7, serial: 427, published: "2023年 3月 6日", period: "（2月 20日—2月 24日）", through: "2023年 2月 24日",
            replacing: [("（一）按时到岗情况。总体情况良好。", "（一）按时到岗情况。发现 2名工作人员迟到。"),
                        ("已授权无差别综合窗口的 37个，占比为 82.2%，较上周新增 2个", "已授权无差别综合窗口的 38个，占比为 84.4%，较上周新增 1个"),
                        ("部门：省地震局、省测绘地理信息局（部分事项授权）；未授权", "部门：省测绘地理信息局；未授权"),
                        ("无差别综合窗口的 8个，占比为 17.8%", "无差别综合窗口的 7个，占比为 15.6%"),
                        ("受理 62827件", "受理 70001件")])
        return [
            try LedgerFixtures.events(try LedgerFixtures.text("2023-02.txt")),
            try LedgerFixtures.events(try LedgerFixtures.text("2023-06.txt")),
            try LedgerFixtures.events(finding),
        ]
    }

    @Test("ingesting the same issues in any order gives the same answers")
    func orderIndependence() throws {
        let batches = try batches()
        let expected = LedgerFixtures.answers(LedgerFixtures.state(LedgerFixtures.records(batches)))
        for order in [[0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]] {
            let state = LedgerFixtures.state(LedgerFixtures.records(order.map { batches[$0] }))
            // Seqs differ with the order; everything else must not.
            #expect(LedgerFixtures.answers(state).replacing(#/"seq":\d+/#, with: "") == expected.replacing(#/"seq":\d+/#, with: ""),
                    "order \(order)")
        }
    }

    @Test func laterIssueUpdatesAuthorizationAndShowsFindingsFirst() throws {
        let state = LedgerFixtures.state(LedgerFixtures.records(try batches()))
        let authorization = AuthorizationProjection(state, registry: .standard)
        #expect(authorization.latest?.authorized == 38)
        #expect(authorization.history.map(\.authorized) == [37, 38])
        // 测绘地理信息局 was partial in 2023-06 and named again, wholly, in 2023-07.
        let surveying = authorization.authorizedDepartments.first { $0.department == "测绘地理信息局" }
        #expect(surveying?.since.description == "2023-02-17")
        #expect(surveying?.partial == false)
        let inspections = InspectionsProjection(state)
        #expect(inspections.findings == 1)
        #expect(inspections.inspections.first?.verdict == .finding)
        #expect(inspections.inspections.first?.issue == "2023-07")
    }

    @Test("a new year starts from zero: totals of two years are never added together")
    func yearRollover() throws {
        let newYear = try LedgerFixtures.variant(year: 2024, number: 2, serial: 470, published: "2024年 1月 15日",
                                                 period: "（1月 8日—1月 12日）", through: "2024年 1月 12日",
                                                 replacing: [("受理 62827件", "受理 1200件"), ("办结 63468", "办结 1100")])
        var batches = try batches()
        batches.append(try LedgerFixtures.events(newYear))
        let state = LedgerFixtures.state(LedgerFixtures.records(batches))
        let totals = TotalsProjection(state)
        #expect(totals.year == 2024)
        #expect(totals.issue == "2024-02")
        #expect(totals.categories["administrativeLicensing"]?.accepted == 1200)
        #expect(totals.sincePrevious == nil)
        let previousYear = TotalsProjection(state, year: 2023)
        #expect(previousYear.issue == "2023-07")
        #expect(previousYear.categories["administrativeLicensing"]?.accepted == 70001)
    }

    /// The state read back from every part of its snapshot.
    static func roundTrip(_ state: HallState) -> HallState? {
        let parts = Dictionary(uniqueKeysWithValues: state.snapshotParts().map { ($0.part, $0.bytes) })
        return HallState(snapshotParts: parts, head: state.head, recordCount: state.recordCount)
    }

    @Test("snapshot then the rest equals everything, at every cut point; encode then decode is identity")
    func snapshotEquivalence() throws {
        let records = LedgerFixtures.records(try batches())
        let whole = LedgerFixtures.state(records)
        for cut in 0...records.count {
            let prefix = LedgerFixtures.state(Array(records[..<cut]))
            var restored = try #require(Self.roundTrip(prefix), "cut \(cut)")
            #expect(restored == prefix, "cut \(cut)")
            for (part, bytes) in prefix.snapshotParts() {
                #expect(bytes == JSONWriter.encode(.array(prefix.rows(of: part))), "the bytes of part \(part) at cut \(cut)")
            }
            for record in records[cut...] { restored.apply(record) }
            #expect(LedgerFixtures.answers(restored) == LedgerFixtures.answers(whole), "cut \(cut)")
        }
    }

    @Test("each projection answers the same from only the parts it declares, at every cut point",
          arguments: ["authorization", "totals", "window", "visits", "inspections", "departments", "issues"])
    func partialSnapshots(_ name: String) throws {
        let records = LedgerFixtures.records(try batches())
        let whole = LedgerFixtures.state(records)
        let needed = LedgerFixtures.parts(name).union([.registered])
        for cut in stride(from: 0, through: records.count, by: 3) {
            let prefix = LedgerFixtures.state(Array(records[..<cut]))
            let parts = Dictionary(uniqueKeysWithValues: prefix.snapshotParts().filter { needed.contains($0.part) }.map { ($0.part, $0.bytes) })
            var restored = try #require(HallState(snapshotParts: parts, head: prefix.head, recordCount: prefix.recordCount))
            #expect(restored.parts == needed)
            for record in records[cut...] { restored.apply(record) }
            #expect(LedgerFixtures.answer(name, restored) == LedgerFixtures.answer(name, whole), "\(name), cut \(cut)")
        }
    }

    @Test("a snapshot part that is damaged is refused, not trusted")
    func damagedSnapshotState() throws {
        let state = LedgerFixtures.state(LedgerFixtures.records(try batches()))
        var parts = Dictionary(uniqueKeysWithValues: state.snapshotParts().map { ($0.part, $0.bytes) })
        let visits = try #require(parts[.visits])
        #expect(String(decoding: visits, as: UTF8.self).hasPrefix("[["))
        parts[.visits] = Array("[[1,".utf8) + visits.dropFirst(2)
        #expect(HallState(snapshotParts: parts, head: state.head, recordCount: state.recordCount) == nil)
        parts[.visits] = Array(visits.dropLast())
        #expect(HallState(snapshotParts: parts, head: state.head, recordCount: state.recordCount) == nil)
        parts[.visits] = visits
        parts[.registered] = nil
        #expect(HallState(snapshotParts: parts, head: state.head, recordCount: state.recordCount) == nil, "registered is always read")
    }
}

@Suite("Recorded time")
struct RecordedTimeTests {
    @Test("--known-at before a superseding document shows the old figures, after it the new ones")
    func knownAtAcrossASupersession() throws {
        let original = try LedgerFixtures.text("2023-06.txt")
        let corrected = original.replacingOccurrences(of: "受理 62827件", with: "受理 62828件")
        let first = try LedgerFixtures.events(original)
        let firstRecords = LedgerFixtures.records([first])
        var history = IngestHistory()
        for record in firstRecords { history.apply(record) }
        let lines = corrected.components(separatedBy: "\n")
        let bulletin = try #require(BulletinParser.parse(lines: lines).bulletin)
        let events = bulletin.events(document: SHA256.hash(corrected), encoding: "utf-8", partial: false)
        guard case .append(let batch, _, let supersedes) = IngestPlanner.plan(bulletin, events: events, document: SHA256.hash(corrected),
                                                                              history: history, supersede: true) else {
            Issue.record("the corrected document should be appended")
            return
        }
        #expect(supersedes?.key == "2023-06")
        let records = LedgerFixtures.records([first, batch])
        let before = Instant(millisecondsSinceEpoch: records[0].recordedAt.millisecondsSinceEpoch + 30_000)
        let old = TotalsProjection(LedgerFixtures.state(records, TimeFilter(knownAt: before)))
        let new = TotalsProjection(LedgerFixtures.state(records))
        #expect(old.categories["administrativeLicensing"]?.accepted == 62827)
        #expect(new.categories["administrativeLicensing"]?.accepted == 62828)
        // The superseded document's facts are gone, not doubled.
        #expect(VisitsProjection(LedgerFixtures.state(records), registry: .standard).visits.count == 1)
        #expect(IssuesProjection(LedgerFixtures.state(records)).issues.count == 1)
    }
}
