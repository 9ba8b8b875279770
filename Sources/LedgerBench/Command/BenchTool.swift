import LedgerCLI

/// The `ledger-bench` tool: parses the command line, runs it, and maps every failure to a
/// message on standard error and an exit code in one place.
///
/// Everything it takes from the outside world (arguments, environment, working directory,
/// streams, clock) comes in the ``Invocation``, as for `ledger` itself; the stopwatch of the
/// benchmark is the `clock`.
public enum BenchTool {
    /// Runs the tool and returns its exit code.
    public static func run(_ invocation: Invocation, clock: MonotonicClock = .system) -> Int32 {
        defer {
            invocation.stdout.flush()
            invocation.stderr.flush()
        }
        if invocation.arguments.first == Spawner.command {
            return Spawner.main(Array(invocation.arguments.dropFirst()), environment: invocation.environment, clock: clock)
        }
        do throws(BenchFailure) {
            switch try BenchRequest.parse(invocation.arguments) {
            case .help:
                invocation.stdout.write(BenchRequest.usage)
                return 0
            case .generate(let options):
                return try GenerateRun(options: options, invocation: invocation, clock: clock).run()
            case .run(let options):
                return try BenchmarkRun(options: options, invocation: invocation, clock: clock).run()
            }
        } catch {
            invocation.stderr.write("ledger-bench: error: \(error.message)\n")
            if error.isUsage {
                invocation.stderr.write("Usage: \(BenchRequest.generateSynopsis)\n       \(BenchRequest.RunOptions.synopsis)\n  See 'ledger-bench --help'.\n")
            }
            return error.exitCode
        }
    }
}
