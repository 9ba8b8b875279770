import LedgerDomain

/// The page's building blocks: sections, legends, tables.
extension ReportFacts {
    /// A section with its heading, or the heading and a line saying there is nothing to show.
    func section(_ anchor: String, _ title: String, empty: String?, _ body: () -> String) -> String {
        var html = "<section id=\"\(anchor)\"><h2>\(HTML.escape(title))</h2>"
        if let empty {
            html += "<p class=\"empty\">\(HTML.escape(empty))</p>"
        } else {
            html += body()
        }
        return html + "</section>"
    }

    /// "截至 2023年1月20日" / "" , for sentences that say nothing was found.
    var scopePhrase: String {
        var phrase = report.year.map { "\($0)年" } ?? ""
        if let asOf = report.asOf { phrase += "截至\(Labels.date(asOf))" }
        if let knownAt = report.knownAt { phrase += (phrase.isEmpty ? "" : "、") + "按\(Labels.instant(knownAt))前的记录" }
        return phrase.isEmpty ? "台账中" : phrase + "，台账中"
    }

    /// A legend under a chart: a swatch per series.
    func legend(_ entries: [(style: String, label: String)]) -> String {
        "<p class=\"legend\">" + entries.map { "<span class=\"key s-\($0.style)\"><i></i>\(HTML.escape($0.label))</span>" }.joined() + "</p>"
    }

    /// How a table's column is set: text that wraps, numbers to the right, or text kept on one line.
    enum Column {
        case text, number, fixed

        var attribute: String {
            switch self {
            case .text: return ""
            case .number: return " class=\"num\""
            case .fixed: return " class=\"fixed\""
            }
        }
    }

    /// A table in a box that scrolls sideways on a narrow screen rather than widen the page;
    /// the cells are HTML, escaped by the caller.
    func table(_ headers: [(String, Column)], _ rows: [[String]], caption: String? = nil, rowClasses: [String]? = nil) -> String {
        var html = "<div class=\"table-wrap\"><table>" + (caption.map { "<caption>\(HTML.escape($0))</caption>" } ?? "") + "<thead><tr>"
        html += headers.map { "<th\($0.1.attribute)>\(HTML.escape($0.0))</th>" }.joined() + "</tr></thead><tbody>"
        for (index, row) in rows.enumerated() {
            let rowClass = rowClasses.map { $0[index] } ?? ""
            html += "<tr\(rowClass.isEmpty ? "" : " class=\"\(rowClass)\"")>"
            html += zip(headers, row).map { "<td\($0.0.1.attribute)>\($0.1)</td>" }.joined() + "</tr>"
        }
        return html + "</tbody></table></div>"
    }
}
