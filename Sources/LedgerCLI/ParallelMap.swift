import Dispatch

/// Maps a small array on every core, keeping the order: for pure work (decoding, parsing) on
/// items that do not depend on each other.
enum ParallelMap {
    /// `items.map(transform)`, with the calls spread over the cores.
    static func map<Item: Sendable, Result: Sendable>(_ items: [Item], _ transform: @Sendable (Item) -> Result) -> [Result] {
        guard items.count > 1 else { return items.map(transform) }
        let results = Results<Result>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            results.set(index, transform(items[index]))
        }
        return results.values()
    }

    /// One slot per item, each written by exactly one iteration: no two threads touch a slot.
    private final class Results<Value>: @unchecked Sendable {
        private let slots: UnsafeMutableBufferPointer<Value?>

        init(count: Int) {
            slots = .allocate(capacity: count)
            slots.initialize(repeating: nil)
        }

        deinit {
            slots.deinitialize()
            slots.deallocate()
        }

        func set(_ index: Int, _ value: Value) { slots[index] = value }

        func values() -> [Value] {
            slots.map { value in
                guard let value else { preconditionFailure("ParallelMap: an iteration did not run") }
                return value
            }
        }
    }
}

/// A value computed on another thread, started at once; ``wait()`` blocks until it is there.
final class Pending<Value: Sendable>: @unchecked Sendable {
    // Written once by the worker before it signals, read only after the signal: the
    // semaphore orders the two, so no lock is needed.
    private var value: Value?
    private let done = DispatchSemaphore(value: 0)

    /// Starts `work` on a global queue.
    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async { [self] in
            value = work()
            done.signal()
        }
    }

    /// The value, once `work` has returned; may be called more than once.
    func wait() -> Value {
        done.wait()
        defer { done.signal() }
        guard let value else { preconditionFailure("Pending: the work signalled without a value") }
        return value
    }
}
