import LedgerDomain

/// Reads the masthead: `2023年第 2期（总第 422期）`, the publisher and publication date, the
/// title and the period `（1月 9日—1月 13日）`; and the footer's distribution and print run.
enum HeaderReader {
    static func issue(_ outline: Outline, diagnostics: inout [Diagnostic]) -> Bulletin.Issue? {
        let header = SourceText(outline.header)
        let text = header.text
        let headerLines = header.lineNumbers ?? 1...1
        guard let masthead = text.firstMatch(of: #/(\d{4})年第(\d{1,3})期(?:（总第(\d{1,6})期）)?/#),
              let year = Int(masthead.output.1), let number = Int(masthead.output.2), number >= 1 else {
            diagnostics.append(Diagnostic(.error, .missingHeader,
                "no masthead: the issue line (like 2023年第 2期（总第 422期）) is not in the lines before the first section",
                lines: headerLines))
            return nil
        }
        let afterMasthead = text[masthead.range.upperBound...]
        guard let dateMatch = afterMasthead.firstMatch(of: #/(\d{4})年(\d{1,2})月(\d{1,2})日/#),
              let published = CalendarDate(year: Int(dateMatch.output.1) ?? 0, month: Int(dateMatch.output.2) ?? 0,
                                           day: Int(dateMatch.output.3) ?? 0) else {
            diagnostics.append(Diagnostic(.error, .missingHeader,
                "no publication date (like 2023年 2月 27日) after the issue line", lines: header.lineNumbers(of: masthead.range)))
            return nil
        }
        let publisher = String(afterMasthead[..<dateMatch.range.lowerBound])
        let rest = afterMasthead[dateMatch.range.upperBound...]
        var from: CalendarDate?
        var through = published
        var title: String? = String(rest).trimmingBrackets()
        if let period = rest.firstMatch(of: #/（?(\d{1,2})月(\d{1,2})日[—~至\-]+(?:(\d{1,2})月)?(\d{1,2})日）?/#) {
            let endMonth = period.output.3.flatMap { Int($0) } ?? Int(period.output.1) ?? 0
            if let end = resolve(month: endMonth, day: Int(period.output.4) ?? 0, before: published),
               let start = resolve(month: Int(period.output.1) ?? 0, day: Int(period.output.2) ?? 0, before: end) {
                through = end
                from = start
            }
            title = String(rest[..<period.range.lowerBound])
        } else {
            diagnostics.append(Diagnostic(.warning, .unreadable,
                "no reporting period (like （1月 9日—1月 13日）) in the masthead: the facts are dated by the publication date \(published)",
                lines: headerLines))
        }
        return Bulletin.Issue(
            year: year, number: number, serial: masthead.output.3.flatMap { Int($0) },
            publisher: publisher.isEmpty ? nil : publisher, published: published,
            title: title.flatMap { $0.isEmpty ? nil : $0 }, from: from, through: through,
            printRun: nil, distribution: [], sections: outline.sections.map(\.title),
            provenance: Provenance(header), footer: nil)
    }

    /// The date with this month and day on or before `limit` (a period ends before it is
    /// published; a December period can be published in January).
    static func resolve(month: Int, day: Int, before limit: CalendarDate) -> CalendarDate? {
        for year in [limit.year, limit.year - 1] {
            if let date = CalendarDate(year: year, month: month, day: day), date <= limit { return date }
        }
        return nil
    }

    /// The date with this month and day nearest to `reference` (a visit in the reporting week).
    static func nearest(month: Int, day: Int, to reference: CalendarDate) -> CalendarDate? {
        let candidates = [reference.year - 1, reference.year, reference.year + 1]
            .compactMap { CalendarDate(year: $0, month: month, day: day) }
        return candidates.min { abs($0.daysSinceEpoch - reference.daysSinceEpoch) < abs($1.daysSinceEpoch - reference.daysSinceEpoch) }
    }

    /// `报：` `送：` `发：` lists and `（共印 80份）`.
    static func footer(_ outline: Outline, into issue: inout Bulletin.Issue, diagnostics: inout [Diagnostic]) {
        guard !outline.footer.isEmpty else {
            diagnostics.append(Diagnostic(.error, .missingFooter,
                "no footer (报：/送：/发： and （共印 N份）): the document looks truncated after line \(outline.sections.last?.text.lineNumbers?.upperBound ?? 0)"))
            return
        }
        issue.footer = Provenance(lines: outline.footer)
        for line in outline.footer {
            if let match = line.text.firstMatch(of: #/^(报|送|发|抄送|抄报|印发)：(.*)/#) {
                issue.distribution.append((String(match.output.1), String(match.output.2)))
            } else if let match = line.text.firstMatch(of: #/共印(\d+)份/#) {
                issue.printRun = Int(match.output.1)
            } else if let last = issue.distribution.indices.last {
                issue.distribution[last].text += line.text
            }
        }
    }
}

extension String {
    /// Without surrounding `（）` and spaces.
    func trimmingBrackets() -> String {
        var text = Substring(self)
        while let first = text.first, first == "（" || first == " " { text = text.dropFirst() }
        while let last = text.last, last == "）" || last == " " { text = text.dropLast() }
        return String(text)
    }
}
