import LedgerDomain
import LedgerParser
import LedgerProjections
import LedgerStore

/// Ingests one file: read, decode, parse, check, plan against the ledger, store, append.
/// Every failure becomes an ``IngestReport`` saying what happened; nothing is written unless
/// the whole batch is.
struct IngestRunner {
    let context: CommandContext
    let options: IngestCommand.Options
    /// What the ledger held as of the last file, shared by every file of one command.
    let session: IngestSession
    static let maxAttempts = 10

    /// Ingests `files` in order. Reading, decoding and parsing need nothing of the ledger but
    /// the registry, so a few files at a time are parsed on every core; planning and appending
    /// stay in order, one file after another.
    func ingest(_ files: [String]) -> [IngestReport] {
        var reports: [IngestReport] = []
        var start = 0
        while start < files.count {
            let chunk = Array(files[start..<min(start + Self.filesParsedTogether, files.count)])
            start += chunk.count
            var prepared = chunk.map { file in Result { () throws -> [UInt8] in try read(file) } }
            let registered = (try? registry())
            let parsed = ParallelMap.map(prepared.map { try? $0.get() }) { [encoding = options.encoding] bytes in
                bytes.flatMap { bytes in registered.map { Self.parse(bytes, encoding: encoding, registry: $0.registry) } }
            }
            for (index, file) in chunk.enumerated() {
                var report = IngestReport(file: file)
                capture(into: &report) { report in
                    let bytes = try prepared[index].get()
                    // Parse again only if another writer registered a department meanwhile.
                    let current = try registry()
                    let result = (parsed[index] != nil && current.count == registered?.count) ? parsed[index]!
                        : Self.parse(bytes, encoding: options.encoding, registry: current.registry)
                    try finish(file, bytes: bytes, parsed: try result.get(), into: &report)
                }
                prepared[index] = .success([])
                reports.append(report)
            }
        }
        return reports
    }

    /// How many files are read and parsed at once: enough to keep two cores busy, few enough
    /// that their texts stay small in memory.
    static let filesParsedTogether = 8

    /// Ingests one file.
    func ingest(_ file: String) -> IngestReport { ingest([file])[0] }

    /// Runs `body`, turning every failure into the report's rejection.
    private func capture(into report: inout IngestReport, _ body: (inout IngestReport) throws -> Void) {
        do {
            try body(&report)
        } catch let failure as InputFile.Failure {
            let missing: Bool
            if case .missing = failure { missing = true } else if case .notAFile = failure { missing = true } else { missing = false }
            report.reject(failure.description, missing ? .noInput : .dataError)
        } catch let failure as DecodingFailure {
            report.reject("\(report.file): \(failure.error.description)\(failure.hint.map { ". \($0)" } ?? ""). Nothing was written.", .dataError)
        } catch let error as StoreError {
            report.reject(error.description, LedgerTool.exitCode(for: error))
        } catch let error as SystemError {
            report.reject(StoreError.system(error).description, LedgerTool.exitCode(for: .system(error)))
        } catch {
            report.reject("\(error)", .software)
        }
    }

    private func read(_ file: String) throws -> [UInt8] {
        let invocation = context.invocation
        return try InputFile.read(file, workingDirectory: invocation.workingDirectory,
                                  maxBytes: DocumentDecoder.defaultMaxBytes, system: invocation.system)
    }

    /// The departments users registered, as the ledger holds them now: names resolve with the
    /// registry as users extended it (ledger register).
    private func registry() throws -> (registry: DepartmentRegistry, count: Int) {
        let (store, head) = try context.openStore(creating: true)
        let history = try session.history(store: store, head: head)
        return (history.registry, history.registered.count)
    }

    /// A file's text and what the parser read in it.
    struct Parsed: Sendable {
        var decoded: DecodedDocument
        var outcome: BulletinParser.Outcome
    }

    /// Decodes and parses; pure, so it runs on any thread.
    static func parse(_ bytes: [UInt8], encoding: DocumentEncoding?, registry: DepartmentRegistry) -> Result<Parsed, DecodingFailure> {
        let decoded: DecodedDocument
        do {
            decoded = try DocumentDecoder.decode(bytes, forced: encoding)
        } catch {
            return .failure(DecodingFailure(error: error, hint: utf16Hint(bytes)))
        }
        return .success(Parsed(decoded: decoded, outcome: BulletinParser.parse(lines: decoded.lines, registry: registry)))
    }

    private func finish(_ file: String, bytes: [UInt8], parsed: Parsed, into report: inout IngestReport) throws {
        let decoded = parsed.decoded
        let outcome = parsed.outcome
        report.lines = decoded.lines
        report.diagnostics = outcome.diagnostics
        guard let bulletin = outcome.bulletin else {
            return report.reject("\(file) is not a weekly bulletin: it has no masthead (issue number and date). Nothing was written.", .dataError)
        }
        report.issue = bulletin.issue.key
        if outcome.has(.missingFooter) && !options.allowPartial {
            return report.reject("\(file) (\(bulletin.issue.key)) ends without its footer (报/送/发, 共印): it looks truncated. Nothing was written; check the file, or add --allow-partial to ingest it as it is.", .dataError)
        }
        if outcome.has(.unreadable) {
            return report.reject("\(file) (\(bulletin.issue.key)) holds a figure that cannot be read (see below). Nothing was written.", .dataError)
        }
        let inconsistencies = outcome.diagnostics.filter { $0.severity == .error && $0.kind == .inconsistent }
        if !inconsistencies.isEmpty && !options.acceptInconsistent {
            return report.reject("\(file) (\(bulletin.issue.key)) contradicts itself (see below). Nothing was written; to ingest it as printed, add --accept-inconsistent --reason TEXT.", .dataError)
        }
        let digest = SHA256.hash(bytes)
        var events = bulletin.events(document: digest, encoding: decoded.encoding.rawValue, partial: outcome.has(.missingFooter))
        if !inconsistencies.isEmpty {
            events.append(NewEvent(type: EventType.inconsistencyAccepted, valid: bulletin.issue.through, source: events[0].source,
                                   payload: ["issue": .string(bulletin.issue.key), "problems": .array(inconsistencies.map { .string($0.description) })]))
        }
        try appendPlanned(bulletin, events: events, bytes: bytes, digest: digest, report: &report)
    }

    /// A decoding error and, where the bytes suggest one, what to try.
    struct DecodingFailure: Error, Sendable {
        var error: DocumentDecodingError
        var hint: String?
    }

    /// UTF-16 without a byte-order mark looks binary (its ASCII has NUL bytes): when the bytes
    /// read as UTF-16 text of one byte order (ASCII and common Chinese), say which to force.
    static func utf16Hint(_ bytes: [UInt8]) -> String? {
        guard bytes.contains(0) else { return nil }
        let scored = [DocumentEncoding.utf16LE, .utf16BE].compactMap { encoding -> (DocumentEncoding, Double)? in
            guard let decoded = try? DocumentDecoder.decode(bytes, forced: encoding) else { return nil }
            let scalars = decoded.lines.joined().unicodeScalars
            let plain = scalars.filter { (0x20...0x7E).contains($0.value) || (0x3000...0x303F).contains($0.value)
                || (0x4E00...0x9FFF).contains($0.value) || (0xFF00...0xFFEF).contains($0.value) }.count
            return (encoding, Double(plain) / Double(max(scalars.count, 1)))
        }
        guard let (encoding, score) = scored.max(by: { $0.1 < $1.1 }), score > 0.9 else { return nil }
        return "It reads as \(encoding.rawValue.uppercased()) without a byte-order mark: try --encoding \(encoding.rawValue)"
    }

    /// Plans against the ledger as it is and appends; if another writer got there first,
    /// plans again against the new head, for as long as a writer waits for the lock.
    private func appendPlanned(_ bulletin: Bulletin, events: [NewEvent], bytes: [UInt8], digest: SHA256Digest,
                               report: inout IngestReport) throws {
        // Each lost race is another writer's committed batch: ten writers at once can make one
        // lose more than maxAttempts times, so only the lock's wait, not a count, gives up.
        let started = context.invocation.now().millisecondsSinceEpoch
        let patienceMilliseconds = Int64(context.store().lockTimeoutMilliseconds)
        var attempts = 0
        while attempts < Self.maxAttempts || context.invocation.now().millisecondsSinceEpoch - started < patienceMilliseconds {
            attempts += 1
            let (store, head) = try context.openStore(creating: true)
            let history = try session.history(store: store, head: head)
            switch IngestPlanner.plan(bulletin, events: events, document: digest, history: history, supersede: options.supersede) {
            case .alreadyIngested(let issue, let seqs, let sameFactsOnly):
                report.outcome = .alreadyIngested
                report.sameFactsOnly = sameFactsOnly
                report.issue = issue
                report.seqs = seqs.first.map { $0...(seqs.last ?? $0) }
                return
            case .conflict(let issue, let differences):
                report.differences = differences
                return report.reject("\(report.file): \(issue) is already in the ledger from another document, and \(differences.count) fact\(differences.count == 1 ? "" : "s") differ (below). Nothing was written; to replace it, add --supersede --reason TEXT.", .dataError)
            case .append(let planned, let warnings, let supersedes):
                report.warnings = warnings
                report.events = planned
                if options.dryRun {
                    report.outcome = .dryRun
                    return
                }
                try DocumentStore(layout: store.layout, system: context.invocation.system).store(bytes)
                let appendContext = AppendContext(actor: context.actor, now: context.invocation.now(),
                                                  command: context.commandLine, reason: options.reason)
                do {
                    let receipt = try store.append(planned, expecting: head.head, context: appendContext)
                    report.outcome = supersedes == nil ? .appended : .superseded
                    report.seqs = receipt.seqs
                    if let recovery = receipt.recovery { context.stderr.write("ledger: note: \(recovery)\n") }
                    return
                } catch StoreError.headMoved {
                    continue
                }
            }
        }
        throw StoreError.busy(lockPath: "EventLog/lock", waitedMilliseconds: 0, holder: "other writers kept appending")
    }
}

/// The ingest history of the ledger, kept across the files of one `ingest` command: each file
/// folds only the records appended since the last (its own batch, or another writer's).
final class IngestSession {
    private var history = IngestHistory()
    private var position: (bytes: Int, head: LogHead)?

    /// The history up to `head`, folding only what is new since the last call.
    func history(store: EventStore, head: HeadFile) throws -> IngestHistory {
        if let known = position, known.head == head.head { return history }
        if let known = position, known.bytes <= head.bytes, (try store.record(endingAt: known.bytes))?.asHead == known.head {
            try store.forEachRecord(upTo: head, after: known) { record, _ in history.apply(record) }
        } else {
            history = IngestHistory()
            try store.forEachRecord(upTo: head) { record, _ in history.apply(record) }
        }
        position = (head.bytes, head.head)
        return history
    }
}
