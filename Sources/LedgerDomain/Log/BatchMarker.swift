/// Which append a record belongs to: the batch's first seq and its record count.
///
/// Everything one command appends is one batch, visible whole or not at all. The batch's first
/// record also carries the batch header: the command line that made it and the reason given.
/// In the log: `"batch":{"first":5,"count":25,"command":"ledger ingest 2023-06.txt"}`.
public struct BatchMarker: Hashable, Sendable {
    /// The seq of the batch's first record.
    public var first: Seq
    /// How many records the batch holds (at least 1).
    public var count: Int
    /// The command line that appended the batch; on the batch's first record only.
    public var command: String?
    /// Why the batch was appended, where the user said (corrections require it); first record only.
    public var reason: String?

    /// Creates a marker; `command` and `reason` belong on the batch's first record only.
    public init(first: Seq, count: Int, command: String? = nil, reason: String? = nil) {
        precondition(count >= 1, "a batch holds at least one record")
        self.first = first
        self.count = count
        self.command = command
        self.reason = reason
    }

    /// The seq of the batch's last record.
    public var last: Seq { Seq(first.value + count - 1) }

    /// Whether `seq` falls inside this batch.
    public func contains(_ seq: Seq) -> Bool { seq >= first && seq <= last }
}
