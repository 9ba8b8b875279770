// The executable: gathers the process's arguments, environment, working directory and clock,
// and hands them to LedgerBench, where everything else lives (and tests reach it).
#if canImport(Glibc)
import Glibc
#endif
import LedgerBench
import LedgerCLI
import LedgerDomain

func environmentVariables() -> [String: String] {
    var variables: [String: String] = [:]
    var entry = environ
    while let pointer = entry.pointee {
        let pair = String(cString: pointer)
        if let equals = pair.firstIndex(of: "=") {
            variables[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        entry += 1
    }
    return variables
}

func workingDirectory() -> String {
    guard let pointer = getcwd(nil, 0) else { return "." }
    defer { free(pointer) }
    return String(cString: pointer)
}

func now() -> Instant {
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    return Instant(millisecondsSinceEpoch: Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec / 1_000_000))
}

exit(BenchTool.run(Invocation(
    arguments: Array(CommandLine.arguments.dropFirst()), environment: environmentVariables(),
    workingDirectory: workingDirectory(), stdout: FileDescriptorOutput(descriptor: 1),
    stderr: FileDescriptorOutput(descriptor: 2), now: now)))
