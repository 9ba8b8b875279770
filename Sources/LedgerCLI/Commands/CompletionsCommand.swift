import LedgerDomain
import LedgerProjections

/// `ledger completions bash|zsh|fish` prints a completion script; the hidden
/// `ledger __complete departments|projections|commands` gives the scripts the names they offer.
enum CompletionsCommand {
    static let spec = CommandSpec(
        name: "completions",
        abstract: "Print a shell completion script for bash, zsh or fish.",
        discussion: """
            bash: source <(ledger completions bash), or save it as
                  /etc/bash_completion.d/ledger (or ~/.local/share/bash-completion/completions/ledger)
            zsh:  source <(ledger completions zsh) after compinit
            fish: ledger completions fish > ~/.config/fish/completions/ledger.fish
            Commands, options and projections come from this build; department names (the
            standard ones and those registered in the ledger) are asked of ledger when completing.
            """,
        positionals: [CommandSpec.Positional(name: "shell", help: "bash, zsh or fish.")])

    /// The hidden command the scripts call; not listed in the help.
    static let completeSpec = CommandSpec(
        name: "__complete",
        abstract: "Names for shell completion, one a line: departments, projections or commands.",
        positionals: [CommandSpec.Positional(name: "what", help: "departments, projections or commands.")])

    static func run(_ context: CommandContext) throws -> ExitCode {
        let name = context.arguments.positionals[0]
        guard let shell = CompletionScript.Shell(rawValue: name) else {
            throw UsageError(Message(.completionsUnknownShell, .text(name)), command: spec.name)
        }
        context.stdout.write(CompletionScript.script(shell, commands: LedgerTool.commands.map(\.spec)))
        return .success
    }

    static func runComplete(_ context: CommandContext) throws -> ExitCode {
        let names: [String]
        switch context.arguments.positionals[0] {
        case "departments": names = departments(context)
        case "projections": names = ProjectCommand.names
        case "commands": names = LedgerTool.commands.map(\.spec.name)
        case let other: throw UsageError(Message(.completionsUnknownList, .text(other)), command: completeSpec.name)
        }
        for name in names { context.stdout.write(name + "\n") }
        return .success
    }

    /// Every canonical name and alias, the registered ones included when there is a ledger to
    /// read; the standard registry's alone otherwise (completion must never fail).
    static func departments(_ context: CommandContext) -> [String] {
        let registry = (try? HallLoader(context: context).load(TimeFilter(), parts: [.registered]).0.registry)
            ?? DepartmentRegistry.standard
        var seen: Set<String> = []
        return registry.departments.flatMap { [$0.canonical] + $0.aliases }.filter { seen.insert($0).inserted }
    }
}
