import LedgerDomain

/// Which facts a question is about: true on or before a date (valid time), and known to the
/// ledger by an instant (recorded time). Both default to "everything".
public struct TimeFilter: Equatable, Sendable {
    /// Facts true on or before this date; nil for all.
    public var asOf: CalendarDate?
    /// Records written at or before this instant; nil for all.
    public var knownAt: Instant?

    /// Creates a filter.
    public init(asOf: CalendarDate? = nil, knownAt: Instant? = nil) {
        self.asOf = asOf
        self.knownAt = knownAt
    }

    /// Whether the filter lets everything through (so a snapshot can answer).
    public var isEverything: Bool { asOf == nil && knownAt == nil }

    /// Whether a record was known by `knownAt` (records without a valid date are ledger-level:
    /// they apply whenever they were known).
    public func knows(_ record: EventRecord) -> Bool {
        knownAt.map { record.recordedAt <= $0 } ?? true
    }

    /// Whether a fact is true on or before `asOf`.
    public func isTrue(_ record: EventRecord) -> Bool {
        guard let asOf, let valid = record.valid else { return true }
        return valid <= asOf
    }
}
