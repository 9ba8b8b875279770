/// An indirect reference `n g R`: an object's number and generation.
public struct PDFReference: Sendable, Hashable, CustomStringConvertible {
    /// The object number.
    public var number: Int
    /// The generation number.
    public var generation: Int

    /// Creates a reference.
    public init(_ number: Int, _ generation: Int = 0) {
        self.number = number
        self.generation = generation
    }

    /// `n g R`, as written in a file.
    public var description: String { "\(number) \(generation) R" }
}
