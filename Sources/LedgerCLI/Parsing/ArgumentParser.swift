/// The arguments of one command after parsing: option values, flags and positionals.
struct ParsedArguments: Sendable {
    var values: [String: [String]] = [:]
    var flags: Set<String> = []
    var positionals: [String] = []

    /// The last value given for an option, if any.
    func value(_ name: String) -> String? { values[name]?.last }

    /// Whether a flag was given.
    func flag(_ name: String) -> Bool { flags.contains(name) }
}

/// A mistake in how the command was called; rendered with the command's usage, exit 64.
struct UsageError: Error, Equatable, Sendable {
    var message: Message
    /// The command whose usage to show; nil for the tool's.
    var command: String?

    /// A usage error from the catalogue.
    init(_ message: Message, command: String?) {
        self.message = message
        self.command = command
    }
}

/// Parses arguments against a ``CommandSpec``: `--name value`, `--name=value`, flags, `--` to
/// end options, and `-` as a positional (standard input).
enum ArgumentParser {
    static func parse(_ arguments: [String], spec: CommandSpec) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            let (name, inlineValue) = split(argument)
            guard let option = find(name, in: spec) else {
                throw UsageError(Message(.unknownOption, .text(argument)), command: spec.name)
            }
            if option.valueName == nil {
                guard inlineValue == nil else {
                    throw UsageError(Message(.optionTakesNoValue, .text(option.name)), command: spec.name)
                }
                parsed.flags.insert(option.name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard index < arguments.count else {
                    throw UsageError(Message(.missingOptionValue, .text(option.name), .text(option.valueName ?? "value")), command: spec.name)
                }
                value = arguments[index]
                index += 1
            }
            if parsed.values[option.name] != nil && !option.repeatable {
                throw UsageError(Message(.optionRepeated, .text(option.name)), command: spec.name)
            }
            parsed.values[option.name, default: []].append(value)
        }
        if !parsed.flag("help") { try checkPositionals(parsed.positionals, spec: spec) }
        return parsed
    }

    private static func split(_ argument: String) -> (String, String?) {
        guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }

    private static func find(_ name: String, in spec: CommandSpec) -> CommandSpec.Option? {
        if name.hasPrefix("--") {
            let long = name.dropFirst(2)
            return spec.allOptions.first { $0.name == long }
        }
        guard name.count == 2, let letter = name.last else { return nil }
        return spec.allOptions.first { $0.short == letter }
    }

    private static func checkPositionals(_ positionals: [String], spec: CommandSpec) throws(UsageError) {
        let required = spec.positionals.filter { !$0.optional }.count
        let unbounded = spec.positionals.contains { $0.repeatable }
        if positionals.count < required, let missing = spec.positionals.dropFirst(positionals.count).first {
            throw UsageError(Message(.missingArgument, .text(missing.name)), command: spec.name)
        }
        if !unbounded && positionals.count > spec.positionals.count {
            throw UsageError(Message(.unexpectedArgument, .text(positionals[spec.positionals.count])), command: spec.name)
        }
    }
}
