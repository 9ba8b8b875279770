import LedgerDomain

/// Reads the masthead: `2023年第 2期（总第 422期）`, the publisher and publication date, the
/// title and the period `（1月 9日—1月 13日）`; and the footer's distribution and print run.
enum HeaderReader {
    // Regexes are immutable once built; Regex is just not marked Sendable.
    /// `2023年第 2期（总第 422期）`, and a combined issue `2023年第 5-6期（总第 425-426期）` (`5—6`, `5、6`).
    nonisolated(unsafe) static let mastheadPattern =
        #/([0-9]{4})年第([0-9]{1,3})(?:[—~〜∼\-‐‑‒–−、至]([0-9]{1,3}))?期(?:（?总第([0-9]{1,6})(?:[—~〜∼\-‐‑‒–−、至]([0-9]{1,6}))?期）?)?/#
    /// The same without the year, opening a line (`第 2期（总第 422期）`): the year is the publication's.
    nonisolated(unsafe) static let yearlessMasthead =
        #/^第([0-9]{1,3})(?:[—~〜∼\-‐‑‒–−、至]([0-9]{1,3}))?期(?:（?总第([0-9]{1,6})(?:[—~〜∼\-‐‑‒–−、至]([0-9]{1,6}))?期）?)?/#
    nonisolated(unsafe) static let datePattern = #/([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日/#
    nonisolated(unsafe) static let distributionLine = #/^(报|送|发|抄送|抄报|印发)：(.*)/#
    nonisolated(unsafe) static let printRunPattern = #/共印([0-9]+)份/#
    nonisolated(unsafe) static let periodPattern =
        #/（?(?:([0-9]{4})年)?([0-9]{1,2})月([0-9]{1,2})日(?:[—~〜∼\-‐‑‒–−]+|至)(?:(?:([0-9]{4})年)?([0-9]{1,2})月)?([0-9]{1,2})日）?/#

    /// The issue line's numbers, where it stands in the header text.
    struct Masthead {
        /// Nil when the line gives none (`第 2期`): the publication's year is taken.
        var year: Int?
        var number: Int
        var throughNumber: Int?
        var serial: Int?
        var throughSerial: Int?
        var range: Range<String.Index>
    }

    /// `2023年第 2期（总第 422期）` anywhere in the header, else `第 2期…` opening one of its lines.
    static func masthead(in header: SourceText) -> Masthead? {
        let text = header.text[...]
        if let match = text.firstMatch(of: mastheadPattern), let year = Int(match.output.1), let number = Int(match.output.2) {
            let (_, _, _, last, serial, lastSerial) = match.output
            return Masthead(year: year, number: number, throughNumber: last.flatMap { Int($0) }, serial: serial.flatMap { Int($0) },
                            throughSerial: lastSerial.flatMap { Int($0) }, range: match.range)
        }
        // The header's text is its lines' texts one after another.
        var lineStart = 0
        for line in header.lines {
            defer { lineStart += line.text.utf8.count }
            guard let match = line.text.prefixMatch(of: yearlessMasthead), let number = Int(match.output.1) else { continue }
            let (_, _, last, serial, lastSerial) = match.output
            let start = text.utf8.index(text.startIndex, offsetBy: lineStart)
            let end = text.utf8.index(start, offsetBy: line.text.utf8.distance(from: line.text.startIndex, to: match.range.upperBound))
            return Masthead(year: nil, number: number, throughNumber: last.flatMap { Int($0) }, serial: serial.flatMap { Int($0) },
                            throughSerial: lastSerial.flatMap { Int($0) }, range: start..<end)
        }
        return nil
    }

    static func issue(_ outline: Outline, diagnostics: inout [Diagnostic]) -> Bulletin.Issue? {
        let header = SourceText(outline.header)
        let text = header.text[...]
        let headerLines = header.lineNumbers ?? 1...1
        guard let masthead = masthead(in: header), masthead.number >= 1 else {
            diagnostics.append(Diagnostic(.error, .missingHeader,
                .noMasthead,
                lines: headerLines))
            return nil
        }
        // PDF extraction does not keep the masthead's layout order: find the period first, then
        // the publication date outside it (a period may carry years), wherever each stands.
        let periodRange = text.firstRange(of: periodPattern)
        guard let dateMatch = text.matches(of: datePattern).first(where: {
                  !(periodRange?.overlaps($0.range) ?? false) && !masthead.range.overlaps($0.range) }),
              let published = CalendarDate(year: Int(dateMatch.output.1) ?? 0, month: Int(dateMatch.output.2) ?? 0,
                                           day: Int(dateMatch.output.3) ?? 0) else {
            diagnostics.append(Diagnostic(.error, .missingHeader,
                .noPublicationDate, lines: header.lineNumbers(of: masthead.range)))
            return nil
        }
        let year = masthead.year ?? published.year
        if masthead.year == nil {
            diagnostics.append(Diagnostic(.warning, .unreadable,
                .issueWithoutYear(year: year, issue: IssueKey.format(year: year, number: masthead.number)),
                lines: header.lineNumbers(of: masthead.range)))
        }
        let numbers = combined(masthead, diagnostics: &diagnostics, lines: header.lineNumbers(of: masthead.range))
        let covered = periodRange.flatMap { period(in: text[$0], published: published) }
        if covered == nil {
            diagnostics.append(Diagnostic(.warning, .unreadable,
                .noReportingPeriod(published: "\(published)"),
                lines: headerLines))
        }
        // The publisher is written just before the date; the title is what is left after the masthead.
        let publisherStart = [masthead.range.upperBound, periodRange?.upperBound].compactMap { $0 }
            .filter { $0 <= dateMatch.range.lowerBound }.max() ?? text.startIndex
        let named = publisher(in: text[publisherStart..<dateMatch.range.lowerBound], lineStarts: header.lineStarts)
        let publisher = String(text[named.name]).trimmingBrackets()
        let title = remainder(text[masthead.range.upperBound...],
                              without: [named.claimed.lowerBound..<dateMatch.range.upperBound] + (periodRange.map { [$0] } ?? []))
        return Bulletin.Issue(
            year: year, number: masthead.number, throughNumber: numbers.throughNumber, serial: masthead.serial,
            throughSerial: numbers.throughSerial,
            publisher: publisher.isEmpty ? nil : publisher, published: published,
            title: title.isEmpty ? nil : title, from: covered?.from, through: covered?.through ?? published,
            printRun: nil, distribution: [], sections: outline.sections.map(\.title),
            provenance: Provenance(header), footer: nil)
    }

    /// A label before the publisher's name: `编印单位：`, `主办：`, `发布单位:`.
    nonisolated(unsafe) static let publisherLabel = #/^(?:编印|主办|编发|印发|发布|出版|编制)(?:单位|部门)?[：:]/#
    /// What follows the name to say it made the bulletin: `四川省…中心编`, `…中心 编印`.
    nonisolated(unsafe) static let publisherVerb = #/(?:编印|主办|编发|印发|编制|编)$/#
    /// How a bulletin's title ends (`政务服务工作`, `窗口工作周报`): a line so ending before the
    /// publisher's line is the title, not the start of the name.
    nonisolated(unsafe) static let titleEnding = #/(?:工作|周报|简报|动态|通报|专报|信息|快报|要情|周刊)$/#

    /// The publisher in the text between the issue line (or period) and the publication date:
    /// `name` is the name alone, `claimed` the name with its label and verb (not the title's).
    /// A line before it that ends as titles end is left to the title; a name wrapped onto two
    /// lines stays whole.
    static func publisher(in segment: Substring, lineStarts: [String.Index])
        -> (name: Range<String.Index>, claimed: Range<String.Index>) {
        var start = segment.startIndex
        for boundary in lineStarts where boundary > segment.startIndex && boundary < segment.endIndex {
            if segment[start..<boundary].contains(titleEnding) { start = boundary }
        }
        let claimedStart = start
        var end = segment.endIndex
        if let label = segment[start..<end].prefixMatch(of: publisherLabel) { start = label.range.upperBound }
        if let verb = segment[start..<end].firstMatch(of: publisherVerb), verb.range.lowerBound > start { end = verb.range.lowerBound }
        return (start..<end, claimedStart..<segment.endIndex)
    }

    /// The last number and serial of a combined issue (`第 5-6期（总第 425-426期）`): each must
    /// follow its first by one to three; otherwise the issue is read as its first number alone, with a warning.
    private static func combined(_ masthead: Masthead, diagnostics: inout [Diagnostic], lines: ClosedRange<Int>)
        -> (throughNumber: Int?, throughSerial: Int?) {
        guard let last = masthead.throughNumber else {
            if masthead.throughSerial != nil {
                diagnostics.append(Diagnostic(.warning, .unreadable,
                    .serialRangeOnly(number: masthead.number, serial: masthead.serial), lines: lines))
            }
            return (nil, nil)
        }
        let span = last - masthead.number
        guard (1...3).contains(span) else {
            diagnostics.append(Diagnostic(.warning, .unreadable,
                .notACombinedIssue(first: masthead.number, last: last),
                lines: lines))
            return (nil, nil)
        }
        var lastSerial = masthead.throughSerial
        if let serial = masthead.serial, let through = lastSerial, through - serial != span {
            diagnostics.append(Diagnostic(.warning, .unreadable,
                .combinedSerialsMismatch(first: masthead.number, last: last, serial: serial, throughSerial: through),
                lines: lines))
            lastSerial = nil
        }
        return (last, lastSerial)
    }

    /// The period covered: `（1月 9日—1月 13日）`, `（12月 25日—1月 3日）`, `（2025年 1月 13日—2025年 1月 17日）`.
    /// Without its years, a period ends on or before the publication date.
    static func period(in text: Substring, published: CalendarDate) -> (from: CalendarDate, through: CalendarDate)? {
        guard let match = text.firstMatch(of: periodPattern) else { return nil }
        let (_, startYear, startMonth, startDay, endYear, endMonth, endDay) = match.output
        let month = endMonth.flatMap { Int($0) } ?? Int(startMonth) ?? 0
        guard let through = date(year: endYear, month: month, day: Int(endDay) ?? 0, before: published),
              let from = date(year: startYear, month: Int(startMonth) ?? 0, day: Int(startDay) ?? 0, before: through)
        else { return nil }
        return (from, through)
    }

    /// `text` without the parts that `ranges` cover, surrounding brackets and spaces trimmed.
    private static func remainder(_ text: Substring, without ranges: [Range<String.Index>]) -> String {
        var kept = ""
        var position = text.startIndex
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            let lower = min(max(range.lowerBound, position), text.endIndex)
            kept += text[position..<lower]
            position = max(position, min(range.upperBound, text.endIndex))
        }
        kept += text[position...]
        return kept.trimmingBrackets()
    }

    /// The date in `year` when the text gives one, else the one on or before `limit`.
    private static func date(year: Substring?, month: Int, day: Int, before limit: CalendarDate) -> CalendarDate? {
        guard let year = year.flatMap({ Int($0) }) else { return resolve(month: month, day: day, before: limit) }
        return CalendarDate(year: year, month: month, day: day)
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
                .noFooter(afterLine: outline.sections.last?.text.lineNumbers?.upperBound ?? 0)))
            return
        }
        issue.footer = Provenance(lines: outline.footer)
        var inPrintRun = false
        for line in outline.footer {
            if let match = line.text.firstMatch(of: distributionLine) {
                let key = String(match.output.1)
                if let earlier = issue.distribution.firstIndex(where: { $0.key == key }) {
                    // A list given twice (a footer pasted twice) is kept whole, in one entry:
                    // the payload is a JSON object, whose keys are unique.
                    diagnostics.append(Diagnostic(.warning, .unplaced,
                        .footerListTwice(key: key), lines: line.number...line.number))
                    issue.distribution[earlier].text += String(match.output.2)
                } else {
                    issue.distribution.append((key, String(match.output.2)))
                }
                inPrintRun = false
            } else if inPrintRun || line.text.hasPrefix("（共印") || line.text.hasPrefix("共印") {
                inPrintRun = true
            } else if let last = issue.distribution.indices.last {
                issue.distribution[last].text += line.text
            }
        }
        // Read from the joined lines: a line break may split the number (`（共印 8` / `0份）`).
        if let match = SourceText(outline.footer).text.firstMatch(of: printRunPattern) {
            issue.printRun = Int(match.output.1)
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
