import LedgerDomain
import LedgerFormats

/// Hall inspection verdicts by week: findings first, then those needing a look, then the rest.
public struct InspectionsProjection: Sendable {
    /// The verdicts of the years shown (``coverage``).
    public var inspections: [HallState.Inspection]
    /// How many verdicts shown were findings.
    public var findings: Int
    /// How many verdicts shown the parser could not classify: a person must read them.
    public var unclassified: Int
    /// The years ``inspections`` covers, and every year with verdicts.
    public var coverage: YearCoverage

    /// The parts of the state this projection reads (see ``HallState/Part``).
    public static let parts: Set<HallState.Part> = [.inspections]

    /// Builds the projection from the state, of the years `years` picks.
    public init(_ state: HallState, years: YearSelection = .all) {
        state.require(Self.parts)
        let coverage = YearCoverage(years, rowYears: state.inspections.lazy.map(\.through.year),
                                    omitted: state.omittedYears[.inspections] ?? [])
        self.coverage = coverage
        inspections = state.inspections.filter { coverage.shows($0.through.year) }.sorted {
            ($0.verdict, $0.through, $0.issue, $0.ordinal) < ($1.verdict, $1.through, $1.issue, $1.ordinal)
        }
        findings = inspections.filter { $0.verdict == .finding }.count
        unclassified = inspections.filter { $0.verdict == .unclassified }.count
    }

    /// The `project inspections --json` document (without `head`).
    public func json(asOf: CalendarDate?) -> JSONObject { stream(asOf: asOf).materializedObject }

    /// The same document, its verdicts made row by row as they are written.
    public func stream(asOf: CalendarDate?) -> JSONStream {
        .object([
            ("asOf", .value(.date(asOf))), ("findings", .value(.int(findings))), ("unclassified", .value(.int(unclassified))),
            ("coverage", .value(coverage.json)),
            ("inspections", .rows(inspections) { inspection in
                .object(["through": .date(inspection.through), "issue": .string(inspection.issue), "ordinal": .int(inspection.ordinal),
                         "item": .string(inspection.item), "verdict": .string(inspection.verdict.rawValue),
                         "text": .string(inspection.text), "seq": .int(inspection.seq)])
            }),
        ])
    }
}
