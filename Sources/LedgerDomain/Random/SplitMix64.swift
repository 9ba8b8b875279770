/// SplitMix64 (Steele, Lea and Flood, 2014): a tiny seedable generator whose numbers are the
/// same on every machine and every Swift version.
///
/// The helpers below draw integers, chances and picks with our own arithmetic rather than the
/// standard library's `random(in:using:)`, whose algorithm is not promised to stay the same:
/// a seed printed by a failing test must reproduce the same bulletins next year.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The generator's whole state.
    public private(set) var state: UInt64

    /// A generator that starts from `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// A generator for one part of the work (`stream`), independent of the others: rendering
    /// issue 7 draws the same numbers whether or not issues 1–6 were rendered first.
    public init(seed: UInt64, stream: UInt64) {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        state = mixer.next()
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// An integer in `range`, by multiply-and-shift (the bias is below 2⁻³² for our ranges).
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        precondition(range.upperBound - range.lowerBound < Int(UInt32.max), "range too wide for int(in:)")
        let width = UInt64(range.upperBound - range.lowerBound + 1)
        let high = ((next() >> 32) &* width) >> 32
        return range.lowerBound + Int(high)
    }

    /// A number in [0, 1) with 53 random bits.
    public mutating func unit() -> Double {
        Double(next() >> 11) / Double(UInt64(1) << 53)
    }

    /// True with probability `probability`.
    public mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// One element of a non-empty collection.
    public mutating func pick<C: RandomAccessCollection>(_ elements: C) -> C.Element where C.Index == Int {
        precondition(!elements.isEmpty, "pick from an empty collection")
        return elements[elements.startIndex + int(in: 0...(elements.count - 1))]
    }

    /// An index drawn with the given weights (non-negative, not all zero).
    public mutating func weighted(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        precondition(total > 0, "weights must not all be zero")
        var target = unit() * total
        for (index, weight) in weights.enumerated() {
            if target < weight { return index }
            target -= weight
        }
        return weights.count - 1
    }

    /// The elements in a random order (Fisher–Yates).
    public mutating func shuffled<T>(_ elements: [T]) -> [T] {
        var result = elements
        var index = result.count - 1
        while index > 0 {
            result.swapAt(index, int(in: 0...index))
            index -= 1
        }
        return result
    }
}
