#if canImport(Glibc)
import Glibc
#endif
import LedgerStore

/// Measures the built `ledger` binary on a ledger as a user runs it: each command a child
/// process with `--ledger DIR`, timed from spawn to exit; beside them `cat` and `sha256sum` of
/// the same log, the speeds the machine allows.
///
/// The log is read through once first, so that every step finds it in the page cache.
/// `Snapshots/` is moved aside for the steps that must fold the whole log and put back
/// afterwards, as it was, even when a step fails.
struct LedgerMeasurer {
    /// Runs of `replay` and `verify`; the median is reported.
    static let fullReadRuns = 3
    /// Runs of each fast query; the median is reported.
    static let queryRuns = 5
    /// Runs of `cat` and `sha256sum` after the warm-up read; the median is reported.
    static let limitRuns = 3
    /// The projection the query step asks for: the main job.
    static let queryProjection = "authorization"

    /// The ledger directory, absolute.
    let ledger: String
    /// The `ledger` executable.
    let binary: String
    /// A directory for the children's captured output.
    let scratch: String
    let environment: [String: String]
    let clock: MonotonicClock

    private var layout: LedgerLayout { LedgerLayout(root: ledger) }
    private var aside: String { layout.snapshots + ".ledger-bench-aside" }

    /// Every measurement, in the order a reader meets them.
    func measure() throws(BenchFailure) -> BenchmarkReport.Measured {
        try BenchFiles.readThrough(layout.log)
        var measured = BenchmarkReport.Measured()
        try withSnapshotsAside { () throws(BenchFailure) in
            // Every year's history, as replay printed before it showed the latest year by default:
            // the figure stays one of the whole log folded and written.
            let replay = try runLedger(["replay", "--json", "--all"], runs: Self.fullReadRuns)
            measured.replayNanoseconds = replay.medianNanoseconds
            measured.replayPeakResidentBytes = replay.peakResidentBytes
            measured.queryWithoutSnapshotNanoseconds = try runLedger(["project", Self.queryProjection], runs: Self.queryRuns).medianNanoseconds
            _ = try runLedger(["snapshot"], runs: 1)
            measured.queryWithSnapshotNanoseconds = try runLedger(["project", Self.queryProjection], runs: Self.queryRuns).medianNanoseconds
        }
        measured.verifyNanoseconds = try runLedger(["verify"], runs: Self.fullReadRuns).medianNanoseconds
        measured.readNanoseconds = try runLimit("cat", notes: &measured.notes)
        measured.sha256sumNanoseconds = try runLimit("sha256sum", notes: &measured.notes)
        return measured
    }

    /// The `ledger-bench` that measures the `ledger` children through ``Spawner``, so that this
    /// process's memory (the ledger it built in-process) is not counted as theirs: this
    /// executable when it is `ledger-bench`, else the one beside `ledger`; nil when neither is
    /// there (the children are then started directly, and their peak memory includes ours).
    static func spawner(besides binary: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if count > 0 {
            let path = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if path.hasSuffix("/ledger-bench") { return path }
        }
        let sibling = String(binary.reversed().drop { $0 != "/" }.reversed()) + "ledger-bench"
        return access(sibling, X_OK) == 0 ? sibling : nil
    }

    /// The median time and the peak memory of several runs of one program.
    struct Runs {
        var medianNanoseconds: UInt64
        var peakResidentBytes: Int
    }

    /// Runs `ledger --ledger DIR arguments…` `runs` times; any failure stops the benchmark with
    /// the command's standard error and output.
    private func runLedger(_ arguments: [String], runs: Int) throws(BenchFailure) -> Runs {
        var child = ChildProcess(executable: binary, environment: environment, clock: clock)
        child.spawner = Self.spawner(besides: binary)
        let full = ["--ledger", ledger] + arguments
        // What is measured goes to /dev/null, as a user's redirect would send it.
        let stdout = arguments.first == "verify" || arguments.first == "snapshot" ? scratch + "/stdout.txt" : "/dev/null"
        let stderr = scratch + "/stderr.txt"
        var outcomes: [ChildProcess.Outcome] = []
        for _ in 0..<runs {
            let outcome = try child.run(full, stdout: stdout, stderr: stderr)
            guard outcome.succeeded else {
                let said = [stderr, stdout].compactMap { $0 == "/dev/null" ? nil : BenchFiles.readText($0) }
                    .map { $0.trimmingSuffix("\n") }.filter { !$0.isEmpty }.joined(separator: "\n")
                throw .stepFailed("`\(binary) \(full.joined(separator: " "))` failed (\(outcome.ending)) on the benchmark's ledger in \(ledger)"
                                  + (said.isEmpty ? ", saying nothing." : ":\n" + said))
            }
            outcomes.append(outcome)
        }
        return Runs(medianNanoseconds: Self.median(outcomes.map(\.nanoseconds)),
                    peakResidentBytes: outcomes.map(\.peakResidentBytes).max() ?? 0)
    }

    /// The median time of `program EventLog/events.jsonl` with its output discarded, or nil
    /// (and a note) when the program is not installed.
    private func runLimit(_ program: String, notes: inout [String]) throws(BenchFailure) -> UInt64? {
        guard let path = BenchFiles.findProgram(program, environment: environment) else {
            notes.append("\(program) is not installed (not found in PATH): its limit is not measured")
            return nil
        }
        let child = ChildProcess(executable: path, environment: environment, clock: clock)
        var times: [UInt64] = []
        for _ in 0..<Self.limitRuns {
            let outcome = try child.run([layout.log], stdout: "/dev/null", stderr: scratch + "/stderr.txt")
            guard outcome.succeeded else {
                throw .stepFailed("`\(path) \(layout.log)` failed (\(outcome.ending)): \(BenchFiles.readText(scratch + "/stderr.txt") ?? "")")
            }
            times.append(outcome.nanoseconds)
        }
        return Self.median(times)
    }

    /// Runs `body` with `Snapshots/` moved aside, then removes any snapshot the body wrote and
    /// puts the original back, whether the body succeeded or not.
    private func withSnapshotsAside(_ body: () throws(BenchFailure) -> Void) throws(BenchFailure) {
        guard !BenchFiles.exists(aside) else {
            throw .io("\(aside) is in the way: a previous ledger-bench run left it; move it back to \(layout.snapshots) or remove it")
        }
        let hadSnapshots = BenchFiles.exists(layout.snapshots)
        if hadSnapshots { try BenchFiles.rename(layout.snapshots, to: aside) }
        let result: Result<Void, BenchFailure>
        do throws(BenchFailure) {
            try body()
            result = .success(())
        } catch {
            result = .failure(error)
        }
        BenchFiles.remove(layout.snapshots)
        if hadSnapshots { try BenchFiles.rename(aside, to: layout.snapshots) }
        try result.get()
    }

    /// The middle value (the mean of the two middle ones for an even count).
    static func median(_ values: [UInt64]) -> UInt64 {
        precondition(!values.isEmpty, "the median of no runs")
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
