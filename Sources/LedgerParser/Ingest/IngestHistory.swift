import LedgerDomain
import LedgerFormats

/// What ingest needs to know of the ledger so far: which issues are in it, from which
/// documents, and the figures that later issues are checked against. A pure fold over records.
///
/// Folded with the records' places in the log (``apply(_:at:)``), each issue notes where the
/// records it was folded from lie, so that a history restored from a snapshot
/// (``init(snapshotParts:)``) can leave every issue's facts on disk until ``loadFacts(of:reading:)``
/// reads them back: only a conflict, a supersession or a correction needs them.
public struct IngestHistory: Sendable, Equatable {
    /// One ingested issue as it currently stands (its latest, unsuperseded document).
    public struct IssueEntry: Sendable, Equatable {
        public var key: String
        public var year: Int
        public var number: Int
        /// The last number of a combined issue (`第5-6期`: 6); nil for a single issue.
        public var throughNumber: Int? = nil
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
        /// Where the records this entry was folded from lie in the log, oldest first: its own
        /// records and the corrections and retractions aimed at one of them. Empty when the
        /// history was folded without the records' places.
        public var sources: [LogSpan] = []
        /// Whether ``facts``, ``factSeqs`` and ``correctedByHand`` are in memory: false for an
        /// entry restored from a snapshot until ``IngestHistory/loadFacts(of:reading:)``.
        public internal(set) var factsLoaded = true

        public static func == (lhs: IssueEntry, rhs: IssueEntry) -> Bool {
            lhs.key == rhs.key && lhs.year == rhs.year && lhs.number == rhs.number && lhs.throughNumber == rhs.throughNumber
                && lhs.through == rhs.through
                && lhs.document == rhs.document && lhs.seqs == rhs.seqs && lhs.facts == rhs.facts
                && lhs.factSeqs == rhs.factSeqs && lhs.correctedByHand == rhs.correctedByHand
                && lhs.windowYearToDate == rhs.windowYearToDate && lhs.windowWeek == rhs.windowWeek
                && lhs.authorized == rhs.authorized && lhs.sources == rhs.sources && lhs.factsLoaded == rhs.factsLoaded
                && lhs.items.count == rhs.items.count
                && lhs.items.allSatisfy { rhs.items[$0.key].map { [$0.accepted, $0.completed] } == [$0.value.accepted, $0.value.completed] }
        }
    }

    /// A run of consecutive records in the log: seqs `firstSeq ..< firstSeq + count`, whose
    /// lines (newlines included) fill the bytes `bytes`.
    public struct LogSpan: Sendable, Equatable {
        public var firstSeq: Int
        public var count: Int
        public var bytes: Range<Int>

        /// A run of `count` records from `firstSeq`, in `bytes`.
        public init(firstSeq: Int, count: Int, bytes: Range<Int>) {
            self.firstSeq = firstSeq
            self.count = count
            self.bytes = bytes
        }

        /// The seqs of the run.
        public var seqs: Range<Int> { firstSeq..<firstSeq + count }
    }

    /// The current entry of each issue key.
    public internal(set) var issues: [String: IssueEntry] = [:]
    /// Every document ever ingested (superseded ones too) → the issue key it was.
    public internal(set) var documents: [SHA256Digest: String] = [:]
    /// Departments and aliases users registered (`ledger register`), in order.
    public internal(set) var registered: [Department] = []

    /// The shipped registry extended by the registrations.
    public var registry: DepartmentRegistry { DepartmentRegistry.standard.adding(registered).registry }
    /// Other names of the centre users registered (`ledger register --publisher`), in order.
    public internal(set) var registeredPublishers: [String] = []
    /// The names a bulletin of this ledger may be published under: the centre's, and those registered.
    public var publishers: PublisherRegistry { PublisherRegistry.standard.adding(registeredPublishers) }
    /// The seqs that `issue.superseded` events retracted.
    public internal(set) var retracted: Set<Int> = []

    /// An empty history.
    public init() {}

    /// Folds one record in; records must come in seq order.
    public mutating func apply(_ record: EventRecord) { apply(record, at: nil) }

    /// Folds one record in, read from `bytes` of the log (its line and newline); records must
    /// come in seq order. Issues note where their records are, for ``loadFacts(of:reading:)``.
    public mutating func apply(_ record: EventRecord, at bytes: Range<Int>?) {
        if record.type == EventType.issueSuperseded {
            for case .int(let seq) in record.payload["retracted"]?.array ?? [] { retracted.insert(seq) }
        }
        if record.type == EventType.factCorrected || record.type == EventType.factRetracted {
            return applyChange(record, at: bytes)
        }
        if record.type == EventType.departmentRegistered, let name = record.payload["department"]?.string {
            registered.append(Department(canonical: name, aliases: record.payload["aliases"]?.array?.compactMap(\.string) ?? []))
            return
        }
        if record.type == EventType.publisherRegistered, let name = record.payload["publisher"]?.string {
            registeredPublishers.append(name)
            return
        }
        guard let key = record.source?.issue ?? record.payload["issue"]?.string, !retracted.contains(record.seq.value) else { return }
        if record.type == EventType.issuePublished, let document = record.source?.document {
            documents[document] = key
            var entry = IssueEntry(
                key: key, year: record.payload["year"]?.int ?? 0, number: record.payload["number"]?.int ?? 0,
                through: record.valid ?? CalendarDate(daysSinceEpoch: 0), document: document, seqs: [record.seq.value])
            entry.throughNumber = record.payload["throughNumber"]?.int
            entry.noteSource(seq: record.seq.value, bytes: bytes)
            issues[key] = entry
            return
        }
        guard var entry = issues[key], record.source?.document == entry.document else { return }
        entry.seqs.append(record.seq.value)
        entry.noteSource(seq: record.seq.value, bytes: bytes)
        entry.record(type: record.type, payload: record.payload, seq: record.seq.value)
        issues[key] = entry
    }

    /// A correction or retraction of a fact of a current issue. One aimed at any of the
    /// issue's records is a source of the entry, whether or not it changes a fact: which it
    /// does is known only with the facts, and those may still be on disk.
    private mutating func applyChange(_ record: EventRecord, at bytes: Range<Int>?) {
        guard let target = record.payload["target"]?.int, let key = record.payload["issue"]?.string,
              var entry = issues[key], entry.seqs.contains(target) else { return }
        entry.noteSource(seq: record.seq.value, bytes: bytes)
        defer { issues[key] = entry }
        // The numbers an issue covers are known without its facts: a correction of them counts at once.
        if record.type == EventType.factCorrected, target == entry.seqs.first {
            for change in record.payload["changes"]?.array ?? [] where change["field"]?.string == "throughNumber" {
                entry.throughNumber = change["to"]?.int
            }
        }
        guard entry.factsLoaded, let fact = entry.factSeqs.first(where: { $0.value == target })?.key else { return }
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
    }

    /// The other issues of `year` whose numbers share one with `numbers` (a combined issue 5-6
    /// and issue 5 or 6 alone), the entry under `key` included when its numbers differ.
    public func overlapping(_ numbers: ClosedRange<Int>, year: Int, key: String) -> [IssueEntry] {
        issues.values.filter { entry in
            entry.year == year && entry.numbers.overlaps(numbers) && (entry.key != key || entry.numbers != numbers)
        }.sorted { $0.number < $1.number }
    }

    /// The latest issue of the same year whose period ends before `through`.
    public func previous(before through: CalendarDate, year: Int) -> IssueEntry? {
        issues.values.filter { $0.through < through && $0.through.year == through.year }.max { $0.through < $1.through }
    }
}

extension IngestHistory.IssueEntry {
    /// The numbers the issue covers: 5...6 for a combined `第5-6期`.
    public var numbers: ClosedRange<Int> { number...max(number, throughNumber ?? number) }

    /// Notes the figures and identity of one fact of this issue (its figures only, while the
    /// facts are on disk: they are read back with this record among the sources).
    mutating func record(type: String, payload: JSONObject, seq: Int) {
        // Only facts read from the document; checks and supersessions are about the ingest.
        guard ![EventType.checkFailed, EventType.inconsistencyAccepted, EventType.issueSuperseded].contains(type) else { return }
        if factsLoaded {
            let key = FactIdentity.key(type: type, payload: payload, index: facts.count, distinctFrom: facts)
            facts[key] = payload
            factSeqs[key] = seq
        }
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

    /// Notes that the record `seq`, in `bytes` of the log, was folded into this entry: it joins
    /// the last span when it follows it in the log.
    mutating func noteSource(seq: Int, bytes: Range<Int>?) {
        guard let bytes else { return }
        if let last = sources.last, last.firstSeq + last.count == seq, last.bytes.upperBound == bytes.lowerBound {
            sources[sources.count - 1] = IngestHistory.LogSpan(firstSeq: last.firstSeq, count: last.count + 1,
                                                                bytes: last.bytes.lowerBound..<bytes.upperBound)
        } else {
            sources.append(IngestHistory.LogSpan(firstSeq: seq, count: 1, bytes: bytes))
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

    /// The fact's key among the keys of the facts before it in the same issue (`taken`): the
    /// second with the same key (two leaders of one department on one day) is `… #2`, the
    /// third `… #3`, in document order; a fact alone keeps its plain key, as before.
    public static func key<Value>(type: String, payload: JSONObject, index: Int, distinctFrom taken: [String: Value]) -> String {
        let base = key(type: type, payload: payload, index: index)
        guard taken[base] != nil else { return base }
        var occurrence = 2
        while taken["\(base) #\(occurrence)"] != nil { occurrence += 1 }
        return "\(base) #\(occurrence)"
    }

    static func integers(_ value: JSONValue?) -> [String: Int] {
        guard let object = value?.object else { return [:] }
        var result: [String: Int] = [:]
        for (key, value) in object.fields { if let number = value.int { result[key] = number } }
        return result
    }
}
