import LedgerDomain
import LedgerFormats

/// The department registry joined with what the ledger knows of each department.
public struct DepartmentsProjection: Sendable {
    public struct Row: Sendable {
        public var department: String
        public var aliases: [String]
        public var registered: Bool
        public var authorizedSince: CalendarDate?
        public var partial: Bool
        public var visits: Int
        public var lastVisit: CalendarDate?
    }

    public var rows: [Row]

    /// The parts of the state this projection reads (see ``HallState/Part``).
    public static let parts: Set<HallState.Part> = AuthorizationProjection.parts.union(VisitsProjection.parts)

    /// Every registered department (table order), then names seen in the ledger that no table has.
    public init(_ state: HallState, registry: DepartmentRegistry) {
        state.require(Self.parts)
        precondition((state.omittedYears[.visits] ?? []).isEmpty, "the departments count every year's visits")
        let authorization = AuthorizationProjection(state, registry: registry)
        let authorized = Dictionary(authorization.authorizedDepartments.map { ($0.department, $0) }, uniquingKeysWith: { first, _ in first })
        let visits = VisitsProjection(state, registry: registry).visits
        let visitsByDepartment = Dictionary(grouping: visits, by: \.department)
        func row(_ name: String, aliases: [String], registered: Bool) -> Row {
            Row(department: name, aliases: aliases, registered: registered, authorizedSince: authorized[name]?.since,
                partial: authorized[name]?.partial ?? false, visits: visitsByDepartment[name]?.count ?? 0,
                lastVisit: visitsByDepartment[name]?.map(\.date).max())
        }
        var rows = registry.departments.map { row($0.canonical, aliases: $0.aliases, registered: true) }
        let known = Set(rows.map(\.department))
        let unregistered = Set(authorized.keys).union(visitsByDepartment.keys).subtracting(known).sorted()
        rows += unregistered.map { row($0, aliases: [], registered: false) }
        self.rows = rows
    }

    /// The `project departments --json` document (without `head`).
    public func json(asOf: CalendarDate?) -> JSONObject {
        [
            "asOf": .date(asOf),
            "departments": .array(rows.map { row in
                .object(["department": .string(row.department), "aliases": .array(row.aliases.map { .string($0) }),
                         "registered": .bool(row.registered), "authorizedSince": .date(row.authorizedSince),
                         "partial": .bool(row.partial), "visits": .int(row.visits), "lastVisit": .date(row.lastVisit)])
            }),
        ]
    }
}
