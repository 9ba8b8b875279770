/// Dates and instants as people type them on the command line: `2023-02-20`, `2023-2-20`,
/// `2023/2/20`, `2023.2.20`, `2023年2月20日` (full-width digits and spaces inside too), and for
/// an instant the same followed by a time (`2023/2/20 10:00`, `2023年2月20日 10:00:00`) or ISO
/// 8601 with `T` and a zone.
///
/// The one parser behind every date option (`--as-of`, `--known-at`, `audit --since/--until`,
/// `export`, `correct --set date=…`). Pure: no clock, no locale. A date that does not exist
/// (`2023-02-30`, `2023年13月1日`) is nil, never moved to a neighbouring day.
public enum DateInput {
    /// What a bound given as a bare date means for an instant.
    public enum DayBound: Sendable {
        /// 00:00:00.000 UTC of that day (`audit --since`).
        case start
        /// 23:59:59.999 UTC of that day: everything recorded on it counts (`--known-at`, `--until`).
        case end
    }

    /// The forms a date may take, for messages.
    public static let dateForms = "2023-02-20, 2023-2-20, 2023/2/20, 2023.2.20 or 2023年2月20日"

    /// The forms an instant may take, for messages.
    public static let instantForms = "a date (\(dateForms)), a date and time in UTC (2023/2/20 10:00, 2023年2月20日 10:00:00), or ISO 8601 with a zone (2026-11-22T10:00:00Z, 2026-11-22T18:00+08:00)"

    /// The date `text` names, or nil when it is not one of the accepted forms or not a real day.
    public static func date(_ text: some StringProtocol) -> CalendarDate? {
        var scanner = Scanner(normalized(text))
        guard let date = scanner.date(), scanner.atEnd else { return nil }
        return date
    }

    /// The instant `text` names: a date alone means the start or end of that UTC day (`bound`);
    /// a date and a time without a zone are UTC; ISO 8601 with `T` and a zone is read as written.
    public static func instant(_ text: some StringProtocol, dateAlone bound: DayBound = .end) -> Instant? {
        var scanner = Scanner(normalized(text))
        guard let date = scanner.date() else { return nil }
        let dayStart = Int64(date.daysSinceEpoch) * 86_400_000
        if scanner.atEnd {
            return Instant(millisecondsSinceEpoch: bound == .start ? dayStart : dayStart + 86_400_000 - 1)
        }
        guard scanner.takeTimeSeparator(), let clock = scanner.clock(), scanner.atEnd else { return nil }
        return Instant(millisecondsSinceEpoch: dayStart + clock)
    }

    /// Full-width digits and punctuation as ASCII, ideographic spaces as spaces, ends trimmed.
    static func normalized(_ text: some StringProtocol) -> [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19, 0xFF0B, 0xFF0D, 0xFF0E, 0xFF0F, 0xFF1A:
                // U+FF01…U+FF5E are ASCII U+0021…U+007E shifted by 0xFEE0.
                scalars.append(Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar)
            case 0x3000, 0x09, 0xA0: scalars.append(" ")
            default: scalars.append(scalar)
            }
        }
        while scalars.first == " " { scalars.removeFirst() }
        while scalars.last == " " { scalars.removeLast() }
        return scalars
    }

    /// Reads the parts of a date and a time from the front of the scalars, consuming them.
    struct Scanner {
        private var rest: ArraySlice<Unicode.Scalar>

        init(_ scalars: [Unicode.Scalar]) { rest = scalars[...] }

        var atEnd: Bool { rest.isEmpty }

        /// `YYYY-M-D` with `-`, `/` or `.` (the same one twice), or `YYYY年M月D日`; spaces allowed
        /// around each part.
        mutating func date() -> CalendarDate? {
            guard let year = number(digits: 4...4) else { return nil }
            skipSpaces()
            guard let separator = rest.first, ["-", "/", ".", "年"].contains(separator) else { return nil }
            rest = rest.dropFirst()
            skipSpaces()
            guard let month = number(digits: 1...2) else { return nil }
            skipSpaces()
            guard take(separator == "年" ? "月" : separator) else { return nil }
            skipSpaces()
            guard let day = number(digits: 1...2) else { return nil }
            if separator == "年" {
                skipSpaces()
                guard take("日") || take("号") else { return nil }
            }
            return CalendarDate(year: year, month: month, day: day)
        }

        /// A space (or several) or `T` between the date and the time.
        mutating func takeTimeSeparator() -> Bool {
            if take("T") { return true }
            guard rest.first == " " else { return false }
            skipSpaces()
            return true
        }

        /// `H:MM[:SS[.fff]]` and an optional zone `Z` or `±HH:MM`, as milliseconds since the
        /// day's start in UTC.
        mutating func clock() -> Int64? {
            guard let hours = number(digits: 1...2), hours < 24, take(":"),
                  let minutes = number(digits: 2...2), minutes < 60 else { return nil }
            var milliseconds = Int64(hours * 3_600_000 + minutes * 60_000)
            if take(":") {
                guard let seconds = number(digits: 2...2), seconds < 60 else { return nil }
                milliseconds += Int64(seconds * 1000)
                if take(".") {
                    guard let fraction = fraction() else { return nil }
                    milliseconds += fraction
                }
            }
            skipSpaces()
            guard let offset = zone() else { return nil }
            return milliseconds - offset
        }

        /// The zone's offset from UTC in milliseconds: 0 for none or `Z`; nil when malformed.
        private mutating func zone() -> Int64? {
            if rest.isEmpty || take("Z") { return 0 }
            guard let sign = rest.first, sign == "+" || sign == "-" else { return nil }
            rest = rest.dropFirst()
            guard let hours = number(digits: 2...2), hours < 24, take(":"),
                  let minutes = number(digits: 2...2), minutes < 60 else { return nil }
            let offset = Int64(hours * 3_600_000 + minutes * 60_000)
            return sign == "+" ? offset : -offset
        }

        /// Up to three digits of a second's fraction (more are read and dropped), in milliseconds.
        private mutating func fraction() -> Int64? {
            var value: Int64 = 0
            var count = 0
            while let scalar = rest.first, let digit = Self.digit(scalar) {
                if count < 3 { value = value * 10 + Int64(digit) }
                count += 1
                rest = rest.dropFirst()
            }
            guard count > 0 else { return nil }
            if count < 3 { for _ in count..<3 { value *= 10 } }
            return value
        }

        private mutating func number(digits allowed: ClosedRange<Int>) -> Int? {
            var value = 0
            var count = 0
            while let scalar = rest.first, let digit = Self.digit(scalar), count < allowed.upperBound {
                value = value * 10 + digit
                count += 1
                rest = rest.dropFirst()
            }
            // A run longer than allowed is not this number: `02020-1-1`, `2023-123-1`.
            if let scalar = rest.first, Self.digit(scalar) != nil { return nil }
            return allowed.contains(count) ? value : nil
        }

        private mutating func take(_ scalar: Unicode.Scalar) -> Bool {
            guard rest.first == scalar else { return false }
            rest = rest.dropFirst()
            return true
        }

        private mutating func skipSpaces() {
            while rest.first == " " { rest = rest.dropFirst() }
        }

        private static func digit(_ scalar: Unicode.Scalar) -> Int? {
            (0x30...0x39).contains(scalar.value) ? Int(scalar.value - 0x30) : nil
        }
    }
}
