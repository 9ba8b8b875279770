import LedgerDomain

/// Reads the numbers of the comprehensive-window and service-item paragraphs.
enum CountsReader {
    // Regexes are immutable once built; Regex is just not marked Sendable.
    nonisolated(unsafe) static let serviceMarkers: [(ServiceCategory, Regex<Substring>)] = [
        (.administrativeLicensing, #/行政许可(?:事项)?/#),
        (.publicService, #/公共服务(?:事项)?/#),
        (.otherPowers, #/其[它他]九类行权事项|其[它他]九类(?:行政)?(?:权力)?事项|九类行权事项/#),
    ]
    nonisolated(unsafe) static let yearToDateWords = #/今年以来|年初以来|本年度|累计/#
    // `—` stands for `－`, `–` and `─` too, `~` for `～` (see ``TextNormalizer``).
    nonisolated(unsafe) static let dateRangePattern = #/(?:([0-9]{4})年)?([0-9]{1,2})月([0-9]{1,2})日(?:至|到|—{1,2}|-|~)(?:([0-9]{4})年)?([0-9]{1,2})月([0-9]{1,2})日/#
    /// `截至2月17日` (up to and including): the end of the count, its start left unsaid.
    nonisolated(unsafe) static let untilPattern = #/截[至止](?:([0-9]{4})年)?([0-9]{1,2})月([0-9]{1,2})日/#
    /// A figure with the unit of a count, to find figures that follow no known measure.
    nonisolated(unsafe) static let countFigure = #/[0-9][0-9,.]*[万亿]?[余多]?件/#

    /// Window metrics and the words that introduce them.
    static let windowMetrics: [(key: String, words: [String])] = [
        ("consultations", ["咨询"]), ("accepted", ["受理", "收件"]),
        ("issued", ["颁发证照", "颁发证件", "颁发", "颁证", "发证", "出件"]),
        ("transferred", ["流转", "转办"]),
    ]

    /// `本周，共计咨询 618 人次、受理 116 件…；今年以来，累计咨询 1748 人次…`.
    static func window(_ source: SourceText) -> Bulletin.WindowCounts? {
        let text = source.text[...]
        let split = text.firstRange(of: yearToDateWords)
        let weekPart = split.map { text[..<$0.lowerBound] } ?? text
        let yearPart = split.map { text[$0.lowerBound...] } ?? ""
        var span = Span()
        let week = metrics(weekPart, span: &span)
        let yearToDate = metrics(yearPart, span: &span)
        guard !week.isEmpty || !yearToDate.isEmpty, let range = span.range else { return nil }
        return Bulletin.WindowCounts(week: week, yearToDate: yearToDate, provenance: Provenance(source, range))
    }

    private static func metrics(_ text: Substring, span: inout Span) -> [String: Quantity] {
        var found: [String: Quantity] = [:]
        for (key, words) in windowMetrics {
            for word in words where found[key] == nil {
                if let (quantity, range) = quantityAndRange(after: word, in: text) {
                    found[key] = quantity
                    span.cover(range)
                }
            }
        }
        return found
    }

    /// The quantity after the first of `words` that has one, and its range.
    static func firstQuantity(after words: [String], in text: Substring) -> (Quantity, Range<String.Index>)? {
        for word in words { if let found = quantityAndRange(after: word, in: text) { return found } }
        return nil
    }

    /// The quantity that follows `word` (within a few characters: `受理 116 件`, `受理了116件`).
    static func quantity(after word: String, in text: Substring) -> Quantity? {
        quantityAndRange(after: word, in: text)?.0
    }

    /// The quantity after `word` and the range from the word to the number's end.
    static func quantityAndRange(after word: String, in text: Substring) -> (Quantity, Range<String.Index>)? {
        var searchStart = text.startIndex
        while let range = text[searchStart...].firstRange(of: word) {
            var rest = text[range.upperBound...]
            rest = rest.drop { $0 == "了" || $0 == "共" || $0 == "计" || $0 == "为" || $0 == "：" }
            if let (quantity, after) = Quantity.read(rest) { return (quantity, range.lowerBound..<after.startIndex) }
            searchStart = range.upperBound
        }
        return nil
    }

    /// Words for the service items' measures: accepted, then completed. Only words that mean
    /// nothing else; `办理` (handled? completed?) is not one of them.
    static let acceptedWords = ["受理"]
    static let completedWords = ["办理完结", "办结", "办毕"]

    /// The period the counts cover: `2023年1月1日至2023年2月17日` (any dash, `~`, `至`), or
    /// `截至2月17日` (no start); the issue's end when the text gives none.
    static func period(_ text: Substring, issue: Bulletin.Issue) -> (from: CalendarDate?, through: CalendarDate) {
        if let range = text.firstMatch(of: dateRangePattern) {
            let endYear = range.output.4.flatMap { Int($0) } ?? issue.through.year
            let through = CalendarDate(year: endYear, month: Int(range.output.5) ?? 0, day: Int(range.output.6) ?? 0) ?? issue.through
            let from = CalendarDate(year: range.output.1.flatMap { Int($0) } ?? through.year,
                                    month: Int(range.output.2) ?? 0, day: Int(range.output.3) ?? 0)
            return (from, through)
        }
        if let until = text.firstMatch(of: untilPattern) {
            let year = until.output.1.flatMap { Int($0) } ?? issue.through.year
            return (nil, CalendarDate(year: year, month: Int(until.output.2) ?? 0, day: Int(until.output.3) ?? 0) ?? issue.through)
        }
        return (nil, issue.through)
    }

    /// The service items of a table (a row or column per category), dated by the text around it.
    static func serviceItems(_ table: TableReader.Table, source: SourceText, issue: Bulletin.Issue) -> [Bulletin.ServiceItems]? {
        let (from, through) = period(source.text[...], issue: issue)
        var result: [Bulletin.ServiceItems] = []
        for (label, figures) in table.rows {
            guard case .category(let category, let written) = label,
                  Set(figures.keys).isSubset(of: [.accepted, .completed]) else { return nil }
            result.append(Bulletin.ServiceItems(
                category: category, label: written, accepted: figures[.accepted], completed: figures[.completed],
                from: from, through: through, provenance: Provenance(source, lines: table.lines)))
        }
        return result
    }

    /// The window counts of a table (a row or column for 本周, one for 本年累计).
    static func window(_ table: TableReader.Table, source: SourceText) -> Bulletin.WindowCounts? {
        var week: [String: Quantity] = [:]
        var yearToDate: [String: Quantity] = [:]
        for (label, figures) in table.rows {
            guard !figures.keys.contains(.completed) else { return nil }
            let named = Dictionary(uniqueKeysWithValues: figures.map { ($0.key.rawValue, $0.value) })
            switch label {
            case .week: week = named
            case .yearToDate: yearToDate = named
            case .category: return nil
            }
        }
        return Bulletin.WindowCounts(week: week, yearToDate: yearToDate, provenance: Provenance(source, lines: table.lines))
    }

    /// `2023年1月1日至2023年2月17日，省本级行政许可事项受理62827件，办结63468件；公共服务…`;
    /// `截至2月17日，省本级行政许可事项累计受理62827件，累计办结63468件…`. A figure in a
    /// category's words that follows no measure the parser knows is warned about, not guessed.
    static func serviceItems(_ source: SourceText, issue: Bulletin.Issue,
                             diagnostics: inout [Diagnostic]) -> [Bulletin.ServiceItems] {
        let text = source.text[...]
        let (from, through) = period(text, issue: issue)
        var positions: [(ServiceCategory, Range<Substring.Index>)] = []
        for (category, pattern) in serviceMarkers {
            if let range = text.firstRange(of: pattern) { positions.append((category, range)) }
        }
        positions.sort { $0.1.lowerBound < $1.1.lowerBound }
        var result: [Bulletin.ServiceItems] = []
        for (index, (category, range)) in positions.enumerated() {
            let end = index + 1 < positions.count ? positions[index + 1].1.lowerBound : text.endIndex
            let segment = text[range.upperBound..<end]
            let accepted = firstQuantity(after: acceptedWords, in: segment)
            let completed = firstQuantity(after: completedWords, in: segment)
            let read = [accepted?.1, completed?.1].compactMap { $0 }
            for figure in segment.matches(of: countFigure) where !read.contains(where: { $0.contains(figure.range.lowerBound) }) {
                diagnostics.append(Diagnostic(.warning, .unplaced,
                    .figureWithoutMeasure(figure: String(figure.output), label: String(text[range])),
                    lines: source.lineNumbers(of: figure.range)))
            }
            guard accepted != nil || completed != nil else { continue }
            result.append(Bulletin.ServiceItems(
                category: category, label: String(text[range]), accepted: accepted?.0, completed: completed?.0,
                from: from, through: through, provenance: Provenance(source, range.lowerBound..<end)))
        }
        return result
    }
}
