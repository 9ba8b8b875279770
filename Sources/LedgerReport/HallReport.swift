import LedgerDomain
import LedgerProjections

/// The hall's ledger as one self-contained HTML page for people: charts in inline SVG, the
/// styles inline, no scripts and nothing fetched, readable on a desktop, a phone and A4 paper.
///
/// Pure: everything it shows arrives in its fields, the state folded and the ledger verified
/// by the caller, so the same input always gives the same bytes.
public struct HallReport: Sendable {
    /// What `ledger verify` found when the page was written.
    public struct Integrity: Sendable {
        public var intact: Bool
        public var records: Int
        public var bytes: Int
        /// The problems, in the order of the log (the first hundred).
        public var problems: [String]
        public var problemCount: Int
        /// Observations that do not make the ledger damaged (the snapshot's state, say).
        public var notes: [String]

        /// Creates the summary of a verification.
        public init(intact: Bool, records: Int, bytes: Int, problems: [String], problemCount: Int, notes: [String]) {
            self.intact = intact
            self.records = records
            self.bytes = bytes
            self.problems = problems
            self.problemCount = problemCount
            self.notes = notes
        }
    }

    /// The hall, folded from the log with the report's time filter.
    public var state: HallState
    /// The facts true on or before this date only (nil: all of them).
    public var asOf: CalendarDate?
    /// Only what the ledger had recorded by then (nil: all of it).
    public var knownAt: Instant?
    /// Only the reports of this year (nil: every year).
    public var year: Int?
    /// The log's head the state was folded to.
    public var head: LogHead
    public var integrity: Integrity
    /// When the page was written.
    public var writtenAt: Instant

    /// Creates a report of `state`; see the properties for what each part means.
    public init(state: HallState, asOf: CalendarDate?, knownAt: Instant?, year: Int?, head: LogHead,
                integrity: Integrity, writtenAt: Instant) {
        self.state = state
        self.asOf = asOf
        self.knownAt = knownAt
        self.year = year
        self.head = head
        self.integrity = integrity
        self.writtenAt = writtenAt
    }

    /// The page.
    public func html() -> String {
        let facts = ReportFacts(self)
        var page = "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
        page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        page += "<meta name=\"generator\" content=\"ledger report\">"
        page += "<title>\(HTML.escape(facts.pageTitle))</title><style>\(ReportStyle.css)</style></head><body><main>"
        page += facts.header()
        page += facts.summaryCards()
        page += facts.authorizationSection()
        page += facts.totalsSection()
        page += facts.windowSection()
        page += facts.visitsSection()
        page += facts.inspectionsSection()
        page += facts.issuesSection()
        page += facts.integritySection()
        return page + "</main></body></html>\n"
    }
}
