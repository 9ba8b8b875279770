import LedgerDomain
import LedgerFormats

/// The recorded history of the ledger, one entry per ingest, supersession, correction,
/// retraction, registration (of a department or a publisher's name) or migration of the log,
/// newest last: who, when, why, and what changed.
public struct AuditTrail: Sendable {
    /// One entry.
    public struct Entry: Sendable {
        public var seq: Int
        public var recordedAt: Instant
        public var actor: String
        public var action: String
        public var issue: String?
        public var target: Int?
        public var targetType: String?
        public var changes: [(field: String, from: JSONValue, to: JSONValue)]
        public var reason: String?
        public var command: String?
        public var facts: Int?
        /// Departments the entry concerns, for `--department`.
        public var departments: Set<String>
    }

    public private(set) var entries: [Entry] = []
    private var batchReason: (first: Int, reason: String?, command: String?) = (0, nil, nil)
    private var departmentsBySeq: [Int: String] = [:]
    private var typeBySeq: [Int: String] = [:]

    /// An empty trail.
    public init() {}

    /// Folds in one record (in seq order).
    public mutating func apply(_ record: EventRecord) {
        let seq = record.seq.value
        if record.batch.first == record.seq { batchReason = (seq, record.batch.reason, record.batch.command) }
        if let department = record.payload["department"]?.string { departmentsBySeq[seq] = department }
        if !FactSchema.fields(of: record.type).isEmpty { typeBySeq[seq] = record.type }
        var entry = Entry(seq: seq, recordedAt: record.recordedAt, actor: record.actor, action: "", issue: record.source?.issue ?? record.payload["issue"]?.string,
                          target: nil, targetType: nil, changes: [], reason: batchReason.reason, command: batchReason.command,
                          facts: nil, departments: [])
        switch record.type {
        case EventType.issuePublished:
            entry.action = "ingest"
            entry.facts = record.payload["facts"]?.int
        case EventType.issueSuperseded:
            entry.action = "supersede"
            entry.changes = (record.payload["differences"]?.array ?? []).map { difference in
                (difference["field"]?.string ?? "", difference["from"] ?? .null, difference["to"] ?? .null)
            }
            if let index = entries.lastIndex(where: { $0.action == "ingest" && $0.seq >= batchReason.first }) {
                entry.facts = entries[index].facts
                entry.seq = entries[index].seq
                entries.remove(at: index)
            }
        case EventType.departmentRegistered:
            entry.action = "register"
            entry.changes = [("aliases", .null, record.payload["aliases"] ?? .array([]))]
            if let name = record.payload["department"]?.string {
                entry.departments.insert(name)
                entry.issue = nil
            }
        case EventType.logMigrated:
            entry.action = "migrate"
            entry.issue = nil
            entry.changes = [("format", record.payload["fromFormat"] ?? .null, .int(LogFormat.two.rawValue)),
                             ("archive", .null, record.payload["archive"] ?? .null)]
        case EventType.publisherRegistered:
            entry.action = "register"
            entry.changes = [("publisher", .null, record.payload["publisher"] ?? .null)]
            entry.issue = nil
        case EventType.factCorrected, EventType.factRetracted:
            entry.action = record.type == EventType.factCorrected ? "correct" : "retract"
            entry.target = record.payload["target"]?.int
            entry.targetType = record.payload["targetType"]?.string ?? entry.target.flatMap { typeBySeq[$0] }
            entry.changes = (record.payload["changes"]?.array ?? []).map { change in
                (change["field"]?.string ?? "", change["from"] ?? .null, change["to"] ?? .null)
            }
            if let target = entry.target, let department = departmentsBySeq[target] { entry.departments.insert(department) }
        default:
            if let department = record.payload["department"]?.string, let last = entries.indices.last,
               entries[last].action == "ingest", entries[last].seq >= batchReason.first {
                entries[last].departments.insert(department)
            }
            return
        }
        entries.append(entry)
    }

    /// The entry as the `audit --json` contract has it.
    public static func json(_ entry: Entry) -> JSONValue {
        .object([
            "seq": .int(entry.seq), "recordedAt": .string(entry.recordedAt.description), "actor": .string(entry.actor),
            "action": .string(entry.action), "issue": entry.issue.map { .string($0) } ?? .null,
            "target": entry.target.map { .int($0) } ?? .null, "targetType": entry.targetType.map { .string($0) } ?? .null,
            "changes": .array(entry.changes.map { .object(["field": .string($0.field), "from": $0.from, "to": $0.to]) }),
            "reason": entry.reason.map { .string($0) } ?? .null, "command": entry.command.map { .string($0) } ?? .null,
            "facts": entry.facts.map { .int($0) } ?? .null,
        ])
    }
}
