/// Shell completion scripts generated from the commands' specs, so they list exactly the
/// commands and options this build has. Department names are asked of `ledger __complete
/// departments` when completing, so registered names are offered as soon as they exist.
enum CompletionScript {
    /// The shells a script is written for.
    enum Shell: String, CaseIterable {
        case bash, zsh, fish
    }

    /// What a value is completed with.
    enum Values: Equatable {
        case nothing, directories, files, departments
        case words([String])
    }

    /// The values of an option, by its name (the same option means the same in every command).
    static func values(option name: String) -> Values {
        switch name {
        case "ledger": return .directories
        case "out": return .files
        case "department": return .departments
        case "format": return .words(ExportCommand.Format.allCases.map(\.rawValue))
        default: return .nothing
        }
    }

    /// The values of a command's positional arguments.
    static func values(positional: CommandSpec.Positional) -> Values {
        switch positional.name {
        case "projection": return .words(ProjectCommand.names)
        case "file": return .files
        case "dir": return .directories
        case "name": return .departments
        case "shell": return .words(Shell.allCases.map(\.rawValue))
        default: return .nothing
        }
    }

    /// The script for `shell` completing `commands` (and `help`).
    static func script(_ shell: Shell, commands: [CommandSpec]) -> String {
        switch shell {
        case .bash: return bash(commands)
        case .zsh: return zsh(commands)
        case .fish: return fish(commands)
        }
    }

    /// The options that take a value, with the values they take, across all commands.
    static func valueOptions(_ commands: [CommandSpec]) -> [(name: String, values: Values)] {
        var seen: Set<String> = []
        var options: [(name: String, values: Values)] = []
        for option in commands.flatMap(\.allOptions) where option.valueName != nil && seen.insert(option.name).inserted {
            options.append((option.name, values(option: option.name)))
        }
        return options
    }

    static func words(_ list: [String]) -> String { list.joined(separator: " ") }

    /// Text in single quotes for any of the three shells (a quote closed, escaped, reopened).
    static func quoted(_ text: String) -> String {
        "'" + text.replacingAll("'", with: "'\\''") + "'"
    }
}
