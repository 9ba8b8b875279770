/// Where a ledger keeps its files, below the ledger directory.
///
/// `EventLog/events.jsonl` is the log; `EventLog/HEAD` is the commit point (the last committed
/// seq, hash and byte length); `EventLog/lock` serialises writers; `EventLog/recovered/` keeps
/// the bytes of interrupted writes for inspection; `EventLog/documents/` the ingested documents.
public struct LedgerLayout: Sendable, Equatable {
    /// The ledger directory (holding `EventLog/` and `Snapshots/`).
    public let root: String

    /// Creates the layout for a ledger directory.
    public init(root: String) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
    }

    /// `EventLog/`.
    public var eventLog: String { root + "/EventLog" }
    /// `EventLog/events.jsonl`.
    public var log: String { eventLog + "/events.jsonl" }
    /// `EventLog/HEAD`.
    public var head: String { eventLog + "/HEAD" }
    /// `EventLog/lock`.
    public var lock: String { eventLog + "/lock" }
    /// `EventLog/documents/`: ingested documents, named by their SHA-256.
    public var documents: String { eventLog + "/documents" }
    /// `EventLog/recovered/`.
    public var recovered: String { eventLog + "/recovered" }
    /// `EventLog/archive/`: logs replaced by `ledger migrate`, kept whole.
    public var archive: String { eventLog + "/archive" }
    /// `EventLog/migrating`: the new HEAD while `ledger migrate` swaps the log (see
    /// ``EventStore/migrate(context:quotable:)``).
    public var migrating: String { eventLog + "/migrating" }
    /// `EventLog/events.jsonl.migrating`: the new log being written by `ledger migrate`.
    public var migratingLog: String { eventLog + "/events.jsonl.migrating" }
    /// `Snapshots/`.
    public var snapshots: String { root + "/Snapshots" }

    /// A path relative to the ledger directory, for messages: `EventLog/events.jsonl`.
    public func relative(_ path: String) -> String {
        path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
    }
}
