/// Why the log, its HEAD or a stored document cannot be read as the ledger wrote it: one case
/// per reason, with what a person needs to find it. ``description`` is the English sentence
/// (part of the store's error and of `verify`'s problems); the CLI renders the same case in the
/// user's language.
public enum LogDamage: Equatable, Sendable, CustomStringConvertible {
    /// A line longer than any record may be.
    case lineTooLong(maxBytes: Int)
    /// More bytes after the committed head than an interrupted write leaves.
    case bytesAfterHead(count: Int)
    /// The bytes after the committed head hold a record that no interrupted write makes.
    indirect case notAnInterruptedWrite(head: LogHead, problem: ChainProblem)
    /// The committed log does not end with a newline.
    case noFinalNewline
    /// The last committed record is not the one HEAD names.
    case lastRecordNotHead(head: LogHead)
    /// HEAD is missing beside a log that is not empty.
    case headMissing(logBytes: Int)
    /// HEAD cannot be read (the decoder's reason, in English).
    case headUnreadable(String)
    /// A line that is not a valid record (the decoder's reason, in English).
    case invalidRecord(String)
    /// A seq that does not follow its predecessor in the chain.
    case seqDoesNotFollow(seq: Seq, previous: Seq)
    /// A record whose bytes no longer match its hash.
    case recordEdited(seq: Seq)
    /// HEAD names another record than the log's last committed one.
    case headDisagrees(head: LogHead, last: LogHead)
    /// The log is shorter than HEAD says was committed.
    case cutOff(bytes: Int, committedBytes: Int, head: LogHead)
    /// `EventLog/documents` is not a folder (`found`: what it is, as the store describes it).
    case documentsNotFolder(found: String)
    /// A stored document is missing.
    case documentMissing
    /// A stored document's bytes no longer hash to its name.
    case documentEdited
    /// A record that would not read back the same in format 2: the log was not migrated.
    case migrationMismatch(seq: Seq)
    /// The file could not be read at all (a system error, in English).
    case unreadable(String)

    /// The reason in English.
    public var description: String {
        switch self {
        case .lineTooLong(let maxBytes): "the line is longer than \(maxBytes) bytes"
        case .bytesAfterHead(let count): "\(count) bytes follow the committed head, more than any interrupted write leaves"
        case let .notAnInterruptedWrite(head, problem):
            "the bytes after the committed head (\(head)) are not an interrupted write: record \(problem.lineNumber) after the head: \(problem.kind.rawValue): \(problem.message)"
        case .noFinalNewline: "the committed log does not end with a newline"
        case .lastRecordNotHead(let head): "the last committed record is not \(head) as HEAD says"
        case .headMissing(let bytes): "the file is missing beside a log of \(bytes) bytes"
        case .headUnreadable(let reason): "cannot be read: \(reason)"
        case .invalidRecord(let reason): reason
        case let .seqDoesNotFollow(seq, previous): "seq \(seq) does not follow seq \(previous) in the chain"
        case .recordEdited(let seq): "seq \(seq)'s bytes do not match its hash: the record was edited"
        case let .headDisagrees(head, last): "HEAD names \(head) but the log's last committed record is \(last)"
        case let .cutOff(bytes, committedBytes, head):
            "the file is \(bytes) bytes but HEAD says \(committedBytes) bytes were committed, up to \(head): committed records were cut off"
        case .documentsNotFolder(let found): "it is \(found), not the folder the ledger made"
        case .documentMissing: "the stored document is missing"
        case .documentEdited: "the stored document's bytes no longer match its name (its SHA-256): it was edited"
        case .migrationMismatch(let seq):
            "seq \(seq) would not read back the same in format 2, so the log was not migrated (nothing was changed); please report this"
        case .unreadable(let reason): reason
        }
    }
}
