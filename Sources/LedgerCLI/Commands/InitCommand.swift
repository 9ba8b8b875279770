import LedgerDomain
import LedgerStore

/// `ledger init [DIR]`: makes an empty ledger, as the first ingest would, so that a new
/// directory is a ledger before any bulletin arrives.
enum InitCommand {
    static let spec = CommandSpec(
        name: "init",
        abstract: "Make an empty ledger: EventLog/ (an empty log and its HEAD), Snapshots/ and a README.txt.",
        discussion: """
            DIR (default: --ledger, else $LEDGER_HOME, else the working directory) is created if
            it does not exist; an empty directory is used as it is. A directory that holds other
            files is refused (exit 73), so a ledger never starts among unrelated files; one that
            already holds a ledger is left as it is (exit 0).
            """,
        positionals: [CommandSpec.Positional(name: "dir", help: "Where to make the ledger.", optional: true)])

    /// The one line `README.txt` holds: what the folder is, for someone who finds it.
    static let readme = "This folder is a ledger of the service hall's weekly bulletins (窗口工作周报), kept by `ledger`: do not edit EventLog/ by hand; `ledger verify` checks it, `ledger --help` says more.\n"

    static func run(_ context: CommandContext) throws -> ExitCode {
        let root = target(context)
        let system = context.invocation.system
        let layout = try prepare(root, system: system)
        let store = EventStore(layout: layout, system: system, lockTimeoutMilliseconds: context.store().lockTimeoutMilliseconds)
        if !(try store.create()) {
            let head = try store.currentHead()
            context.stdout.write(context.text(Message(.initAlready, .text(root), "\(head.seq)")) + "\n")
            return .success
        }
        do {
            try OutputFile.write(Array(readme.utf8), to: root + "/README.txt", workingDirectory: root, system: system)
        } catch {
            context.stderr.write(context.text(Message(.noteLine, .message(Message(.initReadmeNotWritten, "\(error)")))) + "\n")
        }
        context.stdout.write(context.text(Message(.initMade, .text(root))) + "\n")
        context.stdout.write(context.text(Message(.initNext, .text(CommandContext.shellQuoted(root)))) + "\n")
        return .success
    }

    /// DIR, else `--ledger`, else `$LEDGER_HOME`, else the working directory (never a parent:
    /// a new ledger is made where the user is, not in one found above it).
    static func target(_ context: CommandContext) -> String {
        let given = context.arguments.positionals.first ?? context.arguments.value("ledger")
            ?? context.invocation.environment["LEDGER_HOME"].flatMap { $0.isEmpty ? nil : $0 }
        let working = context.invocation.workingDirectory
        guard let given, !given.isEmpty else { return working }
        let absolute = given.hasPrefix("/") ? given : (working == "/" ? "/" : working + "/") + given
        return absolute.count > 1 && absolute.hasSuffix("/") ? String(absolute.dropLast()) : absolute
    }

    /// The directory made or checked: new, empty, or already a ledger; else refused (exit 73).
    private static func prepare(_ root: String, system: SystemCalls) throws -> LedgerLayout {
        var directory = root
        var kind = try system.kind(of: root)
        if kind == .symlink, let target = try? system.realPath(root) {
            directory = target
            kind = try system.kind(of: target)
        }
        switch kind {
        case .missing:
            do {
                try system.makeDirectory(root)
            } catch {
                throw CommandFailure(Message(.initCannotMake, .text(root), .text("\(error)")), exitCode: .cantCreate)
            }
        case .directory:
            let entries = try system.entries(of: directory)
            let foreign = entries.filter { $0 != "EventLog" && $0 != "Snapshots" && $0 != "README.txt" }
            let isLedger = entries.contains("EventLog")
            guard foreign.isEmpty || isLedger else {
                let listed = foreign.prefix(5).joined(separator: ", ") + (foreign.count > 5 ? ", …" : "")
                throw CommandFailure(Message(.initForeignFiles, .text(root), .text(listed)), exitCode: .cantCreate)
            }
        default:
            throw CommandFailure(Message(.initNotDirectory, .text(root)), exitCode: .cantCreate)
        }
        return LedgerLayout(root: directory)
    }
}
