#if canImport(Glibc)
import Glibc
#endif

/// The machine a benchmark ran on, reported beside its figures.
struct Machine: Sendable, Equatable {
    /// Logical CPUs online (`sysconf(_SC_NPROCESSORS_ONLN)`).
    var logicalCPUs: Int
    /// The first `model name` of `/proc/cpuinfo`, when it has one (x86 does, many ARM kernels do not).
    var cpuModel: String?

    /// This machine.
    static func current() -> Machine {
        let cpus = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return Machine(logicalCPUs: max(1, Int(cpus)), cpuModel: BenchFiles.readText("/proc/cpuinfo").flatMap(cpuModel(in:)))
    }

    /// The value of the first `model name` line of a `/proc/cpuinfo` text.
    static func cpuModel(in cpuinfo: String) -> String? {
        for line in cpuinfo.split(separator: "\n") where line.hasPrefix("model name") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let value = line[line.index(after: colon)...].trimmingPrefix(while: { $0 == " " || $0 == "\t" })
            return value.isEmpty ? nil : String(value)
        }
        return nil
    }
}
