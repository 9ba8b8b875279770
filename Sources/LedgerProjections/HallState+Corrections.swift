import LedgerDomain
import LedgerFormats

extension HallState {
    /// Applies a `fact.corrected` record: each change sets one field of the target fact.
    /// A target not in the state (filtered out by `--as-of`, or retracted) is left alone.
    mutating func applyCorrection(_ record: EventRecord) {
        guard let target = record.payload["target"]?.int else { return }
        for change in record.payload["changes"]?.array ?? [] {
            guard let field = change["field"]?.string, let value = change["to"] else { continue }
            correct(seq: target, field: field, to: value)
        }
    }

    mutating func correct(seq: Int, field: String, to value: JSONValue) {
        if let key = issues.first(where: { $0.value.seq == seq })?.key { correctIssue(key, field, value) }
        if let key = authorizations.first(where: { $0.value.seq == seq })?.key { correctAuthorization(key, field, value) }
        if let key = windows.first(where: { $0.value.seq == seq })?.key {
            let parts = field.split(separator: ".").map(String.init)
            if parts.count == 2, parts[0] == "week" { windows[key]?.week[parts[1]] = value.int }
            if parts.count == 2, parts[0] == "yearToDate" { windows[key]?.yearToDate[parts[1]] = value.int }
        }
        if let index = newlyAuthorized.firstIndex(where: { $0.seq == seq }) {
            if field == "department", let name = value.string { newlyAuthorized[index].department = name; newlyAuthorized[index].asWritten = name }
            if field == "partial", let partial = value.bool { newlyAuthorized[index].partial = partial }
        }
        if let key = itemsByKey.first(where: { $0.value.seq == seq })?.key {
            if field == "accepted" { itemsByKey[key]?.accepted = value.int }
            if field == "completed" { itemsByKey[key]?.completed = value.int }
        }
        if let index = visits.firstIndex(where: { $0.seq == seq }) { correctVisit(index, field, value) }
        if let index = inspections.firstIndex(where: { $0.seq == seq }) {
            if field == "item", let text = value.string { inspections[index].item = text }
            if field == "text", let text = value.string { inspections[index].text = text }
            if field == "verdict", let verdict = value.string { inspections[index].verdict = InspectionVerdict(payload: verdict) }
        }
    }

    private mutating func correctIssue(_ key: String, _ field: String, _ value: JSONValue) {
        let date = value.string.flatMap { CalendarDate(iso: $0) }
        switch field {
        case "serial": issues[key]?.serial = value.int
        case "throughNumber": issues[key]?.throughNumber = value.int
        case "published": issues[key]?.published = date
        case "from": issues[key]?.from = date
        case "through": if let date { issues[key]?.through = date }
        default: break
        }
    }

    private mutating func correctAuthorization(_ key: String, _ field: String, _ value: JSONValue) {
        switch field {
        case "stationed": authorizations[key]?.stationed = value.int
        case "authorized": authorizations[key]?.authorized = value.int
        case "unauthorized": authorizations[key]?.unauthorized = value.int
        case "authorizedShare": authorizations[key]?.authorizedShare = value.string
        case "unauthorizedShare": authorizations[key]?.unauthorizedShare = value.string
        case "increase": authorizations[key]?.increase = value.int
        case "authorizedDepartments": authorizations[key]?.authorizedList = value.array?.compactMap(\.string)
        case "unauthorizedDepartments": authorizations[key]?.unauthorizedList = value.array?.compactMap(\.string)
        default: break
        }
    }

    private mutating func correctVisit(_ index: Int, _ field: String, _ value: JSONValue) {
        switch field {
        case "date": if let date = value.string.flatMap({ CalendarDate(iso: $0) }) { visits[index].date = date }
        case "department": if let name = value.string { visits[index].department = name; visits[index].asWritten = name }
        case "person": if let name = value.string { visits[index].person = name }
        case "titles": visits[index].titles = value.array?.compactMap(\.string) ?? visits[index].titles
        default: break
        }
    }
}
