import LedgerDomain
import LedgerProjections
import LedgerFormats

/// One projection's answer, as JSON and as text for a person.
struct ProjectionAnswer {
    let name: String
    let state: HallState
    let filter: TimeFilter
    let year: Int?
    let department: String?
    let person: String?
    var registry: DepartmentRegistry { state.registry }

    var json: JSONObject { stream.materializedObject }

    /// The `--json` document (without `knownAt` and `head`), its long arrays made row by row.
    var stream: JSONStream {
        let asOf = filter.asOf
        switch name {
        case "authorization": return AuthorizationProjection(state, registry: registry).stream(asOf: asOf)
        case "totals": return .fields(TotalsProjection(state, year: year).json(asOf: asOf))
        case "window": return WindowProjection(state).stream(asOf: asOf)
        case "visits": return VisitsProjection(state, registry: registry, department: department, person: person).stream(asOf: asOf)
        case "inspections": return InspectionsProjection(state).stream(asOf: asOf)
        case "departments": return .fields(DepartmentsProjection(state, registry: registry).json(asOf: asOf))
        default: return IssuesProjection(state).stream(asOf: asOf)
        }
    }

    /// The stream's fields followed by `extra`, for a document that adds fields at its end.
    func stream(appending extra: [(key: String, value: JSONStream)]) -> JSONStream {
        guard case .object(let fields) = stream else { preconditionFailure("a projection's document is an object") }
        return .object(fields + extra)
    }

    /// The parts of the state the projection `name` reads.
    static func parts(_ name: String) -> Set<HallState.Part> {
        switch name {
        case "authorization": return AuthorizationProjection.parts
        case "totals": return TotalsProjection.parts
        case "window": return WindowProjection.parts
        case "visits": return VisitsProjection.parts
        case "inspections": return InspectionsProjection.parts
        case "departments": return DepartmentsProjection.parts
        default: return IssuesProjection.parts
        }
    }

    /// "on or before 2023-01-31" / "in the ledger".
    var scope: String {
        var parts: [String] = []
        if let asOf = filter.asOf { parts.append("on or before \(asOf)") }
        if let knownAt = filter.knownAt { parts.append("recorded by \(knownAt)") }
        return parts.isEmpty ? "in the ledger" : parts.joined(separator: ", ")
    }

    func text(terminal: Bool) -> String {
        switch name {
        case "authorization": return authorizationText(terminal: terminal)
        case "totals": return totalsText(terminal: terminal)
        case "window": return windowText()
        case "visits": return visitsText()
        case "inspections": return inspectionsText()
        case "departments": return departmentsText()
        default: return issuesText()
        }
    }
}
