import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import LedgerDomain
@testable import LedgerProjections
@testable import LedgerReport
import LedgerFormats

/// The page as a whole: self-contained, escaped, honest about what it covers.
@Suite("The HTML report")
struct HallReportTests {
    static let pages = ["empty", "one issue", "ten weeks with gaps", "three years"]

    static func page(_ name: String) -> String {
        name == "empty" ? ReportFixtures.page(HallState()) : ReportFixtures.page(ChartNumbersTests.history(name))
    }

    @Test("no scripts, nothing fetched", arguments: pages)
    func selfContained(_ name: String) {
        let page = Self.page(name).lowercased()
        for forbidden in ["<script", "javascript:", "http://", "https://", " src=", "<link", "@import", "url(", "<iframe", "<object", "<img"] {
            #expect(!page.contains(forbidden), "\(name): the page contains \(forbidden)")
        }
        #expect(page.hasPrefix("<!doctype html>\n<html lang=\"zh-cn\">"))
        #expect(page.contains("<meta name=\"viewport\""))
        #expect(page.contains("@page{size:a4"))
    }

    @Test("every chart is well-formed SVG", arguments: pages)
    func wellFormed(_ name: String) throws {
        let page = Self.page(name)
        var rest = Substring(page)
        var charts = 0
        while let open = rest.range(of: "<svg "), let close = rest[open.lowerBound...].range(of: "</svg>") {
            let svg = String(rest[open.lowerBound..<close.upperBound]).replacingOccurrences(of: "<svg ", with: "<svg xmlns=\"http://www.w3.org/2000/svg\" ")
            let parser = XMLParser(data: Data(svg.utf8))
            #expect(parser.parse(), "\(name): chart \(charts) is not well-formed: \(String(describing: parser.parserError))")
            charts += 1
            rest = rest[close.upperBound...]
        }
        #expect(charts == 0 ? name == "empty" : true)
        for tag in ["section", "table", "figure", "div", "p"] {
            let opened = page.components(separatedBy: "<\(tag)>").count + page.components(separatedBy: "<\(tag) ").count - 2
            #expect(opened == page.components(separatedBy: "</\(tag)>").count - 1, "\(name): <\(tag)> opened and closed")
        }
    }

    @Test("text from the bulletins is escaped: a department called <b>&\"厅'</b> prints as written")
    func escaping() {
        let page = ReportFixtures.page(ReportFixtures.state(weeks: 60, seed: 3))
        #expect(!page.contains("<b>&"))
        #expect(page.contains("&lt;b&gt;&amp;&quot;厅&#39;&lt;/b&gt;"))
        #expect(!page.contains("<早退>"))
        #expect(page.contains("&lt;早退&gt; &amp; 离岗"))
    }

    @Test("a share as printed is shown only when it is a number: a corrected one cannot carry markup")
    func shareAsPrinted() throws {
        var state = ReportFixtures.state(weeks: 2, skipEvery: 0)
        let latest = try #require(state.authorizations.values.max { $0.through < $1.through })
        state.authorizations[latest.issue]?.authorized = nil
        state.authorizations[latest.issue]?.authorizedShare = "\"><script>document.title='PWNED'</script>"
        let page = ReportFixtures.page(state)
        #expect(!page.lowercased().contains("<script"))
        #expect(page.contains("占比 <strong>—</strong>"))
        state.authorizations[latest.issue]?.authorizedShare = "82.2"
        #expect(ReportFixtures.page(state).contains("占比 <strong>82.2%</strong>"))
        #expect(Labels.percentFigure("100") == "100" && Labels.percentFigure("1.2.3") == nil && Labels.percentFigure(".5") == nil)
    }

    @Test("an empty ledger, or a date before every issue, gives a page that says so")
    func empty() {
        let page = ReportFixtures.page(HallState(), asOf: CalendarDate(iso: "2022-01-01"))
        #expect(page.contains("台账中尚无周报（截至2022年1月1日）"))
        #expect(page.contains("截至2022年1月1日，台账中没有授权情况的报告。"))
        #expect(!page.contains("data-chart="))
        #expect(page.contains(ReportFixtures.head.hash.hex))
    }

    @Test("--year shows that year's reports only")
    func year() throws {
        let state = ReportFixtures.state(weeks: 156, seed: 3)
        let page = ReportFixtures.page(state, year: 2024)
        let dates = page.components(separatedBy: "data-date=\"").dropFirst().map { String($0.prefix(10)) }
        #expect(!dates.isEmpty)
        #expect(dates.allSatisfy { $0.hasPrefix("2024-") }, "dates outside 2024: \(Set(dates.filter { !$0.hasPrefix("2024-") }).sorted().prefix(5))")
        #expect(page.contains("data-chart=\"totals-2024-publicService\""))
        #expect(!page.contains("data-chart=\"totals-2023-"))
        #expect(!page.contains("data-chart=\"totals-2025-"))
        #expect(page.contains("<title>窗口工作周报台账报告 · 2024年"))
        let issues = IssuesProjection(state).issues.filter { $0.through.year == 2024 }
        #expect(page.contains("共 <strong>\(issues.count)</strong> 期"))
    }

    @Test("a history longer than five years draws the latest five, lists the earlier years' totals, numbers them all")
    func longHistory() throws {
        let state = ReportFixtures.state(weeks: 7 * 52, seed: 5)
        let page = ReportFixtures.page(state)
        let years = Set(state.issues.values.map(\.through.year)).sorted()
        #expect(years.count >= 7)
        let shown = Array(years.suffix(ReportFacts.maximumYears))
        #expect(page.contains("本页的图表与明细为最近 5 年（\(shown[0])–\(shown[4]) 年）"))
        let dates = page.components(separatedBy: "data-date=\"").dropFirst().compactMap { Int($0.prefix(4)) }
        #expect(!dates.isEmpty && dates.allSatisfy { shown.contains($0) }, "a chart draws a year before \(shown[0])")
        for year in years {
            #expect(page.contains("data-chart=\"totals-\(year)-publicService\"") == shown.contains(year), "totals chart of \(year)")
            #expect(page.contains("<g data-year=\"\(year)\">"), "the numbering strip lacks \(year)")
        }
        for year in years.prefix(years.count - 5) {
            let last = try #require(TotalsProjection(state, year: year).categories["publicService"]?.accepted)
            #expect(page.contains("<td class=\"fixed\">\(year)年</td>"), "earlier year \(year) not listed")
            #expect(page.contains(Numerals.count(last)))
        }
        let within = ReportFixtures.page(ReportFixtures.state(weeks: 5 * 52 - 10, seed: 5))
        #expect(!within.contains("本页的图表与明细为最近"))
    }

    @Test("a ledger that did not verify is said at the top and at the end, its problems listed")
    func damaged() {
        let integrity = HallReport.Integrity(intact: false, records: 40, bytes: 41_899,
                                             problems: ["seq 7 (line 7): edited: <hash> does not match"], problemCount: 3, notes: [])
        let page = ReportFixtures.page(ReportFixtures.state(weeks: 3), integrity: integrity)
        #expect(page.contains("class=\"integrity damaged\">台账校验：<strong>未通过（3 处问题，见文末）"))
        #expect(page.contains("<li>seq 7 (line 7): edited: &lt;hash&gt; does not match</li>"))
        #expect(!ReportFixtures.page(ReportFixtures.state(weeks: 3)).contains("未通过"))
    }

    @Test("the head's whole hash and seq are printed, to check a printed page against the log")
    func head() {
        let page = ReportFixtures.page(ReportFixtures.state(weeks: 3))
        #expect(page.contains("<code class=\"hash\">\(ReportFixtures.head.hash.hex)</code>"))
        #expect(page.contains("<dd>seq 40</dd>"))
        #expect(page.contains("<dt>生成时间</dt><dd>2026-11-30 ") && page.contains(" UTC</dd>"))
    }

    @Test("the same input gives the same bytes")
    func deterministic() {
        let state = ReportFixtures.state(weeks: 80, seed: 11)
        #expect(ReportFixtures.page(state) == ReportFixtures.page(state))
    }

    @Test("partial authorizations are marked, and the latest newly authorized named")
    func partial() throws {
        var state = ReportFixtures.state(weeks: 2, skipEvery: 0)
        let latest = try #require(AuthorizationProjection(state, registry: state.registry).latest)
        state.newlyAuthorized.append(HallState.NewAuthorization(issue: latest.issue, through: latest.through, department: "测绘地理信息局",
                                                                asWritten: "省测绘地理信息局", partial: true, seq: 9999))
        let page = ReportFixtures.page(state)
        #expect(page.contains("测绘地理信息局<span class=\"badge partial\">部分事项授权</span>"))
        #expect(page.contains("本期（\(Labels.issue(latest.issue))）新增授权："))
    }
}

/// The chart's arithmetic.
@Suite("Chart scales and labels")
struct ChartScaleTests {
    @Test("round value axes", arguments: [(0, 45, 0, 50, 10), (0, 1, 0, 1, 1), (0, 0, 0, 1, 1), (0, 37, 0, 40, 10),
                                          (0, 503_970, 0, 600_000, 200_000), (0, 7, 0, 8, 2), (0, 1748, 0, 2000, 500),
                                          (-57_350, 20_000, -60_000, 20_000, 20_000), (-5, 100, -20, 100, 20), (-300, 0, -300, 100, 100)])
    func valueTicks(_ minimum: Int, _ maximum: Int, _ bottom: Int, _ top: Int, _ step: Int) {
        let ticks = ValueTicks(minimum: minimum, maximum: maximum)
        #expect((ticks.bottom, ticks.top, ticks.step) == (bottom, top, step))
    }

    @Test("absurd values neither overflow nor trap", arguments: [Int.max, Int.min, 900_000_000_000_000_000, -1])
    func hugeValues(_ value: Int) {
        let ticks = ValueTicks(minimum: min(value, 0), maximum: value)
        #expect(ticks.top >= 1 && ticks.bottom <= 0 && ticks.step > 0)
        var state = ReportFixtures.state(weeks: 3, skipEvery: 0)
        for key in state.itemsByKey.keys { state.itemsByKey[key]?.accepted = value }
        for key in state.windows.keys { state.windows[key]?.week["issued"] = value }
        let page = ReportFixtures.page(state)
        #expect(page.hasSuffix("</html>\n"))
    }

    @Test("any maximum: the top covers it in at most five round steps")
    func valueTicksProperty() {
        var random = SplitMix64(seed: 42)
        for _ in 0..<5000 {
            let maximum = random.int(in: 0...50_000_000)
            let ticks = ValueTicks(maximum: maximum)
            #expect(ticks.top >= maximum && ticks.top % ticks.step == 0 && ticks.top / ticks.step <= 5, "maximum \(maximum)")
            let minimum = -random.int(in: 0...maximum)
            let crossing = ValueTicks(minimum: minimum, maximum: maximum)
            #expect(crossing.bottom <= minimum && crossing.top >= maximum && crossing.bottom % crossing.step == 0
                    && (crossing.top - crossing.bottom) / crossing.step <= 6, "\(minimum)…\(maximum)")
            var leading = ticks.step
            while leading % 10 == 0 { leading /= 10 }
            #expect([1, 2, 5].contains(leading), "step \(ticks.step)")
            #expect(ticks.top - ticks.step < max(maximum, 1), "maximum \(maximum): a whole step to spare")
        }
    }

    @Test func timeTicksByMonthWithinAYear() throws {
        let ticks = TimeTicks(from: try #require(CalendarDate(iso: "2023-01-06")), to: try #require(CalendarDate(iso: "2023-06-30"))).ticks
        #expect(ticks.map(\.label) == ["2023年2月", "3月", "4月", "5月", "6月"])
    }

    @Test func timeTicksByYearOverYears() throws {
        let ticks = TimeTicks(from: try #require(CalendarDate(iso: "2023-01-06")), to: try #require(CalendarDate(iso: "2026-03-01"))).ticks
        #expect(ticks.map(\.label) == ["2024年", "2025年", "2026年"])
        let many = TimeTicks(from: try #require(CalendarDate(iso: "2000-01-01")), to: try #require(CalendarDate(iso: "2030-01-01")), maximumLabels: 8).ticks
        #expect(many.count <= 8 && many.first?.label == "2000年")
    }

    @Test func coordinates() {
        #expect(Numerals.coordinate(12.25) == "12.3")
        #expect(Numerals.coordinate(-3.0) == "-3")
        #expect(Numerals.coordinate(-0.04) == "0")
        #expect(Numerals.coordinate(190) == "190")
        #expect(Numerals.count(62827) == "62,827")
        #expect(Numerals.count(nil) == "—")
        #expect(Numerals.signed(-1200) == "-1,200")
        #expect(Numerals.signed(0) == "0")
    }

    @Test func shortAxisLabels() {
        #expect(TimeChart.short(45, top: 50) == "45")
        #expect(TimeChart.short(80_000, top: 80_000) == "80,000")
        #expect(TimeChart.short(50_000, top: 150_000) == "5万")
        #expect(TimeChart.short(600_000, top: 600_000) == "60万")
        #expect(TimeChart.short(1_250_000, top: 2_000_000) == "125万")
        #expect(TimeChart.short(150_000_000, top: 200_000_000) == "1.5亿")
        #expect(TimeChart.short(-20_000, top: 200_000) == "-2万")
        #expect(TimeChart.short(0, top: 200_000) == "0")
    }

    @Test func escaping() {
        #expect(HTML.escape("a<b>&\"'c") == "a&lt;b&gt;&amp;&quot;&#39;c")
        #expect(HTML.escape("应急管理厅") == "应急管理厅")
    }

    @Test("a line breaks where a value was not reported, and is dashed across missing reports")
    func runs() {
        let (solid, bridges) = TimeChart.runs([(0, 0, 1), (7, 1, nil), (14, 2, 3), (21, 3, 4), (42, 4, 5), (49, 5, nil)], maximumStepDays: 10)
        #expect(solid.map(\.count) == [1, 2, 1])
        #expect(bridges.count == 1)
        #expect(bridges.first.map { [$0.0.0, $0.1.0] } == [3, 4])
    }
}
