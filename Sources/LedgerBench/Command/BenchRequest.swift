/// What `ledger-bench` was asked to do, parsed from its arguments.
public enum BenchRequest: Sendable, Equatable {
    /// `--help`, `-h`, `help`: print the usage.
    case help
    /// `generate --issues N [--seed S] (--out DIR [--format text|pdf|docx] | --ledger DIR [--batch N])`.
    case generate(GenerateOptions)
    /// `run [--events N] [--seed S] [--json] [--dir DIR] [--batch N] [--ledger-binary PATH]`.
    case run(RunOptions)

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
        /// What `--out` writes: text, or documents made by the real producers.
        public var format: OutputFormat = .text
    }

    /// What `generate --out` writes for each issue.
    public enum OutputFormat: String, Sendable, Equatable, CaseIterable {
        /// `YYYY-NN.txt`: the text a PDF extractor gives, with its artefacts.
        case text
        /// `YYYY-NN.pdf`: the issue as its author wrote it, printed by headless Chromium.
        case pdf
        /// `YYYY-NN.docx`: the issue as its author wrote it, saved by LibreOffice Writer as Word.
        case docx
    }

    /// The usage text (help goes to standard output, exit 0).
    public static let usage = """
        OVERVIEW: Synthetic weekly bulletins (窗口工作周报) for tests and benchmarks of `ledger`:
        `generate` writes a long, consistent history of issues from a seed as PDF-extracted text,
        or ingests it; `run` builds a ledger of N events from it and measures `ledger` on it.

        USAGE: \(generateSynopsis)
               \(RunOptions.synopsis)

        GENERATE OPTIONS:
          --issues <n>    How many consecutive issues, from 2023 No. 1 (serial 421), 1…\(maxIssues).
          --seed <s>      The seed, an unsigned 64-bit integer (default 1). The same seed gives
                          the same bytes.
          --out <dir>     Write the issues as <dir>/YYYY-NN.txt (created if missing). Each issue is
                          written in a house style drawn from the seed (classic PDF extraction,
                          layout-preserving extraction, word-processor text, other numbering and
                          punctuation); the run ends with the count of issues per style.
          --format <f>    With --out: text (default), pdf or docx. pdf and docx write each issue
                          as its author wrote it (the house style's numbering and wording, without
                          the artefacts of PDF extraction) as <dir>/YYYY-NN.pdf, printed by headless
                          Chromium (package chromium), or <dir>/YYYY-NN.docx, saved by LibreOffice
                          Writer (package libreoffice-writer) with automatic 一、/（一） numbering.
          --ledger <dir>  Ingest the issues into the ledger in <dir> (created if missing) with
                          `ledger ingest`, in batches; prints progress every 100 issues and the head.
          --batch <n>     Files per ingest run with --ledger, 1…\(maxBatch) (default \(defaultBatch)).

        RUN OPTIONS:
          --events <n>    Build a ledger of at least <n> events, 1…\(RunOptions.maxEvents) (default
                          \(RunOptions.defaultEvents)): issues of the seed's history ingested in-process exactly as
                          `ledger ingest` does (fsync on), a batch of files per run. That build is
                          the ingest figure.
          --seed <s>      The seed of the history (default 1).
          --json          Print one JSON object (keys in a fixed order) instead of the table.
          --dir <dir>     Build the ledger in <dir> and keep it (created if missing; refused if it
                          already holds a ledger). Default: a scratch directory under $TMPDIR,
                          removed at the end.
          --batch <n>     Files per ingest run, 1…\(maxBatch) (default \(defaultBatch)).
          --ledger-binary <path>
                          The `ledger` executable to measure (default: the `ledger` beside this
                          `ledger-bench`).

          Then it runs the binary as a user would, as child processes on the built ledger, the
          page cache warm: `ledger replay --json --all` without snapshot (events/s, MB/s, peak
          resident memory), `ledger verify` (MB/s), `ledger project authorization` with and
          without a current snapshot (median of \(LedgerMeasurer.queryRuns) runs), and, as the machine's limits,
          `cat` and `sha256sum` of the same log. The table shows each figure beside its ratio
          to the limit. Snapshots/ is restored as the build left it. 1 MB = 10^6 bytes.

          -h, --help      Show this help.

        EXIT CODES: 0 success, 64 usage error, 66 no `ledger` binary to measure, 69 the producer
        --format needs is not installed, 70 a measured `ledger` command failed (its stderr is
        shown), 74 I/O error; ingest's own codes when an ingest fails.

        """

    /// `generate`'s one-line synopsis.
    static let generateSynopsis = "ledger-bench generate --issues <n> [--seed <s>] (--out <dir> [--format text|pdf|docx] | --ledger <dir> [--batch <n>])"

    /// The most issues one run generates.
    public static let maxIssues = BulletinGenerator.maxIssues
    /// The most files one `ledger ingest` run takes.
    public static let maxBatch = 1000
    /// Files per `ledger ingest` run unless `--batch` says otherwise.
    public static let defaultBatch = 50

    /// Parses the arguments after the program name.
    public static func parse(_ arguments: [String]) throws(BenchFailure) -> BenchRequest {
        guard let command = arguments.first else {
            throw .usage("no command given; try 'ledger-bench generate --issues 10 --out DIR' or 'ledger-bench run --events 20000'")
        }
        if ["-h", "--help", "help"].contains(command) { return .help }
        let rest = Array(arguments.dropFirst())
        switch command {
        case "generate":
            guard let scanned = try scan(rest, valued: ["--issues", "--seed", "--out", "--ledger", "--batch", "--format"]) else { return .help }
            return .generate(try options(scanned.values))
        case "run":
            guard let scanned = try scan(rest, valued: RunOptions.valuedOptions, flags: RunOptions.flagOptions) else { return .help }
            return .run(try RunOptions(scanned))
        default:
            throw .usage("unknown command '\(command)'; the commands are 'generate' and 'run'")
        }
    }

    /// The options a command was given: values by name (`--seed` → `7`) and the flags present.
    struct ScannedOptions {
        var values: [String: String] = [:]
        var flags: Set<String> = []
    }

    /// Reads `--name value`, `--name=value` and flags; nil when help was asked for.
    static func scan(_ arguments: [String], valued: [String], flags: [String] = []) throws(BenchFailure) -> ScannedOptions? {
        var scanned = ScannedOptions()
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            if argument == "-h" || argument == "--help" { return nil }
            var name = argument
            var value: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                value = String(argument[argument.index(after: equals)...])
            }
            if flags.contains(name) {
                guard value == nil else { throw .usage("'\(name)' takes no value") }
                guard scanned.flags.insert(name).inserted else { throw .usage("'\(name)' given twice") }
                continue
            }
            guard valued.contains(name) else {
                throw .usage(argument.hasPrefix("-") ? "unknown option '\(argument)'" : "unexpected argument '\(argument)'")
            }
            guard let given = value ?? rest.popFirst(), !given.isEmpty else { throw .usage("missing value for '\(name)'") }
            guard scanned.values[name] == nil else { throw .usage("'\(name)' given twice") }
            scanned.values[name] = given
        }
        return scanned
    }

    /// `--seed`'s value, 1 when absent.
    static func seed(_ values: [String: String]) throws(BenchFailure) -> UInt64 {
        let seedText = values["--seed"] ?? "1"
        guard let seed = UInt64(seedText) else {
            throw .usage("invalid value '\(seedText)' for '--seed': expected a whole number from 0 to \(UInt64.max)")
        }
        return seed
    }

    /// `--batch`'s value, ``defaultBatch`` when absent.
    static func batch(_ values: [String: String]) throws(BenchFailure) -> Int {
        let batchText = values["--batch"] ?? String(defaultBatch)
        guard let batch = Int(batchText), (1...maxBatch).contains(batch) else {
            throw .usage("invalid value '\(batchText)' for '--batch': expected a whole number from 1 to \(maxBatch)")
        }
        return batch
    }

    private static func options(_ values: [String: String]) throws(BenchFailure) -> GenerateOptions {
        guard let issuesText = values["--issues"] else { throw .usage("missing '--issues <n>'") }
        guard let issues = Int(issuesText), (1...maxIssues).contains(issues) else {
            throw .usage("invalid value '\(issuesText)' for '--issues': expected a whole number from 1 to \(maxIssues)")
        }
        let seed = try seed(values)
        let batch = try batch(values)
        let destination: Destination
        switch (values["--out"], values["--ledger"]) {
        case (let directory?, nil): destination = .files(directory: directory)
        case (nil, let directory?): destination = .ledger(directory: directory)
        case (.some, .some): throw .usage("give either '--out <dir>' or '--ledger <dir>', not both")
        case (nil, nil): throw .usage("missing '--out <dir>' or '--ledger <dir>': where should the issues go?")
        }
        if values["--batch"] != nil, case .files = destination { throw .usage("'--batch' applies to '--ledger' only") }
        var format = OutputFormat.text
        if let formatText = values["--format"] {
            guard let given = OutputFormat(rawValue: formatText) else {
                throw .usage("invalid value '\(formatText)' for '--format': expected text, pdf or docx")
            }
            if case .ledger = destination { throw .usage("'--format' applies to '--out' only") }
            format = given
        }
        return GenerateOptions(issues: issues, seed: seed, destination: destination, batch: batch, format: format)
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

    /// Something to run or read is missing (the `ledger` binary to measure): exit 66.
    public static func noInput(_ message: String) -> BenchFailure {
        BenchFailure(message: message, exitCode: 66, isUsage: false)
    }

    /// A program `ledger-bench` needs is not installed (a document producer): exit 69.
    public static func unavailable(_ message: String) -> BenchFailure {
        BenchFailure(message: message, exitCode: 69, isUsage: false)
    }

    /// A measured `ledger` command failed on a ledger it should handle: exit 70.
    public static func stepFailed(_ message: String) -> BenchFailure {
        BenchFailure(message: message, exitCode: 70, isUsage: false)
    }
}
