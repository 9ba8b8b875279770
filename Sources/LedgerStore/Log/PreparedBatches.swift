import LedgerDomain

/// Batches encoded one after another, chained onto the head `after`, not yet written:
/// ``EventStore/append(_:)-(PreparedBatches)`` writes them together, with one fsync and one new
/// HEAD. Each keeps its own batch marker, so the log reads as if they were appended one by one.
///
/// Encoding is pure: the records (seqs, hashes, lines) are known before anything is written,
/// so a caller can plan the next batch against the ones before it.
public struct PreparedBatches: Sendable {
    /// The head the batches chain onto: the append fails unless it is still the log's head.
    public let after: LogHead
    /// The format they are written in: the log's.
    public let format: LogFormat
    /// The head once they are appended.
    public private(set) var head: LogHead
    /// Their lines, each with its newline.
    public private(set) var bytes: [UInt8] = []
    /// Their records, in order.
    public private(set) var records: [EventRecord] = []
    /// Where each record's line lies in ``bytes``.
    public private(set) var places: [Range<Int>] = []

    private var encoder = RecordEncoder2()

    /// No batches yet, to chain onto `after` in a log of `format`.
    public init(after: LogHead, format: LogFormat = .current) {
        self.after = after
        self.format = format
        head = after
    }

    /// No batches yet, to chain onto the head `committed` names, in its format.
    public init(after committed: HeadFile) {
        self.init(after: committed.head, format: committed.format)
    }

    /// Encodes one more batch; returns its seqs. Throws ``StoreError/recordTooLarge`` (the
    /// batches as they were) when a record would be longer than a log line may be.
    /// In format 2 a record's source text is left out where `quotable`, the lines of its
    /// document as `show` reads them back, gives exactly that text.
    @discardableResult
    public mutating func add(_ events: [NewEvent], context: AppendContext,
                             quotable: RecordLine2.QuotableDocument? = nil) throws -> ClosedRange<Int> {
        precondition(!events.isEmpty, "a batch holds at least one event")
        var start = bytes.count
        let added: [EventRecord]
        let encoderBefore = encoder
        do {
            added = try EventStore.encodeBatch(events, after: head, context: context, format: format, encoder: &encoder,
                                               quotable: quotable, into: &bytes)
        } catch {
            bytes.removeSubrange(start...)
            encoder = encoderBefore
            throw error
        }
        for _ in added {
            guard let end = bytes[start...].firstIndex(of: 0x0A) else { preconditionFailure("every encoded line ends with a newline") }
            places.append(start..<end + 1)
            start = end + 1
        }
        precondition(start == bytes.count, "the batch's lines are its records")
        records += added
        head = added[added.count - 1].asHead
        return added[0].seq.value...head.seq.value
    }
}
