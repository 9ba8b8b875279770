import LedgerDomain
import LedgerProjections
import LedgerFormats

/// One projection's answer, as JSON and as text for a person.
struct ProjectionAnswer {
    let name: String
    let state: HallState
    let filter: TimeFilter
    /// The years the answer shows of a history.
    let years: YearSelection
    let department: String?
    let person: String?
    /// The language of the text for a person; `--json` does not depend on it.
    var language: Language = .english
    var registry: DepartmentRegistry { state.registry }

    var json: JSONObject { stream.materializedObject }

    /// The `--json` document (without `knownAt` and `head`), its long arrays made row by row.
    var stream: JSONStream {
        let asOf = filter.asOf
        switch name {
        case "authorization": return AuthorizationProjection(state, registry: registry, years: years).stream(asOf: asOf)
        case "totals": return .fields(TotalsProjection(state, years: years).json(asOf: asOf))
        case "window": return WindowProjection(state, years: years).stream(asOf: asOf)
        case "visits":
            return VisitsProjection(state, registry: registry, department: department, person: person, years: years).stream(asOf: asOf)
        case "inspections": return InspectionsProjection(state, years: years).stream(asOf: asOf)
        case "departments": return .fields(DepartmentsProjection(state, registry: registry).json(asOf: asOf))
        default: return IssuesProjection(state, years: years).stream(asOf: asOf)
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
        if let asOf = filter.asOf { parts.append(t(.scopeAsOf, "\(asOf)")) }
        if let knownAt = filter.knownAt { parts.append(t(.scopeKnownAt, "\(knownAt)")) }
        // The two clocks are joined by a comma in both languages.
        return parts.isEmpty ? t(.scopeLedger) : parts.joined(separator: language == .chinese ? "，" : ", ")
    }

    /// A message in the answer's language.
    func t(_ key: MessageKey, _ arguments: Message.Argument...) -> String {
        Message(key, arguments: arguments).rendered(in: language)
    }

    /// The line that says which year is shown and how to see the others; empty when no year is hidden.
    func coverageLine(_ coverage: YearCoverage) -> String {
        guard coverage.hidesYears, let year = coverage.year, let first = coverage.years.first, let last = coverage.years.last else { return "" }
        return "\n" + t(.coverageOneYear, "\(year)", .count(coverage.years.count), "\(first)", "\(last)") + "\n"
    }

    /// Names joined as a list: `, ` in English, `、` in Chinese.
    func list(_ names: [String]) -> String { names.joined(separator: t(.listSeparator)) }

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
