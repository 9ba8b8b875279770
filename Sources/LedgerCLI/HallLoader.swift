import LedgerDomain
import LedgerProjections
import LedgerStore

/// Builds the hall's state for a question: from the snapshot's parts the question needs plus the
/// records after it, or from the whole log when the question looks back in time.
struct HallLoader {
    let context: CommandContext

    /// The state, the HEAD it was computed from, and notes for standard error. With a usable
    /// snapshot the state holds only `parts` (and the registered departments), and of the parts
    /// kept by year only the years `years` shows (``HallState/omittedYears`` names the others);
    /// without one, everything. The parts in `everyYear` are read whole whatever `years` says.
    func load(_ filter: TimeFilter, parts: Set<HallState.Part> = HallState.Part.all,
              years: YearSelection = .all, everyYear: Set<HallState.Part> = []) throws -> (HallState, HeadFile) {
        let (store, head) = try context.openStore()
        if filter.isEverything,
           let state = try fromSnapshot(store: store, head: head, parts: parts.union([.registered]), years: years, everyYear: everyYear) {
            return (state, head)
        }
        var state = HallState()
        try store.forEachRecord(upTo: head) { record, _ in state.apply(record, filter: filter) }
        return (state, head)
    }

    /// The state from the snapshot and the records after it; nil (with a note when there is a
    /// snapshot) when the snapshot cannot be used.
    private func fromSnapshot(store: EventStore, head: HeadFile, parts: Set<HallState.Part>, years: YearSelection,
                              everyYear: Set<HallState.Part>) throws -> HallState? {
        var read = Self.snapshots(store).read(name: HallState.snapshotName, version: HallState.version,
                                              select: Self.selection(parts, years, everyYear: everyYear), store: store, head: head)
        guard case .success(let (header, _)) = read else {
            if case .failure(let rejection) = read, let reason = rejection.reason {
                context.stderr.write(context.text(Message(.noteLine, .message(Message(.snapshotIgnored, .text(Self.snapshotFile), .message(reason.message))))) + "\n")
            }
            return nil
        }
        var tail: [EventRecord] = []
        try store.forEachRecord(upTo: head, after: (header.bytes, header.head)) { record, _ in tail.append(record) }
        // A correction, retraction or supersession after the snapshot may aim at a fact of a
        // year not read, and move it into the year shown or out of it: then every year is read.
        if years != .all, tail.contains(where: { Self.reachesBack($0.type) }) {
            read = Self.snapshots(store).read(name: HallState.snapshotName, version: HallState.version,
                                              select: Self.selection(parts, .all, everyYear: []), store: store, head: head)
        }
        guard case .success(let (header, bytes)) = read, var state = Self.state(bytes, header) else {
            context.stderr.write(context.text(Message(.noteLine, .message(Message(.snapshotUnreadable, .text(Self.snapshotFile))))) + "\n")
            return nil
        }
        for record in tail { state.apply(record) }
        return state
    }

    /// Whether a record changes facts recorded before it.
    static func reachesBack(_ type: String) -> Bool {
        type == EventType.factCorrected || type == EventType.factRetracted || type == EventType.issueSuperseded
    }

    /// What to read of each part: of a part kept by year, the years `years` shows.
    static func selection(_ parts: Set<HallState.Part>, _ years: YearSelection,
                          everyYear: Set<HallState.Part>) -> [String: SnapshotStore.Selection] {
        let selection: SnapshotStore.Selection
        switch years {
        case .latest: selection = .last
        // The latest year too: the summary above a year's weeks is of the latest report.
        case .year(let year): selection = .lastAnd([year])
        case .all: selection = .all
        }
        return Dictionary(uniqueKeysWithValues: parts.map { ($0.rawValue, $0.isYearly && !everyYear.contains($0) ? selection : .all) })
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
                                     snapshotBytes: taken.parts.reduce(0) { $0 + $1.size }) { return nil }
        var state = HallState()
        var after: (bytes: Int, head: LogHead)?
        if taken != nil,
           case .success(let (header, bytes)) = snapshots.read(name: HallState.snapshotName, version: HallState.version,
                                                               select: nil, store: store, head: head),
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
        private let read: Result<(SnapshotStore.Header, [String: SnapshotStore.PartRead]), SnapshotStore.Rejection>
        private let head: HeadFile
        private var state = HallState()

        /// Reads the snapshot as it stands against `head`.
        init(store: EventStore, head: HeadFile) {
            self.head = head
            read = snapshots(store).read(name: HallState.snapshotName, version: HallState.version, select: nil, store: store, head: head)
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
            case .failure(.outdated(let reason)):
                // An earlier build's snapshot after an upgrade: nothing is wrong with the ledger.
                return ([], [.snapshotOutdated(file: snapshotFile, reason: reason)])
            case .success(let (header, bytes)):
                // One part at a time: the rebuilt state's encoding is never held whole.
                if let differing = HallState.Part.allCases.first(where: { !HallLoader.matches(state, $0, bytes[$0.rawValue]) }) {
                    return ([.snapshotPartDiffers(file: snapshotFile, part: differing.rawValue, seq: header.head.seq)], [])
                }
                let behind = head.head.seq.value - header.head.seq.value
                return ([], [.snapshotMatches(file: snapshotFile, seq: header.head.seq, behind: behind)])
            }
        }
    }

    /// Whether the snapshot's part, read whole, is the part as `state` gives it.
    fileprivate static func matches(_ state: HallState, _ part: HallState.Part, _ read: SnapshotStore.PartRead?) -> Bool {
        switch (snapshotContent(state, part), read) {
        case (.whole(let expected), .whole(let bytes)?): return expected == bytes
        case (.segments(let expected), .segments(let segments, let keys)?): return expected == segments && keys == expected.map(\.key)
        default: return false
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
                                   contents: HallState.Part.allCases.map { (name: $0.rawValue, content: snapshotContent(state, $0)) })
    }

    fileprivate static func snapshots(_ store: EventStore) -> SnapshotStore {
        SnapshotStore(layout: store.layout, system: store.system)
    }

    /// A part of `state` as the snapshot keeps it: by year when it grows with the history.
    static func snapshotContent(_ state: HallState, _ part: HallState.Part) -> SnapshotStore.Content {
        guard part.isYearly else { return .whole(state.snapshotPart(part)) }
        return .segments(state.snapshotYears(part).map { SnapshotStore.Segment(key: $0.year, bytes: $0.bytes) })
    }

    /// The state the snapshot's parts hold, or nil when a part is unknown or cannot be read.
    private static func state(_ read: [String: SnapshotStore.PartRead], _ header: SnapshotStore.Header) -> HallState? {
        var segments: [HallState.Part: [(year: Int?, bytes: [UInt8])]] = [:]
        var omitted: [HallState.Part: Set<Int>] = [:]
        for (name, part) in read {
            guard let known = HallState.Part(rawValue: name) else { return nil }
            switch part {
            case .whole(let bytes):
                segments[known] = [(year: nil, bytes: bytes)]
            case .segments(let years, let keys):
                segments[known] = years.map { (year: $0.key, bytes: $0.bytes) }
                omitted[known] = Set(keys).subtracting(years.map(\.key))
            }
        }
        guard let state = HallState(snapshotSegments: segments, omittedYears: omitted, head: header.head, recordCount: header.records),
              state.head == header.head else { return nil }
        return state
    }
}
