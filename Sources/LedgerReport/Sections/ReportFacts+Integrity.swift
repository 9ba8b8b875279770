import LedgerDomain

extension ReportFacts {
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
