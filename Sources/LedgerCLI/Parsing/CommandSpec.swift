/// What a command accepts: its options, flags and positional arguments, with their help.
struct CommandSpec: Sendable {
    /// An option or flag: `--from <seq>` takes a value, `--json` does not.
    struct Option: Sendable {
        var name: String
        var short: Character? = nil
        var valueName: String? = nil
        var help: String
        var repeatable = false

        /// `--from <seq>` or `-h, --help`.
        var synopsis: String {
            let long = "--" + name + (valueName.map { " <\($0)>" } ?? "")
            return short.map { "-\($0), " + long } ?? long
        }
    }

    /// A positional argument.
    struct Positional: Sendable {
        var name: String
        var help: String
        var optional = false
        var repeatable = false

        var synopsis: String {
            let core = "<\(name)>" + (repeatable ? " ..." : "")
            return optional ? "[\(core)]" : core
        }
    }

    var name: String
    var abstract: String
    var discussion: String? = nil
    var options: [Option] = []
    var positionals: [Positional] = []

    /// `--actor NAME`, for commands that append.
    static let actorOption = Option(name: "actor", valueName: "name", help: "Who (default: $LEDGER_ACTOR, else user@host).")

    /// `--reason TEXT`, recorded with the batch.
    static func reasonOption(_ help: String) -> Option { Option(name: "reason", valueName: "text", help: help) }

    /// The options every command accepts.
    static let commonOptions: [Option] = [
        Option(name: "ledger", valueName: "dir",
               help: "The ledger directory (default: $LEDGER_HOME, else the nearest directory upwards holding EventLog/, else the working directory)."),
        Option(name: "help", short: "h", help: "Show help information."),
    ]

    var allOptions: [Option] { options + CommandSpec.commonOptions }

    /// `ledger log [--from <seq>] [--type <type>] [--json]`.
    var usage: String {
        var parts = ["ledger", name]
        for option in options {
            parts.append("[" + "--" + option.name + (option.valueName.map { " <\($0)>" } ?? "") + "]"
                + (option.repeatable ? " ..." : ""))
        }
        parts += positionals.map(\.synopsis)
        return parts.joined(separator: " ")
    }
}
