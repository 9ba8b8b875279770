import LedgerDomain
import LedgerFormats

extension HallState {
    /// Adds one fact of `issue` to the state.
    mutating func fold(_ record: EventRecord, issue: String) {
        let payload = record.payload
        let seq = record.seq.value
        let through = record.valid ?? CalendarDate(daysSinceEpoch: 0)
        switch record.type {
        case EventType.issuePublished:
            issues[issue] = IssueInfo(
                key: issue, year: payload["year"]?.int ?? through.year, number: payload["number"]?.int ?? 0,
                throughNumber: payload["throughNumber"]?.int, serial: payload["serial"]?.int, published: date(payload["published"]), from: date(payload["from"]),
                through: date(payload["through"]) ?? through, events: (payload["facts"]?.int ?? 0) + 1,
                partial: payload["partial"]?.bool ?? false, seq: seq)
        case EventType.authorizationReported:
            authorizations[issue] = AuthorizationReport(
                issue: issue, through: through, stationed: payload["stationed"]?.int, authorized: payload["authorized"]?.int,
                unauthorized: payload["unauthorized"]?.int, authorizedShare: payload["authorizedShare"]?.string,
                unauthorizedShare: payload["unauthorizedShare"]?.string, increase: payload["increase"]?.int, seq: seq,
                authorizedList: payload["authorizedDepartments"]?.array.map { $0.compactMap(\.string).map { strings.intern($0) } },
                unauthorizedList: payload["unauthorizedDepartments"]?.array.map { $0.compactMap(\.string).map { strings.intern($0) } })
        case EventType.departmentAuthorized:
            newlyAuthorized.append(NewAuthorization(
                issue: issue, through: through, department: strings.intern(payload["department"]?.string ?? ""),
                asWritten: strings.intern(payload["asWritten"]?.string ?? ""), partial: payload["partial"]?.bool ?? false, seq: seq))
        case EventType.itemsCounted:
            let category = strings.intern(payload["category"]?.string ?? "")
            itemsByKey[Self.itemKey(issue, category)] = ItemCount(issue: issue, through: date(payload["through"]) ?? through,
                                   category: category, accepted: payload["accepted"]?.int,
                                   completed: payload["completed"]?.int, seq: seq)
        case EventType.windowCounted:
            windows[issue] = WindowReport(issue: issue, through: through, week: integers(payload["week"]),
                                          yearToDate: integers(payload["yearToDate"]), seq: seq)
        case EventType.visitRecorded:
            visits.append(Visit(issue: issue, date: date(payload["date"]) ?? through, department: strings.intern(payload["department"]?.string ?? ""),
                                asWritten: strings.intern(payload["asWritten"]?.string ?? ""), person: strings.intern(payload["person"]?.string ?? ""),
                                titles: (payload["titles"]?.array?.compactMap(\.string) ?? []).map { strings.intern($0) }, seq: seq))
        case EventType.inspectionRecorded:
            inspections.append(Inspection(issue: issue, through: through, ordinal: payload["ordinal"]?.int ?? 0,
                                          item: strings.intern(payload["item"]?.string ?? ""), verdict: InspectionVerdict(payload: payload["verdict"]?.string),
                                          text: strings.intern(payload["text"]?.string ?? ""), seq: seq))
        case EventType.checkFailed:
            warnings.append(Warning(issue: issue, check: strings.intern(payload["check"]?.string ?? ""), message: payload["message"]?.string ?? "", seq: seq))
        default:
            break
        }
    }

    static func itemKey(_ issue: String, _ category: String) -> String { issue + "\u{1F}" + category }

    private func date(_ value: JSONValue?) -> CalendarDate? {
        value?.string.flatMap { CalendarDate(iso: $0) }
    }

    private func integers(_ value: JSONValue?) -> [String: Int] {
        var result: [String: Int] = [:]
        for (key, value) in value?.object?.fields ?? [] { if let number = value.int { result[key] = number } }
        return result
    }
}
