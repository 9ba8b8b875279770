/// A moment in UTC with millisecond precision: when the ledger learnt something (recorded time).
///
/// Written as `2026-11-22T03:50:00.123Z`. Parsing also accepts whole seconds (`…:00Z`), a
/// numeric offset (`+08:00`) and, for command-line convenience, see ``init(userInput:)``.
public struct Instant: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public let millisecondsSinceEpoch: Int64

    /// Creates an instant from milliseconds since the Unix epoch.
    public init(millisecondsSinceEpoch: Int64) {
        self.millisecondsSinceEpoch = millisecondsSinceEpoch
    }

    /// The UTC day this instant falls on.
    public var date: CalendarDate {
        CalendarDate(daysSinceEpoch: Int(floorDivide(millisecondsSinceEpoch, 86_400_000)))
    }

    /// `YYYY-MM-DDTHH:MM:SS.mmmZ`, always 24 characters.
    public var description: String {
        let dayMilliseconds = Int(millisecondsSinceEpoch - Int64(date.daysSinceEpoch) * 86_400_000)
        let hours = dayMilliseconds / 3_600_000
        let minutes = dayMilliseconds / 60_000 % 60
        let seconds = dayMilliseconds / 1000 % 60
        let millis = dayMilliseconds % 1000
        return date.description + "T" + CalendarDate.pad(hours, 2) + ":" + CalendarDate.pad(minutes, 2)
            + ":" + CalendarDate.pad(seconds, 2) + "." + CalendarDate.pad(millis, 3) + "Z"
    }

    /// Parses an ISO 8601 instant: `YYYY-MM-DDTHH:MM[:SS[.fff]]` followed by `Z` or `±HH:MM`.
    public init?(iso text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 17, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
              let date = CalendarDate(iso: String(decoding: bytes[0..<10], as: UTF8.self)),
              let clock = Instant.parseClock(bytes[11...]) else { return nil }
        let dayStart = Int64(date.daysSinceEpoch) * 86_400_000
        self.init(millisecondsSinceEpoch: dayStart + clock)
    }

    /// Parses what a user types for a recorded-time bound: any form ``DateInput`` reads; a bare
    /// date means the end of that UTC day (everything recorded on it counts).
    public init?(userInput text: some StringProtocol) {
        guard let instant = DateInput.instant(text, dateAlone: .end) else { return nil }
        self = instant
    }

    public static func < (lhs: Instant, rhs: Instant) -> Bool {
        lhs.millisecondsSinceEpoch < rhs.millisecondsSinceEpoch
    }

    /// Milliseconds since midnight, corrected by the zone, from `HH:MM[:SS[.fff]](Z|±HH:MM)`.
    private static func parseClock(_ bytes: ArraySlice<UInt8>) -> Int64? {
        var rest = bytes[...]
        guard let hours = takeNumber(&rest, digits: 2), hours < 24, take(&rest, ":"),
              let minutes = takeNumber(&rest, digits: 2), minutes < 60 else { return nil }
        var millis = Int64(hours * 3_600_000 + minutes * 60_000)
        if take(&rest, ":") {
            guard let seconds = takeNumber(&rest, digits: 2), seconds < 60 else { return nil }
            millis += Int64(seconds * 1000)
            if take(&rest, ".") {
                var scale = 100
                var fractionDigits = 0
                while let byte = rest.first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                    millis += Int64(Int(byte - UInt8(ascii: "0")) * scale)
                    scale /= 10
                    fractionDigits += 1
                    rest = rest.dropFirst()
                }
                guard fractionDigits > 0 else { return nil }
            }
        }
        if take(&rest, "Z") { return rest.isEmpty ? millis : nil }
        guard let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        rest = rest.dropFirst()
        guard let offsetHours = takeNumber(&rest, digits: 2), take(&rest, ":"),
              let offsetMinutes = takeNumber(&rest, digits: 2), rest.isEmpty,
              offsetHours < 24, offsetMinutes < 60 else { return nil }
        let offset = Int64(offsetHours * 3_600_000 + offsetMinutes * 60_000)
        return sign == UInt8(ascii: "+") ? millis - offset : millis + offset
    }

    private static func take(_ rest: inout ArraySlice<UInt8>, _ character: Unicode.Scalar) -> Bool {
        guard rest.first == UInt8(ascii: character) else { return false }
        rest = rest.dropFirst()
        return true
    }

    private static func takeNumber(_ rest: inout ArraySlice<UInt8>, digits: Int) -> Int? {
        guard rest.count >= digits, let value = CalendarDate.decimal(rest.prefix(digits)) else { return nil }
        rest = rest.dropFirst(digits)
        return value
    }
}

/// Division rounding towards negative infinity, so instants before 1970 fall on the right day.
func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
    let quotient = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
}
