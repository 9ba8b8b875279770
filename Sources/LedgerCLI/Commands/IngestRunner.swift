import LedgerDomain
import LedgerParser
import LedgerProjections
import LedgerStore
import LedgerDocuments
import LedgerFormats

/// Ingests files: read, decode, parse, check, plan against the ledger, store, append.
/// Every failure becomes an ``IngestReport`` saying what happened; nothing of a file is written
/// unless its whole batch is. The batches of a few files are appended together (one fsync, one
/// new HEAD for all of them), each still a batch of its own.
struct IngestRunner {
    let context: CommandContext
    let options: IngestCommand.Options
    /// What the ledger held as of the last file, shared by every file of one command.
    let session: IngestSession
    static let maxAttempts = 10

    /// Ingests `files` in order. Reading, decoding and parsing need nothing of the ledger but
    /// the registry, so a few files at a time are parsed on every core, the next few while the
    /// last are planned and appended (which mostly waits for fsync); planning stays in order, one
    /// file after another, each against the ledger and the batches planned before it.
    func ingest(_ files: [String]) -> [IngestReport] {
        let chunks = stride(from: 0, to: files.count, by: Self.filesParsedTogether).map {
            Array(files[$0..<min($0 + Self.filesParsedTogether, files.count)])
        }
        var reports: [IngestReport] = []
        var next = chunks.first.map(startParsing)
        for (number, chunk) in chunks.enumerated() {
            guard let current = next else { preconditionFailure("every chunk is parsed before it is appended") }
            let (prepared, registered, parsed) = (current.prepared, current.registered, current.parsed.wait())
            next = number + 1 < chunks.count ? startParsing(chunks[number + 1]) : nil
            reports += ingest(chunk, prepared: prepared, registered: registered, parsed: parsed)
        }
        return reports
    }

    /// Plans the files of one chunk in order, each against the ledger and the batches planned
    /// before it, then appends those batches together. If another writer appended meanwhile,
    /// plans the chunk again against the new head, for as long as a writer waits for the lock.
    private func ingest(_ chunk: [String], prepared: [Result<[UInt8], any Error>],
                        registered: (registry: DepartmentRegistry, count: Int)?,
                        parsed: [Result<Parsed, DecodingFailure>?]) -> [IngestReport] {
        // Each lost race is another writer's committed append: ten writers at once can make one
        // lose more than maxAttempts times, so only the lock's wait, not a count, gives up.
        let started = context.invocation.now().millisecondsSinceEpoch
        let patienceMilliseconds = Int64(context.store().lockTimeoutMilliseconds)
        var attempts = 0
        while attempts < Self.maxAttempts || context.invocation.now().millisecondsSinceEpoch - started < patienceMilliseconds {
            attempts += 1
            var pending: PendingAppend?
            var reports: [IngestReport] = []
            for (index, file) in chunk.enumerated() {
                var report = IngestReport(file: file)
                capture(into: &report) { report in
                    let bytes = try prepared[index].get()
                    // Parse again only if a department was registered meanwhile.
                    let current = try registry()
                    let result = (parsed[index] != nil && current.count == registered?.count) ? parsed[index]!
                        : Self.parse(bytes, encoding: options.encoding, registry: current.registry)
                    try finish(file, bytes: bytes, parsed: try result.get(), into: &report, pending: &pending, member: index)
                }
                reports.append(report)
            }
            guard let pending else { return reports }
            do {
                let store = context.store()
                try DocumentStore(layout: store.layout, system: context.invocation.system).store(all: pending.documents)
                let receipt = try store.append(pending.batches)
                session.committedPlanned(head: HeadFile(head: receipt.head, bytes: pending.base.bytes + pending.batches.bytes.count,
                                                         format: pending.batches.format))
                if let recovery = receipt.recovery { context.stderr.write(context.text(Message(.noteLine, .message(recovery.message))) + "\n") }
            } catch StoreError.headMoved {
                session.discardPlanned()
                continue
            } catch {
                session.discardPlanned()
                for index in pending.members {
                    reports[index].seqs = nil
                    capture(into: &reports[index]) { _ in throw error }
                }
            }
            return reports
        }
        return chunk.map { file in
            var report = IngestReport(file: file)
            capture(into: &report) { _ in
                throw StoreError.busy(lockPath: "EventLog/lock", waitedMilliseconds: 0, holder: "other writers kept appending")
            }
            return report
        }
    }

    /// The batches planned for one chunk of files, appended together at its end.
    struct PendingAppend {
        /// The committed HEAD they chain onto.
        let base: HeadFile
        var batches: PreparedBatches
        /// The documents they cite, stored before they are appended.
        var documents: [[UInt8]] = []
        /// The chunk's files (by index) whose batches these are.
        var members: [Int] = []
        /// When they are recorded: one instant for the whole append, which commits them at once.
        let now: Instant

        init(base: HeadFile, now: Instant) {
            self.base = base
            self.now = now
            batches = PreparedBatches(after: base)
        }
    }

    /// A chunk of files read, and being parsed on other threads.
    private struct ChunkInProgress {
        var prepared: [Result<[UInt8], any Error>]
        /// The registry they are parsed with (nil when the ledger could not be read).
        var registered: (registry: DepartmentRegistry, count: Int)?
        var parsed: Pending<[Result<Parsed, DecodingFailure>?]>
    }

    /// Reads `chunk` and starts parsing it in the background.
    private func startParsing(_ chunk: [String]) -> ChunkInProgress {
        let prepared = chunk.map { file in Result { () throws -> [UInt8] in try read(file) } }
        let registered = try? registry()
        let inputs = prepared.map { try? $0.get() }
        let parsed = Pending { [encoding = options.encoding, registry = registered?.registry] in
            ParallelMap.map(inputs) { bytes in
                bytes.flatMap { bytes in registry.map { Self.parse(bytes, encoding: encoding, registry: $0) } }
            }
        }
        return ChunkInProgress(prepared: prepared, registered: registered, parsed: parsed)
    }

    /// How many files are read and parsed at once, and appended together: enough to keep two
    /// cores busy and to share the log's and HEAD's fsyncs among many files, few enough that
    /// their texts stay small in memory.
    static let filesParsedTogether = 24

    /// Ingests one file.
    func ingest(_ file: String) -> IngestReport { ingest([file])[0] }

    /// Runs `body`, turning every failure into the report's rejection.
    private func capture(into report: inout IngestReport, _ body: (inout IngestReport) throws -> Void) {
        do {
            try body(&report)
        } catch let failure as InputFile.Failure {
            let missing: Bool
            if case .missing = failure { missing = true } else if case .notAFile = failure { missing = true } else { missing = false }
            report.reject(failure.message, missing ? .noInput : .dataError)
        } catch let failure as DecodingFailure {
            report.reject(Message(.ingestUndecodable, .text(report.file), .message(failure.error.message),
                                 .message(failure.hint ?? Message(.verbatim, ""))), .dataError)
        } catch let error as StoreError {
            report.reject(error.message, LedgerTool.exitCode(for: error))
        } catch let error as SystemError {
            report.reject(StoreError.system(error).message, LedgerTool.exitCode(for: .system(error)))
        } catch {
            report.reject(Message(.verbatim, .text("\(error)")), .software)
        }
    }

    private func read(_ file: String) throws -> [UInt8] {
        let invocation = context.invocation
        return try InputFile.read(file, workingDirectory: invocation.workingDirectory,
                                  maxBytes: DocumentReader.maxDocumentBytes, system: invocation.system)
    }

    /// The departments users registered, as the ledger holds them now: names resolve with the
    /// registry as users extended it (ledger register).
    private func registry() throws -> (registry: DepartmentRegistry, count: Int) {
        let (store, head) = try context.openStore(creating: true)
        let history = try session.history(store: store, head: head)
        return (history.registry, history.registered.count)
    }

    /// A file's lines and what the parser read in them.
    struct Parsed: Sendable {
        var document: ExtractedDocument
        var outcome: BulletinParser.Outcome

        /// The pages of the lines and the reader that made them, for the facts' provenance.
        var layout: SourceLayout { document.sourceLayout }
    }

    /// Reads the document and parses its lines; pure, so it runs on any thread.
    static func parse(_ bytes: [UInt8], encoding: DocumentEncoding?, registry: DepartmentRegistry) -> Result<Parsed, DecodingFailure> {
        let document: ExtractedDocument
        do {
            document = try DocumentReader.read(bytes, encoding: encoding)
        } catch {
            return .failure(DecodingFailure(error: error, hint: utf16Hint(bytes)))
        }
        let outcome = BulletinParser.parse(lines: document.lines.map(\.text), registry: registry)
        return .success(Parsed(document: document, outcome: outcome))
    }

    private func finish(_ file: String, bytes: [UInt8], parsed: Parsed, into report: inout IngestReport,
                        pending: inout PendingAppend?, member: Int) throws {
        let outcome = parsed.outcome
        report.lines = parsed.document.lines.map(\.text)
        report.layout = parsed.layout
        report.diagnostics = outcome.diagnostics
        report.account = outcome.account
        if let refusal = outcome.diagnostics.first(where: { $0.severity == .error && $0.kind == .notOneBulletin }) {
            let place = refusal.lines.map { "\(file):\($0.lowerBound)" } ?? file
            return report.reject(Message(.ingestRefused, .text(place), .message(refusal.detail.message)), .dataError)
        }
        guard let bulletin = outcome.bulletin else {
            return report.reject(parsed.document.format == .text ? Message(.ingestNotBulletin, .text(file))
                                 : Message(.ingestNotBulletinRead, .text(file), .text(parsed.document.format.displayName),
                                           "\(parsed.document.lines.count)"), .dataError)
        }
        report.issue = bulletin.issue.key
        if outcome.has(.missingFooter) && !options.allowPartial {
            return report.reject(Message(.ingestNoFooter, .text(file), .text(bulletin.issue.key)), .dataError)
        }
        if outcome.has(.unreadable) {
            return report.reject(Message(.ingestUnreadableFigure, .text(file), .text(bulletin.issue.key)), .dataError)
        }
        let inconsistencies = outcome.diagnostics.filter { $0.severity == .error && $0.kind == .inconsistent }
        if !inconsistencies.isEmpty && !options.acceptInconsistent {
            return report.reject(Message(.ingestContradicts, .text(file), .text(bulletin.issue.key)), .dataError)
        }
        let digest = SHA256.hash(bytes)
        var events = bulletin.events(document: digest, encoding: parsed.document.decodedAs, partial: outcome.has(.missingFooter),
                                     layout: parsed.layout)
        if !inconsistencies.isEmpty {
            events.append(NewEvent(type: EventType.inconsistencyAccepted, valid: bulletin.issue.through, source: events[0].source,
                                   payload: ["issue": .string(bulletin.issue.key), "problems": .array(inconsistencies.map { .string($0.description) })]))
        }
        try plan(bulletin, events: events, bytes: bytes, digest: digest, report: &report, pending: &pending, member: member)
    }

    /// The first line of the masthead (`lines`) that holds the publisher's name, spaces aside;
    /// else the masthead's first line.
    static func line(naming publisher: String, in lines: [String], within masthead: ClosedRange<Int>) -> Int {
        let name = PublisherRegistry.comparable(publisher)
        let found = masthead.first { number in
            number >= 1 && number <= lines.count && PublisherRegistry.comparable(lines[number - 1]).contains(name)
        }
        return found ?? masthead.lowerBound
    }

    /// A decoding error and, where the bytes suggest one, what to try.
    struct DecodingFailure: Error, Sendable {
        var error: DocumentReadError
        var hint: Message?
    }

    /// UTF-16 without a byte-order mark looks binary (its ASCII has NUL bytes): when the bytes
    /// read as UTF-16 text of one byte order (ASCII and common Chinese), say which to force.
    static func utf16Hint(_ bytes: [UInt8]) -> Message? {
        guard bytes.contains(0) else { return nil }
        let scored = [DocumentEncoding.utf16LE, .utf16BE].compactMap { encoding -> (DocumentEncoding, Double)? in
            guard let decoded = try? TextDecoder.decode(bytes, forced: encoding) else { return nil }
            let scalars = decoded.lines.joined().unicodeScalars
            let plain = scalars.filter { (0x20...0x7E).contains($0.value) || (0x3000...0x303F).contains($0.value)
                || (0x4E00...0x9FFF).contains($0.value) || (0xFF00...0xFFEF).contains($0.value) }.count
            return (encoding, Double(plain) / Double(max(scalars.count, 1)))
        }
        guard let (encoding, score) = scored.max(by: { $0.1 < $1.1 }), score > 0.9 else { return nil }
        return Message(.ingestUTF16Hint, .text(encoding.rawValue.uppercased()), .text(encoding.rawValue))
    }

    /// Plans against the ledger as it is and the batches planned before; adds the batch to
    /// append, if any, to `pending`.
    private func plan(_ bulletin: Bulletin, events: [NewEvent], bytes: [UInt8], digest: SHA256Digest,
                      report: inout IngestReport, pending: inout PendingAppend?, member: Int) throws {
        let (store, head) = try context.openStore(creating: true)
        // With the batches planned before this file, unless another writer appended since the
        // first: then the chunk's append fails and the chunk is planned again.
        let history = try session.history(store: store, head: pending?.base ?? head, planning: bulletin.issue.key,
                                          document: digest)
        switch IngestPlanner.plan(bulletin, events: events, document: digest, history: history, supersede: options.supersede) {
        case .alreadyIngested(let issue, let seqs, let sameFactsOnly):
            report.outcome = .alreadyIngested
            report.sameFactsOnly = sameFactsOnly
            report.issue = issue
            report.seqs = seqs.first.map { $0...(seqs.last ?? $0) }
        case .overlaps(let issue, let numbers, let others, let replaceable):
            let named = others.map { "\($0.key) (\(IssueKey.written($0.numbers)), seq \($0.seqs.first ?? 0))" }.joined(separator: ", ")
            let advice: Message.Argument = replaceable ? .message(Message(.ingestSupersedeAdvice)) : ""
            report.reject(Message(numbers.count == 1 ? .ingestDuplicate : .ingestDuplicateSome, .text(report.file), .text(issue),
                                  .text(IssueKey.written(numbers)), .text(named), advice), .dataError)
        case .otherPublisher(let publisher, let known):
            let line = Self.line(naming: publisher, in: report.lines, within: bulletin.issue.provenance.lines)
            let also: Message.Argument = known.count > 1 ? .message(Message(.ingestPublisherAlso, .text(known.dropFirst().joined(separator: "、")))) : ""
            report.reject(Message(.ingestOtherPublisher, .text("\(report.file):\(line)"), .text(bulletin.issue.key), .text(publisher),
                                  .text(known.first ?? PublisherRegistry.centre), also), .dataError)
        case .conflict(let issue, let differences):
            report.differences = differences
            report.reject(Message(differences.count == 1 ? .ingestConflictOne : .ingestConflict, .text(report.file), .text(issue),
                                  "\(differences.count)"), .dataError)
        case .append(let planned, let warnings, let supersedes):
            report.warnings = warnings
            report.events = planned
            if options.dryRun {
                report.outcome = .dryRun
                return
            }
            var group = pending ?? PendingAppend(base: head, now: context.invocation.now())
            let appendContext = AppendContext(actor: context.actor, now: group.now,
                                              command: context.commandLine, reason: options.reason)
            let first = group.batches.records.count
            // A text read as `show` reads it back (the encoding detected, not forced) gives its
            // facts' quoted lines back: the log need not repeat them.
            let quotable = report.layout.reader == nil && options.encoding == nil
                ? planned.first?.source.map { RecordLine2.QuotableDocument(digest: $0.document, lines: report.lines) } : nil
            report.seqs = try group.batches.add(planned, context: appendContext, quotable: quotable)
            let base = group.base.bytes
            session.foldPlanned(Array(group.batches.records[first...]),
                                at: group.batches.places[first...].map { base + $0.lowerBound..<base + $0.upperBound }, after: group.base)
            group.documents.append(bytes)
            group.members.append(member)
            pending = group
            report.outcome = supersedes == nil ? .appended : .superseded
        }
    }
}
