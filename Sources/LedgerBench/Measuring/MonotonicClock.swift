#if canImport(Glibc)
import Glibc
#endif

/// A clock that only moves forwards, in nanoseconds: the benchmark's stopwatch.
///
/// It is passed in (``BenchTool/run(_:clock:)``) like the invocation's wall clock, so that
/// nothing below the executable reads a global clock.
public struct MonotonicClock: Sendable {
    /// Nanoseconds since an arbitrary fixed point; never smaller than a previous reading.
    public var nanoseconds: @Sendable () -> UInt64

    /// A clock reading `nanoseconds`.
    public init(nanoseconds: @escaping @Sendable () -> UInt64) {
        self.nanoseconds = nanoseconds
    }

    /// `clock_gettime(CLOCK_MONOTONIC)`: unaffected by changes of the wall-clock time.
    public static let system = MonotonicClock {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// The nanoseconds `body` took, with its result.
    func measure<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> (result: T, nanoseconds: UInt64) {
        let start = nanoseconds()
        let result = try body()
        let end = nanoseconds()
        precondition(end >= start, "a monotonic clock went backwards")
        return (result, end - start)
    }
}
