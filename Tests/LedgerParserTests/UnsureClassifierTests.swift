import Testing
import LedgerDomain
@testable import LedgerParser

/// Where the parser cannot be sure what a part of the document is, it says so and keeps it.
@Suite("Classifiers that are unsure say so")
struct UnsureClassifierTests {
    @Test("a section with a title no reader knows: kept unplaced, with a warning naming it")
    func unknownSection() throws {
        let text = try Fixtures.text("2023-06.txt").replacingOccurrences(of: "三、窗口工作动态", with: "三、其他事项")
        let outcome = Fixtures.parse(text)
        let bulletin = try #require(outcome.bulletin)
        #expect(bulletin.visits.isEmpty)
        let kept = bulletin.unplaced.filter { $0.section == "其他事项" }
        #expect(kept.count == 1 && kept[0].text.contains("王飙"))
        #expect(outcome.diagnostics.contains { $0.severity == .warning && $0.kind == .unplaced && $0.message.contains("其他事项") })
        LineAccountTests.expectWhole(text, outcome, "unknown section")
    }

    @Test("a section titled otherwise whose text is the service-item counts: read, with a warning to check them")
    func sectionByText() throws {
        let text = try Fixtures.text("2023-06.txt").replacingOccurrences(of: "二、省级政务服务事项受理办理情况", with: "二、数据统计")
        let outcome = Fixtures.parse(text)
        let bulletin = try #require(outcome.bulletin)
        #expect(bulletin.serviceItems.map { $0.accepted?.value } == [62827, 503970, 5060])
        let warning = try #require(outcome.diagnostics.first { $0.message.contains("数据统计") })
        #expect(warning.severity == .warning)
        let heading = try #require(Fixtures.lines(text).firstIndex(of: "二、数据统计")) + 1
        #expect(warning.lines == heading...heading)
    }

    @Test("a leader's visit told among the news: kept as news, not counted, and warned about")
    func visitAmongNews() throws {
        let original = try Fixtures.text("2023-06.txt")
        // The visit's sub-section heading renamed: its item now stands under a news title.
        let text = original.replacingOccurrences(of: "（三）厅（局）长进大厅", with: "（三）其他工作情况")
        let outcome = Fixtures.parse(text)
        let bulletin = try #require(outcome.bulletin)
        #expect(bulletin.visits.isEmpty)
        #expect(bulletin.news.contains { $0.section == "其他工作情况" && $0.text.contains("王飙") })
        let warning = try #require(outcome.diagnostics.first { $0.message.contains("reads like a leader's visit") })
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("王飙") && warning.message.contains("2023-02-14"))
        let visitLine = try #require(Fixtures.lines(text).firstIndex { $0.contains("2 月 14 日下午") }) + 1
        #expect(warning.lines?.lowerBound == visitLine)
    }

    @Test("ordinary news items raise no visit warning")
    func ordinaryNews() throws {
        for name in VariantTests.seeds {
            let outcome = Fixtures.parse(try Fixtures.text(name))
            #expect(!outcome.diagnostics.contains { $0.message.contains("reads like a leader's visit") }, "\(name)")
        }
    }
}
