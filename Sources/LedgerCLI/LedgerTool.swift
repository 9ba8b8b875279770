import LedgerDomain
import LedgerStore

/// The `ledger` command-line tool: parses the command line, runs one command, and maps every
/// failure to a message and an exit code in one place (``report(_:command:stderr:language:)``).
public enum LedgerTool {
    /// The tool's version, also recorded as the parser version in provenance.
    public static let version = "0.1.0"

    /// A command: its spec, and how it runs.
    struct Command: Sendable {
        var spec: CommandSpec
        var run: @Sendable (CommandContext) throws -> ExitCode
    }

    static let commands: [Command] = [
        Command(spec: InitCommand.spec, run: InitCommand.run),
        Command(spec: IngestCommand.spec, run: IngestCommand.run),
        Command(spec: CorrectCommand.spec, run: CorrectCommand.run),
        Command(spec: CorrectCommand.retractSpec, run: CorrectCommand.runRetract),
        Command(spec: AuditCommand.spec, run: AuditCommand.run),
        Command(spec: ReparseCommand.spec, run: ReparseCommand.run),
        Command(spec: RegisterCommand.spec, run: RegisterCommand.run),
        Command(spec: ProjectCommand.spec, run: ProjectCommand.run),
        Command(spec: ReplayCommand.spec, run: ReplayCommand.run),
        Command(spec: ShowCommand.spec, run: ShowCommand.run),
        Command(spec: ExtractCommand.spec, run: ExtractCommand.run),
        Command(spec: SnapshotCommand.spec, run: SnapshotCommand.run),
        Command(spec: ReportCommand.spec, run: ReportCommand.run),
        Command(spec: ExportCommand.spec, run: ExportCommand.run),
        Command(spec: VerifyCommand.spec, run: VerifyCommand.run),
        Command(spec: LogCommand.spec, run: LogCommand.run),
        Command(spec: MigrateCommand.spec, run: MigrateCommand.run),
        Command(spec: CompletionsCommand.spec, run: CompletionsCommand.run),
    ]

    /// Commands run like the others but listed nowhere: what completion scripts call.
    static let hiddenCommands: [Command] = [Command(spec: CompletionsCommand.completeSpec, run: CompletionsCommand.runComplete)]

    static let commandSpecs: [String: CommandSpec] = Dictionary(uniqueKeysWithValues: commands.map { ($0.spec.name, $0.spec) })

    static let toolUsage = "ledger [--ledger <dir>] <subcommand> [<options>]"

    /// Runs the tool and returns its exit code; output goes to the invocation's streams.
    public static func run(_ invocation: Invocation) -> Int32 {
        defer {
            invocation.stdout.flush()
            invocation.stderr.flush()
        }
        var arguments = invocation.arguments
        var leading: [String] = []
        while let first = arguments.first, first.hasPrefix("-"), first != "-" {
            switch first {
            case "-h", "--help":
                invocation.stdout.write(HelpText.tool(invocation.language))
                return ExitCode.success.rawValue
            case "--version":
                invocation.stdout.write("ledger \(version)\n")
                return ExitCode.success.rawValue
            case "--ledger" where arguments.count > 1:
                leading += arguments.prefix(2)
                arguments.removeFirst(2)
            case _ where first.hasPrefix("--ledger="):
                leading.append(first)
                arguments.removeFirst()
            default:
                let message = first == "--ledger" ? Message(.missingOptionValue, "ledger", "dir") : Message(.unknownOption, .text(first))
                return report(UsageError(message, command: nil), command: nil, stderr: invocation.stderr, language: invocation.language).rawValue
            }
        }
        guard let name = arguments.first else {
            invocation.stderr.write(HelpText.tool(invocation.language))
            return ExitCode.usage.rawValue
        }
        let rest = leading + arguments.dropFirst()
        if name == "help" { return help(Array(arguments.dropFirst()), invocation).rawValue }
        guard let command = (commands + hiddenCommands).first(where: { $0.spec.name == name }) else {
            return report(UsageError(unknownSubcommand(name), command: nil), command: nil, stderr: invocation.stderr,
                          language: invocation.language).rawValue
        }
        return run(command, rest, invocation).rawValue
    }

    private static func run(_ command: Command, _ arguments: [String], _ invocation: Invocation) -> ExitCode {
        do {
            let parsed = try ArgumentParser.parse(arguments, spec: command.spec)
            if parsed.flag("help") {
                invocation.stdout.write(HelpText.command(command.spec, invocation.language))
                return .success
            }
            return try command.run(CommandContext(arguments: parsed, invocation: invocation))
        } catch {
            return report(error, command: command.spec.name, stderr: invocation.stderr, language: invocation.language)
        }
    }

    private static func help(_ arguments: [String], _ invocation: Invocation) -> ExitCode {
        guard let name = arguments.first else {
            invocation.stdout.write(HelpText.tool(invocation.language))
            return .success
        }
        if name == "help" {
            let language = invocation.language
            invocation.stdout.write(Message(.helpOverviewHeading).rendered(in: language) + Message(.helpHelpCommand).rendered(in: language)
                                    + "\n\n" + Message(.helpUsageHeading).rendered(in: language) + "ledger help [<subcommand>]\n")
            return .success
        }
        guard let spec = commandSpecs[name] else {
            return report(UsageError(unknownSubcommand(name), command: nil), command: nil, stderr: invocation.stderr,
                          language: invocation.language)
        }
        invocation.stdout.write(HelpText.command(spec, invocation.language))
        return .success
    }

    /// `Unknown subcommand 'verfy' (did you mean 'verify'?)`: the suggestion when a command
    /// name is one or two edits away from a real one.
    private static func unknownSubcommand(_ name: String) -> Message {
        let unknown = Message(.unknownSubcommand, .text(name))
        guard let close = commands.map(\.spec.name).first(where: { editDistance($0, name) <= 2 }) else { return unknown }
        return Message(.didYouMean, .text(name), .text(close))
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }
}
