import LedgerDomain
import LedgerProjections

extension ReportFacts {
    /// 综窗办件: the latest week and year to date, and each count week by week.
    func windowSection() -> String {
        section("window", "三、省本级综窗办件情况", empty: windows.isEmpty ? "\(scopePhrase)没有综窗办件数据。" : nil) {
            guard let latest = windows.last else { return "" }
            var html = table([("", .fixed), ("本周", .number), ("本年累计", .number)], Labels.windowMetrics.map { metric in
                ["\(metric.label)（\(metric.unit)）", Numerals.count(latest.week[metric.key]), Numerals.count(latest.yearToDate[metric.key])]
            }, caption: "\(Labels.issue(latest.issue))，截至\(Labels.date(latest.through))")
            html += "<div class=\"charts pairs\">"
            for metric in Labels.windowMetrics {
                html += "<figure data-metric=\"\(metric.key)\"><figcaption>每周\(metric.label)（\(metric.unit)）</figcaption>"
                let reported = windows.contains { $0.week[metric.key] != nil }
                html += (reported ? windowChart(metric).svg(key: "window-\(metric.key)") : "<p class=\"empty\">各期均未报告</p>") + "</figure>"
            }
            return html + "</div>"
        }
    }

    /// One count's weekly bars.
    func windowChart(_ metric: (key: String, label: String, unit: String)) -> TimeChart {
        TimeChart(title: "每周\(metric.label)（\(metric.unit)）", series: [
            TimeChart.Series(key: metric.key, style: "window", mark: .bars, points: windows.map { report in
                let value = report.week[metric.key]
                return TimeChart.Point(date: report.through, value: value,
                                       note: "\(Labels.issue(report.issue)) 本周\(metric.label) \(Numerals.count(value)) \(metric.unit)，本年累计 \(Numerals.count(report.yearToDate[metric.key]))")
            }),
        ], dates: dates, width: ReportFacts.smallChartWidth, height: 130)
    }
}
