#if canImport(Glibc)
import Glibc
#endif
import LedgerDomain

extension Invocation {
    /// This process's world: its arguments (after the program name), environment, working
    /// directory, standard streams, clock and host name. Only the executables call this; tests
    /// build an ``Invocation`` of their own.
    public static func currentProcess() -> Invocation {
        Invocation(
            arguments: Array(CommandLine.arguments.dropFirst()), environment: environmentVariables(),
            workingDirectory: workingDirectory(), stdout: FileDescriptorOutput(descriptor: 1),
            stderr: FileDescriptorOutput(descriptor: 2), now: now, hostName: hostName())
    }

    private static func environmentVariables() -> [String: String] {
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

    private static func workingDirectory() -> String {
        guard let pointer = getcwd(nil, 0) else { return "." }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    private static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func now() -> Instant {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Instant(millisecondsSinceEpoch: Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec / 1_000_000))
    }
}
