import LedgerDomain

/// The hall as the ledger knows it: every fact still standing, from a fold over the records.
///
/// Pure and order-independent in what it answers: facts are kept with their issue and date,
/// and the projections sort by those, never by the order the issues were ingested in.
public struct HallState: Sendable, Equatable {
    /// The version of this fold; a snapshot of another version is rebuilt.
    public static let version = 7

    /// An ingested issue (`issue.published`): its numbers, dates and how many events it gave.
    public struct IssueInfo: Sendable, Equatable {
        public var key: String
        public var year: Int
        public var number: Int
        /// The last number of a combined issue (`第5-6期`: 6); nil for a single issue.
        public var throughNumber: Int? = nil
        public var serial: Int?
        public var published: CalendarDate?
        public var from: CalendarDate?
        public var through: CalendarDate
        public var events: Int
        public var partial: Bool
        public var seq: Int

        /// The numbers the issue covers: 5...6 for a combined `第5-6期`.
        public var numbers: ClosedRange<Int> { number...max(number, throughNumber ?? number) }
    }

    /// One issue's authorization figures (`authorization.reported`), shares as printed.
    public struct AuthorizationReport: Sendable, Equatable {
        public var issue: String
        public var through: CalendarDate
        public var stationed: Int?
        public var authorized: Int?
        public var unauthorized: Int?
        public var authorizedShare: String?
        public var unauthorizedShare: String?
        public var increase: Int?
        public var seq: Int
        /// The departments the issue names as authorized (`授权 3个部门：A、B、C`), as stored; nil when it names none.
        public var authorizedList: [String]? = nil
        /// The departments the issue names as not authorized (`尚未授权的 8个部门为：…`); nil when it names none.
        public var unauthorizedList: [String]? = nil
    }

    /// A department newly authorized in an issue (`department.authorized`).
    public struct NewAuthorization: Sendable, Equatable {
        public var issue: String
        public var through: CalendarDate
        public var department: String
        public var asWritten: String
        public var partial: Bool
        public var seq: Int
    }

    /// One issue's year-to-date counts of one service-item category (`items.counted`).
    public struct ItemCount: Sendable, Equatable {
        public var issue: String
        public var through: CalendarDate
        public var category: String
        public var accepted: Int?
        public var completed: Int?
        public var seq: Int
    }

    /// One issue's comprehensive-window counts, week and year to date (`window.counted`).
    public struct WindowReport: Sendable, Equatable {
        public var issue: String
        public var through: CalendarDate
        public var week: [String: Int]
        public var yearToDate: [String: Int]
        public var seq: Int
    }

    /// A leader's visit (`visit.recorded`), department as stored (projections re-resolve it).
    public struct Visit: Sendable, Equatable {
        public var issue: String
        public var date: CalendarDate
        public var department: String
        public var asWritten: String
        public var person: String
        public var titles: [String]
        public var seq: Int
    }

    /// One inspection verdict (`inspection.recorded`).
    public struct Inspection: Sendable, Equatable {
        public var issue: String
        public var through: CalendarDate
        public var ordinal: Int
        public var item: String
        public var verdict: InspectionVerdict
        public var text: String
        public var seq: Int
    }

    /// A check across issues that failed at ingest (`check.failed`).
    public struct Warning: Sendable, Equatable {
        public var issue: String
        public var check: String
        public var message: String
        public var seq: Int
    }

    /// The parts of the state a snapshot keeps apart, so that a question reads only the ones its
    /// projection needs.
    public enum Part: String, CaseIterable, Sendable, Hashable {
        case issues, authorizations, newlyAuthorized, items, windows, visits, inspections, warnings, registered

        /// Every part: what a fold of the log gives.
        public static let all = Set(allCases)
    }

    /// Which parts this state holds: all of them when folded from the log, fewer when read from
    /// a snapshot for one question. A projection traps if a part it needs is absent.
    public internal(set) var parts: Set<Part> = Part.all

    /// The years of each part kept by year (``Part/isYearly``) that a snapshot holds and this
    /// state did not read: a question that shows only some years reads only those. Empty when
    /// folded from the log. Its rows are absent from the state, so a projection traps if asked
    /// to show one of these years.
    public internal(set) var omittedYears: [Part: Set<Int>] = [:]

    /// The current issues by key (superseded documents removed).
    public internal(set) var issues: [String: IssueInfo] = [:]
    /// Authorization figures by issue key.
    public internal(set) var authorizations: [String: AuthorizationReport] = [:]
    /// Every newly authorized department, in seq order.
    public internal(set) var newlyAuthorized: [NewAuthorization] = []
    /// Service-item counts by issue and category (one of each: a later one replaces it).
    var itemsByKey: [String: ItemCount] = [:]
    /// The service-item counts, in seq order.
    public var items: [ItemCount] { itemsByKey.values.sorted { $0.seq < $1.seq } }
    /// Window counts by issue key.
    public internal(set) var windows: [String: WindowReport] = [:]
    /// Every visit still standing, in seq order.
    public internal(set) var visits: [Visit] = []
    /// Every inspection verdict still standing, in seq order.
    public internal(set) var inspections: [Inspection] = []
    /// Every failed check across issues.
    public internal(set) var warnings: [Warning] = []
    /// Departments and aliases users registered, in the order they were registered.
    public internal(set) var registered: [Department] = []
    /// The last record folded in (seq 0 for none).
    public internal(set) var head: LogHead = .empty
    /// How many records were folded in.
    public internal(set) var recordCount = 0
    /// The repeated strings of the facts, kept once (not part of the state's value).
    var strings = StringPool()

    /// An empty hall.
    public init() {}

    /// Folds in one record that passes `filter`; records must come in seq order.
    public mutating func apply(_ record: EventRecord, filter: TimeFilter = TimeFilter()) {
        head = record.asHead
        recordCount += 1
        guard filter.knows(record) else { return }
        switch record.type {
        case EventType.issueSuperseded:
            retract(Set(record.payload["retracted"]?.array?.compactMap(\.int) ?? []))
            return
        case EventType.factRetracted:
            retract(Set([record.payload["target"]?.int].compactMap { $0 }))
            return
        case EventType.factCorrected:
            applyCorrection(record)
            return
        case EventType.departmentRegistered:
            if let name = record.payload["department"]?.string {
                registered.append(Department(canonical: name, aliases: record.payload["aliases"]?.array?.compactMap(\.string) ?? []))
            }
            return
        default: break
        }
        guard filter.isTrue(record), let issue = record.source?.issue ?? record.payload["issue"]?.string else { return }
        fold(record, issue: issue)
    }

    /// Traps unless the state holds every part in `needed`: answering from a part that was not
    /// read would be answering from nothing.
    public func require(_ needed: Set<Part>) {
        precondition(needed.isSubset(of: parts), "the state lacks the parts \(needed.subtracting(parts).map(\.rawValue).sorted())")
    }

    /// The shipped registry extended by the departments and aliases users registered.
    public var registry: DepartmentRegistry {
        DepartmentRegistry.standard.adding(registered).registry
    }

    /// Removes the facts with these seqs (a superseded issue, a retraction).
    mutating func retract(_ seqs: Set<Int>) {
        guard !seqs.isEmpty else { return }
        issues = issues.filter { !seqs.contains($0.value.seq) }
        authorizations = authorizations.filter { !seqs.contains($0.value.seq) }
        windows = windows.filter { !seqs.contains($0.value.seq) }
        newlyAuthorized.removeAll { seqs.contains($0.seq) }
        itemsByKey = itemsByKey.filter { !seqs.contains($0.value.seq) }
        visits.removeAll { seqs.contains($0.seq) }
        inspections.removeAll { seqs.contains($0.seq) }
        warnings.removeAll { seqs.contains($0.seq) }
    }
}
