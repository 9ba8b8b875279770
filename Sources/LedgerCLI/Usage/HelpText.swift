/// The help screens, in the layout of Swift command-line tools (OVERVIEW, USAGE, OPTIONS…), in
/// the invocation's language: the headings, abstracts, discussions, options, arguments and exit
/// codes all come from the catalogue.
enum HelpText {
    /// `ledger --help`.
    static func tool(_ language: Language = .english) -> String {
        func t(_ key: MessageKey) -> String { Message(key).rendered(in: language) }
        var text = t(.helpOverviewHeading) + t(.helpToolOverview) + "\n\n"
        text += t(.helpUsageHeading) + "\(LedgerTool.toolUsage)\n\n"
        text += t(.helpOptionsHeading) + "\n"
        text += row("--ledger <dir>", t(.helpLedgerOption))
        text += row("--version", t(.helpVersionOption))
        text += row("-h, --help", t(.helpHelpOption))
        text += "\n" + t(.helpSubcommandsHeading) + "\n"
        for command in LedgerTool.commands { text += row(command.spec.name, abstract(command.spec, language)) }
        text += row("help", t(.helpHelpCommand))
        text += "\n" + t(.helpSeeSubcommand) + "\n"
        text += "\n" + t(.helpExitCodesHeading) + "\n"
        for code in ExitCode.allCases { text += row(String(code.rawValue), t(code.meaningKey)) }
        return text
    }

    /// `ledger help COMMAND` and `ledger COMMAND --help`.
    static func command(_ spec: CommandSpec, _ language: Language = .english) -> String {
        func t(_ key: MessageKey) -> String { Message(key).rendered(in: language) }
        var text = t(.helpOverviewHeading) + abstract(spec, language) + "\n"
        if let discussion = spec.discussion {
            let translated = language == .chinese ? MessageCatalogue.discussionInChinese[spec.name] : nil
            text += "\n" + (translated ?? discussion) + "\n"
        }
        text += "\n" + t(.helpUsageHeading) + spec.usage + "\n"
        if !spec.positionals.isEmpty {
            text += "\n" + t(.helpArgumentsHeading) + "\n"
            for positional in spec.positionals { text += row("<\(positional.name)>", MessageCatalogue.help(positional.help, in: language)) }
        }
        text += "\n" + t(.helpOptionsHeading) + "\n"
        for option in spec.allOptions {
            let help = switch option.name {
            case "ledger": t(.helpLedgerOption)
            case "help": t(.helpHelpOption)
            default: MessageCatalogue.help(option.help, in: language)
            }
            text += row(option.synopsis, help)
        }
        return text
    }

    /// The command's abstract: the spec's English, or its Chinese from the catalogue.
    static func abstract(_ spec: CommandSpec, _ language: Language) -> String {
        guard language == .chinese, let key = abstractKey(spec.name) else { return spec.abstract }
        return Message(key).rendered(in: language)
    }

    /// The catalogue's key for a command's abstract: `command.verify.abstract`.
    static func abstractKey(_ name: String) -> MessageKey? { MessageKey(rawValue: "command.\(name).abstract") }

    /// Two columns: the name padded to 24, the help wrapped at 80 columns.
    static func row(_ name: String, _ help: String) -> String {
        let indent = String(repeating: " ", count: 26)
        let wide = help.unicodeScalars.contains(where: TextTable.isWide)
        let lines = wide ? wrapWide(help, width: 80 - indent.count) : wrap(help, width: 80 - indent.count)
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

    /// Chinese text, which has few spaces to break at: broken at `width` display columns between
    /// any two Chinese characters, never inside a run of Latin letters (`EventLog/`), and never
    /// before closing punctuation (`，。、）`), which stays on its line.
    static func wrapWide(_ text: String, width: Int) -> [String] {
        var tokens: [String] = []
        for character in text {
            let wide = character.unicodeScalars.contains(where: TextTable.isWide)
            if !wide, character != " ", let last = tokens.last, let end = last.last, end != " ",
               !end.unicodeScalars.contains(where: TextTable.isWide) {
                tokens[tokens.count - 1].append(character)
            } else {
                tokens.append(String(character))
            }
        }
        var lines: [String] = []
        var current = ""
        for token in tokens {
            let closing = token.count == 1 && "，。、）；：！？".contains(token)
            if !current.isEmpty && !closing && TextTable.width(current + token) > width {
                lines.append(current.trimmingTrailingSpaces())
                current = token == " " ? "" : token
            } else {
                current += token
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.isEmpty ? [""] : lines
    }
}
