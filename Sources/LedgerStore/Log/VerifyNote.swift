import LedgerDomain

/// Something `verify` says that is not a problem: what it checked, what it left alone. The
/// English is ``description``; the CLI renders the same case in the user's language.
public enum VerifyNote: Equatable, Sendable, CustomStringConvertible {
    /// Nothing has been appended yet.
    case empty
    /// Another process is writing: the bytes after the committed head were not checked.
    case writeInProgress(bytes: Int)
    /// The stored source documents were checked against their SHA-256.
    case documentsChecked(count: Int)
    /// An interrupted write left whole records after the committed head.
    case interruptedWrite(bytes: Int, records: Int, head: LogHead, line: Int)
    /// There is no snapshot.
    case noSnapshot
    /// The snapshot matches the log (`behind`: records folded on top of it).
    case snapshotMatches(file: String, seq: Seq, behind: Int)
    /// An earlier build wrote the snapshot (an older format or projection version): it is not
    /// read, and the next `ledger snapshot` replaces it. Not damage: after an upgrade.
    case snapshotOutdated(file: String, reason: SnapshotDamage)

    /// The note in English.
    public var description: String {
        switch self {
        case .empty: "the ledger is empty: nothing has been appended yet"
        case .writeInProgress(let bytes): "a write is in progress: \(bytes) bytes after the committed head were not checked"
        case .documentsChecked(let count): "\(count) source document\(count == 1 ? "" : "s") checked against their SHA-256"
        case let .interruptedWrite(bytes, records, head, line):
            "an interrupted write left \(bytes) bytes (\(records) whole records) after the committed head \(head) on line \(line) on; the next ledger command that finds no writer moves them to EventLog/recovered/"
        case .noSnapshot: "no snapshot: answers are computed from the whole log"
        case let .snapshotMatches(file, seq, behind):
            "\(file) matches the log at seq \(seq)" + (behind > 0 ? " (\(behind) records behind the head, folded on top)" : "")
        case let .snapshotOutdated(file, reason): "\(file): \(reason); it is ignored and will be rebuilt by `ledger snapshot`"
        }
    }
}
