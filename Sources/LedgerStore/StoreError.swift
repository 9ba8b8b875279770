import LedgerDomain

/// Why the store could not do what was asked. Each case carries what a person needs to act.
public enum StoreError: Error, Equatable, Sendable {
    /// Another process holds the write lock and did not release it in time.
    case busy(lockPath: String, waitedMilliseconds: Int, holder: String?)
    /// Optimistic concurrency: the log's head moved since the caller read it.
    case headMoved(expected: LogHead, actual: LogHead)
    /// The log or its HEAD file is damaged; `verify` tells the whole story.
    case damaged(path: String, line: Int?, reason: LogDamage)
    /// A path the store must own is a symlink, a directory or a FIFO.
    case unsafePath(path: String, found: FileKind)
    /// A record of the batch would be longer than a log line may be (``RecordLine/maxLineBytes``),
    /// so it could never be read back: nothing is written.
    case recordTooLarge(seq: Int, type: String, bytes: Int, limit: Int)
    /// A system call failed.
    case system(SystemError)
}

extension StoreError: CustomStringConvertible {
    /// One paragraph for a person: what went wrong and where.
    public var description: String {
        switch self {
        case .busy(let lockPath, let waited, let holder):
            let who = holder.map { " (held by \($0))" } ?? ""
            return "ledger is busy: another ledger command is writing\(who); gave up after waiting \(Double(waited) / 1000) s for \(lockPath). Try again when it has finished."
        case .headMoved(let expected, let actual):
            return "the ledger changed while this command ran: expected head \(expected), found \(actual). Nothing was written; run the command again."
        case .damaged(let path, let line, let reason):
            let place = line.map { "\(path):\($0)" } ?? path
            return "the ledger is damaged: \(place): \(reason). Run `ledger verify` for the full report."
        case .unsafePath(let path, let found):
            return "refusing to use \(path): it is \(StorePaths.describe(found)), not a regular file the ledger made. Nothing was written."
        case .recordTooLarge(let seq, let type, let bytes, let limit):
            return "refusing to append: the \(type) record at seq \(seq) would be \(bytes) bytes, over the limit of \(limit) bytes for one record of the log (most of it is the source text the fact quotes). Nothing was written."
        case .system(let error) where error.isPermissionDenied && error.wasReading:
            return "permission denied: \(error). This user may not read that file of the ledger: ask whoever keeps the ledger for read access."
        case .system(let error) where error.isPermissionDenied:
            return "permission denied: \(error). This command writes to the ledger and needs write access to its EventLog/ and Snapshots/, which this user does not have: the reading commands (project, replay, export, report, verify, log, show, audit) work without it. Nothing was written."
        case .system(let error):
            let hint = error.isDiskFull ? " The disk is full; free some space and run the command again." : ""
            return "I/O error: \(error).\(hint) The ledger is as it was before this command."
        }
    }
}
