import LedgerDomain
import LedgerFormats

/// Comprehensive-window counts of the latest report: the week and the year to date.
public struct WindowProjection: Sendable {
    public static let metrics = ["consultations", "accepted", "issued", "transferred"]

    public var latest: HallState.WindowReport?
    /// The reports of the years shown (``coverage``), in the order of their periods.
    public var history: [HallState.WindowReport]
    /// The years ``history`` covers, and every year with reports.
    public var coverage: YearCoverage

    /// The parts of the state this projection reads (see ``HallState/Part``).
    public static let parts: Set<HallState.Part> = [.windows]

    /// Builds the projection from the state; `years` picks the years of ``history`` (the
    /// latest report is the same whichever it picks).
    public init(_ state: HallState, years: YearSelection = .all) {
        state.require(Self.parts)
        let reports = state.windows.values.sortedByPeriod(\.through, then: { $0.issue < $1.issue })
        let coverage = YearCoverage(years, rowYears: reports.map(\.through.year), omitted: state.omittedYears[.windows] ?? [])
        self.coverage = coverage
        history = reports.filter { coverage.shows($0.through.year) }
        latest = reports.last
    }

    /// The `project window --json` document (without `head`).
    public func json(asOf: CalendarDate?) -> JSONObject { stream(asOf: asOf).materializedObject }

    /// The same document, its history made row by row as it is written.
    public func stream(asOf: CalendarDate?) -> JSONStream {
        func counts(_ values: [String: Int]?) -> JSONValue {
            guard let values else { return .null }
            return .object(JSONObject(Self.metrics.map { ($0, .integer(values[$0])) }))
        }
        return .object([
            ("asOf", .value(.date(asOf))), ("through", .value(.date(latest?.through))),
            ("issue", .value(latest.map { .string($0.issue) } ?? .null)),
            ("week", .value(counts(latest?.week))), ("yearToDate", .value(counts(latest?.yearToDate))),
            ("seq", .value(.integer(latest?.seq))), ("coverage", .value(coverage.json)),
            ("history", .rows(history) { report in
                .object(["through": .date(report.through), "issue": .string(report.issue),
                         "week": counts(report.week), "yearToDate": counts(report.yearToDate), "seq": .int(report.seq)])
            }),
        ])
    }
}
