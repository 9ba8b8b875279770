import LedgerDomain

/// Who appends, when, and why: what the store stamps on every record of a batch.
///
/// The clock and the id source come in here, so the store itself reads no clock.
public struct AppendContext {
    /// The actor recorded on every record of the batch.
    public var actor: String
    /// The instant recorded on every record of the batch.
    public var now: Instant
    /// The command line, recorded on the batch's first record.
    public var command: String?
    /// The reason given, recorded on the batch's first record.
    public var reason: String?
    /// Makes a fresh id for each record.
    public var makeID: () -> EventID

    /// Creates a context; by default ids come from the system's random number generator.
    public init(actor: String, now: Instant, command: String? = nil, reason: String? = nil,
                makeID: @escaping () -> EventID = { var generator = SystemRandomNumberGenerator(); return EventID.random(using: &generator) }) {
        self.actor = actor
        self.now = now
        self.command = command
        self.reason = reason
        self.makeID = makeID
    }
}

/// What an append did: the seqs it wrote and the new head.
public struct AppendReceipt: Equatable, Sendable {
    /// The seqs of the appended records.
    public var seqs: ClosedRange<Int>
    /// The log's head after the append.
    public var head: LogHead
    /// An interrupted earlier write that was cut off before appending, if there was one.
    public var recovery: TailRecovery?
}

/// An interrupted write that was cut off the end of the log and kept aside.
public struct TailRecovery: Equatable, Sendable, CustomStringConvertible {
    /// How many bytes were cut off.
    public var bytes: Int
    /// How many whole records they held.
    public var records: Int
    /// The committed head they came after.
    public var after: LogHead
    /// Where the bytes were kept, relative to the ledger directory.
    public var savedAs: String

    /// One sentence for a person.
    public var description: String {
        "recovered from an interrupted write: cut \(bytes) bytes (\(records) whole records of an unfinished batch) after \(after) off the log and kept them in \(savedAs)"
    }
}
