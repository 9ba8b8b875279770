import Testing
@testable import LedgerParser
import LedgerFormats
@testable import LedgerCLI

/// The parser's diagnostics through the catalogue: the English the catalogue renders is the
/// parser's own sentence, word for word (so `LANG=C` and `--json` do not change), and the
/// Chinese has no English left in it but what it quotes.
@Suite struct DiagnosticMessageTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var detail: Diagnostic.Detail
        var testDescription: String { String(describing: detail).prefix(60).description }
    }

    static let places = [Diagnostic.MastheadPlace(issue: "2023年第6期", line: 1), Diagnostic.MastheadPlace(issue: "2023年第7期", line: 40)]

    /// One of every case (and of every plural), with arguments as the parser gives them.
    static let cases: [Case] = ([
        .unclaimedLines(first: 3, last: 5, section: "二、办件情况", excerpt: "某某"),
        .unclaimedLines(first: 3, last: 5, section: nil, excerpt: "某某"),
        .noNumberedSection,
        .unplacedText(section: "三、其他事项", excerpt: "文字"),
        .unplacedText(section: nil, excerpt: "文字"),
        .unknownSectionReadAsCounts(title: "二、数据统计"),
        .unclassifiedVerdict(ordinal: 2, item: "着装情况", excerpt: "已检查"),
        .newsLikeVisit(section: "三、工作动态", date: "2023-02-14", department: "省公安厅", person: "王飙"),
        .allAuthorizedWithoutCount(registryCount: 45),
        .listHoldsNonName(authorized: true, excerpt: "等"),
        .listHoldsNonName(authorized: false, excerpt: "等"),
        .unregisteredName(name: "省某某局", authorized: false),
        .newlyListHoldsNonName(excerpt: "等"),
        .noMasthead, .noPublicationDate,
        .issueWithoutYear(year: 2023, issue: "2023-02"),
        .noReportingPeriod(published: "2023-02-27"),
        .serialRangeOnly(number: 5, serial: 425), .serialRangeOnly(number: 5, serial: nil),
        .notACombinedIssue(first: 5, last: 12),
        .combinedSerialsMismatch(first: 5, last: 6, serial: 425, throughSerial: 428),
        .noFooter(afterLine: 120),
        .footerListTwice(key: "送"),
        .figureWithoutMeasure(figure: "12", label: "行政许可事项"),
        .numberTooLarge(digits: 14, start: "123456", section: "二、办件情况", maxDigits: 12),
        .fractionNotWhole(written: "1.23456万", section: "二、办件情况"),
        .noPublisher,
        .weekSpansNewYear(from: "2022-12-30", through: "2023-01-05", year: 2023, measures: ["accepted", "consultations"]),
        .yearToDateBelowWeek(measure: "accepted", total: "10", week: "12"),
        .yearToDateBelowWeek(measure: "unknownMeasure", total: "10", week: "12"),
        .authorizedSumMismatch(authorized: 37, unauthorized: 9, stationed: 45),
        .shareMismatch(authorized: true, count: 37, stationed: 45, computed: "82.2", printed: "80.0"),
        .countBesideList(count: 1, authorized: false, listed: 2), .countBesideList(count: 8, authorized: true, listed: 7),
        .newlyCountMismatch(stated: 1, named: 2), .newlyCountMismatch(stated: 3, named: 2),
        .markup(html: true, line: 1, quoted: "<!DOCTYPE html>", tags: 30, tagLines: 12, linesWithText: 14),
        .markup(html: false, line: 1, quoted: "<?xml version=\"1.0\"?>", tags: 30, tagLines: 12, linesWithText: 14),
        .sameIssueRepeated(issue: "2023年第6期", places: [places[0], places[0]]),
        .sameIssueRepeated(issue: "2023年第6期", places: [places[0], places[0], places[0]]),
        .severalIssues(places: places),
    ] + [
        .headerMixesMeasuresAndCategories, .unknownHeaderWords(["合计", "小计"]), .noRowAfterHeader(columns: 3),
        .rowWithoutFigures(columns: 3), .labelWithoutFigures, .unknownMeasureRow("其他"), .unknownCategoryRow("其他"),
        .rowTwice, .headerWordTwice, .notServiceItemRows, .notWindowRows,
    ].map(Diagnostic.Detail.tableNotReadWhole)).map(Case.init)

    @Test("the catalogue's English of a diagnostic is the parser's sentence", arguments: cases)
    func englishIsTheParsers(test: Case) {
        #expect(test.detail.message.rendered(in: .english) == test.detail.description)
    }

    @Test("the Chinese of a diagnostic leaves no English sentence", arguments: cases)
    func chineseHasNoEnglish(test: Case) {
        let chinese = test.detail.message.rendered(in: .chinese)
        #expect(chinese != test.detail.description)
        for word in [" the ", " is ", " not ", " of ", "section", "line ", "authorized", "accepted"] {
            #expect(!chinese.contains(word), "\(word) in \(chinese)")
        }
    }

    @Test("a failed check across issues and a difference between documents: the catalogue's English is the parser's")
    func crossIssueAndDifferences() {
        let warnings: [CrossIssueWarning] = [
            .windowYearToDateFalls(metric: "accepted", before: 120, first: "2023-05", after: 100, second: "2023-06", against: .earlier("2023-05")),
            .itemsYearToDateFalls(category: "行政许可事项", accepted: true, before: 9, first: "2023-05", after: 8, second: "2023-06", against: .later("2023-07")),
            .itemsYearToDateFalls(category: "公共服务事项", accepted: false, before: 9, first: "2023-05", after: 8, second: "2023-06", against: .earlier("2023-05")),
            .windowDoesNotAddUp(metric: "consultations", before: 100, previous: "2023-05", week: 20, total: 130),
            .authorizationIncreaseMismatch(before: 35, previous: "2023-05", after: 37, increase: 1),
        ]
        for warning in warnings {
            #expect(warning.message.rendered(in: .english) == warning.description)
            #expect(warning.message.rendered(in: .chinese) != warning.description)
        }
        let differences = [
            IngestPlanner.Difference(kind: "changed", fact: "items.counted administrativeLicensing", field: "accepted", from: .int(62_827), to: .int(62_828)),
            IngestPlanner.Difference(kind: "added", fact: "visit.recorded 2023-02-14 王飙", field: nil, from: nil, to: .string("x")),
            IngestPlanner.Difference(kind: "removed", fact: "news.reported 2", field: nil, from: .string("y"), to: nil),
            IngestPlanner.Difference(kind: "changed", fact: "department.authorized 水利厅", field: "partial", from: nil, to: .bool(true)),
        ]
        for difference in differences {
            #expect(difference.message.rendered(in: .english) == difference.description)
            #expect(difference.message.rendered(in: .chinese) != difference.description)
        }
    }
}
