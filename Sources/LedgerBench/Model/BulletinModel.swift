import LedgerDomain
import LedgerParser

/// One synthetic weekly bulletin (窗口工作周报) as facts: what the issue says, before it is
/// written out as text. ``BulletinGenerator`` makes a consistent sequence of them;
/// ``BulletinRenderer`` writes one as PDF-extracted text; ``ExpectedFacts`` says what the
/// ledger's projections must show once it is ingested.
///
/// A section that is absent from ``sections`` is absent from the issue: none of its facts are
/// printed, so none are expected.
public struct BulletinModel: Sendable, Equatable {
    /// The year in the masthead (the year of publication).
    public var year: Int
    /// The issue number within ``year``: 1, 2, 3…
    public var number: Int
    /// The serial number over all years (`总第 422期`).
    public var serial: Int
    /// The publication date, a few days after ``through``.
    public var published: CalendarDate
    /// The Monday of the week reported on.
    public var from: CalendarDate
    /// The Friday of the week reported on: the date the issue's facts are true for.
    public var through: CalendarDate
    /// The sections in the order they are printed (一、二、…).
    public var sections: [Section]
    /// The print run (`（共印 80份）`).
    public var printRun: Int
    /// The last number of a combined issue (`第 5-6期（总第 425-426期）`, two weeks in one); nil
    /// for a single issue. Its serials run as far.
    public var throughNumber: Int? = nil

    /// The numbers the issue covers: 5...6 for a combined issue.
    public var numbers: ClosedRange<Int> { number...(throughNumber ?? number) }
    /// The last serial the issue covers.
    public var throughSerial: Int { serial + numbers.count - 1 }

    /// `2023-06`: the key the ledger gives the issue.
    public var key: String {
        IssueKey.format(year: year, number: number)
    }

    /// One numbered section.
    public enum Section: Sendable, Equatable {
        /// 综窗改革攻坚行动: window counts, authorization, progress.
        case window(WindowSection)
        /// 省级政务服务事项受理办理情况: year-to-date counts per category.
        case serviceItems(ServiceItems)
        /// 窗口工作动态: news and the leaders' visits.
        case news(NewsSection)
        /// 大厅巡查情况: the six inspection items.
        case inspection(Inspection)
    }

    /// The window section's parts; a nil part is a sub-section left out of the issue.
    public var window: WindowSection? {
        for case .window(let section) in sections { return section }
        return nil
    }

    /// The service-item counts, if the issue prints them.
    public var serviceItems: ServiceItems? {
        for case .serviceItems(let section) in sections { return section }
        return nil
    }

    /// The news section, if the issue prints it.
    public var news: NewsSection? {
        for case .news(let section) in sections { return section }
        return nil
    }

    /// The inspection section, if the issue prints it.
    public var inspection: Inspection? {
        for case .inspection(let section) in sections { return section }
        return nil
    }
}

extension BulletinModel {
    /// The comprehensive-window campaign (综窗改革攻坚行动).
    public struct WindowSection: Sendable, Equatable {
        /// 省本级综窗办件情况.
        public var counts: WindowCounts?
        /// 省级部门（单位）事项纳入及授权情况.
        public var authorization: Authorization?
        /// 推进情况: numbered progress items; empty leaves the sub-section out.
        public var progress: [Prose]
    }

    /// The four window metrics of one span of time.
    public struct WindowMetrics: Sendable, Equatable {
        /// 咨询 consultations (人次).
        public var consultations: Int
        /// 受理 accepted (件).
        public var accepted: Int
        /// 颁发 issued (件).
        public var issued: Int
        /// 流转 transferred (件).
        public var transferred: Int

        /// Keyed as the ledger keys them (`consultations`, `accepted`, `issued`, `transferred`).
        public var byKey: [String: Int] {
            ["consultations": consultations, "accepted": accepted, "issued": issued, "transferred": transferred]
        }
    }

    /// This week's and the year-to-date window counts; year to date = last week's + this week's.
    public struct WindowCounts: Sendable, Equatable {
        /// This week's counts.
        public var week: WindowMetrics
        /// The counts since 1 January.
        public var yearToDate: WindowMetrics
    }

    /// How many stationed departments have authorized the comprehensive window.
    public struct Authorization: Sendable, Equatable {
        /// 已进驻…共 N个.
        public var stationed: Int
        /// 已授权…的 N个.
        public var authorized: Int
        /// 较上周新增: the departments authorized since last week, in the order printed.
        public var newlyAuthorized: [NewAuthorization]

        /// 未授权…的 N个.
        public var unauthorized: Int { stationed - authorized }
        /// The authorized share as printed: one decimal, rounded half up (`82.2`).
        public var authorizedShare: String { Self.tenths(authorized, of: stationed) }
        /// The share not authorized as printed (`17.8`).
        public var unauthorizedShare: String { Self.tenths(unauthorized, of: stationed) }

        /// `part` of `whole` in percent to one decimal, half up, in integers.
        static func tenths(_ part: Int, of whole: Int) -> String {
            precondition(whole > 0 && part >= 0, "a share needs a positive whole")
            let tenths = (part * 1000 + whole / 2) / whole
            return "\(tenths / 10).\(tenths % 10)"
        }
    }

    /// A department newly authorized, named as the issue writes it.
    public struct NewAuthorization: Sendable, Equatable {
        /// The canonical name (the registry's first column).
        public var department: String
        /// The name as printed (`省地震局`).
        public var written: String
        /// `（部分事项授权）`: only part of its items.
        public var partial: Bool
    }

    /// Year-to-date service-item counts of one category.
    public struct CategoryCounts: Sendable, Equatable {
        /// The ledger's key: `administrativeLicensing`, `publicService`, `otherPowers`.
        public var category: String
        /// 受理 accepted since 1 January.
        public var accepted: Int
        /// 办结 completed since 1 January (may exceed accepted: backlog).
        public var completed: Int
    }

    /// 省级政务服务事项受理办理情况: from 1 January of ``through``'s year to ``through``.
    public struct ServiceItems: Sendable, Equatable {
        /// The last day counted.
        public var through: CalendarDate
        /// Licensing, public services, the other nine, in that order.
        public var categories: [CategoryCounts]
    }

    /// 窗口工作动态; an empty list leaves its sub-section out.
    public struct NewsSection: Sendable, Equatable {
        /// 优化营商环境工作开展情况.
        public var business: [Prose]
        /// 窗口服务效能提升工作情况.
        public var efficiency: [Prose]
        /// 厅（局）长进大厅.
        public var visits: [Visit]
    }

    /// A department leader's visit to the hall.
    public struct Visit: Sendable, Equatable {
        /// The day of the visit, within the period.
        public var date: CalendarDate
        /// The canonical department.
        public var department: String
        /// The department as printed (`应急厅`, `省司法厅`).
        public var written: String
        /// `["党委委员", "副厅长"]`.
        public var titles: [String]
        /// The leader's name.
        public var person: String
        /// What the leader did, after the name: `来到应急厅窗口调研…。他指出…。`.
        public var account: Prose
    }

    /// 大厅巡查情况: an introduction, then six items with their verdicts.
    public struct Inspection: Sendable, Equatable {
        /// The six items, in order.
        public var items: [InspectionItem]
    }

    /// One inspection item: `（一）按时到岗情况。总体情况良好。`.
    public struct InspectionItem: Sendable, Equatable {
        /// 1…6.
        public var ordinal: Int
        /// `按时到岗情况`.
        public var item: String
        /// `总体情况良好。`, or a finding such as `发现 2名工作人员迟到。`.
        public var verdict: Prose
        /// Whether the verdict is satisfactory (false: a finding a user must see).
        public var satisfactory: Bool
    }
}
