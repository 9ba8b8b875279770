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

    /// Runs `executable arguments…`, waits for it, and says how it ended. Throws only when it
    /// could not be started or waited for; a child that fails is an ``Outcome``.
    func run(_ arguments: [String], stdout: String, stderr: String) throws(BenchFailure) -> Outcome {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
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
