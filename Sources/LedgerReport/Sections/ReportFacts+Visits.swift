import LedgerDomain
import LedgerProjections

extension ReportFacts {
    /// How many of the latest visits the table lists; the chart shows them all.
    static let visitRows = 30

    /// 厅（局）长进大厅: every visit on a timeline, a row per department, and the latest listed.
    func visitsSection() -> String {
        section("visits", "四、厅（局）长进大厅", empty: visits.isEmpty ? "\(scopePhrase)没有厅（局）长进大厅的记录。" : nil) {
            let byDepartment = Dictionary(grouping: visits, by: \.department)
            let departments = byDepartment.keys.sorted { (byDepartment[$1]?.count ?? 0, $0) < (byDepartment[$0]?.count ?? 0, $1) }
            var html = "<p class=\"lead\">共 <strong>\(visits.count)</strong> 次，来自 <strong>\(departments.count)</strong> 个部门。</p>"
            if let dates {
                let chart = LaneChart(title: "厅（局）长进大厅：各部门的来访日期", lanes: departments.map { department in
                    let ofDepartment = byDepartment[department] ?? []
                    return LaneChart.Lane(label: department, marks: ofDepartment.map { visit in
                        LaneChart.Mark(date: visit.date, style: "visit", note: "\(department) \(visit.person)（\(visit.titles.joined(separator: "、"))）")
                    }, trailing: "\(ofDepartment.count)次")
                }, dates: dates)
                html += "<figure class=\"wide\">" + chart.svg(key: "visits") + "<figcaption>每行一个部门，每点一次来访；右侧为次数</figcaption></figure>"
            }
            let latest = visits.reversed().prefix(Self.visitRows)
            html += table([("日期", .fixed), ("部门", .text), ("领导", .fixed), ("职务", .text), ("期次", .fixed)], latest.map { visit in
                [visit.date.description, HTML.escape(visit.department), HTML.escape(visit.person),
                 HTML.escape(visit.titles.joined(separator: "、")), HTML.escape(Labels.issue(visit.issue))]
            }, caption: visits.count > Self.visitRows ? "最近 \(Self.visitRows) 次（共 \(visits.count) 次，全部见 ledger project visits）" : "全部来访（新在前）")
            return html
        }
    }
}
