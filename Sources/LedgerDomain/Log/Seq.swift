/// The position of a record in the log: 1, 2, 3… with no gaps. Seq 0 is the empty log's head.
public struct Seq: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    /// The 1-based position; 0 only for the head of an empty log.
    public let value: Int

    /// Wraps a position; traps on a negative one, which no log can hold.
    public init(_ value: Int) {
        precondition(value >= 0, "a seq is never negative")
        self.value = value
    }

    public init(integerLiteral value: Int) { self.init(value) }

    /// The seq after this one.
    public var next: Seq { Seq(value + 1) }

    public var description: String { String(value) }

    public static func < (lhs: Seq, rhs: Seq) -> Bool { lhs.value < rhs.value }
}
