import LedgerDomain
import LedgerParser
import LedgerStore
import LedgerFormats

/// The ingest history of the ledger, kept across the files of one `ingest` command: the first
/// file starts from the ingest snapshot (`Snapshots/ingest.snapshot`) and the records after it,
/// each later file folds only the records appended since (its own batch, or another writer's).
///
/// A snapshot that is missing, of another version, damaged or not of this log is ignored: the
/// whole log is folded instead. An issue's facts stay in the log until planning or a correction
/// needs them; if the records the snapshot names for them do not rebuild the issue, the session
/// starts again from the whole log. Either way the history equals the fold of the whole log.
final class IngestSession {
    private var history = IngestHistory()
    private var position: (bytes: Int, head: LogHead)?
    /// Records folded in ahead of their append (``foldPlanned(_:at:after:)``), after the
    /// committed HEAD `base`, with their places in the log to be.
    private var planned: (base: HeadFile, records: [(record: EventRecord, place: Range<Int>)])?
    /// The seq of the ingest snapshot on disk, as this session last read or wrote it.
    private var snapshotSeq: Int?
    /// Where the ingest snapshot in use ends in the log, and the bytes of its parts.
    private var snapshotPlace: (bytes: Int, size: Int) = (0, 0)
    /// Notes for standard error (a snapshot ignored).
    private let note: (Message) -> Void

    /// The note that the ingest snapshot is not used, and why.
    static func ignoring(_ reason: SnapshotDamage) -> Message {
        Message(.noteLine, .message(Message(.snapshotIgnoredFolding, .text(snapshotFile), .message(reason.message))))
    }

    /// A session that writes its notes with `note`.
    init(note: @escaping (Message) -> Void = { _ in }) {
        self.note = note
    }

    /// The snapshot's file, as messages name it.
    static let snapshotFile = "Snapshots/\(IngestHistory.snapshotName).snapshot"

    /// The history up to `head`, folding only what is new since the last call.
    func history(store: EventStore, head: HeadFile) throws -> IngestHistory {
        if let planned {
            if planned.base == head { return history }
            // Another writer appended: the planned records will not be, not after this head.
            discardPlanned()
        }
        if let known = position, known.head == head.head { return history }
        if let known = position, known.bytes <= head.bytes, try store.head(endingAt: known.bytes, format: head.format) == known.head {
            try fold(store: store, upTo: head, after: known)
        } else {
            restoreSnapshot(store: store, head: head)
            try fold(store: store, upTo: head, after: position)
        }
        position = (head.bytes, head.head)
        return history
    }

    /// The history up to `head`, with the facts of the issue `key` read back from the log when
    /// planning `document` of it needs them.
    func history(store: EventStore, head: HeadFile, planning key: String, document: SHA256Digest) throws -> IngestHistory {
        // No copy is kept while the facts are read in: it would copy every issue.
        _ = try history(store: store, head: head)
        guard history.needsFacts(ofIssue: key, document: document) else { return history }
        do {
            try history.loadFacts(of: key) { span in
                guard let records = try store.records(in: span.bytes, committed: head) else {
                    throw IngestHistory.FactsMismatch(issue: key)
                }
                return records
            }
        } catch let mismatch as IngestHistory.FactsMismatch {
            note(Self.ignoring(.factsMismatch(issue: mismatch.issue)))
            history = IngestHistory()
            snapshotSeq = nil
            try fold(store: store, upTo: head, after: nil)
            position = (head.bytes, head.head)
            for (record, place) in planned?.records ?? [] { history.apply(record, at: place) }
        }
        return history
    }

    /// Folds records ahead of their append, which will put them at `places` of the log (after
    /// the committed `base`, the head this session stands at): files planned after them see
    /// them. Then either ``committedPlanned(head:)`` once they are appended, or
    /// ``discardPlanned()``.
    func foldPlanned(_ records: [EventRecord], at places: [Range<Int>], after base: HeadFile) {
        precondition(planned?.base ?? base == base && (planned != nil || position?.head == base.head),
                     "records are planned after the head the session stands at")
        var all = planned?.records ?? []
        for (record, place) in zip(records, places) {
            history.apply(record, at: place)
            all.append((record, place))
        }
        planned = (base, all)
    }

    /// The planned records were appended: the log's head is now `head`, their end.
    func committedPlanned(head: HeadFile) {
        precondition(planned?.records.last.map { $0.record.asHead == head.head && $0.place.upperBound == head.bytes } ?? false,
                     "the planned records end at the new head")
        planned = nil
        position = (head.bytes, head.head)
    }

    /// The planned records were not appended: forgets everything, so the next call starts
    /// again from the snapshot.
    func discardPlanned() {
        planned = nil
        history = IngestHistory()
        position = nil
    }

    /// Starts from the snapshot when it is usable, else from nothing.
    private func restoreSnapshot(store: EventStore, head: HeadFile) {
        history = IngestHistory()
        position = nil
        snapshotSeq = nil
        snapshotPlace = (0, 0)
        let snapshots = SnapshotStore(layout: store.layout, system: store.system)
        switch snapshots.read(name: IngestHistory.snapshotName, version: IngestHistory.snapshotVersion, store: store, head: head) {
        case .success(let (header, bytes)):
            var parts: [IngestHistory.Part: [UInt8]] = [:]
            for (name, part) in bytes {
                if let known = IngestHistory.Part(rawValue: name) { parts[known] = part }
            }
            guard parts.count == bytes.count, let restored = IngestHistory(snapshotParts: parts) else {
                return note(Self.ignoring(.unreadableState))
            }
            history = restored
            position = (header.bytes, header.head)
            snapshotSeq = header.head.seq.value
            snapshotPlace = (header.bytes, header.parts.reduce(0) { $0 + $1.size })
        case .failure(.unusable(let reason)), .failure(.outdated(let reason)):
            note(Self.ignoring(reason))
        case .failure(.missing):
            break
        }
    }

    /// Folds the records after `known` (all, when nil) up to `head`, with their places in the log.
    private func fold(store: EventStore, upTo head: HeadFile, after known: (bytes: Int, head: LogHead)?) throws {
        var offset = known?.bytes ?? 0
        try store.forEachRecord(upTo: head, after: known) { record, line in
            let end = offset + line.count + 1
            history.apply(record, at: offset..<end)
            offset = end
        }
    }

    /// After an append: writes a new ingest snapshot when the records since the last one (or
    /// since the start, with none) reach `interval`. Returns the seq it was written at.
    func refreshSnapshotIfStale(store: EventStore, head: HeadFile) throws -> Seq? {
        guard HallLoader.snapshotIsDue(recordsSince: head.head.seq.value - (snapshotSeq ?? 0), tailBytes: head.bytes - snapshotPlace.bytes,
                                       snapshotBytes: snapshotPlace.size) else { return nil }
        let size = try Self.writeSnapshot(try history(store: store, head: head), head: head, store: store)
        snapshotSeq = head.head.seq.value
        snapshotPlace = (head.bytes, size)
        return head.head.seq
    }

    /// Writes the ingest snapshot of `history`, folded with the records' places up to `head`;
    /// returns the bytes of its parts.
    @discardableResult
    static func writeSnapshot(_ history: IngestHistory, head: HeadFile, store: EventStore) throws -> Int {
        let parts = history.snapshotParts().map { (name: $0.part.rawValue, bytes: $0.bytes) }
        try SnapshotStore(layout: store.layout, system: store.system).write(
            name: IngestHistory.snapshotName, version: IngestHistory.snapshotVersion, head: head.head, bytes: head.bytes,
            records: head.head.seq.value, parts: parts)
        return parts.reduce(0) { $0 + $1.bytes.count }
    }
}
