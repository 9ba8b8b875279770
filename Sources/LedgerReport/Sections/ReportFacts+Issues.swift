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

    /// 台账校验: the head and what verify said, so that a printed page can be checked against the log.
    func integritySection() -> String {
        let integrity = report.integrity
        var html = "<section id=\"ledger\" class=\"integrity-section\"><h2>七、台账校验</h2>"
        html += "<p class=\"integrity \(integrity.intact ? "ok" : "damaged")\">"
        html += integrity.intact ? "生成本报告时，<code>ledger verify</code> 校验<strong>完整</strong>：每条记录的哈希、哈希链、序号连续与批次完整均无问题。"
            : "生成本报告时，<code>ledger verify</code> <strong>未通过</strong>：共 \(integrity.problemCount) 处问题。本报告的数字可能不可信。"
        html += "</p><dl class=\"facts\">"
        html += "<dt>最新记录</dt><dd>seq \(report.head.seq)</dd>"
        html += "<dt>最新记录哈希</dt><dd><code class=\"hash\">\(report.head.hash.hex)</code></dd>"
        html += "<dt>日志</dt><dd>EventLog/events.jsonl：\(Numerals.count(integrity.records)) 条记录，\(Numerals.count(integrity.bytes)) 字节</dd>"
        if let asOf = report.asOf { html += "<dt>事实截至</dt><dd>\(Labels.date(asOf))（--as-of \(asOf)）</dd>" }
        if let knownAt = report.knownAt { html += "<dt>记录截至</dt><dd>\(HTML.escape(knownAt.description))（--known-at）</dd>" }
        if let year = report.year { html += "<dt>年份</dt><dd>\(year)年（--year \(year)）</dd>" }
        html += "<dt>生成时间</dt><dd>\(HTML.escape(Labels.instant(report.writtenAt, seconds: true)))</dd></dl>"
        if !integrity.problems.isEmpty {
            html += "<ol class=\"problems\">" + integrity.problems.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ol>"
        }
        if !integrity.notes.isEmpty {
            html += "<ul class=\"notes\">" + integrity.notes.map { "<li>\(HTML.escape(Labels.verifyNote($0)))</li>" }.joined() + "</ul>"
        }
        html += "<p class=\"note\">核对方法：在台账目录运行 <code>ledger verify</code>，其输出的 head 应为 seq \(report.head.seq) 与上列哈希"
        html += "（台账此后追加了记录时，<code>ledger log --from \(report.head.seq)</code> 第一条即本报告所依据的记录）。</p>"
        return html + "</section>"
    }
}
