extension BenchRequest {
    /// The options of `run`: how big a ledger to build, and how to report what was measured.
    public struct RunOptions: Sendable, Equatable {
        /// Build a ledger of at least this many events (it stops after the batch that reaches it).
        public var events: Int
        /// The seed of the generated history.
        public var seed: UInt64
        /// One JSON object on standard output instead of the table.
        public var json: Bool
        /// Where to build and keep the ledger; nil for a scratch directory removed at the end.
        public var directory: String?
        /// Files per `ledger ingest` run.
        public var batch: Int
        /// The `ledger` executable to measure; nil for the one beside `ledger-bench`.
        public var ledgerBinary: String?

        /// Creates options; the defaults are those of `ledger-bench run` with no options.
        public init(events: Int = RunOptions.defaultEvents, seed: UInt64 = 1, json: Bool = false, directory: String? = nil,
                    batch: Int = BenchRequest.defaultBatch, ledgerBinary: String? = nil) {
            self.events = events
            self.seed = seed
            self.json = json
            self.directory = directory
            self.batch = batch
            self.ledgerBinary = ledgerBinary
        }

        /// Events in the ledger unless `--events` says otherwise.
        public static let defaultEvents = 1_000_000
        /// The most events `--events` accepts: the generator's 100,000 issues give about 1.56
        /// million, so this leaves a margin for a seed whose issues run short.
        public static let maxEvents = 1_500_000

        /// `run`'s one-line synopsis.
        static let synopsis = "ledger-bench run [--events <n>] [--seed <s>] [--json] [--dir <dir>] [--batch <n>] [--ledger-binary <path>]"
        static let valuedOptions = ["--events", "--seed", "--dir", "--batch", "--ledger-binary"]
        static let flagOptions = ["--json"]

        /// The options from what the command line gave.
        init(_ scanned: ScannedOptions) throws(BenchFailure) {
            let values = scanned.values
            var events = Self.defaultEvents
            if let eventsText = values["--events"] {
                guard let count = Int(eventsText), (1...Self.maxEvents).contains(count) else {
                    throw .usage("invalid value '\(eventsText)' for '--events': expected a whole number from 1 to \(Self.maxEvents) (the generator's \(BenchRequest.maxIssues) issues hold about 1.5 million events)")
                }
                events = count
            }
            self.init(events: events, seed: try BenchRequest.seed(values), json: scanned.flags.contains("--json"),
                      directory: values["--dir"], batch: try BenchRequest.batch(values), ledgerBinary: values["--ledger-binary"])
        }
    }
}
