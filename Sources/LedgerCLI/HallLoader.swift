import LedgerDomain
import LedgerProjections
import LedgerStore

/// Builds the hall's state for a question: from the snapshot's parts the question needs plus the
/// records after it, or from the whole log when the question looks back in time.
struct HallLoader {
    let context: CommandContext

    /// The state, the HEAD it was computed from, and notes for standard error. With a usable
    /// snapshot the state holds only `parts` (and the registered departments); without one, all.
    func load(_ filter: TimeFilter, parts: Set<HallState.Part> = HallState.Part.all) throws -> (HallState, HeadFile) {
        let (store, head) = try context.openStore()
        var state = HallState()
        var after: (bytes: Int, head: LogHead)?
        if filter.isEverything {
            let wanted = Set(parts.union([.registered]).map(\.rawValue))
            switch Self.snapshots(store).read(name: HallState.snapshotName, version: HallState.version, parts: wanted, store: store, head: head) {
            case .success(let (header, bytes)):
                if let restored = Self.state(bytes, header) {
                    state = restored
                    after = (header.bytes, header.head)
                } else {
                    context.stderr.write(context.text(Message(.noteLine, .message(Message(.snapshotUnreadable, .text(Self.snapshotFile))))) + "\n")
                }
            case .failure(.unusable(let reason)):
                context.stderr.write(context.text(Message(.noteLine, .message(Message(.snapshotIgnored, .text(Self.snapshotFile), .message(reason.message))))) + "\n")
            case .failure(.missing):
                break
            }
        }
        try store.forEachRecord(upTo: head, after: after) { record, _ in state.apply(record, filter: filter) }
        return (state, head)
    }

    /// How many records may follow the snapshot before ingest writes a new one, at least.
    static let snapshotInterval = 1000

    /// Whether a snapshot is due: at least ``snapshotInterval`` records after the last one, and
    /// at least a quarter of its size in log bytes. The second rule keeps the cost of
    /// rewriting a snapshot that grows with the log to a few bytes written per byte appended,
    /// whatever the log's length, at the price of a longer tail for questions to fold (about
    /// 16,000 records at 1,000,000 events, against the whole snapshot rewritten every 1000).
    static func snapshotIsDue(recordsSince: Int, tailBytes: Int, snapshotBytes: Int) -> Bool {
        recordsSince >= snapshotInterval && tailBytes >= snapshotBytes / 4
    }
    /// The snapshot's file, as messages name it.
    static let snapshotFile = "Snapshots/\(HallState.snapshotName).snapshot"

    /// After an append: writes a new snapshot when the records since the last one (or since
    /// the start, with none) reach ``snapshotInterval``, folding only those records onto the
    /// last one. Returns the seq it was written at.
    @discardableResult
    static func refreshSnapshotIfStale(_ context: CommandContext) throws -> Seq? {
        let (store, head) = try context.openStore()
        let snapshots = snapshots(store)
        // The header alone says whether the snapshot is due: its parts, which grow with the
        // log, are read only to refresh it.
        let taken = try? snapshots.read(name: HallState.snapshotName, version: HallState.version, parts: [],
                                        store: store, head: head).get().0
        if let taken, !snapshotIsDue(recordsSince: head.head.seq.value - taken.head.seq.value, tailBytes: head.bytes - taken.bytes,
                                     snapshotBytes: taken.parts.reduce(0) { $0 + $1.length }) { return nil }
        var state = HallState()
        var after: (bytes: Int, head: LogHead)?
        if taken != nil,
           case .success(let (header, bytes)) = snapshots.read(name: HallState.snapshotName, version: HallState.version,
                                                               store: store, head: head),
           let restored = self.state(bytes, header) {
            state = restored
            after = (header.bytes, header.head)
        } else if head.head.seq.value < snapshotInterval {
            return nil
        }
        try store.forEachRecord(upTo: head, after: after) { record, _ in state.apply(record) }
        try writeSnapshot(state, head: head, store: store)
        return head.head.seq
    }

    /// Checks the snapshot for `verify` against records folded in the same pass as the chain
    /// check: ``fold(_:)`` each record in order, then ``finish(head:)``.
    struct SnapshotCheck {
        private let read: Result<(SnapshotStore.Header, [String: [UInt8]]), SnapshotStore.Rejection>
        private let head: HeadFile
        private var state = HallState()

        /// Reads the snapshot as it stands against `head`.
        init(store: EventStore, head: HeadFile) {
            self.head = head
            read = snapshots(store).read(name: HallState.snapshotName, version: HallState.version, store: store, head: head)
        }

        /// Folds one record, when it is one the snapshot covers.
        mutating func fold(_ record: EventRecord) {
            if case .success(let (header, _)) = read, record.seq <= header.head.seq { state.apply(record) }
        }

        /// Problems (it disagrees with the log, or was edited) and notes (none, or how far
        /// behind); nil when the log verified had another head than the one the snapshot was read against.
        func finish(head verified: HeadFile) -> (problems: [ChainProblem.Detail], notes: [VerifyNote])? {
            guard verified == head else { return nil }
            switch read {
            case .failure(.missing):
                return ([], [.noSnapshot])
            case .failure(.unusable(let reason)):
                return ([.snapshotUnusable(file: snapshotFile, reason: reason)], [])
            case .success(let (header, bytes)):
                // One part at a time: the rebuilt state's encoding is never held whole.
                if let differing = HallState.Part.allCases.first(where: { state.snapshotPart($0) != bytes[$0.rawValue] }) {
                    return ([.snapshotPartDiffers(file: snapshotFile, part: differing.rawValue, seq: header.head.seq)], [])
                }
                let behind = head.head.seq.value - header.head.seq.value
                return ([], [.snapshotMatches(file: snapshotFile, seq: header.head.seq, behind: behind)])
            }
        }
    }

    /// Checks the snapshot for `verify` in a pass of its own (when the head moved under the first).
    static func checkSnapshot(store: EventStore, head: HeadFile) throws -> (problems: [ChainProblem.Detail], notes: [VerifyNote]) {
        var check = SnapshotCheck(store: store, head: head)
        try store.forEachRecord(upTo: head) { record, _ in check.fold(record) }
        guard let result = check.finish(head: head) else { preconditionFailure("the same head was checked") }
        return result
    }

    /// Writes the snapshot of the whole state at the log's head.
    static func writeSnapshot(_ state: HallState, head: HeadFile, store: EventStore) throws {
        try snapshots(store).write(name: HallState.snapshotName, version: HallState.version, head: head.head, bytes: head.bytes,
                                   records: state.recordCount,
                                   parts: state.snapshotParts().map { (name: $0.part.rawValue, bytes: $0.bytes) })
    }

    fileprivate static func snapshots(_ store: EventStore) -> SnapshotStore {
        SnapshotStore(layout: store.layout, system: store.system)
    }

    /// The state the snapshot's parts hold, or nil when a part is unknown or cannot be read.
    private static func state(_ bytes: [String: [UInt8]], _ header: SnapshotStore.Header) -> HallState? {
        var parts: [HallState.Part: [UInt8]] = [:]
        for (name, part) in bytes {
            guard let known = HallState.Part(rawValue: name) else { return nil }
            parts[known] = part
        }
        guard let state = HallState(snapshotParts: parts, head: header.head, recordCount: header.records),
              state.head == header.head else { return nil }
        return state
    }
}
