import LedgerDomain

/// Where a fact was read: the lines of the original file and their text as written.
public struct Provenance: Equatable, Sendable {
    /// 1-based, inclusive.
    public var lines: ClosedRange<Int>
    /// The original lines, joined with newlines.
    public var text: String

    /// Creates provenance from a part of a ``SourceText``.
    init(_ source: SourceText, _ range: Range<String.Index>? = nil) {
        let lines = range.map { source.lineNumbers(of: $0) } ?? source.lineNumbers ?? 1...1
        self.lines = lines
        self.text = source.raw(lines)
    }

    /// Creates provenance for the lines `lines` of a ``SourceText``.
    init(_ source: SourceText, lines: ClosedRange<Int>) {
        self.lines = lines
        self.text = source.raw(lines)
    }

    /// Creates provenance for whole lines.
    init(lines: [SourceLine]) {
        let numbers = lines.map(\.number)
        self.lines = (numbers.min() ?? 1)...(numbers.max() ?? 1)
        self.text = lines.map(\.raw).joined(separator: "\n")
    }
}

/// Everything read from one bulletin, each fact with the lines it came from.
public struct Bulletin: Sendable {
    /// The masthead: `2023年第 2期（总第 422期）`, publisher, date, title, period; and the footer.
    public struct Issue: Sendable {
        public var year: Int
        public var number: Int
        /// The last number of a combined issue (`第5-6期`: 6); nil for a single issue.
        public var throughNumber: Int? = nil
        public var serial: Int?
        /// The last serial of a combined issue (`总第425-426期`: 426).
        public var throughSerial: Int? = nil
        public var publisher: String?
        public var published: CalendarDate
        public var title: String?
        public var from: CalendarDate?
        public var through: CalendarDate
        public var printRun: Int?
        public var distribution: [(key: String, text: String)]
        public var sections: [String]
        public var provenance: Provenance
        public var footer: Provenance?

        /// `2023-06`: the year and the issue number in it.
        public var key: String { IssueKey.format(year: year, number: number) }

        /// The numbers the issue covers: 5...6 for `第5-6期`, 2...2 for `第2期`.
        public var numbers: ClosedRange<Int> { number...max(number, throughNumber ?? number) }
    }

    /// Comprehensive-window counts (省本级综窗办件情况).
    public struct WindowCounts: Sendable {
        public var week: [String: Quantity]
        public var yearToDate: [String: Quantity]
        public var provenance: Provenance
    }

    /// Authorization of the comprehensive window (事项纳入及授权情况).
    public struct Authorization: Sendable {
        public var stationed: Quantity?
        public var authorized: Quantity?
        public var authorizedShare: String?
        public var unauthorized: Quantity?
        public var unauthorizedShare: String?
        public var increase: Int?
        public var provenance: Provenance
        /// The departments named as authorized (`授权 3个部门：A、B、C`); nil when none are listed.
        public var authorizedList: [DepartmentName]? = nil
        /// The departments named as not authorized (`尚未授权的 8个部门为：…`); nil when none are listed.
        public var unauthorizedList: [DepartmentName]? = nil
    }

    /// A department newly authorized since the last report.
    public struct NewAuthorization: Sendable {
        public var department: DepartmentName
        public var partial: Bool
        public var provenance: Provenance
    }

    /// Year-to-date service-item counts of one category (省级政务服务事项受理办理情况).
    public struct ServiceItems: Sendable {
        public var category: ServiceCategory
        public var label: String
        public var accepted: Quantity?
        public var completed: Quantity?
        public var from: CalendarDate?
        public var through: CalendarDate
        public var provenance: Provenance
    }

    /// A leader's visit to the hall (厅（局）长进大厅).
    public struct Visit: Sendable {
        public var date: CalendarDate
        public var department: DepartmentName
        public var titles: [String]
        public var person: String
        public var provenance: Provenance
    }

    /// One item of the hall inspection (大厅巡查情况).
    public struct Inspection: Sendable {
        public var ordinal: Int
        public var item: String
        /// Satisfactory, a finding, or unclassified when the wording says neither.
        public var verdict: InspectionVerdict
        public var text: String
        public var provenance: Provenance
    }

    /// A news or progress paragraph.
    public struct Note: Sendable {
        public var section: String
        public var ordinal: Int
        public var date: CalendarDate?
        public var departments: [DepartmentName]
        public var text: String
        public var provenance: Provenance
    }

    /// Text the parser could not place; kept and reported, never dropped.
    public struct Unplaced: Sendable {
        public var section: String?
        public var text: String
        public var provenance: Provenance
        /// Whether no reader claimed these lines and the parser's safety net kept them.
        public var caughtByNet = false
    }

    public var issue: Issue
    public var window: WindowCounts?
    public var authorization: Authorization?
    public var newlyAuthorized: [NewAuthorization] = []
    public var serviceItems: [ServiceItems] = []
    public var visits: [Visit] = []
    public var inspections: [Inspection] = []
    public var news: [Note] = []
    public var progress: [Note] = []
    public var unplaced: [Unplaced] = []
    /// Line numbers of page headers and page numbers that were removed.
    public var artefactLines: [Int] = []
    /// Line numbers of section and sub-section headings.
    public var headingLines: [Int] = []
}

/// The three categories of provincial service items.
public enum ServiceCategory: String, Sendable, CaseIterable {
    /// 行政许可事项.
    case administrativeLicensing
    /// 公共服务事项.
    case publicService
    /// 其它九类行权事项.
    case otherPowers
}
