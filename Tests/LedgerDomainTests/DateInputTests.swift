import Testing
import LedgerDomain

/// Dates and instants as the centre's staff type them (`DateInput`), as a pure function.
@Suite("Dates as people write them")
struct DateInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var expected: String?
        var testDescription: String { "\(text) → \(expected ?? "refused")" }
    }

    @Test("every accepted form of a date reads as that day", arguments: [
        Case(text: "2023-02-20", expected: "2023-02-20"),
        Case(text: "2023-2-20", expected: "2023-02-20"),
        Case(text: "2023/2/20", expected: "2023-02-20"),
        Case(text: "2023/02/20", expected: "2023-02-20"),
        Case(text: "2023.2.20", expected: "2023-02-20"),
        Case(text: "2023年2月20日", expected: "2023-02-20"),
        Case(text: "2023年02月20日", expected: "2023-02-20"),
        Case(text: "２０２３年２月２０日", expected: "2023-02-20"),
        Case(text: "２０２３／２／２０", expected: "2023-02-20"),
        Case(text: "2023 年 2 月 20 日", expected: "2023-02-20"),
        Case(text: "2023年　2月　20日", expected: "2023-02-20"),
        Case(text: " 2023/2/20 ", expected: "2023-02-20"),
        Case(text: "2023年2月20号", expected: "2023-02-20"),
        Case(text: "2024-2-29", expected: "2024-02-29"),
    ])
    func dates(_ input: Case) {
        #expect(DateInput.date(input.text)?.description == input.expected)
    }

    @Test("impossible or malformed dates are refused", arguments: [
        "2023-02-30", "2023年13月1日", "2023-2-29", "2023/0/10", "2023年2月20", "2023-2/20", "23-2-20", "2023-123-1",
        "20230220", "2023年2月", "2023-02-20T10:00Z", "", "yesterday", "2023.2.20.", "02023-1-1",
    ])
    func refusedDates(_ text: String) {
        #expect(DateInput.date(text) == nil)
    }

    @Test("instants: a date's end or start, a date and a UTC time, ISO 8601 with a zone", arguments: [
        Case(text: "2023-02-20", expected: "2023-02-20T23:59:59.999Z"),
        Case(text: "2023年2月20日", expected: "2023-02-20T23:59:59.999Z"),
        Case(text: "2023/2/20 10:00", expected: "2023-02-20T10:00:00.000Z"),
        Case(text: "2023年2月20日 10:00:00", expected: "2023-02-20T10:00:00.000Z"),
        Case(text: "２０２３年２月２０日　１０：３０", expected: "2023-02-20T10:30:00.000Z"),
        Case(text: "2023.2.20 9:05", expected: "2023-02-20T09:05:00.000Z"),
        Case(text: "2026-11-22T10:00:00Z", expected: "2026-11-22T10:00:00.000Z"),
        Case(text: "2026-11-22T03:50:00.123Z", expected: "2026-11-22T03:50:00.123Z"),
        Case(text: "2026-11-22T18:00+08:00", expected: "2026-11-22T10:00:00.000Z"),
        Case(text: "2026-11-22 10:00:00-01:30", expected: "2026-11-22T11:30:00.000Z"),
        Case(text: "2026-11-22T10:00:00.5Z", expected: "2026-11-22T10:00:00.500Z"),
        Case(text: "2026-11-22T10:00:00.123456Z", expected: "2026-11-22T10:00:00.123Z"),
    ])
    func instants(_ input: Case) {
        #expect(DateInput.instant(input.text)?.description == input.expected)
        #expect(Instant(userInput: input.text)?.description == input.expected)
    }

    @Test("a bare date as a lower bound is the start of its day")
    func startOfDay() {
        #expect(DateInput.instant("2023/2/20", dateAlone: .start)?.description == "2023-02-20T00:00:00.000Z")
        #expect(DateInput.instant("2023/2/20 10:00", dateAlone: .start)?.description == "2023-02-20T10:00:00.000Z")
    }

    @Test("impossible or malformed instants are refused", arguments: [
        "2023-02-30 10:00", "2023/2/20 24:00", "2023/2/20 10:60", "2023/2/20 10", "2023/2/20T", "2023/2/20 10:00 +8",
        "2023/2/20 10:00:00.", "2023/2/20 10:00junk", "2023/2/2010:00",
    ])
    func refusedInstants(_ text: String) {
        #expect(DateInput.instant(text) == nil)
    }

    @Test("the message's forms are themselves accepted")
    func formsInTheMessageParse() {
        for form in ["2023-02-20", "2023-2-20", "2023/2/20", "2023.2.20", "2023年2月20日"] {
            #expect(DateInput.dateForms.contains(form))
            #expect(DateInput.date(form) != nil)
        }
    }
}
