import LedgerDomain

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
    public func json(asOf: CalendarDate?) -> JSONObject {
        func counts(_ values: [String: Int]?) -> JSONValue {
            guard let values else { return .null }
            return .object(JSONObject(Self.metrics.map { ($0, .integer(values[$0])) }))
        }
        return [
            "asOf": .date(asOf), "through": .date(latest?.through), "issue": latest.map { .string($0.issue) } ?? .null,
            "week": counts(latest?.week), "yearToDate": counts(latest?.yearToDate), "seq": .integer(latest?.seq),
            "history": .array(history.map { report in
                .object(["through": .date(report.through), "issue": .string(report.issue),
                         "week": counts(report.week), "yearToDate": counts(report.yearToDate), "seq": .int(report.seq)])
            }),
        ]
    }
}
