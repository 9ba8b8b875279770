import LedgerDomain
import LedgerFormats

/// How many stationed departments have authorized the comprehensive window, and since when.
public struct AuthorizationProjection: Sendable {
    public struct Report: Sendable {
        public var through: CalendarDate
        public var issue: String
        public var stationed: Int?
        public var authorized: Int?
        public var unauthorized: Int?
        /// The share authorized, computed from the counts (else as printed), one decimal.
        public var share: String?
        public var seq: Int
    }

    public struct Department: Sendable {
        public var department: String
        public var partial: Bool
        public var since: CalendarDate
        public var issue: String
        public var seq: Int
    }

    /// A department the latest report names in a list, resolved by the current registry.
    public struct Listed: Sendable, Equatable {
        public var department: String
        /// False for a name in no table: kept as written, shown as unregistered.
        public var registered: Bool
    }

    /// The departments the latest report lists as not authorized (`尚未授权的…为：`); nil when it lists none.
    public var unauthorizedDepartments: [Listed]?
    /// The departments the latest report lists as authorized (`授权 3个部门：…`); nil when it lists none.
    public var listedAuthorized: [Listed]?

    /// The latest report; nil when nothing was reported.
    public var latest: Report?
    /// The departments newly authorized in the latest report.
    public var newlyAuthorized: [Department]
    /// Every department known to be authorized, with the first report that named it.
    public var authorizedDepartments: [Department]
    /// The reports of the years shown (``coverage``), in the order of their periods.
    public var history: [Report]
    /// The years ``history`` covers, and every year with reports.
    public var coverage: YearCoverage

    /// The parts of the state this projection reads (see ``HallState/Part``).
    public static let parts: Set<HallState.Part> = [.authorizations, .newlyAuthorized, .registered]

    /// Builds the projection from the state; `years` picks the years of ``history`` (the
    /// latest report and the departments are the same whichever it picks).
    public init(_ state: HallState, registry: DepartmentRegistry, years: YearSelection = .all) {
        state.require(Self.parts)
        let reports = state.authorizations.values.sortedByPeriod(\.through, then: { $0.issue < $1.issue })
        coverage = YearCoverage(years, rowYears: reports.map(\.through.year), omitted: state.omittedYears[.authorizations] ?? [])
        func report(_ report: HallState.AuthorizationReport) -> Report {
            let computed = report.authorized.flatMap { authorized in report.stationed.flatMap { Percent.tenths(authorized, of: $0) } }
            return Report(through: report.through, issue: report.issue, stationed: report.stationed, authorized: report.authorized,
                          unauthorized: report.unauthorized, share: computed ?? report.authorizedShare, seq: report.seq)
        }
        let coverage = self.coverage
        history = reports.filter { coverage.shows($0.through.year) }.map(report)
        let latestReport = reports.last.map(report)
        latest = latestReport
        let stored = latestReport.flatMap { report in state.authorizations.values.first { $0.seq == report.seq } }
        func listed(_ names: [String]?) -> [Listed]? {
            names?.map { name in
                let resolved = registry.resolve(name)
                return Listed(department: resolved.canonical, registered: resolved.isRegistered)
            }
        }
        unauthorizedDepartments = listed(stored?.unauthorizedList)
        listedAuthorized = listed(stored?.authorizedList)
        var names = CanonicalNames(registry)
        let departments = state.newlyAuthorized.sorted { ($0.through, $0.issue, $0.seq) < ($1.through, $1.issue, $1.seq) }.map {
            Department(department: names.canonical(stored: $0.department, asWritten: $0.asWritten), partial: $0.partial,
                       since: $0.through, issue: $0.issue, seq: $0.seq)
        }
        newlyAuthorized = departments.filter { $0.issue == latestReport?.issue }
        var first: [String: Department] = [:]
        for department in departments {
            // A partial authorization later made whole keeps its first date but loses "partial".
            if var known = first[department.department] {
                known.partial = known.partial && department.partial
                first[department.department] = known
            } else {
                first[department.department] = department
            }
        }
        authorizedDepartments = first.values.sorted { ($0.since, $0.department) < ($1.since, $1.department) }
    }

    /// The `project authorization --json` document (without `head`).
    public func json(asOf: CalendarDate?) -> JSONObject { stream(asOf: asOf).materializedObject }

    /// The same document, its history made row by row as it is written.
    public func stream(asOf: CalendarDate?) -> JSONStream {
        .object([
            ("asOf", .value(.date(asOf))), ("through", .value(.date(latest?.through))),
            ("issue", .value(latest.map { .string($0.issue) } ?? .null)),
            ("stationed", .value(.integer(latest?.stationed))), ("authorized", .value(.integer(latest?.authorized))),
            ("unauthorized", .value(.integer(latest?.unauthorized))), ("share", .value(Percent.json(latest?.share))),
            ("seq", .value(.integer(latest?.seq))), ("coverage", .value(coverage.json)),
            ("newlyAuthorized", .rows(newlyAuthorized, Self.json)),
            ("unauthorizedDepartments", Self.json(unauthorizedDepartments)),
            ("listedAuthorized", Self.json(listedAuthorized)),
            ("authorizedDepartments", .rows(authorizedDepartments, Self.json)),
            ("history", .rows(history) { report in
                .object(["through": .date(report.through), "issue": .string(report.issue), "stationed": .integer(report.stationed),
                         "authorized": .integer(report.authorized), "unauthorized": .integer(report.unauthorized),
                         "share": Percent.json(report.share), "seq": .int(report.seq)])
            }),
        ])
    }

    static func json(_ listed: [Listed]?) -> JSONStream {
        guard let listed else { return .value(.null) }
        return .rows(listed) { .object(["department": .string($0.department), "registered": .bool($0.registered)]) }
    }

    static func json(_ department: Department) -> JSONValue {
        .object(["department": .string(department.department), "partial": .bool(department.partial),
                 "since": .date(department.since), "issue": .string(department.issue), "seq": .int(department.seq)])
    }
}
