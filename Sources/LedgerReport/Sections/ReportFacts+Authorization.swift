import LedgerDomain
import LedgerProjections

extension ReportFacts {
    /// How many of the latest authorization reports the table lists: a quarter of weekly issues.
    static let authorizationRows = 13

    /// 授权进度: authorized and stationed departments week by week, the latest newly authorized.
    func authorizationSection() -> String {
        let history = authorizationHistory
        return section("authorization", "一、综合窗口授权进度", empty: history.isEmpty ? "\(scopePhrase)没有授权情况的报告。" : nil) {
            var html = ""
            if let latest = history.last {
                html += "<p class=\"lead\">截至\(Labels.date(latest.through))（\(HTML.escape(Labels.issue(latest.issue)))），进驻大厅的 "
                html += "<strong>\(Numerals.count(latest.stationed))</strong> 个省级部门中，已有 <strong>\(Numerals.count(latest.authorized))</strong> 个"
                html += "授权无差别综合窗口受理，占比 <strong>\(Labels.percent(latest.share))</strong>；未授权 \(Numerals.count(latest.unauthorized)) 个。</p>"
            }
            html += "<figure class=\"wide\">" + authorizationChart(history).svg(key: "authorization")
            html += legend([("stationed", "进驻部门"), ("authorized", "已授权部门")])
            html += "<figcaption>每期周报报告的进驻部门数与已授权部门数" + (history.count == 1 ? "（仅一期报告）" : "") + "</figcaption></figure>"
            if !newlyAuthorized.isEmpty, let latest = history.last {
                html += "<p>本期（\(HTML.escape(Labels.issue(latest.issue)))）新增授权：" + newlyAuthorized.map { department in
                    HTML.escape(department.department) + (department.partial ? "<span class=\"badge partial\">部分事项授权</span>" : "")
                }.joined(separator: "、") + "</p>"
            }
            let known = authorization.authorizedDepartments.filter { department in report.year.map { department.since.year <= $0 } ?? true }
            if !known.isEmpty {
                html += table([("部门", .text), ("首次报告授权", .fixed), ("期次", .fixed)], known.map { department in
                    [HTML.escape(department.department) + (department.partial ? "<span class=\"badge partial\">部分事项授权</span>" : ""),
                     department.since.description, HTML.escape(Labels.issue(department.issue))]
                }, caption: "台账记录的新增授权部门（共 \(known.count) 个；更早授权的部门周报中未列名）")
            }
            let rows = history.suffix(Self.authorizationRows).reversed()
            html += table([("截至", .fixed), ("期次", .fixed), ("进驻", .number), ("已授权", .number), ("未授权", .number), ("占比", .number)], rows.map { row in
                [row.through.description, HTML.escape(Labels.issue(row.issue)), Numerals.count(row.stationed), Numerals.count(row.authorized),
                 Numerals.count(row.unauthorized), Labels.percent(row.share)]
            }, caption: rows.count < history.count ? "最近 \(rows.count) 期的授权情况（新在前；共 \(history.count) 期，见上图）" : "各期授权情况（新在前）")
            return html
        }
    }

    /// The chart: stationed as a line, authorized as the area under its line.
    func authorizationChart(_ history: [AuthorizationProjection.Report]) -> TimeChart {
        func point(_ report: AuthorizationProjection.Report, _ value: Int?, _ what: String) -> TimeChart.Point {
            TimeChart.Point(date: report.through, value: value,
                            note: "\(Labels.issue(report.issue)) \(what) \(Numerals.count(value))" + (report.share.map { "（占比 \($0)%）" } ?? ""))
        }
        return TimeChart(title: "综合窗口授权进度：进驻部门与已授权部门", series: [
            TimeChart.Series(key: "stationed", style: "stationed", mark: .line, points: history.map { point($0, $0.stationed, "进驻部门") }),
            TimeChart.Series(key: "authorized", style: "authorized", mark: .area, points: history.map { point($0, $0.authorized, "已授权") }),
        ], dates: dates, height: 210)
    }
}
