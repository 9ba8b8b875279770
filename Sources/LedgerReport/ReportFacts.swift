import LedgerDomain
import LedgerProjections

/// The projections a report draws, computed once and cut to the report's year.
struct ReportFacts {
    let report: HallReport
    let authorization: AuthorizationProjection
    /// The authorization reports shown (of the report's year, when it has one).
    let authorizationHistory: [AuthorizationProjection.Report]
    /// The latest report's newly authorized departments, when it is among those shown.
    let newlyAuthorized: [AuthorizationProjection.Department]
    /// Each year's totals, latest year first.
    let totals: [TotalsProjection]
    let windows: [HallState.WindowReport]
    let visits: [VisitsProjection.Visit]
    let inspections: [HallState.Inspection]
    let issues: [HallState.IssueInfo]
    /// The gaps in the numbering of the years shown.
    let gaps: [String]
    /// Every year the shown issues and reports belong to, in order.
    let years: [Int]

    /// The width of a chart among several side by side, in the drawing's units: about its
    /// width in CSS pixels on a desktop and on a phone, so that its text stays readable.
    static let smallChartWidth = 320.0

    init(_ report: HallReport) {
        self.report = report
        let state = report.state, registry = state.registry
        func shown(_ date: CalendarDate) -> Bool { report.year.map { date.year == $0 } ?? true }
        authorization = AuthorizationProjection(state, registry: registry)
        authorizationHistory = authorization.history.filter { shown($0.through) }
        newlyAuthorized = authorization.latest.map { shown($0.through) } == true ? authorization.newlyAuthorized : []
        windows = WindowProjection(state).history.filter { shown($0.through) }
        visits = VisitsProjection(state, registry: registry).visits.filter { shown($0.date) }
        inspections = state.inspections.filter { shown($0.through) }
            .sorted { ($0.through, $0.issue, $0.ordinal) < ($1.through, $1.issue, $1.ordinal) }
        let issueProjection = IssuesProjection(state)
        issues = issueProjection.issues.filter { issue in report.year.map { issue.year == $0 } ?? true }
        gaps = issueProjection.gaps.filter { gap in report.year.map { gap.hasPrefix("\($0)-") } ?? true }
        let itemYears = Set(state.items.map(\.through.year)).filter { year in report.year.map { year == $0 } ?? true }
        totals = itemYears.sorted(by: >).map { TotalsProjection(state, year: $0) }
        var years = Set(issues.map(\.year)).union(itemYears)
        years.formUnion(authorizationHistory.map(\.through.year))
        self.years = years.sorted()
    }

    /// The dates every chart of the page spans, so that charts line up by week.
    var dates: ClosedRange<CalendarDate>? {
        var all = authorizationHistory.map(\.through) + windows.map(\.through) + visits.map(\.date) + inspections.map(\.through)
        all += issues.map(\.through) + totals.flatMap { $0.series.map(\.through) }
        guard let first = all.min(), let last = all.max() else { return nil }
        return first...last
    }

    /// The latest period end among the facts shown.
    var through: CalendarDate? { dates?.upperBound }

    /// The issue whose period ends last, when the page shows any.
    var latestIssue: HallState.IssueInfo? { issues.last }

    var pageTitle: String {
        var title = "窗口工作周报台账报告"
        if let year = report.year { title += " · \(year)年" }
        if let through { title += " · 截至\(Labels.date(through))" }
        return title
    }
}
