import LedgerCLI
import LedgerDomain
import LedgerStore
import LedgerFormats

/// `ledger-bench run`: builds a ledger of N events by ingesting generated issues in-process
/// (the ingest measurement), measures the `ledger` binary on it as child processes
/// (``LedgerMeasurer``), and prints the figures as a table or one JSON object.
///
/// The ledger goes in `--dir`, kept, or in a scratch directory under `$TMPDIR` removed at the
/// end, whatever happens. Progress goes to standard error; standard output holds only the report.
struct BenchmarkRun {
    let options: BenchRequest.RunOptions
    let invocation: Invocation
    let clock: MonotonicClock
    /// Progress is printed each time the log passes another this much of the goal.
    static let progressSteps = 10

    func run() throws(BenchFailure) -> Int32 {
        let binary = try ledgerBinary()
        let scratch = try BenchFiles.makeScratchDirectory(environment: invocation.environment)
        defer { BenchFiles.remove(scratch) }
        let ledger = options.directory.map { BenchFiles.absolute($0, in: invocation.workingDirectory) } ?? scratch + "/ledger"
        try refuseExistingLedger(in: ledger)
        let build = try buildLedger(in: ledger)
        guard BenchFiles.fileSize(LedgerLayout(root: ledger).log) == build.head.bytes else {
            throw .stepFailed("the log in \(ledger) does not have the \(build.head.bytes) bytes its HEAD names after the build")
        }
        let measurer = LedgerMeasurer(ledger: ledger, binary: binary, scratch: scratch, environment: invocation.environment, clock: clock)
        progress("measuring \(binary) on \(build.head.head.seq) events")
        let report = BenchmarkReport(head: build.head, seed: options.seed, batch: options.batch, build: build,
                                     measured: try measurer.measure(), machine: .current(), binary: binary,
                                     keptLedger: options.directory == nil ? nil : ledger)
        invocation.stdout.write(options.json ? JSONWriter.prettyString(report.json) + "\n" : report.table)
        return 0
    }

    /// The `ledger` to measure: `--ledger-binary`, else the one beside this executable.
    private func ledgerBinary() throws(BenchFailure) -> String {
        if let given = options.ledgerBinary {
            let path = BenchFiles.absolute(given, in: invocation.workingDirectory)
            guard BenchFiles.isExecutable(path) else { throw .noInput("'--ledger-binary \(given)': \(path) is not an executable file") }
            return path
        }
        guard let directory = BenchFiles.executableDirectory() else {
            throw .noInput("cannot tell where this executable is (/proc/self/exe is unreadable); name the `ledger` to measure with '--ledger-binary <path>'")
        }
        let path = directory + "/ledger"
        guard BenchFiles.isExecutable(path) else {
            throw .noInput("there is no `ledger` beside this executable (\(path)); build it (`swift build -c release`) or name one with '--ledger-binary <path>'")
        }
        return path
    }

    /// Refuses a directory that already holds a ledger with events: the benchmark appends to
    /// it and would mix its issues into someone's history. An empty ledger is fine.
    private func refuseExistingLedger(in directory: String) throws(BenchFailure) {
        let layout = LedgerLayout(root: directory)
        let logBytes = BenchFiles.fileSize(layout.log) ?? 0
        var headSeq = 0
        if let bytes = BenchFiles.readBytes(layout.head) {
            switch HeadFile.decode(bytes) {
            case .success(let head): headSeq = head.head.seq.value
            case .failure: headSeq = -1
            }
        }
        guard logBytes == 0 && headSeq == 0 else {
            let holds = headSeq > 0 ? "a ledger of \(headSeq) events" : "a ledger (EventLog/ with \(logBytes) bytes of log)"
            throw .usage("'--dir \(options.directory ?? directory)' already holds \(holds); the benchmark builds its own ledger and will not append to one that has events. Give an empty or new directory, or leave out '--dir' for a scratch one.")
        }
    }

    /// Ingests issues until the log holds at least `--events` events.
    private func buildLedger(in ledger: String) throws(BenchFailure) -> IngestLoop.Outcome {
        let goal = options.events
        progress("building a ledger of at least \(goal) events in \(ledger) (seed \(options.seed), \(options.batch) files per ingest)")
        let loop = IngestLoop(ledger: ledger, seed: options.seed, batch: options.batch, invocation: invocation, clock: clock)
        var reported = 0
        return try loop.run(until: .events(goal)) { step in
            let events = step.head.head.seq.value
            let reached = min(Self.progressSteps, events * Self.progressSteps / goal)
            guard reached > reported else { return }
            reported = reached
            progress("ingested \(step.issues) issues, \(events) of \(goal) events")
        }
    }

    private func progress(_ line: String) {
        invocation.stderr.write("ledger-bench: \(line)\n")
        invocation.stderr.flush()
    }
}
