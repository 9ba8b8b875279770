import LedgerFormats
/// One line of `EventLog/events.jsonl`: an event with its place in the log and its hashes.
///
/// Field order in the line is fixed: `seq, id, type, version, valid?, recordedAt, actor, batch,
/// source?, payload, prev, hash`. `hash` is the SHA-256 of every byte of the line before
/// `,"hash":"`, which includes `prev`, the previous record's hash: the records form a chain.
public struct EventRecord: Equatable, Sendable {
    /// The record's position, 1-based, no gaps.
    public var seq: Seq
    /// The record's unique id.
    public var id: EventID
    /// The event type, like `visit.recorded`.
    public var type: String
    /// The schema version of the payload.
    public var version: Int
    /// The date the fact is true for (valid time); nil for ledger-level events.
    public var valid: CalendarDate?
    /// When the ledger recorded it (recorded time), UTC.
    public var recordedAt: Instant
    /// Who appended it.
    public var actor: String
    /// Which append it belongs to.
    public var batch: BatchMarker
    /// Which document and lines it came from.
    public var source: SourceReference?
    /// The fact.
    public var payload: JSONObject
    /// The hash of the previous record; all zeros for seq 1.
    public var prev: SHA256Digest
    /// SHA-256 of the line's bytes before `,"hash":"`.
    public var hash: SHA256Digest

    /// Creates a record; use ``RecordLine/encode(_:)`` to compute its hash.
    public init(seq: Seq, id: EventID, type: String, version: Int, valid: CalendarDate?,
                recordedAt: Instant, actor: String, batch: BatchMarker, source: SourceReference?,
                payload: JSONObject, prev: SHA256Digest, hash: SHA256Digest = .zero) {
        self.seq = seq
        self.id = id
        self.type = type
        self.version = version
        self.valid = valid
        self.recordedAt = recordedAt
        self.actor = actor
        self.batch = batch
        self.source = source
        self.payload = payload
        self.prev = prev
        self.hash = hash
    }

    /// The head the log has once this record is its last.
    public var asHead: LogHead { LogHead(seq: seq, hash: hash) }
}
