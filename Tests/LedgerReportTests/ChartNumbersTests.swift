import Foundation
import Testing
import LedgerDomain
@testable import LedgerProjections
@testable import LedgerReport

/// Every number a chart draws is the projection's number, at the place its axis says.
@Suite("The report's charts against the projections")
struct ChartNumbersTests {
    /// The histories every chart is checked on, by name (a failure prints the name, not the state).
    static let histories = ["one issue", "ten weeks with gaps", "three years", "a year-to-date figure corrected down"]

    static func history(_ name: String) -> HallState {
        switch name {
        case "one issue": return ReportFixtures.state(weeks: 1, skipEvery: 0)
        case "ten weeks with gaps": return ReportFixtures.state(weeks: 10, seed: 7)
        case "a year-to-date figure corrected down":
            // A later report below the one before: its increment is negative, drawn below zero.
            var state = ReportFixtures.state(weeks: 12, seed: 9, skipEvery: 0)
            let publicService = state.itemsByKey.filter { $0.value.category == "publicService" }.sorted { $0.value.through < $1.value.through }
            state.itemsByKey[publicService[6].key]?.accepted = 10
            return state
        default: return ReportFixtures.state(weeks: 156, seed: 3)
        }
    }

    /// Checks each mark's value and date against `expected`, and its position against the axis.
    func expectMarks(_ marks: [SVGReader.Mark], equal expected: [(CalendarDate, Int)], axis: SVGReader.Axis,
                     _ comment: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(marks.map { $0.attributes["data-date"] ?? "" } == expected.map(\.0.description), "\(comment): dates", sourceLocation: sourceLocation)
        #expect(marks.map { $0.number("data-value") ?? -1 } == expected.map { Double($0.1) }, "\(comment): values", sourceLocation: sourceLocation)
        for (mark, (date, value)) in zip(marks, expected) {
            let day = Double(date.daysSinceEpoch)
            if mark.tag == "circle" {
                #expect(abs((mark.number("cy") ?? .nan) - axis.y(Double(value))) <= 0.051, "\(comment): cy of \(date)", sourceLocation: sourceLocation)
                #expect(abs((mark.number("cx") ?? .nan) - axis.x(day)) <= 0.051, "\(comment): cx of \(date)", sourceLocation: sourceLocation)
            } else {
                let top = mark.number("y") ?? .nan, height = mark.number("height") ?? .nan
                let ends = [axis.y(0), axis.y(Double(value))]
                #expect(abs(top - (ends.min() ?? 0)) <= 0.051, "\(comment): bar top of \(date)", sourceLocation: sourceLocation)
                #expect(abs(top + height - (ends.max() ?? 0)) <= 0.11, "\(comment): bar stands on zero at \(date)", sourceLocation: sourceLocation)
                #expect(axis.valueBottom <= Double(min(value, 0)) && axis.valueTop >= Double(value), "\(comment): \(value) within the axis")
                let middle = (mark.number("x") ?? .nan) + (mark.number("width") ?? .nan) / 2
                #expect(abs(middle - axis.x(day)) <= 0.11, "\(comment): bar at \(date)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test("authorization: authorized and stationed per week", arguments: histories)
    func authorization(_ name: String) throws {
        let state = Self.history(name)
        let page = SVGReader(page: ReportFixtures.page(state))
        let chart = try #require(page.chart("authorization"), "\(name): no authorization chart")
        let axis = try #require(SVGReader.axis(chart))
        let history = AuthorizationProjection(state, registry: state.registry).history
        #expect(axis.valueTop >= Double(history.compactMap(\.stationed).max() ?? 0))
        expectMarks(SVGReader.marks(chart, series: "authorized"), equal: history.compactMap { report in report.authorized.map { (report.through, $0) } },
                    axis: axis, "\(name) authorized")
        expectMarks(SVGReader.marks(chart, series: "stationed"), equal: history.compactMap { report in report.stationed.map { (report.through, $0) } },
                    axis: axis, "\(name) stationed")
        if let latest = history.last {
            #expect(page.page.contains("占比 <strong>\(latest.share.map { $0 + "%" } ?? "—")</strong>"))
        }
    }

    @Test("totals: a chart per year and category, its increments the differences", arguments: histories)
    func totals(_ name: String) throws {
        let state = Self.history(name)
        let page = SVGReader(page: ReportFixtures.page(state))
        let years = Set(state.items.map(\.through.year)).sorted()
        #expect(!years.isEmpty)
        for year in years {
            let projection = TotalsProjection(state, year: year)
            for category in TotalsProjection.categories {
                let chart = try #require(page.chart("totals-\(year)-\(category)"), "\(name): no totals chart for \(year) \(category)")
                let axis = try #require(SVGReader.axis(chart))
                let accepted = projection.series.compactMap { report in report.counts[category]?.accepted.map { (report.through, $0) } }
                expectMarks(SVGReader.marks(chart, series: "accepted"), equal: accepted, axis: axis, "\(name) \(year) \(category) accepted")
                let completed = projection.series.compactMap { report in report.counts[category]?.completed.map { (report.through, $0) } }
                expectMarks(SVGReader.marks(chart, series: "completed"), equal: completed, axis: axis, "\(name) \(year) \(category) completed")

                let bars = try #require(page.chart("increments-\(year)-\(category)"))
                var increments: [(CalendarDate, Int)] = []
                for (index, report) in projection.series.enumerated() {
                    let before = index == 0 ? 0 : projection.series[index - 1].counts[category]?.accepted
                    if let now = report.counts[category]?.accepted, let before { increments.append((report.through, now - before)) }
                }
                expectMarks(SVGReader.marks(bars, series: "increment"), equal: increments, axis: try #require(SVGReader.axis(bars)),
                            "\(name) \(year) \(category) increments")
            }
        }
    }

    @Test("window: each count's weekly bars", arguments: histories)
    func window(_ name: String) throws {
        let state = Self.history(name)
        let page = SVGReader(page: ReportFixtures.page(state))
        let history = WindowProjection(state).history
        for metric in WindowProjection.metrics {
            guard history.contains(where: { $0.week[metric] != nil }) else {
                #expect(page.chart("window-\(metric)") == nil, "\(name): a chart of \(metric), never reported")
                continue
            }
            let chart = try #require(page.chart("window-\(metric)"), "\(name): no chart for \(metric)")
            expectMarks(SVGReader.marks(chart, series: metric), equal: history.compactMap { report in report.week[metric].map { (report.through, $0) } },
                        axis: try #require(SVGReader.axis(chart)), "\(name) window \(metric)")
        }
    }

    @Test("visits: a lane per department with its dates and count", arguments: histories)
    func visits(_ name: String) throws {
        let state = Self.history(name)
        let projection = VisitsProjection(state, registry: state.registry)
        let page = SVGReader(page: ReportFixtures.page(state))
        guard !projection.visits.isEmpty else {
            #expect(page.chart("visits") == nil)
            return
        }
        let chart = try #require(page.chart("visits"))
        for (department, count) in projection.byDepartment {
            let escaped = department.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
            let start = try #require(chart.range(of: "data-lane=\"\(escaped)\""), "\(name): no lane for \(department)")
            let lane = String(chart[start.lowerBound..<(chart[start.lowerBound...].range(of: "</g>")?.lowerBound ?? chart.endIndex)])
            let dates = SVGReader.marks(lane).compactMap { $0.attributes["data-date"] }.sorted()
            #expect(dates == projection.visits.filter { $0.department == department }.map(\.date.description).sorted(), "\(name): \(department)")
            #expect(lane.contains(">\(count)次</text>"))
        }
    }

    @Test("inspections: every verdict drawn, the findings red and listed", arguments: histories)
    func inspections(_ name: String) throws {
        let state = Self.history(name)
        let page = SVGReader(page: ReportFixtures.page(state))
        let chart = try #require(page.chart("inspections"))
        let marks = SVGReader.marks(chart)
        #expect(marks.count == state.inspections.count)
        let findings = state.inspections.filter { $0.verdict == .finding }
        #expect(marks.filter { $0.attributes["class"] == "s-finding" }.count == findings.count)
        let listed = page.page.components(separatedBy: "<li class=\"finding\">").count - 1
        #expect(listed == min(findings.count, ReportFacts.findingRows), "\(name)")
        for finding in findings.suffix(ReportFacts.findingRows) {
            #expect(page.page.contains(HTML.escape(finding.text)), "\(name): finding of \(finding.through) not listed")
        }
        if findings.isEmpty { #expect(page.page.contains("巡查未发现问题")) }
    }

    @Test("issues: the numbering strip shows each issue and each gap", arguments: histories)
    func numbering(_ name: String) throws {
        let state = Self.history(name)
        let page = SVGReader(page: ReportFixtures.page(state))
        let chart = try #require(page.chart("numbering"))
        let projection = IssuesProjection(state)
        let cells = SVGReader.marks(chart)
        #expect(cells.filter { $0.attributes["class"] == "issue-present" }.count == projection.issues.count)
        #expect(cells.filter { $0.attributes["class"] == "issue-gap" }.count == projection.gaps.count, "\(name)")
        for gap in projection.gaps { #expect(page.page.contains(Labels.issue(gap)), "\(name): gap \(gap) not named") }
    }
}
