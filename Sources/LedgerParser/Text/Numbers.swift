/// A count as the bulletin wrote it: `62827件`, `9,862`, `26 万余件` (more than 260,000).
public struct Quantity: Equatable, Sendable {
    /// How exact the written number is.
    public enum Qualifier: String, Sendable {
        /// Written as an exact number.
        case exact
        /// `余`, `多`: more than the value.
        case moreThan
        /// `约`, `近`: about the value.
        case about
    }

    /// The value, in units (万 and 亿 multiplied out).
    public var value: Int
    /// Whether the value is exact.
    public var qualifier: Qualifier
    /// The number as it stands in the normalized text, like `26万余`.
    public var written: String

    /// Creates a quantity.
    public init(value: Int, qualifier: Qualifier = .exact, written: String) {
        self.value = value
        self.qualifier = qualifier
        self.written = written
    }

    /// The largest value accepted; anything larger is not a count of this hall's work.
    public static let maxValue = 1_000_000_000_000

    /// Reads the quantity at the start of `text`: digits (with an optional fraction), then an
    /// optional `万`/`亿` and `余`/`多`; `约`/`近` before the digits. Nil when no digits start it
    /// or the value is absurd (hundreds of digits never trap: they are rejected).
    public static func read(_ text: Substring) -> (Quantity, rest: Substring)? {
        var rest = text
        var qualifier = Qualifier.exact
        if let first = rest.first, first == "约" || first == "近" {
            qualifier = .about
            rest = rest.dropFirst()
        }
        guard let (numberText, afterNumber) = number(at: rest) else { return nil }
        rest = afterNumber
        var multiplier = 1
        if rest.first == "万" { multiplier = 10_000; rest = rest.dropFirst() }
        else if rest.first == "亿" { multiplier = 100_000_000; rest = rest.dropFirst() }
        if rest.first == "余" || rest.first == "多" { qualifier = .moreThan; rest = rest.dropFirst() }
        guard let value = scaled(Substring(numberText), multiplier) else { return nil }
        let written = String(text[text.startIndex..<rest.startIndex])
        return (Quantity(value: value, qualifier: qualifier, written: written), rest)
    }

    /// The digits that start `text`, with an optional fraction, separators removed, and the text
    /// after them; nil when no digit starts it or a second fraction follows (`1.2.3`).
    ///
    /// A comma followed by exactly three digits continues the number: the normalizer marks
    /// separators within a line as `,`, and one at a line break (`62,` / `827件`, `3,` /
    /// `042,448件`) only shows once the lines are joined.
    static func number(at text: Substring) -> (String, rest: Substring)? {
        var rest = text
        var digits = ""
        func takeDigits() {
            let run = rest.prefix(while: isDigit)
            digits += run
            rest = rest.dropFirst(run.count)
        }
        takeDigits()
        guard !digits.isEmpty else { return nil }
        while let comma = rest.first, comma == "，" || comma == ",", isGroupOfThree(rest.dropFirst()) {
            rest = rest.dropFirst()
            takeDigits()
        }
        if rest.first == ".", let next = rest.dropFirst().first, isDigit(next) {
            digits += "."
            rest = rest.dropFirst()
            takeDigits()
            if rest.first == ".", let next = rest.dropFirst().first, isDigit(next) { return nil }
        }
        return (digits, rest)
    }

    private static func isDigit(_ character: Character) -> Bool { character.isASCII && character.isNumber }

    /// Exactly three digits, then a non-digit or the end.
    private static func isGroupOfThree(_ text: Substring) -> Bool {
        let run = text.prefix(4).prefix(while: isDigit)
        return run.count == 3
    }

    /// `"26"` × 10,000; `"1.5"` × 10,000 = 15,000; nil on overflow or a fraction of a unit.
    static func scaled(_ number: Substring, _ multiplier: Int) -> Int? {
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        guard parts[0].count <= 13 else { return nil }
        var value = (Int(parts[0]) ?? 0).multipliedReportingOverflow(by: multiplier)
        guard !value.overflow else { return nil }
        if parts.count == 2 {
            var scale = multiplier
            for digit in parts[1] {
                scale /= 10
                guard scale > 0, let digitValue = digit.wholeNumberValue else { return nil }
                value.partialValue += digitValue * scale
            }
        }
        return value.partialValue <= maxValue ? value.partialValue : nil
    }
}

/// Chinese month-and-day dates: `2月17日`, `2023年2月17日`, after normalization.
enum ChineseDate {
    // Regexes are immutable once built; Regex is just not marked Sendable.
    nonisolated(unsafe) static let datePattern = #/(?:([0-9]{4})年)?([0-9]{1,2})月([0-9]{1,2})日/#

    /// A date read from text; `year` is nil when the text gives none.
    struct Parts: Equatable {
        var year: Int?
        var month: Int
        var day: Int
    }

    /// The first date in `text`, with the range it occupies.
    static func first(in text: Substring) -> (Parts, Range<String.Index>)? {
        guard let match = text.firstMatch(of: datePattern) else { return nil }
        guard let month = Int(match.output.2), let day = Int(match.output.3), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        return (Parts(year: match.output.1.flatMap { Int($0) }, month: month, day: day), match.range)
    }
}
