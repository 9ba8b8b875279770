// The executable: gathers the process's arguments, environment, working directory and clock,
// and hands them to LedgerCLI. Everything else lives in the library, where tests reach it.
// Glibc rather than Foundation: a command must start in milliseconds.
#if canImport(Glibc)
import Glibc
#endif
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

func hostName() -> String {
    var buffer = [CChar](repeating: 0, count: 256)
    guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

func now() -> Instant {
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    return Instant(millisecondsSinceEpoch: Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec / 1_000_000))
}

let invocation = Invocation(
    arguments: Array(CommandLine.arguments.dropFirst()),
    environment: environmentVariables(),
    workingDirectory: workingDirectory(),
    stdout: FileDescriptorOutput(descriptor: 1),
    stderr: FileDescriptorOutput(descriptor: 2),
    now: now,
    hostName: hostName())
exit(LedgerTool.run(invocation))
