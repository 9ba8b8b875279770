import LedgerCLI
import LedgerDomain
import LedgerStore

/// Generates a seed's issues and ingests them with `ledger ingest` run in-process (the
/// command's own code path, fsync on), a batch of files per run, until a goal is reached: what
/// `generate --ledger` and `run` share.
///
/// Warnings and errors `ledger ingest` prints are copied to standard error, prefixed with
/// `ledger-bench:`. A failed ingest stops the loop with ingest's own exit code; the ledger
/// keeps the batches ingested before it.
struct IngestLoop {
    /// When the loop stops.
    enum Goal: Equatable {
        /// After this many issues.
        case issues(Int)
        /// After the batch that brings the log to at least this many events.
        case events(Int)
    }

    /// Where the loop stands after a batch.
    struct Progress {
        /// Issues ingested so far.
        var issues: Int
        /// The ledger's HEAD after the batch.
        var head: HeadFile
    }

    /// What a whole loop did.
    struct Outcome {
        /// Issues ingested.
        var issues: Int
        /// The first and last issue keys (`2023-01`), nil when none were ingested.
        var keys: (first: String, last: String)?
        /// The ledger's HEAD at the end.
        var head: HeadFile
        /// Warning and error lines `ledger ingest` printed.
        var warnings: Int
        /// Issues rendered in each house style.
        var houses: HouseStyle.Tally = .init()
        /// How many `ledger ingest` runs it took.
        var ingestRuns: Int
        /// Time spent inside `ledger ingest`, all runs together.
        var ingestNanoseconds: UInt64
        /// Time of the whole loop: also generating, rendering and writing the files.
        var totalNanoseconds: UInt64
    }

    /// Events an issue yields, guessed before the first batch says better.
    static let eventsPerIssueGuess = 15

    /// The ledger directory, absolute.
    let ledger: String
    let seed: UInt64
    /// Files per `ledger ingest` run.
    let batch: Int
    let invocation: Invocation
    let clock: MonotonicClock

    /// Runs batches until `goal`, calling `progress` after each.
    func run(until goal: Goal, progress: (Progress) -> Void) throws(BenchFailure) -> Outcome {
        try BenchFiles.makeDirectory(ledger)
        let scratch = try BenchFiles.makeScratchDirectory(environment: invocation.environment)
        defer { BenchFiles.remove(scratch) }
        let started = clock.nanoseconds()
        var generator = BulletinGenerator(seed: seed)
        var outcome = Outcome(issues: 0, keys: nil, head: try headFile(), warnings: 0, ingestRuns: 0,
                              ingestNanoseconds: 0, totalNanoseconds: 0)
        while let count = nextBatchSize(goal, outcome) {
            let issues = (0..<count).map { _ in
                let issue = generator.next()
                let (house, text) = BulletinRenderer.document(issue, seed: seed)
                outcome.houses.add(house)
                return (key: issue.key, text: text)
            }
            try ingest(issues, scratch: scratch, into: &outcome)
            outcome.keys = (outcome.keys?.first ?? issues[0].key, issues[issues.count - 1].key)
            outcome.issues += issues.count
            outcome.head = try headFile()
            progress(Progress(issues: outcome.issues, head: outcome.head))
        }
        if case .events(let events) = goal, outcome.head.head.seq.value < events {
            throw .usage("the generator's \(BulletinGenerator.maxIssues) issues of seed \(seed) gave only \(outcome.head.head.seq.value) events, fewer than the \(events) asked for; ask for fewer with '--events'")
        }
        outcome.totalNanoseconds = clock.nanoseconds() - started
        return outcome
    }

    /// How many issues the next batch holds; nil when the goal is reached. Aiming at an event
    /// count, a batch is cut to the issues the events still missing need, at the rate seen so far.
    private func nextBatchSize(_ goal: Goal, _ outcome: Outcome) -> Int? {
        let left = BulletinGenerator.maxIssues - outcome.issues
        switch goal {
        case .issues(let issues):
            return outcome.issues < issues ? min(batch, issues - outcome.issues) : nil
        case .events(let events):
            let missing = events - outcome.head.head.seq.value
            guard missing > 0, left > 0 else { return nil }
            let perIssue = outcome.issues > 0 ? max(1, outcome.head.head.seq.value / outcome.issues) : Self.eventsPerIssueGuess
            return min(batch, left, (missing + perIssue - 1) / perIssue)
        }
    }

    /// Writes the files, runs one `ledger ingest` on them, and removes them.
    private func ingest(_ issues: [(key: String, text: String)], scratch: String, into outcome: inout Outcome) throws(BenchFailure) {
        var files: [String] = []
        for (key, text) in issues {
            files.append("\(scratch)/\(key).txt")
            try BenchFiles.write(text, to: files[files.count - 1])
        }
        defer { for file in files { BenchFiles.remove(file) } }
        let ((code, output, errors), nanoseconds) = clock.measure {
            runLedger(["ingest", "--ledger", ledger, "--actor", "ledger-bench"] + files)
        }
        outcome.ingestNanoseconds += nanoseconds
        outcome.ingestRuns += 1
        let warningLines = (output + errors).split(separator: "\n").filter { $0.contains(": warning:") || $0.contains(": error:") }
        outcome.warnings += warningLines.count
        for line in warningLines { invocation.stderr.write("ledger-bench: \(line)\n") }
        guard code == 0 else {
            let done = outcome.issues
            throw BenchFailure(message: "ledger ingest failed (exit \(code)) after \(done) issues; the ledger keeps the \(done) ingested before this batch:\n\(errors.trimmingSuffix("\n"))",
                               exitCode: code, isUsage: false)
        }
    }

    /// Runs one `ledger` command in-process with captured output: exit code, stdout, stderr.
    private func runLedger(_ arguments: [String]) -> (Int32, String, String) {
        let output = CapturedOutput()
        let errors = CapturedOutput()
        let code = LedgerTool.run(Invocation(
            arguments: arguments, environment: invocation.environment, workingDirectory: invocation.workingDirectory,
            stdout: output, stderr: errors, now: invocation.now, system: invocation.system, hostName: invocation.hostName))
        return (code, output.text, errors.text)
    }

    /// The ledger's HEAD (the empty one before the first append).
    func headFile() throws(BenchFailure) -> HeadFile {
        do {
            return try EventStore(layout: LedgerLayout(root: ledger), system: invocation.system).readHeadFile() ?? .empty
        } catch {
            throw .io("cannot read the head of the ledger in \(ledger): \(error)")
        }
    }
}

extension String {
    /// Without any run of `suffix` at the end.
    func trimmingSuffix(_ suffix: Character) -> String {
        var text = Substring(self)
        while text.last == suffix { text = text.dropLast() }
        return String(text)
    }
}
