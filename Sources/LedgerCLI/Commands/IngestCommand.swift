import LedgerDomain
import LedgerDocuments
import LedgerParser
import LedgerStore
import LedgerFormats

/// `ledger ingest FILE...`: reads weekly bulletins and appends each as one batch of events.
enum IngestCommand {
    static let spec = CommandSpec(
        name: "ingest",
        abstract: "Append weekly bulletins to the ledger, one batch of events each.",
        discussion: """
            Reads each FILE (or standard input for -) in the order given: a PDF, a Word file
            (.docx) or text in any encoding, told by its content;
            reads its facts, checks them, and appends them with the lines they came from. The
            same document again changes nothing; another document for an issue already in the
            ledger is a conflict unless --supersede. A rejected file leaves the ledger as it was.
            """,
        options: [
            CommandSpec.Option(name: "actor", valueName: "name", help: "Who is ingesting (default: $LEDGER_ACTOR, else user@host)."),
            CommandSpec.Option(name: "dry-run", help: "Read and check, print what would be appended, write nothing."),
            CommandSpec.Option(name: "json", help: "Print the outcome as one JSON document (with --dry-run: the events)."),
            CommandSpec.Option(name: "encoding", valueName: "enc", help: "Read the files as utf-8, utf-16le, utf-16be or gb18030 instead of detecting."),
            CommandSpec.Option(name: "allow-partial", help: "Accept an issue without its footer (most likely truncated)."),
            CommandSpec.Option(name: "supersede", help: "Replace an issue already in the ledger by this document (needs --reason)."),
            CommandSpec.Option(name: "accept-inconsistent", help: "Append an issue whose figures contradict each other, as printed (needs --reason)."),
            CommandSpec.Option(name: "reason", valueName: "text", help: "Why: recorded with the batch."),
        ],
        positionals: [CommandSpec.Positional(name: "file", help: "A bulletin: its PDF, its Word file (.docx) or its text; - for standard input.", repeatable: true)])

    /// The options that shape every file's ingest.
    struct Options {
        var encoding: DocumentEncoding?
        var dryRun: Bool
        var allowPartial: Bool
        var supersede: Bool
        var acceptInconsistent: Bool
        var reason: String?
    }

    static func run(_ context: CommandContext) throws -> ExitCode {
        let options = try parseOptions(context.arguments)
        try context.requireLedger(creating: true)
        let newLedger = (try? context.invocation.system.kind(of: context.ledgerLayout().eventLog)) == .missing
        let session = IngestSession(note: { context.stderr.write(context.text($0) + "\n") })
        let reports = IngestRunner(context: context, options: options, session: session).ingest(context.arguments.positionals)
        if reports.contains(where: { $0.outcome == .appended || $0.outcome == .superseded }) {
            if let seq = try? HallLoader.refreshSnapshotIfStale(context) {
                context.stderr.write(context.text(Message(.noteLine, .message(Message(.snapshotRefreshed, "Snapshots/hall.snapshot", "\(seq)")))) + "\n")
            }
            if let (store, head) = try? context.openStore(),
               let seq = try? session.refreshSnapshotIfStale(store: store, head: head) {
                context.stderr.write(context.text(Message(.noteLine, .message(Message(.snapshotRefreshed, .text(IngestSession.snapshotFile), "\(seq)")))) + "\n")
            }
        }
        let head = (try? context.store().currentHead()) ?? .empty
        if newLedger && head.seq.value > 0 {
            let root = context.ledgerLayout().root
            context.stderr.write(context.text(Message(.noteLine, .message(Message(.ingestStartedLedger, .text(root), .text(CommandContext.shellQuoted(root)))))) + "\n")
        }
        if context.arguments.flag("json") {
            context.stdout.write(JSONWriter.prettyString(IngestReport.json(reports, head: head)) + "\n")
        } else {
            for report in reports { report.render(stdout: context.stdout, stderr: context.stderr, language: context.language) }
        }
        return reports.map(\.exitCode).max { $0.rawValue < $1.rawValue } ?? .success
    }

    /// The text encoding `--encoding` forces, if given.
    static func encoding(_ arguments: ParsedArguments) throws -> DocumentEncoding? {
        guard let text = arguments.value("encoding") else { return nil }
        guard let parsed = DocumentEncoding(userInput: text) else {
            throw CommandFailure.badValue("encoding", text, expected: Message(.expectedEncoding))
        }
        return parsed
    }

    static func parseOptions(_ arguments: ParsedArguments) throws -> Options {
        let encoding = try encoding(arguments)
        let reason = arguments.value("reason")
        for flag in ["supersede", "accept-inconsistent"] where arguments.flag(flag) && (reason ?? "").isEmpty {
            throw UsageError(Message(.ingestNeedsReason, .text(flag)), command: spec.name)
        }
        return Options(encoding: encoding, dryRun: arguments.flag("dry-run"), allowPartial: arguments.flag("allow-partial"),
                       supersede: arguments.flag("supersede"), acceptInconsistent: arguments.flag("accept-inconsistent"),
                       reason: reason)
    }
}
