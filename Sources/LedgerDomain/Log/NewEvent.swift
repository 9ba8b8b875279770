import LedgerFormats
/// An event as a command proposes it, before the store gives it a place in the log.
///
/// The store adds what only it can know: seq, id, the recorded instant, the actor, the batch
/// marker and the hash chain.
public struct NewEvent: Equatable, Sendable {
    /// The event type, like `visit.recorded`; dotted lowercase words.
    public var type: String
    /// The schema version of this type's payload.
    public var version: Int
    /// The date the fact is true for; nil for ledger-level events.
    public var valid: CalendarDate?
    /// Where the fact came from, if it came from a document.
    public var source: SourceReference?
    /// The fact itself. Keys are written sorted, so equal payloads have equal bytes.
    public var payload: JSONObject

    /// Creates a proposed event.
    public init(type: String, version: Int = 1, valid: CalendarDate? = nil,
                source: SourceReference? = nil, payload: JSONObject = JSONObject()) {
        self.type = type
        self.version = version
        self.valid = valid
        self.source = source
        self.payload = payload
    }
}
