import LedgerDomain
import LedgerFormats

/// Comprehensive-window counts of the latest report: the week and the year to date.
public struct WindowProjection: Sendable {
    public static let metrics = ["consultations", "accepted", "issued", "transferred"]

    public var latest: HallState.WindowReport?
    /// Every report, in the order of their periods.
    public var history: [HallState.WindowReport]

    /// The parts of the state this projection reads (see ``HallState/Part``).
    public static let parts: Set<HallState.Part> = [.windows]

    /// Builds the projection from the state.
    public init(_ state: HallState) {
        state.require(Self.parts)
        history = state.windows.values.sortedByPeriod(\.through, then: { $0.issue < $1.issue })
        latest = history.last
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
            ("seq", .value(.integer(latest?.seq))),
            ("history", .rows(history) { report in
                .object(["through": .date(report.through), "issue": .string(report.issue),
                         "week": counts(report.week), "yearToDate": counts(report.yearToDate), "seq": .int(report.seq)])
            }),
        ])
    }
}
