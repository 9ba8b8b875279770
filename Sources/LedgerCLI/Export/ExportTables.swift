import LedgerDomain
import LedgerFormats
import LedgerProjections

/// Each projection's history as a spreadsheet table: one row per report (authorization, window;
/// totals per category), per visit, per inspection item, per issue, per department, each row
/// with the `seq` of its fact.
///
/// The column names are the projections' JSON names, in English; ``columns`` is the one table
/// of them per projection, for a catalogue to localise later.
enum ExportTables {
    typealias Cell = SheetTable.Cell

    /// The column names of each projection's table, in order.
    static let columns: [String: [String]] = [
        "authorization": ["through", "issue", "stationed", "authorized", "unauthorized", "share", "seq"],
        "totals": ["year", "through", "issue", "category", "accepted", "completed", "seq"],
        "window": ["through", "issue"] + ["week", "yearToDate"].flatMap { part in WindowProjection.metrics.map { "\(part).\($0)" } } + ["seq"],
        "visits": ["date", "department", "person", "titles", "issue", "seq"],
        "inspections": ["through", "issue", "ordinal", "item", "verdict", "text", "seq"],
        "issues": ["issue", "year", "number", "throughNumber", "serial", "published", "from", "through", "events", "partial", "seq"],
        "departments": ["department", "aliases", "registered", "authorizedSince", "partial", "visits", "lastVisit", "authorizedSeq"],
    ]

    /// The table of projection `name` from a state holding its parts (``ProjectionAnswer/parts(_:)``).
    static func table(_ name: String, state: HallState) -> SheetTable {
        let rows: [[Cell]]
        switch name {
        case "authorization": rows = authorization(state)
        case "totals": rows = totals(state)
        case "window": rows = window(state)
        case "visits": rows = visits(state)
        case "inspections": rows = inspections(state)
        case "departments": rows = departments(state)
        default: rows = issues(state)
        }
        guard let columns = columns[name] else { preconditionFailure("every projection has its columns: \(name)") }
        return SheetTable(name: name, columns: columns, rows: rows)
    }

    private static func authorization(_ state: HallState) -> [[Cell]] {
        AuthorizationProjection(state, registry: state.registry).history.map { report in
            [date(report.through), .text(report.issue), integer(report.stationed), integer(report.authorized),
             integer(report.unauthorized), report.share.map(Cell.decimal) ?? .empty, .integer(report.seq)]
        }
    }

    private static func totals(_ state: HallState) -> [[Cell]] {
        let order = Dictionary(uniqueKeysWithValues: TotalsProjection.categories.enumerated().map { ($1, $0) })
        let items = state.items.sorted { left, right in
            (left.through, left.issue, order[left.category] ?? Int.max, left.category)
                < (right.through, right.issue, order[right.category] ?? Int.max, right.category)
        }
        return items.map { item in
            [.integer(item.through.year), date(item.through), .text(item.issue), .text(item.category),
             integer(item.accepted), integer(item.completed), .integer(item.seq)]
        }
    }

    private static func window(_ state: HallState) -> [[Cell]] {
        WindowProjection(state).history.map { report in
            [date(report.through), .text(report.issue)]
                + WindowProjection.metrics.map { integer(report.week[$0]) }
                + WindowProjection.metrics.map { integer(report.yearToDate[$0]) }
                + [.integer(report.seq)]
        }
    }

    private static func visits(_ state: HallState) -> [[Cell]] {
        VisitsProjection(state, registry: state.registry).visits.map { visit in
            [date(visit.date), .text(visit.department), .text(visit.person), .text(visit.titles.joined(separator: "、")),
             .text(visit.issue), .integer(visit.seq)]
        }
    }

    private static func inspections(_ state: HallState) -> [[Cell]] {
        // In the order of the weeks, not findings first: a history, for filters and pivots.
        InspectionsProjection(state).inspections.sorted { ($0.through, $0.issue, $0.ordinal) < ($1.through, $1.issue, $1.ordinal) }
            .map { inspection in
                [date(inspection.through), .text(inspection.issue), .integer(inspection.ordinal), .text(inspection.item),
                 .text(inspection.verdict.rawValue), .text(inspection.text), .integer(inspection.seq)]
            }
    }

    private static func issues(_ state: HallState) -> [[Cell]] {
        IssuesProjection(state).issues.map { issue in
            [.text(issue.key), .integer(issue.year), .integer(issue.number), integer(issue.throughNumber), integer(issue.serial),
             date(issue.published), date(issue.from), date(issue.through), .integer(issue.events),
             .text(issue.partial ? "true" : "false"), .integer(issue.seq)]
        }
    }

    private static func departments(_ state: HallState) -> [[Cell]] {
        let registry = state.registry
        let authorized = Dictionary(AuthorizationProjection(state, registry: registry).authorizedDepartments.map { ($0.department, $0.seq) },
                                    uniquingKeysWith: { first, _ in first })
        return DepartmentsProjection(state, registry: registry).rows.map { row in
            [.text(row.department), .text(row.aliases.joined(separator: "、")), .text(row.registered ? "true" : "false"),
             date(row.authorizedSince), .text(row.partial ? "true" : "false"), .integer(row.visits), date(row.lastVisit),
             integer(authorized[row.department])]
        }
    }

    private static func date(_ date: CalendarDate?) -> Cell {
        date.map { .date(days: $0.daysSinceEpoch, iso: $0.description) } ?? .empty
    }

    private static func integer(_ value: Int?) -> Cell {
        value.map(Cell.integer) ?? .empty
    }
}
