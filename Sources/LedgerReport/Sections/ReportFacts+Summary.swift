import LedgerDomain
import LedgerProjections

extension ReportFacts {
    /// The title, what the page covers, and whether the ledger verified.
    func header() -> String {
        var html = "<header><p class=\"kicker\">政务服务大厅 · 窗口工作周报</p><h1>窗口工作周报台账报告"
        html += report.year.map { "<span class=\"year\">\($0)年</span>" } ?? ""
        html += "</h1><p class=\"scope\">"
        var scope: [String] = []
        if let through, let latest = latestIssue {
            scope.append("数据截至 <strong>\(Labels.date(through))</strong>（\(HTML.escape(Labels.issue(latest.key)))"
                         + (latest.serial.map { "，总第\($0)期" } ?? "") + "）")
            scope.append("共 \(issues.count) 期周报")
        } else {
            scope.append("<strong>台账中尚无" + (report.year.map { "\($0)年" } ?? "") + "周报" + (report.asOf.map { "（截至\(Labels.date($0))）" } ?? "") + "</strong>")
        }
        if let asOf = report.asOf { scope.append("按 \(Labels.date(asOf)) 及以前的事实（--as-of \(asOf)）") }
        if let knownAt = report.knownAt { scope.append("按台账 \(HTML.escape(Labels.instant(knownAt))) 前的记录") }
        scope.append("生成于 \(HTML.escape(Labels.instant(report.writtenAt)))")
        html += scope.joined(separator: " · ") + "</p>"
        if isCut, let shown = shownYears, let first = years.first, let last = years.last {
            html += "<p class=\"scope cut\">台账中有 \(first)–\(last) 年共 \(years.count) 年的数据；本页的图表与明细为最近 \(shown.count) 年"
            html += "（\(shown.lowerBound)–\(shown.upperBound) 年），期次一节含全部年份。更早的年份用 <code>ledger report --year 年份</code> 生成。</p>"
        }
        html += "<p class=\"integrity \(report.integrity.intact ? "ok" : "damaged")\">"
        html += report.integrity.intact ? "台账校验：<strong>完整</strong>" : "台账校验：<strong>未通过（\(report.integrity.problemCount) 处问题，见文末）</strong>"
        html += " · 最新记录 seq \(report.head.seq) · 哈希 <code>\(report.head.hash.hex.prefix(16))…</code></p></header>"
        return html
    }

    /// The figures a reader wants first, each linking to its section.
    func summaryCards() -> String {
        var cards: [String] = []
        if let latest = authorizationHistory.last {
            let width = latest.share.flatMap(Double.init).map { min(max($0, 0), 100) } ?? 0
            cards.append(card("authorization", "综合窗口授权", "\(Numerals.count(latest.authorized)) / \(Numerals.count(latest.stationed))",
                              "已授权部门占进驻部门 \(Labels.percent(latest.share))",
                              extra: "<div class=\"meter\" role=\"img\" aria-label=\"授权占比 \(Labels.percent(latest.share))\"><span style=\"width:\(Numerals.coordinate(width))%\"></span></div>"))
        }
        if let totals = totals.first, let year = totals.year {
            let others = Labels.categories.filter { $0.key != "publicService" }.map { category in
                "\(category.short) \(Numerals.count(totals.categories[category.key]?.accepted))"
            }
            cards.append(card("totals", "\(year)年公共服务事项累计受理", Numerals.count(totals.categories["publicService"]?.accepted),
                              others.joined(separator: " · ") + "（件）"))
        }
        if let window = windows.last {
            cards.append(card("window", "综窗受理（\(Labels.issue(window.issue))）", Numerals.count(window.week["accepted"]),
                              "\(Labels.monthDay(window.through))止一周 · 颁发 \(Numerals.count(window.week["issued"])) · 流转 \(Numerals.count(window.week["transferred"])) · 咨询 \(Numerals.count(window.week["consultations"])) 人次"))
        }
        if !inspections.isEmpty {
            let findings = inspections.filter { $0.verdict == .finding }.count
            let unclassified = inspections.filter { $0.verdict == .unclassified }.count
            cards.append(card("inspections", "大厅巡查发现", "\(findings) 项",
                              "共 \(inspections.count) 项巡查结论" + (unclassified > 0 ? " · \(unclassified) 项待核实" : ""),
                              tone: findings > 0 || unclassified > 0 ? "alert" : "good"))
        }
        if !visits.isEmpty {
            cards.append(card("visits", "厅（局）长进大厅", "\(visits.count) 次", "\(Set(visits.map(\.department)).count) 个部门"))
        }
        if !issues.isEmpty {
            cards.append(card("issues", "台账中的周报", "\(issues.count) 期", gaps.isEmpty ? "期号无缺漏" : "期号缺 \(gaps.count) 期",
                              tone: gaps.isEmpty ? "" : "warn"))
        }
        guard !cards.isEmpty else { return "" }
        return "<section class=\"cards\" aria-label=\"要点\">" + cards.joined() + "</section>"
    }

    private func card(_ anchor: String, _ title: String, _ value: String, _ detail: String,
                      tone: String = "", extra: String = "") -> String {
        "<a class=\"card \(tone)\" href=\"#\(anchor)\"><span class=\"card-title\">\(HTML.escape(title))</span>"
            + "<span class=\"card-value\">\(HTML.escape(value))</span>"
            + extra + "<span class=\"card-detail\">\(detail)</span></a>"
    }
}
