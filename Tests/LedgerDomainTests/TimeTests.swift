import Testing
@testable import LedgerDomain

@Suite("Calendar dates and instants")
struct TimeTests {
    @Test("a date round-trips through its days since the epoch", arguments: [
        "1970-01-01", "2023-01-09", "2023-02-28", "2024-02-29", "2000-03-01", "1969-12-31", "9999-12-31",
    ])
    func dateRoundTrip(text: String) throws {
        let date = try #require(CalendarDate(iso: text))
        #expect(date.description == text)
        #expect(CalendarDate(daysSinceEpoch: date.daysSinceEpoch) == date)
    }

    @Test("impossible dates are refused", arguments: ["2023-02-29", "2023-13-01", "2023-00-10", "2023-1-9", "20230109", "2023-01-32", ""])
    func impossibleDates(text: String) {
        #expect(CalendarDate(iso: text) == nil)
    }

    @Test func daysAndOrder() throws {
        let start = try #require(CalendarDate(iso: "2022-12-30"))
        #expect(start.adding(days: 3).description == "2023-01-02")
        #expect(start < start.adding(days: 1))
        #expect(start.daysSinceEpoch == 19_356)
    }

    @Test("instants print with milliseconds and parse back", arguments: [
        ("2026-11-22T03:50:00.123Z", Int64(1_795_319_400_123)),
        ("1970-01-01T00:00:00.000Z", 0),
        ("1969-12-31T23:59:59.999Z", -1),
    ])
    func instantRoundTrip(text: String, milliseconds: Int64) throws {
        let instant = try #require(Instant(iso: text))
        #expect(instant.millisecondsSinceEpoch == milliseconds)
        #expect(instant.description == text)
    }

    @Test func instantForms() throws {
        #expect(Instant(iso: "2026-11-22T10:00:00Z")?.description == "2026-11-22T10:00:00.000Z")
        #expect(Instant(iso: "2026-11-22T10:00Z")?.description == "2026-11-22T10:00:00.000Z")
        #expect(Instant(iso: "2026-11-22T18:00:00+08:00")?.description == "2026-11-22T10:00:00.000Z")
        #expect(Instant(iso: "2026-11-22T10:00:00") == nil)
        #expect(Instant(iso: "2026-11-22T25:00:00Z") == nil)
        // A bare date as a recorded-time bound means the end of that day.
        #expect(Instant(userInput: "2026-11-22")?.description == "2026-11-22T23:59:59.999Z")
    }
}
