import LedgerDomain
import LedgerFormats

/// The ingested issues in the order of their periods, with the gaps in their numbering.
public struct IssuesProjection: Sendable {
    /// The issues of the years shown (``coverage``: years of their numbers, `2024年第1期` is of 2024).
    public var issues: [HallState.IssueInfo]
    /// Issue keys missing between the lowest and highest number of each year shown; a
    /// combined issue (`第5-6期`) covers each of its numbers.
    public var gaps: [String]
    /// The years ``issues`` covers, and every year with issues.
    public var coverage: YearCoverage

    /// The parts of the state this projection reads (see ``HallState/Part``).
    public static let parts: Set<HallState.Part> = [.issues]

    /// Builds the projection from the state, of the years `years` picks.
    public init(_ state: HallState, years: YearSelection = .all) {
        state.require(Self.parts)
        let coverage = YearCoverage(years, rowYears: state.issues.values.lazy.map { HallState.year(of: $0) },
                                    omitted: state.omittedYears[.issues] ?? [])
        self.coverage = coverage
        issues = state.issues.values.filter { coverage.shows(HallState.year(of: $0)) }.sortedByPeriod(\.through, then: { $0.key < $1.key })
        var missing: [String] = []
        for (year, ofYear) in Dictionary(grouping: issues, by: \.year).sorted(by: { $0.key < $1.key }) {
            let numbers = Set(ofYear.flatMap { Array($0.numbers) })
            guard let low = numbers.min(), let high = numbers.max(), low < high else { continue }
            for number in low...high where !numbers.contains(number) {
                missing.append(IssueKey.format(year: year, number: number))
            }
        }
        gaps = missing
    }

    /// The `project issues --json` document (without `head`).
    public func json(asOf: CalendarDate?) -> JSONObject { stream(asOf: asOf).materializedObject }

    /// The same document, its issues made row by row as they are written.
    public func stream(asOf: CalendarDate?) -> JSONStream {
        .object([
            ("asOf", .value(.date(asOf))), ("coverage", .value(coverage.json)),
            ("issues", .rows(issues) { issue in
                .object(["issue": .string(issue.key), "throughNumber": .integer(issue.throughNumber), "serial": .integer(issue.serial), "published": .date(issue.published),
                         "from": .date(issue.from), "through": .date(issue.through), "events": .int(issue.events),
                         "partial": .bool(issue.partial), "seq": .int(issue.seq)])
            }),
            ("gaps", .rows(gaps) { .string($0) }),
        ])
    }
}
