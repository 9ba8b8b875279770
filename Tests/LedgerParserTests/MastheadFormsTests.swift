import Testing
import LedgerDomain
@testable import LedgerParser
import LedgerFormats

/// The masthead as other staff and other extraction tools lay it out: without the serial, the
/// date on its own line, the year elsewhere, the period with any dash; and the combined issue.
@Suite("Masthead forms")
struct MastheadFormsTests {
    static let body = """
        一、大厅巡查情况
        （一）按时到岗情况。总体情况良好。
        报：中心领导。
        （共印 60份）
        """

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let header: String
        let key: String
        let serial: Int?
        let publisher: String?
        let from: String?
        let through: String
        var testDescription: String { name }
    }

    static let publisher = "四川省政府政务服务和公共资源交易服务中心"

    static let forms: [Case] = [
        Case(name: "without the serial", header: "2023年第 2期\n\(publisher) 2023年 1月 31日\n政务服务工作\n（1月 9日—1月 13日）",
             key: "2023-02", serial: nil, publisher: publisher, from: "2023-01-09", through: "2023-01-13"),
        Case(name: "the date on its own line", header: "2023年第 2期（总第 422期）\n\(publisher)\n2023年 1月 31日\n政务服务工作\n（1月 9日—1月 13日）",
             key: "2023-02", serial: 422, publisher: publisher, from: "2023-01-09", through: "2023-01-13"),
        Case(name: "the serial on its own line", header: "2023年第 2期\n（总第 422期）\n\(publisher)\n2023年 1月 31日\n（1月 9日—1月 13日）",
             key: "2023-02", serial: 422, publisher: publisher, from: "2023-01-09", through: "2023-01-13"),
        Case(name: "no publisher, the date on its own line", header: "2023年第 2期（总第 422期）\n2023年 1月 31日\n政务服务工作\n（1月 9日—1月 13日）",
             key: "2023-02", serial: 422, publisher: nil, from: "2023-01-09", through: "2023-01-13"),
        Case(name: "period with －", header: "2023年第 2期（总第 422期）\n\(publisher) 2023年 1月 31日\n（1月 9日－1月 13日）",
             key: "2023-02", serial: 422, publisher: publisher, from: "2023-01-09", through: "2023-01-13"),
        Case(name: "period with - and spaces", header: "2023年第 2期（总第 422期）\n\(publisher) 2023年 1月 31日\n（1月 9日 - 1月 13日）",
             key: "2023-02", serial: 422, publisher: publisher, from: "2023-01-09", through: "2023-01-13"),
        Case(name: "period with ～", header: "2023年第 2期（总第 422期）\n\(publisher) 2023年 1月 31日\n（1月 9日～1月 13日）",
             key: "2023-02", serial: 422, publisher: publisher, from: "2023-01-09", through: "2023-01-13"),
        Case(name: "period with 〜 (wave dash)", header: "2023年第 2期（总第 422期）\n\(publisher) 2023年 1月 31日\n（1月 9日〜1月 13日）",
             key: "2023-02", serial: 422, publisher: publisher, from: "2023-01-09", through: "2023-01-13"),
        Case(name: "period with ~", header: "2023年第 2期（总第 422期）\n\(publisher) 2023年 1月 31日\n（1月 9日~13日）",
             key: "2023-02", serial: 422, publisher: publisher, from: "2023-01-09", through: "2023-01-13"),
        Case(name: "period with 至", header: "2023年第 2期（总第 422期）\n\(publisher) 2023年 1月 31日\n（1月 9日 至 1月 13日）",
             key: "2023-02", serial: 422, publisher: publisher, from: "2023-01-09", through: "2023-01-13"),
        Case(name: "period with – (en dash)", header: "2023年第 2期（总第 422期）\n\(publisher) 2023年 1月 31日\n（1月 9日–1月 13日）",
             key: "2023-02", serial: 422, publisher: publisher, from: "2023-01-09", through: "2023-01-13"),
        Case(name: "period across 1 January", header: "2024年第 1期（总第 456期）\n\(publisher) 2024年 1月 5日\n（12月 26日—1月 3日）",
             key: "2024-01", serial: 456, publisher: publisher, from: "2023-12-26", through: "2024-01-03"),
    ]

    @Test("each layout is read into the same masthead", arguments: forms)
    func reads(_ form: Case) throws {
        let text = form.header + "\n" + Self.body
        let outcome = Fixtures.parse(text)
        let issue = try #require(outcome.bulletin?.issue, "\(outcome.diagnostics)")
        #expect(issue.key == form.key)
        #expect(issue.serial == form.serial)
        #expect(issue.publisher == form.publisher)
        #expect(issue.from?.description == form.from)
        #expect(issue.through.description == form.through)
        #expect(issue.throughNumber == nil)
        // A masthead naming no publisher is read, with the one warning that it cannot be checked.
        let warnings = outcome.diagnostics.filter { $0.severity >= .warning }
        if form.publisher == nil {
            #expect(warnings.count == 1 && warnings[0].message.contains("names no publisher"), "\(outcome.diagnostics)")
        } else {
            #expect(warnings.isEmpty, "\(outcome.diagnostics)")
        }
        LineAccountTests.expectWhole(text, outcome, form.name)
    }

    @Test("第 N期 without its year: the publication's year, with a warning to check it")
    func yearless() throws {
        let text = "第 2期（总第 422期）\n\(Self.publisher) 2023年 1月 31日\n（1月 9日—1月 13日）\n" + Self.body
        let outcome = Fixtures.parse(text)
        let issue = try #require(outcome.bulletin?.issue)
        #expect(issue.key == "2023-02" && issue.serial == 422)
        #expect(outcome.diagnostics.contains { $0.severity == .warning && $0.message.contains("gives no year") })
    }

    @Test("a 第 N期 inside a sentence of the header is no masthead")
    func yearlessInsideSentence() {
        let text = "\(Self.publisher) 2023年 1月 31日\n本中心举办第 2期业务培训班\n" + Self.body
        let outcome = Fixtures.parse(text)
        #expect(outcome.bulletin == nil)
        #expect(outcome.has(.missingHeader))
        #expect(outcome.diagnostics.contains { $0.message.contains("no masthead") })
    }

    @Test("no masthead at all: a clear error, no bulletin")
    func noMasthead() {
        let outcome = Fixtures.parse("\(Self.publisher) 2023年 1月 31日\n政务服务工作\n" + Self.body)
        #expect(outcome.bulletin == nil)
        #expect(outcome.diagnostics.first?.message.contains("no masthead") == true)
    }

    @Test("a masthead without a publication date: a clear error")
    func noDate() {
        let outcome = Fixtures.parse("2023年第 2期（总第 422期）\n\(Self.publisher)\n（1月 9日—1月 13日）\n" + Self.body)
        #expect(outcome.bulletin == nil)
        #expect(outcome.diagnostics.contains { $0.kind == .missingHeader && $0.message.contains("no publication date") })
    }

    @Test("a period the reader cannot read: a warning, the facts dated by publication")
    func unreadablePeriod() throws {
        let text = "2023年第 2期（总第 422期）\n\(Self.publisher) 2023年 1月 31日\n（1月 9日 到 1月 13日）\n" + Self.body
        let outcome = Fixtures.parse(text)
        let issue = try #require(outcome.bulletin?.issue)
        #expect(issue.from == nil && issue.through.description == "2023-01-31")
        #expect(outcome.diagnostics.contains { $0.severity == .warning && $0.message.contains("no reporting period") })
    }

    @Test("a combined issue covers both numbers and both serials",
          arguments: ["2023年第 5-6期（总第 425-426期）", "2023年第 5—6期（总第 425—426期）", "2023年第5、6期（总第425、426期）",
                      "2023年第 5－6期（总第 425－426期）"])
    func combined(_ line: String) throws {
        let text = "\(line)\n\(Self.publisher) 2023年 2月 20日\n（2月 6日—2月 17日）\n" + Self.body
        let outcome = Fixtures.parse(text)
        let issue = try #require(outcome.bulletin?.issue)
        #expect(issue.key == "2023-05" && issue.numbers == 5...6)
        #expect(issue.serial == 425 && issue.throughSerial == 426)
        #expect(!outcome.diagnostics.contains { $0.severity >= .warning }, "\(outcome.diagnostics)")
        let event = try #require(outcome.bulletin?.events(document: SHA256.hash([]), encoding: "utf-8", partial: false).first)
        #expect(event.payload["throughNumber"] == .int(6) && event.payload["throughSerial"] == .int(426))
    }

    @Test("a single issue's event has no combined fields")
    func singleHasNone() throws {
        let bulletin = try Fixtures.bulletin("2023-06.txt")
        let event = try #require(bulletin.events(document: SHA256.hash([]), encoding: "utf-8", partial: false).first)
        #expect(event.payload["throughNumber"] == nil && event.payload["throughSerial"] == nil)
    }

    @Test("a range that is no combined issue, or serials that do not match: read as the first number, with a warning",
          arguments: ["2023年第 5-16期（总第 425-436期）", "2023年第 6-5期（总第 426期）", "2023年第 5-6期（总第 425-428期）"])
    func notCombined(_ line: String) throws {
        let text = "\(line)\n\(Self.publisher) 2023年 2月 20日\n（2月 6日—2月 17日）\n" + Self.body
        let outcome = Fixtures.parse(text)
        let issue = try #require(outcome.bulletin?.issue)
        #expect(issue.key == "2023-05" || issue.key == "2023-06")
        #expect(issue.throughSerial == nil)
        #expect(outcome.diagnostics.contains { $0.severity == .warning && $0.kind == .unreadable })
    }
}
