import LedgerDomain
import LedgerProjections

/// The projections a report draws, computed once and cut to the report's year.
struct ReportFacts {
    let report: HallReport
    let authorization: AuthorizationProjection
    /// The authorization reports shown (of the years shown).
    let authorizationHistory: [AuthorizationProjection.Report]
    /// The latest report's newly authorized departments, when it is among those shown.
    let newlyAuthorized: [AuthorizationProjection.Department]
    /// Each year's totals, latest year first.
    let totals: [TotalsProjection]
    /// The years with totals before those shown, latest first: a line each.
    let earlierTotals: [TotalsProjection]
    let windows: [HallState.WindowReport]
    let visits: [VisitsProjection.Visit]
    let inspections: [HallState.Inspection]
    /// The issues whose period ends in the report's year, or all of them: the numbering
    /// covers every year.
    let issues: [HallState.IssueInfo]
    /// Every issue numbered in a year of those issues (`2024年第1期` ends in 2023 but is
    /// numbered in 2024), for the numbering strip.
    let numbered: [HallState.IssueInfo]
    /// The gaps in the numbering of those years.
    let gaps: [String]
    /// The years the charts and tables show: the report's year, the latest ``maximumYears``
    /// of a longer history, or nil for all of a shorter one.
    let shownYears: ClosedRange<Int>?
    /// Every year the ledger's facts belong to (within the report's year, when it has one), in order.
    let years: [Int]
    /// The dates every chart of the page spans, so that charts line up by week.
    let dates: ClosedRange<CalendarDate>?
    /// The latest period end among the reports shown (a visit's date may lie after it).
    let through: CalendarDate?

    /// The width of a chart among several side by side, in the drawing's units: about its
    /// width in CSS pixels on a desktop and on a phone, so that its text stays readable.
    static let smallChartWidth = 320.0

    /// The most years a page draws week by week: beyond, a page of a long history would grow to
    /// megabytes (six charts a year for the totals alone) and read as a blur, so it shows the
    /// latest years and names `--year` for the others.
    static let maximumYears = 5

    init(_ report: HallReport) {
        self.report = report
        let state = report.state, registry = state.registry
        let issueProjection = IssuesProjection(state)
        let issues = issueProjection.issues.filter { issue in report.year.map { issue.through.year == $0 } ?? true }
        self.issues = issues
        let numberingYears = Set(issues.map(\.year))
        numbered = issueProjection.issues.filter { numberingYears.contains($0.year) }
        gaps = issueProjection.gaps.filter { gap in Int(gap.prefix(4)).map(numberingYears.contains) ?? false }
        let itemYears = Set(state.items.map(\.through.year))
        var years = Set(issueProjection.issues.map(\.through.year)).union(itemYears)
        years.formUnion(state.authorizations.values.map(\.through.year))
        if let year = report.year { years = years.filter { $0 == year } }
        self.years = years.sorted()
        let shownYears: ClosedRange<Int>? = if let year = report.year { year...year }
            else if let last = years.max(), years.count > Self.maximumYears, let first = years.sorted().suffix(Self.maximumYears).first { first...last }
            else { nil }
        self.shownYears = shownYears
        func shown(_ date: CalendarDate) -> Bool { shownYears.map { $0.contains(date.year) } ?? true }
        authorization = AuthorizationProjection(state, registry: registry)
        // A share as printed in the bulletin (when the counts cannot give one) is text a
        // correction can set to anything: only a number reaches the page.
        authorizationHistory = authorization.history.filter { shown($0.through) }.map { report in
            var report = report
            report.share = Labels.percentFigure(report.share)
            return report
        }
        newlyAuthorized = authorization.latest.map { shown($0.through) } == true ? authorization.newlyAuthorized : []
        windows = WindowProjection(state).history.filter { shown($0.through) }
        visits = VisitsProjection(state, registry: registry).visits.filter { shown($0.date) }
        inspections = state.inspections.filter { shown($0.through) }
            .sorted { ($0.through, $0.issue, $0.ordinal) < ($1.through, $1.issue, $1.ordinal) }
        let yearsOfTotals = itemYears.sorted(by: >).filter { year in report.year.map { year == $0 } ?? true }
        totals = yearsOfTotals.filter { shownYears?.contains($0) ?? true }.map { TotalsProjection(state, year: $0) }
        earlierTotals = yearsOfTotals.filter { !(shownYears?.contains($0) ?? true) }.map { TotalsProjection(state, year: $0) }
        let issueEnds = issues.map(\.through).filter(shown)
        var all = issueEnds + authorizationHistory.map(\.through) + windows.map(\.through) + visits.map(\.date) + inspections.map(\.through)
        all += totals.flatMap { $0.series.map(\.through) }
        dates = all.min().flatMap { first in all.max().map { first...$0 } }
        through = issueEnds.max() ?? (authorizationHistory.map(\.through) + windows.map(\.through) + totals.compactMap(\.through)).max()
    }

    /// Whether the page leaves out the earlier years of a long history.
    var isCut: Bool { report.year == nil && shownYears != nil }

    /// The issue whose period ends last, when the page shows any.
    var latestIssue: HallState.IssueInfo? { issues.last }

    var pageTitle: String {
        var title = "窗口工作周报台账报告"
        if let year = report.year { title += " · \(year)年" }
        if let through { title += " · 截至\(Labels.date(through))" }
        return title
    }
}
