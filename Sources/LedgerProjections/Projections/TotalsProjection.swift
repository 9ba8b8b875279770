import LedgerDomain
import LedgerFormats

/// Year-to-date service-item totals per category for one year, and the change since the
/// previous report of that year. Years are never added together.
public struct TotalsProjection: Sendable {
    public struct Counts: Sendable {
        public var accepted: Int?
        public var completed: Int?
        public var seq: Int?
        /// Completed as a share of accepted, one decimal (can exceed 100: backlog).
        public var completionRate: String? { accepted.flatMap { accepted in completed.flatMap { Percent.tenths($0, of: accepted) } } }
    }

    public static let categories = ["administrativeLicensing", "publicService", "otherPowers"]

    public var year: Int?
    public var issue: String?
    public var through: CalendarDate?
    public var categories: [String: Counts]
    public var previousIssue: String?
    public var sincePrevious: [String: Counts]?
    /// Every report of the year, for trends: issue, through, counts.
    public var series: [(issue: String, through: CalendarDate, counts: [String: Counts])]
    /// The reports of the years shown (``coverage``): ``series``, or with `--all` every year's.
    public var reports: [(issue: String, through: CalendarDate, counts: [String: Counts])]
    /// The years ``reports`` covers, and every year with reports.
    public var coverage: YearCoverage

    /// The parts of the state this projection reads (see ``HallState/Part``).
    public static let parts: Set<HallState.Part> = [.items]

    private typealias Report = (issue: String, through: CalendarDate, items: [HallState.ItemCount])

    /// The totals of `year`, or of the latest report's year when nil.
    public init(_ state: HallState, year requested: Int? = nil) {
        self.init(state, years: requested.map { .year($0) } ?? .latest)
    }

    /// The totals of the year `years` picks (with ``YearSelection/all``, of the latest year,
    /// with ``reports`` of every year).
    public init(_ state: HallState, years selection: YearSelection) {
        state.require(Self.parts)
        let reports = Self.reports(state)
        let coverage = YearCoverage(selection, rowYears: reports.map(\.through.year), omitted: state.omittedYears[.items] ?? [])
        let chosenYear = coverage.year ?? coverage.years.last
        self.init(year: chosenYear, ofYear: reports.filter { $0.through.year == chosenYear }.sorted(by: Self.inOrder), coverage: coverage)
        if selection == .all { self.reports = reports.sorted(by: Self.inOrder).map { ($0.issue, $0.through, Self.counts($0.items)) } }
    }

    /// The totals of every year with reports, years ascending, each as `--year` gives it.
    public static func everyYear(_ state: HallState) -> [TotalsProjection] {
        state.require(Self.parts)
        let reports = Self.reports(state)
        let coverage = YearCoverage(.all, rowYears: reports.map(\.through.year), omitted: state.omittedYears[.items] ?? [])
        precondition((state.omittedYears[.items] ?? []).isEmpty, "every year is read")
        return Dictionary(grouping: reports, by: \.through.year).sorted { $0.key < $1.key }.map { year, ofYear in
            var coverage = coverage
            coverage.selection = .year(year)
            coverage.year = year
            return TotalsProjection(year: year, ofYear: ofYear.sorted(by: inOrder), coverage: coverage)
        }
    }

    /// The reports, grouped in no particular order: only the years shown are sorted.
    private static func reports(_ state: HallState) -> [Report] {
        Dictionary(grouping: state.itemsByKey.values, by: \.issue).map {
            (issue: $0.key, through: $0.value.map(\.through).max() ?? CalendarDate(daysSinceEpoch: 0), items: $0.value)
        }
    }

    private static func inOrder(_ a: Report, _ b: Report) -> Bool { (a.through, a.issue) < (b.through, b.issue) }

    private static func counts(_ items: [HallState.ItemCount]) -> [String: Counts] {
        Dictionary(uniqueKeysWithValues: items.map { ($0.category, Counts(accepted: $0.accepted, completed: $0.completed, seq: $0.seq)) })
    }

    private init(year chosenYear: Int?, ofYear: [Report], coverage: YearCoverage) {
        self.coverage = coverage
        year = chosenYear
        series = ofYear.map { ($0.issue, $0.through, Self.counts($0.items)) }
        reports = series
        categories = ofYear.last.map { Self.counts($0.items) } ?? [:]
        issue = ofYear.last?.issue
        through = ofYear.last?.through
        guard ofYear.count >= 2 else { sincePrevious = nil; return }
        let previous = Self.counts(ofYear[ofYear.count - 2].items)
        previousIssue = ofYear[ofYear.count - 2].issue
        var change: [String: Counts] = [:]
        for (category, now) in categories {
            let before = previous[category]
            change[category] = Counts(accepted: Self.difference(now.accepted, before?.accepted),
                                      completed: Self.difference(now.completed, before?.completed), seq: nil)
        }
        sincePrevious = change
    }

    private static func difference(_ now: Int?, _ before: Int?) -> Int? {
        guard let now, let before else { return nil }
        return now - before
    }

    /// The `project totals --json` document (without `head`).
    public func json(asOf: CalendarDate?) -> JSONObject {
        func shape(_ counts: [String: Counts], rates: Bool) -> JSONValue {
            .object(JSONObject(Self.categories.map { category in
                let value = counts[category]
                var object: JSONObject = ["accepted": .integer(value?.accepted), "completed": .integer(value?.completed)]
                if rates {
                    object["completionRate"] = Percent.json(value?.completionRate)
                    object["seq"] = .integer(value?.seq)
                }
                return (category, .object(object))
            }))
        }
        return [
            "asOf": .date(asOf), "through": .date(through), "year": .integer(year), "issue": issue.map { .string($0) } ?? .null,
            "categories": issue == nil ? .null : shape(categories, rates: true),
            "previousIssue": previousIssue.map { .string($0) } ?? .null,
            "sincePrevious": sincePrevious.map { shape($0, rates: false) } ?? .null,
            "coverage": coverage.json,
            "reports": .array(reports.map { report in
                .object(["through": .date(report.through), "issue": .string(report.issue), "categories": shape(report.counts, rates: true)])
            }),
        ]
    }
}
