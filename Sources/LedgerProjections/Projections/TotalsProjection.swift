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

    /// The parts of the state this projection reads (see ``HallState/Part``).
    public static let parts: Set<HallState.Part> = [.items]

    /// The totals of `year`, or of the latest report's year when nil.
    public init(_ state: HallState, year requested: Int? = nil) {
        state.require(Self.parts)
        // Grouped in no particular order: only the chosen year's reports are sorted.
        let byIssue = Dictionary(grouping: state.itemsByKey.values, by: \.issue)
        let reports = byIssue.map { (issue: $0.key, through: $0.value.map(\.through).max() ?? CalendarDate(daysSinceEpoch: 0), items: $0.value) }
        func inOrder(_ a: (issue: String, through: CalendarDate, items: [HallState.ItemCount]),
                     _ b: (issue: String, through: CalendarDate, items: [HallState.ItemCount])) -> Bool {
            (a.through, a.issue) < (b.through, b.issue)
        }
        let chosenYear = requested ?? reports.max(by: inOrder)?.through.year
        year = chosenYear
        let ofYear = reports.filter { $0.through.year == chosenYear }.sorted(by: inOrder)
        func counts(_ items: [HallState.ItemCount]) -> [String: Counts] {
            Dictionary(uniqueKeysWithValues: items.map { ($0.category, Counts(accepted: $0.accepted, completed: $0.completed, seq: $0.seq)) })
        }
        series = ofYear.map { ($0.issue, $0.through, counts($0.items)) }
        categories = ofYear.last.map { counts($0.items) } ?? [:]
        issue = ofYear.last?.issue
        through = ofYear.last?.through
        guard ofYear.count >= 2 else { sincePrevious = nil; return }
        let previous = counts(ofYear[ofYear.count - 2].items)
        previousIssue = ofYear[ofYear.count - 2].issue
        var change: [String: Counts] = [:]
        for (category, now) in categories {
            let before = previous[category]
            change[category] = Counts(accepted: difference(now.accepted, before?.accepted),
                                      completed: difference(now.completed, before?.completed), seq: nil)
        }
        sincePrevious = change
    }

    private func difference(_ now: Int?, _ before: Int?) -> Int? {
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
        ]
    }
}
