import LedgerDomain
import LedgerProjections

extension ReportFacts {
    /// How many inspection items get a row of their own in the chart; the rest share one.
    static let inspectionRows = 10
    /// How many of the latest findings are written out; the chart shows every one.
    static let findingRows = 20

    /// 大厅巡查: the findings first and highlighted, then every verdict on a timeline.
    func inspectionsSection() -> String {
        section("inspections", "五、大厅巡查情况", empty: inspections.isEmpty ? "\(scopePhrase)没有大厅巡查记录。" : nil) {
            let findings = inspections.filter { $0.verdict == .finding }
            var html: String
            if findings.isEmpty && unclassifiedInspections.isEmpty {
                html = "<p class=\"lead good\">巡查未发现问题：\(Set(inspections.map(\.issue)).count) 期周报的 \(inspections.count) 项巡查结论均为良好。</p>"
            } else if findings.isEmpty {
                html = "<p class=\"lead\">巡查未发现问题。</p>"
            } else {
                html = "<p class=\"lead alert\">巡查发现问题 <strong>\(findings.count)</strong> 项（共 \(inspections.count) 项结论）"
                html += findings.count > Self.findingRows ? "，以下为最近 \(Self.findingRows) 项（全部见 ledger project inspections）：</p>" : "：</p>"
                html += "<ul class=\"findings\">"
                for finding in findings.reversed().prefix(Self.findingRows) {
                    html += "<li class=\"finding\"><span class=\"finding-when\">\(finding.through.description) · \(HTML.escape(Labels.issue(finding.issue)))</span>"
                    html += "<strong>\(HTML.escape(finding.item))</strong>：\(HTML.escape(finding.text))</li>"
                }
                html += "</ul>"
            }
            html += unclassifiedList()
            if let dates {
                html += "<figure class=\"wide\">" + inspectionChart(dates: dates).svg(key: "inspections")
                html += legend([("satisfactory", "良好"), ("finding", "发现问题"), ("unclassified", "待核实")]) + "<figcaption>每行一个巡查项目，每格一期周报的结论；右侧为该项目发现问题的次数</figcaption></figure>"
            }
            return html
        }
    }

    /// A row per inspection item (the most frequent ones; the others together), a square per verdict.
    func inspectionChart(dates: ClosedRange<CalendarDate>) -> LaneChart {
        var counts: [String: Int] = [:]
        for inspection in inspections { counts[inspection.item, default: 0] += 1 }
        let firstSeen = Dictionary(inspections.enumerated().map { ($0.element.item, $0.offset) }, uniquingKeysWith: min)
        let items = counts.keys.sorted { (counts[$1] ?? 0, firstSeen[$0] ?? 0) < (counts[$0] ?? 0, firstSeen[$1] ?? 0) }
        let ownRows = items.count > Self.inspectionRows ? Array(items.prefix(Self.inspectionRows - 1)) : items
        let own = Set(ownRows)
        var lanes = ownRows.map { item in LaneChart.Lane(label: item, marks: [], trailing: nil) }
        if items.count > ownRows.count { lanes.append(LaneChart.Lane(label: "其他项目", marks: [], trailing: nil)) }
        let index = Dictionary(uniqueKeysWithValues: ownRows.enumerated().map { ($0.element, $0.offset) })
        for inspection in inspections {
            let row = own.contains(inspection.item) ? index[inspection.item] ?? lanes.count - 1 : lanes.count - 1
            lanes[row].marks.append(LaneChart.Mark(date: inspection.through, style: inspection.verdict.rawValue,
                                                   note: "\(Labels.issue(inspection.issue)) \(inspection.item)：\(inspection.text)"))
        }
        // Findings are drawn last, over any other verdict of the same week in a shared row.
        let drawOrder = ["satisfactory": 0, "unclassified": 1, "finding": 2]
        for row in lanes.indices { lanes[row].marks.sort { (drawOrder[$0.style] ?? 0) < (drawOrder[$1.style] ?? 0) } }
        for row in lanes.indices {
            let found = lanes[row].marks.filter { $0.style == "finding" }.count
            lanes[row].trailing = found > 0 ? "\(found)次" : nil
        }
        return LaneChart(title: "大厅巡查：各项目每期结论", lanes: lanes, dates: dates, squares: true)
    }

    /// Verdicts whose wording says neither good nor a problem, never counted as either.
    var unclassifiedInspections: [HallState.Inspection] { inspections.filter { $0.verdict == .unclassified } }

    /// The verdicts a person must read (待核实), each with its seq to settle it by.
    func unclassifiedList() -> String {
        let unclassified = unclassifiedInspections
        guard !unclassified.isEmpty else { return "" }
        var html = "<p class=\"lead alert\">待核实 <strong>\(unclassified.count)</strong> 项：结论的措辞既非良好也非发现问题，未计入以上两类，需人工核实（ledger correct SEQ --set verdict=…）"
        html += unclassified.count > Self.findingRows ? "，以下为最近 \(Self.findingRows) 项：</p>" : "：</p>"
        html += "<ul class=\"findings unclassified\">"
        for item in unclassified.reversed().prefix(Self.findingRows) {
            html += "<li class=\"unclassified\"><span class=\"finding-when\">\(item.through.description) · \(HTML.escape(Labels.issue(item.issue))) · seq \(item.seq)</span>"
            html += "<strong>\(HTML.escape(item.item))</strong>：\(HTML.escape(item.text))</li>"
        }
        return html + "</ul>"
    }
}
