import Testing
import LedgerDomain
import LedgerFormats
@testable import LedgerProjections

/// An answer shows the latest year by default, one year with `--year`, every year with `--all`;
/// a snapshot keeps each history by year so that a question reads only the year it shows.
@Suite("Years shown, and snapshots by year")
struct YearSelectionTests {
    /// 2023 No. 2 and No. 6, 2024 No. 2, 2025 No. 3: four reports over three years.
    static func records() throws -> [EventRecord] {
        let later = [(2024, 2, 470, "2024年 1月 15日", "（1月 8日—1月 12日）", "2024年 1月 12日"),
                     (2025, 3, 520, "2025年 1月 20日", "（1月 13日—1月 17日）", "2025年 1月 17日")]
        var batches = [try LedgerFixtures.events(try LedgerFixtures.text("2023-02.txt")),
                       try LedgerFixtures.events(try LedgerFixtures.text("2023-06.txt"))]
        for (year, number, serial, published, period, through) in later {
            batches.append(try LedgerFixtures.events(try LedgerFixtures.variant(
                year: year, number: number, serial: serial, published: published, period: period, through: through)))
        }
        return LedgerFixtures.records(batches)
    }

    @Test("the latest year by default, one year with .year, every year with .all; the summary is the same in each")
    func selections() throws {
        let state = LedgerFixtures.state(try Self.records())
        let registry = DepartmentRegistry.standard
        let latest = AuthorizationProjection(state, registry: registry, years: .latest)
        #expect(latest.history.map(\.issue) == ["2025-03"])
        #expect(latest.coverage.year == 2025 && latest.coverage.years == [2023, 2024, 2025] && latest.coverage.hidesYears)
        let one = AuthorizationProjection(state, registry: registry, years: .year(2023))
        #expect(one.history.map(\.issue) == ["2023-06"])
        let all = AuthorizationProjection(state, registry: registry, years: .all)
        #expect(all.history.map(\.issue) == ["2023-06", "2024-02", "2025-03"])
        #expect(!all.coverage.hidesYears && all.coverage.year == nil)
        for projection in [latest, one, all] {
            #expect(projection.latest?.issue == "2025-03")
            #expect(projection.authorizedDepartments.map(\.department) == latest.authorizedDepartments.map(\.department))
        }
        #expect(AuthorizationProjection(state, registry: registry, years: .year(1999)).history.isEmpty)

        #expect(WindowProjection(state, years: .latest).history.map(\.issue) == ["2025-03"])
        #expect(WindowProjection(state, years: .all).history.count == 3)
        #expect(WindowProjection(state, years: .year(2024)).latest?.issue == "2025-03")
        #expect(IssuesProjection(state, years: .latest).issues.map(\.key) == ["2025-03"])
        #expect(IssuesProjection(state, years: .year(2023)).issues.map(\.key) == ["2023-02", "2023-06"])
        #expect(IssuesProjection(state, years: .year(2023)).gaps == ["2023-03", "2023-04", "2023-05"])
        #expect(IssuesProjection(state, years: .all).issues.count == 4)
        let inspections = InspectionsProjection(state, years: .latest)
        #expect(!inspections.inspections.isEmpty && inspections.inspections.allSatisfy { $0.through.year == 2025 })
        #expect(InspectionsProjection(state, years: .all).inspections.count == state.inspections.count)
        let totals = TotalsProjection(state, years: .latest)
        #expect(totals.year == 2025 && totals.reports.map(\.issue) == ["2025-03"])
        #expect(TotalsProjection(state, years: .year(2023)).issue == "2023-06")
        let every = TotalsProjection(state, years: .all)
        #expect(every.year == 2025 && every.reports.map(\.issue) == ["2023-02", "2023-06", "2024-02", "2025-03"])
        #expect(TotalsProjection.everyYear(state).map(\.year) == [2023, 2024, 2025])
        let visits = VisitsProjection(state, registry: registry, years: .latest)
        #expect(visits.visits.allSatisfy { $0.date.year == visits.coverage.year })
        #expect(VisitsProjection(state, registry: registry, years: .all).visits.count == state.visits.count)
    }

    @Test("the JSON says which years it covers, and keeps every key it had")
    func coverageJSON() throws {
        let state = LedgerFixtures.state(try Self.records())
        let document = AuthorizationProjection(state, registry: .standard, years: .latest).json(asOf: nil)
        #expect(document["coverage"] == .object(["all": .bool(false), "year": .int(2025), "firstYear": .int(2023),
                                                 "lastYear": .int(2025), "years": .int(3)]))
        for key in ["asOf", "through", "issue", "stationed", "authorized", "unauthorized", "share", "seq", "newlyAuthorized",
                    "authorizedDepartments", "history"] {
            #expect(document[key] != nil, "\(key)")
        }
        let all = WindowProjection(state, years: .all).json(asOf: nil)
        #expect(all["coverage"]?["all"] == .bool(true) && all["coverage"]?["year"] == .null)
        let totals = TotalsProjection(state, years: .year(2024)).json(asOf: nil)
        #expect(totals["coverage"]?["year"] == .int(2024) && totals["reports"]?.array?.count == 1)
        let empty = IssuesProjection(HallState(), years: .latest).json(asOf: nil)
        #expect(empty["coverage"] == .object(["all": .bool(false), "year": .null, "firstYear": .null, "lastYear": .null,
                                              "years": .int(0)]))
    }

    @Test("each history is kept by year: every year read back is the state; the last year and the rest answer as the whole, at every cut point")
    func snapshotByYear() throws {
        let records = try Self.records()
        let whole = LedgerFixtures.state(records)
        let names = ["authorization", "totals", "window", "visits", "inspections", "issues"]
        for cut in 0...records.count {
            let prefix = LedgerFixtures.state(Array(records[..<cut]))
            var every: [HallState.Part: [(year: Int?, bytes: [UInt8])]] = [:]
            var last: [HallState.Part: [(year: Int?, bytes: [UInt8])]] = [:]
            var omitted: [HallState.Part: Set<Int>] = [:]
            for part in HallState.Part.allCases {
                guard part.isYearly else {
                    every[part] = [(nil, prefix.snapshotPart(part))]
                    last[part] = every[part]
                    continue
                }
                let years = prefix.snapshotYears(part)
                #expect(years.flatMap { JSONParser.rows($0.bytes) } .count == JSONParser.rows(prefix.snapshotPart(part)).count)
                every[part] = years.map { ($0.year, $0.bytes) }
                last[part] = years.suffix(1).map { ($0.year, $0.bytes) }
                omitted[part] = Set(years.dropLast().map(\.year))
            }
            let restored = try #require(HallState(snapshotSegments: every, omittedYears: [:], head: prefix.head, recordCount: prefix.recordCount))
            #expect(restored == prefix, "cut \(cut)")
            var latest = try #require(HallState(snapshotSegments: last, omittedYears: omitted, head: prefix.head,
                                                recordCount: prefix.recordCount))
            for record in records[cut...] { latest.apply(record) }
            for name in names {
                #expect(Self.answer(name, latest) == Self.answer(name, whole), "\(name), cut \(cut)")
            }
        }
    }

    @Test("a year's segment holding a row of another year is refused")
    func rowOfAnotherYear() throws {
        let state = LedgerFixtures.state(try Self.records())
        let years = state.snapshotYears(.authorizations)
        #expect(years.map(\.year) == [2023, 2024, 2025])
        var segments: [HallState.Part: [(year: Int?, bytes: [UInt8])]] = [.registered: [(nil, state.snapshotPart(.registered))]]
        segments[.authorizations] = [(2024, years[0].bytes)]
        #expect(HallState(snapshotSegments: segments, omittedYears: [:], head: state.head, recordCount: state.recordCount) == nil)
        segments[.authorizations] = [(2023, years[0].bytes)]
        #expect(HallState(snapshotSegments: segments, omittedYears: [:], head: state.head, recordCount: state.recordCount) != nil)
        segments[.newlyAuthorized] = [(2023, state.snapshotPart(.newlyAuthorized))]
        #expect(HallState(snapshotSegments: segments, omittedYears: [:], head: state.head, recordCount: state.recordCount) == nil,
                "a part that is not kept by year has no years")
    }

    /// One projection's JSON with the latest year shown.
    static func answer(_ name: String, _ state: HallState) -> String {
        let registry = state.registry
        let document: JSONObject
        switch name {
        case "authorization": document = AuthorizationProjection(state, registry: registry, years: .latest).json(asOf: nil)
        case "totals": document = TotalsProjection(state, years: .latest).json(asOf: nil)
        case "window": document = WindowProjection(state, years: .latest).json(asOf: nil)
        case "visits": document = VisitsProjection(state, registry: registry, years: .latest).json(asOf: nil)
        case "inspections": document = InspectionsProjection(state, years: .latest).json(asOf: nil)
        default: document = IssuesProjection(state, years: .latest).json(asOf: nil)
        }
        return JSONWriter.string(.object(document))
    }
}

extension JSONParser {
    /// The rows of a snapshot part's array.
    static func rows(_ bytes: [UInt8]) -> [JSONValue] {
        (try? parse(bytes))?.array ?? []
    }
}
