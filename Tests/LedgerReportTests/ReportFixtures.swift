import LedgerDomain
@testable import LedgerProjections
@testable import LedgerReport
import LedgerFormats

/// Hall states made directly, week by week, for the report's tests: any length of history,
/// with gaps in the numbering, unreported values, findings and visits, from a seed.
enum ReportFixtures {
    static let departments = ["应急管理厅", "交通运输厅", "司法厅", "地震局", "测绘地理信息局", "公安厅", "<b>&\"厅'</b>"]
    static let items = ["按时到岗情况", "工作区域标准化执行情况", "着装情况", "工作牌佩戴情况", "纪律秩序", "大厅防控情况"]

    /// `weeks` weekly issues from the first Friday of 2023, every `skipEvery`-th number missing
    /// from the ledger (a gap), values left unreported now and then.
    static func state(weeks: Int, seed: UInt64 = 1, skipEvery: Int = 7) -> HallState {
        var random = SplitMix64(seed: seed)
        var state = HallState()
        var seq = 0
        func nextSeq() -> Int { seq += 1; return seq }
        var authorized = 20
        var ytd: [String: (Int, Int)] = [:]
        var windowYTD: [String: Int] = [:]
        var year = 0
        var number = 0
        let firstFriday = CalendarDate(year: 2023, month: 1, day: 6) ?? CalendarDate(daysSinceEpoch: 0)
        for week in 0..<weeks {
            let through = firstFriday.adding(days: 7 * week)
            if through.year != year {
                year = through.year
                number = 0
                ytd = [:]
                windowYTD = [:]
            }
            number += 1
            if skipEvery > 0 && week % skipEvery == skipEvery - 1 { continue }
            let key = IssueKey.format(year: year, number: number)
            state.issues[key] = HallState.IssueInfo(key: key, year: year, number: number, serial: 420 + week + 1,
                                                    published: through.adding(days: 10), from: through.adding(days: -4),
                                                    through: through, events: 20, partial: false, seq: nextSeq())
            if random.chance(0.85) {
                if random.chance(0.20) && authorized < 45 { authorized += 1 }
                state.authorizations[key] = HallState.AuthorizationReport(
                    issue: key, through: through, stationed: 45, authorized: random.chance(0.95) ? authorized : nil,
                    unauthorized: 45 - authorized, authorizedShare: nil, unauthorizedShare: nil, increase: nil, seq: nextSeq())
                if random.chance(0.30) {
                    state.newlyAuthorized.append(HallState.NewAuthorization(
                        issue: key, through: through, department: departments[random.int(in: 0...departments.count - 1)],
                        asWritten: "", partial: random.chance(0.30), seq: nextSeq()))
                }
            }
            for category in TotalsProjection.categories where random.chance(0.95) {
                let (accepted, completed) = ytd[category] ?? (0, 0)
                let now = (accepted + random.int(in: 100...5000), completed + random.int(in: 100...5000))
                ytd[category] = now
                state.itemsByKey[key + "/" + category] = HallState.ItemCount(
                    issue: key, through: through, category: category, accepted: now.0, completed: random.chance(0.97) ? now.1 : nil, seq: nextSeq())
            }
            if random.chance(0.80) {
                var week: [String: Int] = [:]
                for metric in WindowProjection.metrics where random.chance(0.95) {
                    week[metric] = random.int(in: 0...3000)
                    windowYTD[metric, default: 0] += week[metric] ?? 0
                }
                state.windows[key] = HallState.WindowReport(issue: key, through: through, week: week, yearToDate: windowYTD, seq: nextSeq())
            }
            for _ in 0..<random.int(in: 0...2) {
                let department = departments[random.int(in: 0...departments.count - 1)]
                state.visits.append(HallState.Visit(issue: key, date: through.adding(days: -random.int(in: 0...4)), department: department,
                                                    asWritten: department, person: "王\(random.int(in: 1...9))", titles: ["副厅长"], seq: nextSeq()))
            }
            for (ordinal, item) in items.enumerated() {
                let finding = random.chance(0.04)
                state.inspections.append(HallState.Inspection(
                    issue: key, through: through, ordinal: ordinal + 1, item: item, verdict: finding ? .finding : .satisfactory,
                    text: finding ? "发现 \(random.int(in: 1...3)) 名工作人员迟到 <早退> & 离岗。" : "总体情况良好。", seq: nextSeq()))
            }
        }
        return state
    }

    static let intact = HallReport.Integrity(intact: true, records: 40, bytes: 41_899, problems: [], problemCount: 0,
                                             notes: ["Snapshots/hall.snapshot matches the log at seq 40"])

    static let head = LogHead(seq: Seq(40), hash: SHA256.hash(Array("head".utf8)))

    /// The page of `state`.
    static func page(_ state: HallState, year: Int? = nil, asOf: CalendarDate? = nil,
                     integrity: HallReport.Integrity = intact) -> String {
        HallReport(state: state, asOf: asOf, knownAt: nil, year: year, head: head, integrity: integrity,
                   writtenAt: Instant(millisecondsSinceEpoch: 1_796_000_000_000)).html()
    }
}
