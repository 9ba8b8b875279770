import LedgerDocuments
import LedgerDomain
import LedgerStore
import LedgerFormats

/// `ledger migrate --reason TEXT`: rewrites a format-1 log in format 2, keeping the old log
/// whole under `EventLog/archive/`.
enum MigrateCommand {
    static let spec = CommandSpec(
        name: "migrate",
        abstract: "Rewrite the log in format 2 (about half the bytes), keeping the old log under EventLog/archive/.",
        discussion: """
            Every event keeps its seq, id, time, actor, batch and payload; the new log begins with
            a log.migrated record (seq 0) naming the old log's last seq and hash, so a head quoted
            from the old log can still be traced. Each new line is read back and compared with the
            old record before the log is replaced; snapshots are rebuilt by the next question.
            A log already in format 2 is left as it is.
            """,
        options: [
            CommandSpec.reasonOption("Why (required)."),
            CommandSpec.actorOption,
        ])

    static func run(_ context: CommandContext) throws -> ExitCode {
        guard let reason = context.arguments.value("reason"), !reason.isEmpty else {
            throw UsageError(Message(.migrateNeedsReason), command: spec.name)
        }
        let (store, head) = try context.openStore()
        guard head.format != .two else {
            context.stdout.write(context.text(Message(.migrateAlready, "\(head.head.seq)")) + "\n")
            return .success
        }
        let documents = DocumentStore(layout: store.layout, system: store.system)
        let appendContext = AppendContext(actor: context.actor, now: context.invocation.now(), command: context.commandLine, reason: reason)
        let receipt = try store.migrate(context: appendContext) { digest in
            // The lines as `show` reads them back: a record whose text they give leaves it out.
            guard let bytes = try? documents.read(digest), let document = try? DocumentReader.read(bytes),
                  document.format == .text else { return nil }
            return RecordLine2.QuotableDocument(digest: digest, lines: document.lines.map(\.text))
        }
        guard let receipt else {
            context.stdout.write(context.text(Message(.migrateAlready, "\(head.head.seq)")) + "\n")
            return .success
        }
        // The snapshots name the old log's heads: remove them, the next question rebuilds them.
        SnapshotStore(layout: store.layout, system: store.system).removeAll()
        if let archive = receipt.archive {
            context.stdout.write(context.text(Message(
                .migrateDone, "\(receipt.records)", "\(receipt.before.format)", "\(receipt.before.head.seq)",
                .text(receipt.before.head.hash.hex), .text(archive), "\(receipt.before.bytes)", "\(receipt.after.bytes)",
                "\(receipt.after.head.seq)", .text(receipt.after.head.hash.hex))) + "\n")
        } else {
            context.stdout.write(context.text(Message(.migrateEmpty)) + "\n")
        }
        return .success
    }
}
