import LedgerDomain
import LedgerProjections

extension ReportFacts {
    /// 年度累计: each year's year-to-date counts per category, and what each report added.
    func totalsSection() -> String {
        section("totals", "二、省级政务服务事项受理办理情况（年度累计）", empty: totals.isEmpty ? "\(scopePhrase)没有政务服务事项的受理办理数据。" : nil) {
            var html = "<p class=\"note\">每年自1月1日起累计，各年分别统计、不相加。折线为年内累计受理与办结，柱为每期新增受理。</p>"
            for totals in self.totals { html += yearOfTotals(totals) }
            if !earlierTotals.isEmpty { html += earlierYears() }
            return html
        }
    }

    /// The years before those drawn: each year's last figures, a line a year.
    private func earlierYears() -> String {
        "<h3>更早年份</h3>" + table([("年份", .fixed), ("截至", .fixed)] + Labels.categories.map { ("\($0.short)受理", .number) }, earlierTotals.map { totals in
            ["\(totals.year.map(String.init) ?? "—")年", totals.through.map { Labels.monthDay($0) } ?? "—"]
                + Labels.categories.map { Numerals.count(totals.categories[$0.key]?.accepted) }
        }, caption: "各年最后一期的年度累计受理（件）；逐期数字用 --year 年份 查看")
    }

    private func yearOfTotals(_ totals: TotalsProjection) -> String {
        guard let year = totals.year, let through = totals.through, let issue = totals.issue else { return "" }
        var html = "<h3>\(year)年（截至\(Labels.monthDay(through))，\(HTML.escape(Labels.issue(issue)))）</h3>"
        html += table([("类别", .fixed), ("受理", .number), ("办结", .number), ("办结率", .number), ("新增受理", .number), ("新增办结", .number)],
                      Labels.categories.map { category in
            let counts = totals.categories[category.key], change = totals.sincePrevious?[category.key]
            return [category.short, Numerals.count(counts?.accepted), Numerals.count(counts?.completed),
                    counts?.completionRate.map { $0 + "%" } ?? "—", Numerals.signed(change?.accepted), Numerals.signed(change?.completed)]
        }, caption: totals.previousIssue.map { "单位：件；新增：本期较\(Labels.issue($0))的变化" } ?? "单位：件；本年仅一期报告，无法计算本期新增")
        html += "<div class=\"charts\">"
        let start = CalendarDate(year: year, month: 1, day: 1) ?? through
        for category in Labels.categories {
            let (cumulative, increments) = totalsCharts(totals, category: category, dates: start...through)
            html += "<figure data-year=\"\(year)\" data-category=\"\(category.key)\"><figcaption>\(HTML.escape(category.label))</figcaption>"
            html += cumulative.svg(key: "totals-\(year)-\(category.key)") + increments.svg(key: "increments-\(year)-\(category.key)")
            let spanning = increments.series.contains { $0.points.contains(where: \.spans) }
            html += legend([("accepted", "累计受理"), ("completed", "累计办结"), ("increment", "每期新增受理")]
                           + (spanning ? [("increment-spans", "跨缺期的新增（不止一周）")] : [])) + "</figure>"
        }
        return html + "</div>"
    }

    /// A category's year-to-date lines, and its bars of what each report added to "accepted"
    /// (the first report's bar counts from 1 January).
    func totalsCharts(_ totals: TotalsProjection, category: (key: String, label: String, short: String),
                      dates: ClosedRange<CalendarDate>) -> (TimeChart, TimeChart) {
        let series = totals.series
        func line(_ key: String, _ style: String, _ what: String, _ value: (TotalsProjection.Counts?) -> Int?,
                  labelsLast: Bool = true) -> TimeChart.Series {
            TimeChart.Series(key: key, style: style, mark: .line, points: series.map { report in
                let number = value(report.counts[category.key])
                return TimeChart.Point(date: report.through, value: number, note: "\(Labels.issue(report.issue)) \(what) \(Numerals.count(number))")
            }, labelsLast: labelsLast)
        }
        let cumulative = TimeChart(title: "\(category.label)年度累计受理与办结", series: [
            // Accepted drawn last, over completed where the two meet (a year of one report).
            line("completed", "completed", "累计办结", { $0?.completed }, labelsLast: false), line("accepted", "accepted", "累计受理", { $0?.accepted }),
        ], dates: dates, width: ReportFacts.smallChartWidth, height: 150)
        let increments = series.indices.map { index -> TimeChart.Point in
            let report = series[index]
            let now = report.counts[category.key]?.accepted
            let before = index == 0 ? 0 : series[index - 1].counts[category.key]?.accepted
            let added = now.flatMap { now in before.map { now - $0 } }
            let start = index == 0 ? dates.lowerBound : series[index - 1].through
            let days = report.through.daysSinceEpoch - start.daysSinceEpoch
            let spans = days > TimeChart.maximumStepDays
            let since = index == 0 ? "1月1日起" : "较\(Labels.issue(series[index - 1].issue))"
            return TimeChart.Point(date: report.through, value: added,
                                   note: "\(Labels.issue(report.issue)) 新增受理 \(Numerals.signed(added))（\(since)" + (spans ? "，共 \(days) 天，含缺期）" : "）"),
                                   spans: spans)
        }
        let bars = TimeChart(title: "\(category.label)每期新增受理", series: [
            TimeChart.Series(key: "increment", style: "increment", mark: .bars, points: increments, labelsLast: false),
        ], dates: dates, width: ReportFacts.smallChartWidth, height: 92)
        return (cumulative, bars)
    }
}
