/// What `ledger-bench` was asked to do, parsed from its arguments.
public enum BenchRequest: Sendable, Equatable {
    /// `--help`, `-h`, `help`: print the usage.
    case help
    /// `generate --issues N [--seed S] (--out DIR | --ledger DIR) [--batch N]`.
    case generate(GenerateOptions)

    /// Where generated issues go.
    public enum Destination: Sendable, Equatable {
        /// Text files `DIR/YYYY-NN.txt`.
        case files(directory: String)
        /// Ingested into the ledger in this directory, as `ledger ingest` does.
        case ledger(directory: String)
    }

    /// The options of `generate`.
    public struct GenerateOptions: Sendable, Equatable {
        /// How many issues to generate.
        public var issues: Int
        /// The seed of the history and its artefacts.
        public var seed: UInt64
        /// Where the issues go.
        public var destination: Destination
        /// Files per `ledger ingest` run.
        public var batch: Int
    }

    /// The usage text (help goes to standard output, exit 0).
    public static let usage = """
        OVERVIEW: Generate synthetic weekly bulletins (窗口工作周报): a long, consistent history of
        issues from a seed, written as PDF-extracted text, for tests and benchmarks of `ledger`.

        USAGE: ledger-bench generate --issues <n> [--seed <s>] (--out <dir> | --ledger <dir>) [--batch <n>]

        OPTIONS:
          --issues <n>    How many consecutive issues, from 2023 No. 1 (serial 421), 1…\(maxIssues).
          --seed <s>      The seed, an unsigned 64-bit integer (default 1). The same seed gives
                          the same bytes.
          --out <dir>     Write the issues as <dir>/YYYY-NN.txt (created if missing).
          --ledger <dir>  Ingest the issues into the ledger in <dir> (created if missing) with
                          `ledger ingest`, in batches; prints progress every 100 issues and the head.
          --batch <n>     Files per ingest run with --ledger, 1…1000 (default 50).
          -h, --help      Show this help.

        EXIT CODES: 0 success, 64 usage error, 74 I/O error; with --ledger, ingest's own codes.

        """

    /// The most issues one run generates.
    public static let maxIssues = 100_000

    /// Parses the arguments after the program name.
    public static func parse(_ arguments: [String]) throws(BenchFailure) -> BenchRequest {
        guard let command = arguments.first else { throw .usage("no command given; try 'ledger-bench generate --issues 10 --out DIR'") }
        if ["-h", "--help", "help"].contains(command) { return .help }
        guard command == "generate" else { throw .usage("unknown command '\(command)'; the only command is 'generate'") }
        var values: [String: String] = [:]
        var rest = arguments.dropFirst()
        while let argument = rest.popFirst() {
            if argument == "-h" || argument == "--help" { return .help }
            var name = argument
            var value: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                value = String(argument[argument.index(after: equals)...])
            }
            guard ["--issues", "--seed", "--out", "--ledger", "--batch"].contains(name) else {
                throw .usage(argument.hasPrefix("-") ? "unknown option '\(argument)'" : "unexpected argument '\(argument)'")
            }
            guard let given = value ?? rest.popFirst(), !given.isEmpty else { throw .usage("missing value for '\(name)'") }
            guard values[name] == nil else { throw .usage("'\(name)' given twice") }
            values[name] = given
        }
        return .generate(try options(values))
    }

    private static func options(_ values: [String: String]) throws(BenchFailure) -> GenerateOptions {
        guard let issuesText = values["--issues"] else { throw .usage("missing '--issues <n>'") }
        guard let issues = Int(issuesText), (1...maxIssues).contains(issues) else {
            throw .usage("invalid value '\(issuesText)' for '--issues': expected a whole number from 1 to \(maxIssues)")
        }
        let seedText = values["--seed"] ?? "1"
        guard let seed = UInt64(seedText) else {
            throw .usage("invalid value '\(seedText)' for '--seed': expected a whole number from 0 to \(UInt64.max)")
        }
        let batchText = values["--batch"] ?? "50"
        guard let batch = Int(batchText), (1...1000).contains(batch) else {
            throw .usage("invalid value '\(batchText)' for '--batch': expected a whole number from 1 to 1000")
        }
        let destination: Destination
        switch (values["--out"], values["--ledger"]) {
        case (let directory?, nil): destination = .files(directory: directory)
        case (nil, let directory?): destination = .ledger(directory: directory)
        case (.some, .some): throw .usage("give either '--out <dir>' or '--ledger <dir>', not both")
        case (nil, nil): throw .usage("missing '--out <dir>' or '--ledger <dir>': where should the issues go?")
        }
        if values["--batch"] != nil, case .files = destination { throw .usage("'--batch' applies to '--ledger' only") }
        return GenerateOptions(issues: issues, seed: seed, destination: destination, batch: batch)
    }
}

/// A failure `ledger-bench` reports to the person: a message and an exit code.
public struct BenchFailure: Error, Equatable, Sendable {
    /// What went wrong, for a person.
    public var message: String
    /// The exit code (sysexits).
    public var exitCode: Int32
    /// Whether to show the usage hint after the message.
    public var isUsage: Bool

    /// A mistake in the command line: exit 64.
    public static func usage(_ message: String) -> BenchFailure {
        BenchFailure(message: message, exitCode: 64, isUsage: true)
    }

    /// A file could not be written or read: exit 74.
    public static func io(_ message: String) -> BenchFailure {
        BenchFailure(message: message, exitCode: 74, isUsage: false)
    }
}
