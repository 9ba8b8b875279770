import LedgerDomain

/// What ingest needs to know of the ledger so far: which issues are in it, from which
/// documents, and the figures that later issues are checked against. A pure fold over records.
public struct IngestHistory: Sendable {
    /// One ingested issue as it currently stands (its latest, unsuperseded document).
    public struct IssueEntry: Sendable {
        public var key: String
        public var year: Int
        public var number: Int
        public var through: CalendarDate
        public var document: SHA256Digest
        /// The seqs of the issue's facts, `issue.published` first.
        public var seqs: [Int]
        /// Type-and-identity of each fact → its payload (corrections applied), for naming what a
        /// new document or a new parser changes.
        public var facts: [String: JSONObject] = [:]
        /// Type-and-identity of each fact → its seq.
        public var factSeqs: [String: Int] = [:]
        /// Fields corrected by hand, per fact: a re-read never overrides them.
        public var correctedByHand: [String: Set<String>] = [:]
        public var windowYearToDate: [String: Int] = [:]
        public var windowWeek: [String: Int] = [:]
        public var authorized: Int?
        public var items: [String: (accepted: Int?, completed: Int?)] = [:]
    }

    /// The current entry of each issue key.
    public private(set) var issues: [String: IssueEntry] = [:]
    /// Every document ever ingested (superseded ones too) → the issue key it was.
    public private(set) var documents: [SHA256Digest: String] = [:]
    /// Departments and aliases users registered (`ledger register`), in order.
    public private(set) var registered: [Department] = []

    /// The shipped registry extended by the registrations.
    public var registry: DepartmentRegistry { DepartmentRegistry.standard.adding(registered).registry }
    private var retracted: Set<Int> = []

    /// An empty history.
    public init() {}

    /// Folds one record in; records must come in seq order.
    public mutating func apply(_ record: EventRecord) {
        if record.type == EventType.issueSuperseded {
            for case .int(let seq) in record.payload["retracted"]?.array ?? [] { retracted.insert(seq) }
        }
        if record.type == EventType.factCorrected || record.type == EventType.factRetracted {
            return applyChange(record)
        }
        if record.type == EventType.departmentRegistered, let name = record.payload["department"]?.string {
            registered.append(Department(canonical: name, aliases: record.payload["aliases"]?.array?.compactMap(\.string) ?? []))
            return
        }
        guard let key = record.source?.issue ?? record.payload["issue"]?.string, !retracted.contains(record.seq.value) else { return }
        if record.type == EventType.issuePublished, let document = record.source?.document {
            documents[document] = key
            issues[key] = IssueEntry(
                key: key, year: record.payload["year"]?.int ?? 0, number: record.payload["number"]?.int ?? 0,
                through: record.valid ?? CalendarDate(daysSinceEpoch: 0), document: document, seqs: [record.seq.value])
            return
        }
        guard var entry = issues[key], record.source?.document == entry.document else { return }
        entry.seqs.append(record.seq.value)
        entry.record(type: record.type, payload: record.payload, seq: record.seq.value)
        issues[key] = entry
    }

    /// A correction or retraction of a fact of a current issue.
    private mutating func applyChange(_ record: EventRecord) {
        guard let target = record.payload["target"]?.int, let key = record.payload["issue"]?.string,
              var entry = issues[key], let fact = entry.factSeqs.first(where: { $0.value == target })?.key else { return }
        if record.type == EventType.factRetracted {
            entry.facts[fact] = nil
            entry.factSeqs[fact] = nil
        } else if var payload = entry.facts[fact] {
            for change in record.payload["changes"]?.array ?? [] {
                guard let field = change["field"]?.string, let value = change["to"] else { continue }
                payload = FactSchema.setting(field, to: value, in: payload)
                if record.payload["origin"]?.string != "reparse" { entry.correctedByHand[fact, default: []].insert(field) }
            }
            entry.facts[fact] = payload
        }
        issues[key] = entry
    }

    /// The latest issue of the same year whose period ends before `through`.
    public func previous(before through: CalendarDate, year: Int) -> IssueEntry? {
        issues.values.filter { $0.through < through && $0.through.year == through.year }.max { $0.through < $1.through }
    }
}

extension IngestHistory.IssueEntry {
    /// Notes the figures and identity of one fact of this issue.
    mutating func record(type: String, payload: JSONObject, seq: Int) {
        // Only facts read from the document; checks and supersessions are about the ingest.
        guard ![EventType.checkFailed, EventType.inconsistencyAccepted, EventType.issueSuperseded].contains(type) else { return }
        let key = FactIdentity.key(type: type, payload: payload, index: facts.count)
        facts[key] = payload
        factSeqs[key] = seq
        switch type {
        case EventType.windowCounted:
            windowWeek = FactIdentity.integers(payload["week"])
            windowYearToDate = FactIdentity.integers(payload["yearToDate"])
        case EventType.authorizationReported:
            authorized = payload["authorized"]?.int
        case EventType.itemsCounted:
            if let category = payload["category"]?.string {
                items[category] = (payload["accepted"]?.int, payload["completed"]?.int)
            }
        default: break
        }
    }
}

/// A stable name for a fact within its issue, so two documents of one issue can be compared.
public enum FactIdentity {
    /// `items.counted administrativeLicensing`, `visit.recorded 司法厅 2023-02-14`, `inspection.recorded 3`…
    public static func key(type: String, payload: JSONObject, index: Int) -> String {
        let parts: [String?]
        switch type {
        case EventType.itemsCounted: parts = [payload["category"]?.string]
        case EventType.departmentAuthorized: parts = [payload["department"]?.string]
        case EventType.visitRecorded: parts = [payload["department"]?.string, payload["date"]?.string]
        case EventType.inspectionRecorded, EventType.newsReported, EventType.progressReported:
            parts = [payload["section"]?.string, payload["ordinal"]?.int.map(String.init)]
        case EventType.windowCounted, EventType.authorizationReported: parts = []
        default: parts = [String(index)]
        }
        return ([type] + parts.compactMap { $0 }).joined(separator: " ")
    }

    static func integers(_ value: JSONValue?) -> [String: Int] {
        guard let object = value?.object else { return [:] }
        var result: [String: Int] = [:]
        for (key, value) in object.fields { if let number = value.int { result[key] = number } }
        return result
    }
}
