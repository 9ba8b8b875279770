import LedgerDomain
import LedgerFormats

/// One fact and everything done to it since: corrections, a retraction, a supersession.
/// A pure fold: feed it the records after the fact, in seq order.
public struct FactHistory: Sendable {
    /// The fact as ingested.
    public let fact: EventRecord
    /// Its payload with every correction applied.
    public private(set) var current: JSONObject
    /// The records that corrected it, retracted it or superseded its issue, oldest first.
    public private(set) var changes: [EventRecord] = []
    /// The record that withdrew it, if any.
    public private(set) var withdrawnBy: EventRecord?

    /// Starts the history of a fact.
    public init(_ fact: EventRecord) {
        self.fact = fact
        self.current = fact.payload
    }

    /// Notes a later record if it concerns this fact.
    public mutating func apply(_ record: EventRecord) {
        let seq = fact.seq.value
        switch record.type {
        case EventType.factCorrected where record.payload["target"]?.int == seq:
            for change in record.payload["changes"]?.array ?? [] {
                if let field = change["field"]?.string, let value = change["to"] {
                    current = FactSchema.setting(field, to: value, in: current)
                }
            }
            changes.append(record)
        case EventType.factRetracted where record.payload["target"]?.int == seq:
            withdrawnBy = record
            changes.append(record)
        case EventType.issueSuperseded where record.payload["retracted"]?.array?.contains(.int(seq)) == true:
            withdrawnBy = record
            changes.append(record)
        default:
            break
        }
    }
}
