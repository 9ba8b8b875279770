/// A day in the proleptic Gregorian calendar, without a time zone: the date a fact is true for.
///
/// Written and parsed as `YYYY-MM-DD`. Comparable in calendar order.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// `year × 512 + month × 32 + day`: one word that orders as the calendar does, so that the
    /// many dates a long history holds take 8 bytes each, not 24.
    private let packed: Int64

    /// The year, 1...9999 (dates computed by ``adding(days:)`` may fall outside).
    public var year: Int { Int(packed >> 9) }
    /// The month, 1...12.
    public var month: Int { Int((packed >> 5) & 0xF) }
    /// The day of the month, 1...31 (checked against the month's length).
    public var day: Int { Int(packed & 0x1F) }

    /// Creates a date, or returns nil when the day does not exist (2023-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        self.init(unchecked: year, month, day)
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        packed = Int64(year) << 9 | Int64(month) << 5 | Int64(day)
    }

    /// Parses exactly `YYYY-MM-DD`; anything else is nil.
    public init?(iso text: some StringProtocol) {
        guard text.utf8.count == 10 else { return nil }
        let parsed = text.utf8.withContiguousStorageIfAvailable { CalendarDate.parse($0) } ?? CalendarDate.parse(Array(text.utf8))
        guard let parsed else { return nil }
        self = parsed
    }

    /// `YYYY-MM-DD` from ten bytes (``init(iso:)``, and the log's reader on its own bytes).
    static func parse<Bytes: RandomAccessCollection>(_ bytes: Bytes) -> CalendarDate?
    where Bytes.Element == UInt8, Bytes.Index == Int {
        func digits(_ start: Int, _ count: Int) -> Int? {
            var value = 0
            for index in bytes.startIndex + start..<bytes.startIndex + start + count {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard bytes.count == 10, bytes[bytes.startIndex + 4] == UInt8(ascii: "-"), bytes[bytes.startIndex + 7] == UInt8(ascii: "-"),
              let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2) else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// Creates the date that lies `days` days after 1970-01-01 (negative: before).
    public init(daysSinceEpoch days: Int) {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        self.init(unchecked: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Days from 1970-01-01 to this date.
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> CalendarDate {
        CalendarDate(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        // Ten ASCII bytes written in place: dates are written for every row of every answer.
        String(unsafeUninitializedCapacity: 10) { buffer in
            func digits(_ value: Int, _ count: Int, at start: Int) {
                var rest = value
                for index in stride(from: start + count - 1, through: start, by: -1) {
                    buffer[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
            }
            digits(year, 4, at: 0)
            buffer[4] = UInt8(ascii: "-")
            digits(month, 2, at: 5)
            buffer[7] = UInt8(ascii: "-")
            digits(day, 2, at: 8)
            return 10
        }
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        lhs.packed < rhs.packed
    }

    /// The number of days in a month of a year.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Whether a year has 29 February.
    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func decimal(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
