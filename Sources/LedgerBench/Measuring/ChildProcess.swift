#if canImport(Glibc)
import Glibc
#endif

/// Runs a program as a child process, as a user's shell would, and reports how it ended, how
/// long it took and its peak resident memory (`wait4`'s `ru_maxrss`).
///
/// The only place in LedgerBench that starts processes. Standard input is `/dev/null`; standard
/// output and standard error go to files (`/dev/null` to discard), so nothing has to be drained
/// while the child runs and the timing includes only the child's own work and its start.
struct ChildProcess {
    /// How one run ended.
    struct Outcome: Sendable {
        /// The exit status, or nil when a signal ended the child.
        var exitStatus: Int32?
        /// The signal that ended the child, if one did.
        var signal: Int32?
        /// Wall time from just before the spawn to just after `wait4` returned.
        var nanoseconds: UInt64
        /// The child's peak resident set size in bytes (`ru_maxrss` × 1024).
        var peakResidentBytes: Int

        /// Whether the child exited with status 0.
        var succeeded: Bool { exitStatus == 0 }

        /// `exit 65`, `killed by signal 9`.
        var ending: String {
            if let exitStatus { return "exit \(exitStatus)" }
            return "killed by signal \(signal ?? 0)"
        }
    }

    /// The program to run (an absolute path: nothing is looked up in `PATH`).
    let executable: String
    /// The environment the child gets.
    let environment: [String: String]
    /// The stopwatch.
    let clock: MonotonicClock
    /// A small program that starts the child and reports on it (``Spawner``), or nil to start
    /// it directly. Linux counts the spawning process's resident memory into a spawned child's
    /// `ru_maxrss` (the child shares its parent's memory until `exec`), so a benchmark that has
    /// built a large ledger in-process must measure through a process that has not.
    var spawner: String? = nil

    /// Runs `executable arguments…`, waits for it, and says how it ended. Throws only when it
    /// could not be started or waited for; a child that fails is an ``Outcome``.
    func run(_ arguments: [String], stdout: String, stderr: String) throws(BenchFailure) -> Outcome {
        if let spawner { return try Spawner.run(through: spawner, self, arguments, stdout: stdout, stderr: stderr) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        // An empty path leaves the stream as this process has it.
        if !stdout.isEmpty { posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        if !stderr.isEmpty { posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }

        let start = clock.nanoseconds()
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw .io("cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw .io("cannot wait for \(executable) (pid \(pid)): \(String(cString: strerror(errno)))") }
        }
        let end = clock.nanoseconds()
        precondition(end >= start, "a monotonic clock went backwards")
        // The <sys/wait.h> macros are not imported: WIFEXITED is "no signal", WEXITSTATUS the next byte.
        let signal = status & 0x7F
        return Outcome(exitStatus: signal == 0 ? (status >> 8) & 0xFF : nil, signal: signal == 0 ? nil : signal,
                       nanoseconds: end - start, peakResidentBytes: Int(usage.ru_maxrss) * 1024)
    }
}

/// `ledger-bench __spawn REPORT EXECUTABLE ARGUMENTS…`: starts `EXECUTABLE` as a
/// ``ChildProcess`` from a freshly started, small process, waits for it, and writes how it ended
/// to `REPORT` (`exit signal nanoseconds peakResidentBytes`); its own exit status is the child's.
enum Spawner {
    /// The hidden command word.
    static let command = "__spawn"

    /// Runs `child` through `spawner` and reads its report.
    static func run(through spawner: String, _ child: ChildProcess, _ arguments: [String],
                    stdout: String, stderr: String) throws(BenchFailure) -> ChildProcess.Outcome {
        let report = stderr + ".spawn"
        let direct = ChildProcess(executable: spawner, environment: child.environment, clock: child.clock)
        let outer = try direct.run([command, report, child.executable] + arguments, stdout: stdout, stderr: stderr)
        guard let text = BenchFiles.readText(report) else {
            throw .io("\(spawner) \(command) did not report on \(child.executable) (\(outer.ending))")
        }
        let fields = text.split(separator: " ").map { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard fields.count == 4, let exit = fields[0], let signal = fields[1], let nanoseconds = fields[2], let peak = fields[3] else {
            throw .io("\(spawner) \(command) wrote a report that cannot be read: \(text)")
        }
        return ChildProcess.Outcome(exitStatus: exit < 0 ? nil : Int32(exit), signal: signal == 0 ? nil : Int32(signal),
                       nanoseconds: UInt64(nanoseconds), peakResidentBytes: peak)
    }

    /// The hidden command: `arguments` is `REPORT EXECUTABLE ARGUMENTS…`; standard output and
    /// error are passed on to the child as they are. Returns the exit status for this process.
    static func main(_ arguments: [String], environment: [String: String], clock: MonotonicClock) -> Int32 {
        guard arguments.count >= 2 else { return 64 }
        let child = ChildProcess(executable: arguments[1], environment: environment, clock: clock)
        do {
            let outcome = try child.run(Array(arguments.dropFirst(2)), stdout: "", stderr: "")
            let line = "\(outcome.exitStatus.map(Int.init) ?? -1) \(outcome.signal ?? 0) \(outcome.nanoseconds) \(outcome.peakResidentBytes)\n"
            guard BenchFiles.writeText(line, to: arguments[0]) else { return 74 }
            return outcome.exitStatus ?? 70
        } catch {
            FileHandleText.standardError("ledger-bench: \(command): \(error.message)\n")
            return 71
        }
    }
}

/// Standard error for the spawner, which has no ``Invocation`` streams of its own.
private enum FileHandleText {
    static func standardError(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
    }
}
