import LedgerDomain

/// Bulletin text with its numbers kept apart from the words, so that the renderer can write each
/// number the way PDF extraction leaves it (`2 7日`, `２６６４１`, `9,862`) while the model keeps
/// the plain value.
///
/// Build it with string interpolation: `"受理 \(count: 116)件"`, `"\(date: day)，"`.
public struct Prose: Sendable, Equatable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// What a number is, which decides the artefacts it may get.
    public enum NumberKind: Sendable, Equatable {
        /// A count of things (`26641件`): may get thousands separators.
        case count
        /// A year, month or day: may get a space inside (`2 7日`).
        case date
        /// Anything else: an issue or item number, a share (`82.2`).
        case plain
    }

    /// A run of words, or one number written with ASCII digits (and a `.` for a share).
    public enum Piece: Sendable, Equatable {
        /// Words, written as they are.
        case text(String)
        /// A number's digits and what it is.
        case number(String, NumberKind)
    }

    /// The pieces in reading order.
    public private(set) var pieces: [Piece]

    /// Prose of the given pieces.
    public init(pieces: [Piece]) {
        self.pieces = pieces
    }

    /// Prose of words without numbers.
    public init(stringLiteral value: String) {
        pieces = value.isEmpty ? [] : [.text(value)]
    }

    /// Prose from an interpolated literal.
    public init(stringInterpolation: StringInterpolation) {
        pieces = stringInterpolation.pieces
    }

    /// The text as the parser reads it once artefacts are undone: ASCII digits, no spaces.
    public var plain: String {
        pieces.map { piece in
            switch piece {
            case .text(let text): return text
            case .number(let digits, _): return digits
            }
        }.joined()
    }

    /// The plain text.
    public var description: String { plain }

    /// The two texts one after the other.
    public static func + (lhs: Prose, rhs: Prose) -> Prose {
        Prose(pieces: lhs.pieces + rhs.pieces)
    }

    /// Texts joined with `separator` between them.
    public static func joined(_ parts: [Prose], separator: String = "") -> Prose {
        var pieces: [Piece] = []
        for (index, part) in parts.enumerated() {
            if index > 0 && !separator.isEmpty { pieces.append(.text(separator)) }
            pieces += part.pieces
        }
        return Prose(pieces: pieces)
    }

    /// Builds prose from a literal with interpolated numbers and words.
    public struct StringInterpolation: StringInterpolationProtocol {
        var pieces: [Piece] = []

        /// An empty interpolation.
        public init(literalCapacity: Int, interpolationCount: Int) {}

        /// Words of the literal.
        public mutating func appendLiteral(_ literal: String) {
            if !literal.isEmpty { pieces.append(.text(literal)) }
        }

        /// Words, as they are.
        public mutating func appendInterpolation(_ text: String) {
            appendLiteral(text)
        }

        /// Other prose, its numbers kept apart.
        public mutating func appendInterpolation(_ prose: Prose) {
            pieces += prose.pieces
        }

        /// A count of things: `26641`.
        public mutating func appendInterpolation(count: Int) {
            pieces.append(.number(String(count), .count))
        }

        /// An issue number, ordinal or small figure: `422`.
        public mutating func appendInterpolation(number: Int) {
            pieces.append(.number(String(number), .plain))
        }

        /// A share to one decimal, given as its digits: `82.2`.
        public mutating func appendInterpolation(share: String) {
            pieces.append(.number(share, .plain))
        }

        /// `1月13日` (month and day).
        public mutating func appendInterpolation(date: CalendarDate) {
            pieces += [.number(String(date.month), .date), .text("月"), .number(String(date.day), .date), .text("日")]
        }

        /// `2023年1月13日`.
        public mutating func appendInterpolation(fullDate date: CalendarDate) {
            pieces += [.number(String(date.year), .date), .text("年")]
            appendInterpolation(date: date)
        }
    }
}
