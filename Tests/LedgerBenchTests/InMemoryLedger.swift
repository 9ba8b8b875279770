import LedgerBench
import LedgerDomain
import LedgerParser
import LedgerProjections
import LedgerStore

/// A ledger kept in memory: each document goes the way `ledger ingest` takes it (decode, parse,
/// events, plan against the history, append with a hash chain), without touching the disk.
struct InMemoryLedger {
    private(set) var records: [EventRecord] = []
    private(set) var state = HallState()
    private var history = IngestHistory()
    private var head = LogHead.empty
    private var batches = 0

    /// Ingests one document; returns its problems (unreadable, a diagnostic of severity error or
    /// warning, a failed check, not appended) and the bulletin the parser read.
    mutating func ingest(_ text: String) -> (problems: [String], bulletin: Bulletin?) {
        let bytes = Array(text.utf8)
        let decoded: DecodedDocument
        do {
            decoded = try DocumentDecoder.decode(bytes)
        } catch {
            return (["cannot decode: \(error)"], nil)
        }
        let outcome = BulletinParser.parse(lines: decoded.lines, registry: state.registry)
        var problems = outcome.diagnostics.filter { $0.severity >= .warning }.map { "\($0)" }
        guard let bulletin = outcome.bulletin else { return (problems + ["no bulletin"], nil) }
        let digest = SHA256.hash(bytes)
        let events = bulletin.events(document: digest, encoding: decoded.encoding.rawValue, partial: false)
        switch IngestPlanner.plan(bulletin, events: events, document: digest, history: history, supersede: false) {
        case .append(let planned, let warnings, _):
            problems += warnings
            append(planned)
        case .alreadyIngested(let issue, _, _):
            problems.append("already ingested as \(issue)")
        case .conflict(let issue, let differences):
            problems.append("conflict with \(issue): \(differences)")
        }
        return (problems, bulletin)
    }

    /// Appends a batch as the store would, one minute after the previous one.
    private mutating func append(_ batch: [NewEvent]) {
        let first = head.seq.next
        for event in batch {
            var idBytes = [UInt8](repeating: 0, count: 16)
            withUnsafeBytes(of: UInt64(head.seq.value + 1).littleEndian) { idBytes.replaceSubrange(0..<8, with: $0) }
            let draft = EventRecord(
                seq: head.seq.next, id: EventID(randomBytes: idBytes), type: event.type, version: event.version,
                valid: event.valid, recordedAt: Instant(millisecondsSinceEpoch: 1_795_319_400_000 + Int64(batches) * 60_000),
                actor: "test", batch: BatchMarker(first: first, count: batch.count), source: event.source,
                payload: event.payload, prev: head.hash)
            let record = RecordLine.encode(draft).record
            records.append(record)
            history.apply(record)
            state.apply(record)
            head = record.asHead
        }
        batches += 1
    }
}
