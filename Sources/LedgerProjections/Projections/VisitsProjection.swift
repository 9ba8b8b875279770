import LedgerDomain
import LedgerFormats

/// Leader visits (厅（局）长进大厅), optionally for one department (any alias) or person.
public struct VisitsProjection: Sendable {
    public struct Visit: Sendable {
        public var date: CalendarDate
        public var department: String
        public var person: String
        public var titles: [String]
        public var issue: String
        public var seq: Int
    }

    /// The visits of the years shown (``coverage``), after the department and person filters.
    public var visits: [Visit]
    /// The visits shown per department, most first.
    public var byDepartment: [(department: String, count: Int)]
    /// The years ``visits`` covers, and every year with visits (that pass the filters).
    public var coverage: YearCoverage

    /// The parts of the state this projection reads (see ``HallState/Part``).
    public static let parts: Set<HallState.Part> = [.visits, .registered]

    /// Builds the projection; `department` may be any alias, `person` any part of a name, and
    /// `years` picks the years shown among the visits that pass those filters.
    public init(_ state: HallState, registry: DepartmentRegistry, department: String? = nil, person: String? = nil,
                years: YearSelection = .all) {
        state.require(Self.parts)
        let wanted = department.map { registry.resolve($0).canonical }
        var names = CanonicalNames(registry)
        let matching = state.visits.map { visit in
            Visit(date: visit.date, department: names.canonical(stored: visit.department, asWritten: visit.asWritten),
                  person: visit.person, titles: visit.titles, issue: visit.issue, seq: visit.seq)
        }
        .filter { visit in
            (wanted.map { visit.department == $0 } ?? true) && (person.map { visit.person.contains($0) } ?? true)
        }
        // A filter is answered from every year: the years not read might hold a match.
        let omitted = state.omittedYears[.visits] ?? []
        precondition(omitted.isEmpty || (department == nil && person == nil), "a filtered question reads every year")
        let coverage = YearCoverage(years, rowYears: matching.lazy.map(\.date.year), omitted: omitted)
        self.coverage = coverage
        visits = matching.filter { coverage.shows($0.date.year) }
            .sorted { ($0.date, $0.department, $0.person, $0.issue, $0.seq) < ($1.date, $1.department, $1.person, $1.issue, $1.seq) }
        let counts = Dictionary(grouping: visits, by: \.department).mapValues(\.count)
        byDepartment = counts.map { ($0.key, $0.value) }.sorted { ($1.count, $0.department) < ($0.count, $1.department) }
    }

    /// The `project visits --json` document (without `head`).
    public func json(asOf: CalendarDate?) -> JSONObject { stream(asOf: asOf).materializedObject }

    /// The same document, its visits made row by row as they are written.
    public func stream(asOf: CalendarDate?) -> JSONStream {
        .object([
            ("asOf", .value(.date(asOf))), ("coverage", .value(coverage.json)),
            ("visits", .rows(visits) { visit in
                .object(["date": .date(visit.date), "department": .string(visit.department), "person": .string(visit.person),
                         "titles": .array(visit.titles.map { .string($0) }), "issue": .string(visit.issue), "seq": .int(visit.seq)])
            }),
            ("byDepartment", .value(.object(JSONObject(byDepartment.map { ($0.department, .int($0.count)) })))),
        ])
    }
}
