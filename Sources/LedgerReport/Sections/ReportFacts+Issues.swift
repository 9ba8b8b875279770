import LedgerDomain
import LedgerProjections

extension ReportFacts {
    /// 期次: each year's numbering with its gaps, and the issues of the latest year shown.
    func issuesSection() -> String {
        section("issues", "六、台账中的周报期次", empty: issues.isEmpty ? "\(scopePhrase)没有周报。" : nil) {
            let gapsByYear = Dictionary(grouping: gaps) { Int($0.prefix(4)) ?? 0 }
            let strip = NumberingStrip(years: Dictionary(grouping: numbered, by: \.year).sorted { $0.key < $1.key }.map { year, ofYear in
                NumberingStrip.Year(year: year, present: Dictionary(ofYear.map { issue in
                    (issue.number, "第 \(issue.number) 期" + (issue.serial.map { "（总第\($0)期）" } ?? "") + "，\(issue.from.map { "\($0) – " } ?? "")\(issue.through)")
                }, uniquingKeysWith: { first, _ in first }),
                gaps: Set((gapsByYear[year] ?? []).compactMap { Int($0.dropFirst(5)) }))
            })
            var html = "<p class=\"lead\">共 <strong>\(issues.count)</strong> 期" + (gaps.isEmpty ? "，期号连续。" :
                "；<span class=\"alert\">期号缺 \(gaps.count) 期：\(gaps.map { HTML.escape(Labels.issue($0)) }.joined(separator: "、"))</span>。") + "</p>"
            html += "<figure class=\"wide\">" + strip.svg()
            html += legend([("issue-present", "台账中"), ("issue-gap", "缺期"), ("issue-before", "台账最早一期之前")]) + "</figure>"
            // The issues the page is about: the report's year's, else the latest numbering year's.
            let listed = report.year != nil ? issues : issues.filter { $0.year == issues.last?.year }
            let gapSet = Set(gaps)
            var rows: [[String]] = [], classes: [String] = []
            var next: HallState.IssueInfo?
            for issue in listed.sorted(by: { ($0.year, $0.number) > ($1.year, $1.number) }) {
                if let later = next, later.year == issue.year {
                    for number in stride(from: later.number - 1, to: issue.number, by: -1)
                    where gapSet.contains(IssueKey.format(year: issue.year, number: number)) {
                        rows.append(["<strong>\(HTML.escape(Labels.issue(IssueKey.format(year: issue.year, number: number))))</strong>", "", "",
                                     "缺：台账中没有这一期", ""])
                        classes.append("gap")
                    }
                }
                rows.append([HTML.escape(Labels.issue(issue.key)) + (issue.partial ? "<span class=\"badge partial\">不完整</span>" : ""),
                             issue.serial.map(String.init) ?? "—", issue.published?.description ?? "—",
                             Labels.period(issue.from, issue.through, numberedIn: issue.year), String(issue.events)])
                classes.append("")
                next = issue
            }
            let caption = report.year.map { "周期止于\($0)年的各期（新在前）" }
                ?? "\(listed.last?.year ?? 0)年各期（新在前）" + (Set(numbered.map(\.year)).count > 1 ? "；其他年份见上图" : "")
            html += table([("期次", .fixed), ("总期号", .number), ("印发日期", .fixed), ("周期", .text), ("事件数", .number)], rows,
                          caption: caption, rowClasses: classes)
            return html
        }
    }
}
