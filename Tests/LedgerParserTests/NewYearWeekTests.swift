import Testing
import LedgerDomain
@testable import LedgerParser

/// A week that spans 1 January: its year-to-date counts start on 1 January and may be smaller
/// than the week's, which is no contradiction.
@Suite("A week across 1 January")
struct NewYearWeekTests {
    static func issue(period: String, published: String) -> String {
        """
        2024年第 1期（总第 456期）
        四川省政府政务服务和公共资源交易服务中心 \(published)
        政务服务工作
        （\(period)）
        一、综窗改革攻坚行动
        （一）省本级综窗办件情况
        本周，共计咨询 702 人次、受理 98 件、颁发 2041 件、流转 5120 件；今年以来，累计咨询 230 人
        次、受理 40 件、颁发 518 件、流转 1002 件。
        二、大厅巡查情况
        （一）按时到岗情况。总体情况良好。
        报：中心领导。
        （共印 60份）
        """
    }

    @Test("year to date below the week across 1 January: a note, not an error; both kept")
    func acrossNewYear() throws {
        let text = Self.issue(period: "12月 26日—1月 3日", published: "2024年 1月 5日")
        let outcome = Fixtures.parse(text)
        let bulletin = try #require(outcome.bulletin)
        #expect(bulletin.issue.from?.description == "2023-12-26" && bulletin.issue.through.description == "2024-01-03")
        #expect(bulletin.window?.week["accepted"]?.value == 98 && bulletin.window?.yearToDate["accepted"]?.value == 40)
        #expect(!outcome.diagnostics.contains { $0.severity == .error }, "\(outcome.diagnostics)")
        let note = try #require(outcome.diagnostics.first { $0.kind == .inconsistent })
        #expect(note.severity == .note && note.message.contains("spans 1 January"))
    }

    @Test("the same figures in a week within one year: still refused as contradicting itself")
    func withinOneYear() {
        let outcome = Fixtures.parse(Self.issue(period: "1月 8日—1月 12日", published: "2024年 1月 15日"))
        #expect(outcome.diagnostics.contains { $0.severity == .error && $0.kind == .inconsistent && $0.message.contains("below this week's") })
    }

    @Test("across 1 January with year to date above the week: no diagnostic at all")
    func acrossNewYearConsistent() {
        let text = Self.issue(period: "12月 26日—1月 3日", published: "2024年 1月 5日")
            .replacingOccurrences(of: "受理 98 件", with: "受理 30 件").replacingOccurrences(of: "咨询 702", with: "咨询 200")
            .replacingOccurrences(of: "颁发 2041", with: "颁发 400").replacingOccurrences(of: "流转 5120", with: "流转 900")
        let outcome = Fixtures.parse(text)
        #expect(!outcome.diagnostics.contains { $0.kind == .inconsistent }, "\(outcome.diagnostics)")
    }
}
