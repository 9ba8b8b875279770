extension ChainProblem {
    /// What `verify` found, one case per sentence, with the seqs and sizes as typed arguments.
    /// ``description`` is the English sentence `verify` has always printed.
    public enum Detail: Equatable, Sendable, CustomStringConvertible {
        /// A line that is not a valid record (the decoder's reason, in English).
        case invalidLine(reason: String)
        /// The last line has no newline.
        case endsMidRecord
        /// One seq is missing.
        case seqMissing(Int)
        /// The log ends inside a batch.
        case endsInsideBatch(first: Seq, present: Int, count: Int)
        /// A record beyond the committed head whose hash is not its bytes'.
        case forgedBeyondHead(committed: Seq)
        /// A record whose bytes do not match its hash.
        case bytesDoNotMatchHash
        /// A seq standing after a higher one.
        case moved(seq: Int, after: Int)
        /// A seq appearing twice, the same record.
        case duplicated(seq: Int)
        /// A seq appearing twice with other content.
        case duplicatedOtherContent(seq: Int)
        /// A record whose prev is not its predecessor's hash.
        case chainBreaks(previous: Int)
        /// A run of seqs missing.
        case seqsMissing(first: Int, last: Int)
        /// A batch marker that does not include the record's own seq.
        case batchMarkerExcludesSeq(first: Seq, count: Int)
        /// A batch interrupted by another.
        case batchInterrupted(first: Seq, at: Seq)
        /// A record of a batch whose first records are not here.
        case batchStartMissing(seq: Seq, first: Seq)
        /// `EventLog/HEAD` cannot be trusted.
        case headFile(LogDamage)
        /// The log cannot be split into records from here on.
        case overwritten(LogDamage)
        /// An empty log under a HEAD that says bytes were committed.
        case emptyLogButHead(committedBytes: Int, head: LogHead)
        /// A stored document cited by the log that is missing or edited.
        case document(digestPrefix: String, seq: Seq, LogDamage)
        /// A log shorter than HEAD says.
        case cutOffAfter(bytes: Int, committedBytes: Int, head: LogHead, last: LogHead)
        /// HEAD names another record than the log's last.
        case headNamesOther(head: LogHead, last: LogHead)
        /// The snapshot cannot be used.
        case snapshotUnusable(file: String, reason: SnapshotDamage)
        /// A part of the snapshot differs from the log's state.
        case snapshotPartDiffers(file: String, part: String, seq: Seq)

        /// The sentence in English.
        public var description: String {
            switch self {
            case .invalidLine(let reason): "the line is not a valid record (\(reason)): it was changed after it was written"
            case .endsMidRecord: "the file ends mid-record: the last line has no newline"
            case .seqMissing(let seq): "seq \(seq) is missing: the log goes on without it"
            case let .endsInsideBatch(first, present, count):
                "the log ends inside the batch that began at seq \(first): \(present) of its \(count) records are there"
            case .forgedBeyondHead(let committed):
                "the record's hash is not the SHA-256 of its bytes and it lies beyond the committed head (seq \(committed)): it was added by hand"
            case .bytesDoNotMatchHash: "the record's bytes do not match its hash: it was changed after it was written"
            case let .moved(seq, after): "seq \(seq) stands after seq \(after): records were moved"
            case .duplicated(let seq): "seq \(seq) appears a second time"
            case .duplicatedOtherContent(let seq): "seq \(seq) appears a second time, with other content"
            case .chainBreaks(let previous):
                "the chain breaks here: this record's prev is not the hash of seq \(previous), so one of the two was replaced by a record made by hand"
            case let .seqsMissing(first, last): "seq \(first)…\(last) are missing: the log goes on without them"
            case let .batchMarkerExcludesSeq(first, count): "the record's batch marker (first \(first), count \(count)) does not include its own seq"
            case let .batchInterrupted(first, at): "the batch that began at seq \(first) is interrupted at seq \(at) by another batch"
            case let .batchStartMissing(seq, first): "seq \(seq) belongs to a batch that began at seq \(first), whose first records are not here"
            case .headFile(let reason): "EventLog/HEAD \(reason)"
            case .overwritten(let reason):
                "\(reason): the log was overwritten from here on (by a file that is not a ledger's log?), so nothing after it can be read as records; restore EventLog/events.jsonl from a backup or another copy of the ledger"
            case let .emptyLogButHead(committedBytes, head): "the log is empty but HEAD says \(committedBytes) bytes were committed, up to \(head)"
            case let .document(prefix, seq, problem): "EventLog/documents/\(prefix)…, cited from seq \(seq) on: \(problem)"
            case let .cutOffAfter(bytes, committedBytes, head, last):
                "the log is \(bytes) bytes but HEAD says \(committedBytes) bytes were committed, up to \(head): records were cut off after \(last)"
            case let .headNamesOther(head, last): "HEAD names \(head) but the log's last committed record is \(last)"
            case let .snapshotUnusable(file, reason): "\(file): \(reason); it is ignored and will be rebuilt by `ledger snapshot`"
            case let .snapshotPartDiffers(file, part, seq): "\(file): its part \"\(part)\" at seq \(seq) differs from the state the log gives; it is ignored"
            }
        }
    }
}
