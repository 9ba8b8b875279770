import LedgerBench
import LedgerDomain
import LedgerCLI
import LedgerDocuments
import LedgerParser
import LedgerProjections
import LedgerStore
import LedgerFormats

/// A ledger kept in memory: each document goes the way `ledger ingest` takes it (decode, parse,
/// events, plan against the history, append with a hash chain), without touching the disk.
struct InMemoryLedger {
    /// The log's bytes and records, appended as the store would.
    private(set) var log = InMemoryLog()
    private(set) var state = HallState()
    private var history = IngestHistory()

    var records: [EventRecord] { log.records }

    /// Ingests one document; returns its problems (unreadable, a diagnostic of severity error or
    /// warning, a failed check, not appended) and the bulletin the parser read.
    mutating func ingest(_ text: String) -> (problems: [String], bulletin: Bulletin?) {
        ingest(bytes: Array(text.utf8))
    }

    /// Ingests one document in any format `ledger` reads (text, PDF, .docx).
    mutating func ingest(bytes: [UInt8]) -> (problems: [String], bulletin: Bulletin?) {
        let document: ExtractedDocument
        do {
            document = try DocumentReader.read(bytes)
        } catch {
            return (["cannot decode: \(error)"], nil)
        }
        let outcome = BulletinParser.parse(lines: document.lines.map(\.text), registry: state.registry)
        var problems = outcome.diagnostics.filter { $0.severity >= .warning }.map { "\($0)" }
        guard let bulletin = outcome.bulletin else { return (problems + ["no bulletin"], nil) }
        // Every line has one place; a warning from the safety net is already a problem above.
        if let violations = outcome.account?.violations, !violations.isEmpty {
            problems += violations.map { "line account: \($0)" }
        }
        let digest = SHA256.hash(bytes)
        let events = bulletin.events(document: digest, encoding: document.decodedAs, partial: false,
                                     layout: document.sourceLayout)
        switch IngestPlanner.plan(bulletin, events: events, document: digest, history: history, supersede: false) {
        case .append(let planned, let warnings, _):
            problems += warnings.map(\.description)
            append(planned)
        case .alreadyIngested(let issue, _, _):
            problems.append("already ingested as \(issue)")
        case .conflict(let issue, let differences):
            problems.append("conflict with \(issue): \(differences)")
        case .overlaps(let issue, _, let others, _):
            problems.append("\(issue) overlaps \(others.map(\.key))")
        case .otherPublisher(let publisher, _):
            problems.append("published by another: \(publisher)")
        }
        return (problems, bulletin)
    }

    /// Appends a batch as the store would, and folds it into the state and the history.
    private mutating func append(_ batch: [NewEvent]) {
        let before = log.records.count
        log.append(batch)
        for record in log.records[before...] {
            history.apply(record)
            state.apply(record)
        }
    }
}
