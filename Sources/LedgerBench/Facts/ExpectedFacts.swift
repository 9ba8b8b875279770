import LedgerDomain

/// What the ledger's projections must show once a sequence of model issues is ingested: the
/// facts each issue prints, gathered the way the projections gather them.
///
/// Built from the model alone, never from the parser, so a test comparing the two checks the
/// whole way from text to projection.
public struct ExpectedFacts: Sendable, Equatable {
    /// An ingested issue (`project issues`).
    public struct Issue: Sendable, Equatable {
        /// `2023-06`: year and issue number.
        public var key: String
        /// The serial number over all years.
        public var serial: Int
        /// The publication date.
        public var published: CalendarDate
        /// The period's first day (a Monday).
        public var from: CalendarDate
        /// The period's last day: the date the facts are true for.
        public var through: CalendarDate
        /// The last number of a combined issue, nil for a single one.
        public var throughNumber: Int? = nil
    }

    /// One authorization report (`project authorization`, `history`).
    public struct AuthorizationReport: Sendable, Equatable {
        /// The key of the issue the fact comes from.
        public var issue: String
        /// The period's last day: the date the facts are true for.
        public var through: CalendarDate
        /// Departments stationed in the hall.
        public var stationed: Int
        /// Departments that authorized the window.
        public var authorized: Int
        /// Departments that have not.
        public var unauthorized: Int
        /// The authorized share to one decimal, as the counts give it.
        public var share: String
    }

    /// A department named as newly authorized (`authorizedDepartments`).
    public struct AuthorizedDepartment: Sendable, Equatable {
        /// Canonical name.
        public var department: String
        /// Only part of its items (部分事项授权).
        public var partial: Bool
        /// The period's end of the issue that named it.
        public var since: CalendarDate
        /// The key of the issue the fact comes from.
        public var issue: String
    }

    /// Accepted and completed of one category.
    public struct Counts: Sendable, Equatable {
        /// 受理 accepted since 1 January.
        public var accepted: Int
        /// 办结 completed since 1 January.
        public var completed: Int
    }

    /// A year's latest service-item totals (`project totals --year Y`).
    public struct Totals: Sendable, Equatable {
        /// The year of the period's end.
        public var year: Int
        /// The key of the issue the fact comes from.
        public var issue: String
        /// The period's last day: the date the facts are true for.
        public var through: CalendarDate
        /// By the ledger's category key.
        public var categories: [String: Counts]
    }

    /// One window report (`project window`, `history`).
    public struct WindowReport: Sendable, Equatable {
        /// The key of the issue the fact comes from.
        public var issue: String
        /// The period's last day: the date the facts are true for.
        public var through: CalendarDate
        /// This week's counts, by metric key.
        public var week: [String: Int]
        /// The counts since 1 January, by metric key.
        public var yearToDate: [String: Int]
    }

    /// A leader's visit (`project visits`).
    public struct Visit: Sendable, Equatable {
        /// The key of the issue the fact comes from.
        public var issue: String
        /// The day of the visit.
        public var date: CalendarDate
        /// Canonical name.
        public var department: String
        /// The leader's name.
        public var person: String
        /// The leader's titles, in order.
        public var titles: [String]
    }

    /// An inspection verdict (`project inspections`).
    public struct Inspection: Sendable, Equatable {
        /// The key of the issue the fact comes from.
        public var issue: String
        /// The period's last day: the date the facts are true for.
        public var through: CalendarDate
        /// The item's number, 1…6.
        public var ordinal: Int
        /// The item inspected.
        public var item: String
        /// What the parser must read the verdict as.
        public var verdict: InspectionVerdict
        /// The verdict as the parser reads it: ASCII digits, no spaces.
        public var text: String
    }

    /// How many news and progress paragraphs an issue prints.
    public struct NoteCounts: Sendable, Equatable {
        /// News paragraphs (窗口工作动态, visits excluded).
        public var news: Int
        /// Progress items (推进情况).
        public var progress: Int
    }

    /// Issues in the order of their periods.
    public var issues: [Issue] = []
    /// Authorization reports, in the order of their periods.
    public var authorizationHistory: [AuthorizationReport] = []
    /// Departments named as newly authorized, in the order named.
    public var authorizedDepartments: [AuthorizedDepartment] = []
    /// Each year's latest totals, by year.
    public var totals: [Int: Totals] = [:]
    /// Window reports, in the order of their periods.
    public var windowHistory: [WindowReport] = []
    /// Leaders' visits.
    public var visits: [Visit] = []
    /// Inspection verdicts.
    public var inspections: [Inspection] = []
    /// News and progress paragraphs per issue key (what the parser must find; not folded).
    public var notes: [String: NoteCounts] = [:]

    /// The facts of one issue.
    public init(_ issue: BulletinModel) {
        self.init([issue])
    }

    /// The facts of a sequence of issues, in any order; each issue key at most once.
    public init(_ issues: [BulletinModel]) {
        for issue in issues.sorted(by: { ($0.through, $0.key) < ($1.through, $1.key) }) { add(issue) }
    }

    /// The latest authorization report, if any issue printed one.
    public var authorizationLatest: AuthorizationReport? { authorizationHistory.last }

    /// The departments the latest authorization report names as new.
    public var newlyAuthorizedLatest: [AuthorizedDepartment] {
        authorizedDepartments.filter { $0.issue == authorizationLatest?.issue }
    }

    /// How many inspection verdicts are findings.
    public var findings: Int { inspections.filter { $0.verdict == .finding }.count }

    private mutating func add(_ issue: BulletinModel) {
        let key = issue.key
        issues.append(Issue(key: key, serial: issue.serial, published: issue.published, from: issue.from, through: issue.through,
                            throughNumber: issue.throughNumber))
        if let status = issue.window?.authorization {
            authorizationHistory.append(AuthorizationReport(
                issue: key, through: issue.through, stationed: status.stationed, authorized: status.authorized,
                unauthorized: status.unauthorized, share: status.authorizedShare))
            authorizedDepartments += status.newlyAuthorized.map {
                AuthorizedDepartment(department: $0.department, partial: $0.partial, since: issue.through, issue: key)
            }
        }
        if let counts = issue.window?.counts {
            windowHistory.append(WindowReport(issue: key, through: issue.through, week: counts.week.byKey,
                                              yearToDate: counts.yearToDate.byKey))
        }
        if let items = issue.serviceItems {
            totals[items.through.year] = Totals(
                year: items.through.year, issue: key, through: items.through,
                categories: Dictionary(uniqueKeysWithValues: items.categories.map {
                    ($0.category, Counts(accepted: $0.accepted, completed: $0.completed))
                }))
        }
        visits += (issue.news?.visits ?? []).map {
            Visit(issue: key, date: $0.date, department: $0.department, person: $0.person, titles: $0.titles)
        }
        inspections += (issue.inspection?.items ?? []).map {
            Inspection(issue: key, through: issue.through, ordinal: $0.ordinal, item: $0.item,
                       verdict: $0.satisfactory ? .satisfactory : .finding, text: $0.verdict.plain)
        }
        let news = (issue.news?.business.count ?? 0) + (issue.news?.efficiency.count ?? 0)
        notes[key] = NoteCounts(news: news, progress: issue.window?.progress.count ?? 0)
    }
}
