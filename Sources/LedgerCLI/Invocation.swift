import LedgerDomain
import LedgerStore

/// Everything a run of the tool takes from the outside world, passed in so that tests can
/// run commands in-process with their own streams, environment and clock.
public struct Invocation {
    /// The arguments after the program name.
    public var arguments: [String]
    /// The process environment (`LEDGER_HOME`, `LEDGER_ACTOR`, `USER`…).
    public var environment: [String: String]
    /// The working directory, absolute.
    public var workingDirectory: String
    /// Standard output.
    public var stdout: TextOutput
    /// Standard error.
    public var stderr: TextOutput
    /// The clock: the instant recorded on appended events.
    public var now: () -> Instant
    /// The operating-system seam for the store.
    public var system: SystemCalls
    /// This machine's name, for the default actor `user@host`.
    public var hostName: String

    /// The language messages are shown in, from the environment's locale (see ``Language``).
    public var language: Language { Language(environment: environment) }

    /// Creates an invocation.
    public init(arguments: [String], environment: [String: String], workingDirectory: String,
                stdout: TextOutput, stderr: TextOutput, now: @escaping () -> Instant,
                system: SystemCalls = PosixSystemCalls(), hostName: String = "localhost") {
        self.arguments = arguments
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.stdout = stdout
        self.stderr = stderr
        self.now = now
        self.system = system
        self.hostName = hostName
    }
}

/// What a command runs with: its parsed arguments and the invocation's world.
struct CommandContext {
    let arguments: ParsedArguments
    let invocation: Invocation

    var stdout: TextOutput { invocation.stdout }
    var stderr: TextOutput { invocation.stderr }
    var language: Language { invocation.language }

    /// A message in the invocation's language.
    func text(_ message: Message) -> String { message.rendered(in: language) }

    /// The ledger directory: `--ledger`, else `$LEDGER_HOME`, else the nearest ancestor of the
    /// working directory holding `EventLog/`, else the working directory.
    func ledgerLayout() -> LedgerLayout {
        let located = LedgerLocator.locate(explicit: arguments.value("ledger"),
                                           environment: invocation.environment,
                                           workingDirectory: invocation.workingDirectory,
                                           system: invocation.system)
        // A symbolic link to the ledger directory is followed, as a shell's `cd` follows it: the
        // store never follows links inside the ledger, so it is given the directory itself.
        if (try? invocation.system.kind(of: located)) == .symlink, let target = try? invocation.system.realPath(located) {
            return LedgerLayout(root: target)
        }
        return LedgerLayout(root: located)
    }

    /// Who is acting: `--actor`, else `$LEDGER_ACTOR`, else `user@host`.
    var actor: String {
        if let actor = arguments.value("actor"), !actor.isEmpty { return actor }
        if let actor = invocation.environment["LEDGER_ACTOR"], !actor.isEmpty { return actor }
        let user = invocation.environment["USER"] ?? invocation.environment["LOGNAME"] ?? "unknown"
        return "\(user)@\(invocation.hostName)"
    }

    /// The command line as typed, for the batch header: `ledger ingest 2023-06.txt`.
    var commandLine: String {
        (["ledger"] + invocation.arguments).map(Self.shellQuoted).joined(separator: " ")
    }

    static func shellQuoted(_ argument: String) -> String {
        let plain = !argument.isEmpty && argument.unicodeScalars.allSatisfy {
            !" \t\n'\"\\$`!*?[]{}()<>|&;#~".unicodeScalars.contains($0)
        }
        return plain ? argument : "'" + argument.replacingAll("'", with: "'\\''") + "'"
    }

    /// The store of the located ledger.
    func store() -> EventStore {
        var timeout = 10_000
        if let text = invocation.environment["LEDGER_LOCK_TIMEOUT_MS"], let milliseconds = Int(text), milliseconds >= 0 {
            timeout = milliseconds
        }
        return EventStore(layout: ledgerLayout(), system: invocation.system, lockTimeoutMilliseconds: timeout)
    }

    /// Checks that the ledger directory exists and, unless `creating`, holds a ledger: a typo in
    /// `--ledger` must not look like an intact, empty ledger.
    func requireLedger(creating: Bool = false) throws {
        let layout = ledgerLayout()
        let system = invocation.system
        var kind = try? system.kind(of: layout.root)
        if kind == .symlink {
            // A link to the ledger directory is followed, as a shell's `cd` would.
            guard let target = try? system.realPath(layout.root), let followed = try? system.kind(of: target) else {
                throw CommandFailure(Message(.ledgerDirectoryDanglingLink, .text(layout.root), .text(text(ledgerSource))), exitCode: .noInput)
            }
            kind = followed
        }
        guard kind == .directory else {
            let key: MessageKey = kind == nil || kind == .missing ? .ledgerDirectoryMissing : .ledgerDirectoryNotDirectory
            throw CommandFailure(Message(key, .text(layout.root), .text(text(ledgerSource))), exitCode: .noInput)
        }
        if let kind = try? system.kind(of: layout.eventLog), kind != .directory, kind != .missing {
            let key: MessageKey = kind == .symlink ? .ledgerEventLogSymlink : .ledgerEventLogNotDirectory
            throw CommandFailure(Message(key, .text(layout.eventLog)), exitCode: .dataError)
        }
        if !creating && (try? system.kind(of: layout.eventLog)) != .directory {
            throw CommandFailure(Message(.noLedger, .text(layout.root), .text(text(ledgerSource))), exitCode: .noInput)
        }
    }

    /// Where the ledger directory came from, for messages.
    var ledgerSource: Message {
        if arguments.value("ledger") != nil { return Message(.ledgerSourceOption) }
        if let home = invocation.environment["LEDGER_HOME"], !home.isEmpty { return Message(.ledgerSourceEnvironment) }
        return Message(.ledgerSourceWorkingDirectory)
    }

    /// Opens the store, telling the user on standard error if an interrupted write was recovered.
    func openStore(creating: Bool = false) throws -> (EventStore, HeadFile) {
        try requireLedger(creating: creating)
        let store = store()
        let (head, recovery) = try store.open()
        if let recovery { stderr.write(text(Message(.noteLine, .message(recovery.message))) + "\n") }
        return (store, head)
    }
}

extension String {
    /// Without `character` at either end: `#24` → `24`.
    func trimming(_ character: Character) -> String {
        var text = Substring(self)
        while text.first == character { text = text.dropFirst() }
        while text.last == character { text = text.dropLast() }
        return String(text)
    }

    /// Every occurrence of `target` replaced (no Foundation in this layer).
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
