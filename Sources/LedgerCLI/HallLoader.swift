import LedgerDomain
import LedgerProjections
import LedgerStore

/// Builds the hall's state for a question: from the newest snapshot that matches the log plus
/// the records after it, or from the whole log when the question looks back in time.
struct HallLoader {
    let context: CommandContext

    /// The state, the HEAD it was computed from, and notes for standard error.
    func load(_ filter: TimeFilter) throws -> (HallState, HeadFile) {
        let (store, head) = try context.openStore()
        var state = HallState()
        var after: (bytes: Int, head: LogHead)?
        if filter.isEverything {
            let snapshots = SnapshotStore(layout: store.layout, system: store.system)
            switch snapshots.read(name: HallState.snapshotName, version: HallState.version, store: store, head: head) {
            case .success(let (header, bytes)):
                if let restored = HallState(snapshotBytes: bytes), restored.head == header.head {
                    state = restored
                    after = (header.bytes, header.head)
                } else {
                    context.stderr.write("ledger: note: ignoring Snapshots/\(HallState.snapshotName).snapshot: its state cannot be read; answering from the log\n")
                }
            case .failure(.unusable(let reason)):
                context.stderr.write("ledger: note: ignoring Snapshots/\(HallState.snapshotName).snapshot: \(reason); answering from the log\n")
            case .failure(.missing):
                break
            }
        }
        try store.forEachRecord(upTo: head, after: after) { record, _ in state.apply(record, filter: filter) }
        return (state, head)
    }

    /// How many records may follow the snapshot before ingest writes a new one.
    static let snapshotInterval = 1000

    /// After an append: writes a new snapshot when the records since the last one (or since
    /// the start, with none) reach ``snapshotInterval``. Returns the seq it was written at.
    @discardableResult
    static func refreshSnapshotIfStale(_ context: CommandContext) throws -> Seq? {
        let (store, head) = try context.openStore()
        let snapshots = SnapshotStore(layout: store.layout, system: store.system)
        var since = head.head.seq.value
        if case .success(let (header, _)) = snapshots.read(name: HallState.snapshotName, version: HallState.version, store: store, head: head) {
            since -= header.head.seq.value
        }
        guard since >= snapshotInterval else { return nil }
        var state = HallState()
        try store.forEachRecord(upTo: head) { record, _ in state.apply(record) }
        try writeSnapshot(state, head: head, store: store)
        return head.head.seq
    }

    /// Checks the snapshot for `verify`: problems (it disagrees with the log, or was edited) and
    /// notes (none, or stale and about to be rebuilt).
    static func checkSnapshot(store: EventStore, head: HeadFile) throws -> (problems: [String], notes: [String]) {
        let snapshots = SnapshotStore(layout: store.layout, system: store.system)
        let file = "Snapshots/\(HallState.snapshotName).snapshot"
        switch snapshots.read(name: HallState.snapshotName, version: HallState.version, store: store, head: head) {
        case .failure(.missing):
            return ([], ["no snapshot: answers are computed from the whole log"])
        case .failure(.unusable(let reason)):
            return (["\(file): \(reason); it is ignored and will be rebuilt by `ledger snapshot`"], [])
        case .success(let (header, bytes)):
            var state = HallState()
            try store.forEachRecord(upTo: head) { record, _ in
                if record.seq <= header.head.seq { state.apply(record) }
            }
            guard state.snapshotBytes() == bytes else {
                return (["\(file): its state at seq \(header.head.seq) differs from the state the log gives; it is ignored"], [])
            }
            let behind = head.head.seq.value - header.head.seq.value
            return ([], ["\(file) matches the log at seq \(header.head.seq)" + (behind > 0 ? " (\(behind) records behind the head, folded on top)" : "")])
        }
    }

    /// Writes the snapshot of the whole state at the log's head.
    static func writeSnapshot(_ state: HallState, head: HeadFile, store: EventStore) throws {
        try SnapshotStore(layout: store.layout, system: store.system)
            .write(name: HallState.snapshotName, version: HallState.version, head: head.head, bytes: head.bytes,
                   records: state.recordCount, state: state.snapshotBytes())
    }
}
