/// The help screens, in the layout of Swift command-line tools (OVERVIEW, USAGE, OPTIONS…).
enum HelpText {
    static let overview = """
        Keeps the weekly bulletins (窗口工作周报) of a government service hall as an
        event-sourced ledger: an append-only, hash-chained log of facts that can be traced to
        the lines they came from.
        """

    /// `ledger --help`.
    static func tool() -> String {
        var text = "OVERVIEW: " + overview + "\n\n"
        text += "USAGE: \(LedgerTool.toolUsage)\n\n"
        text += "OPTIONS:\n"
        text += row("--ledger <dir>", CommandSpec.commonOptions[0].help)
        text += row("--version", "Show the version.")
        text += row("-h, --help", "Show help information.")
        text += "\nSUBCOMMANDS:\n"
        for command in LedgerTool.commands { text += row(command.spec.name, command.spec.abstract) }
        text += row("help", "Show help for a subcommand.")
        text += "\n  See 'ledger help <subcommand>' for detailed help.\n"
        text += "\nEXIT CODES:\n"
        for code in ExitCode.allCases { text += row(String(code.rawValue), code.meaning) }
        return text
    }

    /// `ledger help COMMAND` and `ledger COMMAND --help`.
    static func command(_ spec: CommandSpec) -> String {
        var text = "OVERVIEW: \(spec.abstract)\n"
        if let discussion = spec.discussion { text += "\n" + discussion + "\n" }
        text += "\nUSAGE: \(spec.usage)\n"
        if !spec.positionals.isEmpty {
            text += "\nARGUMENTS:\n"
            for positional in spec.positionals { text += row("<\(positional.name)>", positional.help) }
        }
        text += "\nOPTIONS:\n"
        for option in spec.allOptions { text += row(option.synopsis, option.help) }
        return text
    }

    /// Two columns: the name padded to 24, the help wrapped at 80 columns.
    static func row(_ name: String, _ help: String) -> String {
        let indent = String(repeating: " ", count: 26)
        let lines = wrap(help, width: 80 - indent.count)
        var text = "  " + name
        if name.count + 2 >= indent.count {
            text += "\n" + indent
        } else {
            text += String(repeating: " ", count: indent.count - name.count - 2)
        }
        text += lines.joined(separator: "\n" + indent) + "\n"
        return text
    }

    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty && current.count + 1 + word.count > width {
                lines.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines.isEmpty ? [""] : lines
    }
}
