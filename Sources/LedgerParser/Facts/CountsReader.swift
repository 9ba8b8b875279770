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
    nonisolated(unsafe) static let dateRangePattern = #/(?:([0-9]{4})年)?([0-9]{1,2})月([0-9]{1,2})日(?:至|—|-|~)(?:([0-9]{4})年)?([0-9]{1,2})月([0-9]{1,2})日/#

    /// Window metrics and the words that introduce them.
    static let windowMetrics: [(key: String, words: [String])] = [
        ("consultations", ["咨询"]), ("accepted", ["受理", "收件"]), ("issued", ["颁发", "发证", "出件"]),
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

    /// `2023年1月1日至2023年2月17日，省本级行政许可事项受理62827件，办结63468件；公共服务…`.
    static func serviceItems(_ source: SourceText, issue: Bulletin.Issue) -> [Bulletin.ServiceItems] {
        let text = source.text[...]
        var from: CalendarDate?
        var through = issue.through
        if let range = text.firstMatch(of: dateRangePattern) {
            let endYear = range.output.4.flatMap { Int($0) } ?? issue.through.year
            if let end = CalendarDate(year: endYear, month: Int(range.output.5) ?? 0, day: Int(range.output.6) ?? 0) {
                through = end
            }
            from = CalendarDate(year: range.output.1.flatMap { Int($0) } ?? through.year,
                                month: Int(range.output.2) ?? 0, day: Int(range.output.3) ?? 0)
        }
        var positions: [(ServiceCategory, Range<Substring.Index>)] = []
        for (category, pattern) in serviceMarkers {
            if let range = text.firstRange(of: pattern) { positions.append((category, range)) }
        }
        positions.sort { $0.1.lowerBound < $1.1.lowerBound }
        var result: [Bulletin.ServiceItems] = []
        for (index, (category, range)) in positions.enumerated() {
            let end = index + 1 < positions.count ? positions[index + 1].1.lowerBound : text.endIndex
            let segment = text[range.upperBound..<end]
            let accepted = quantity(after: "受理", in: segment)
            let completed = quantity(after: "办结", in: segment)
            guard accepted != nil || completed != nil else { continue }
            result.append(Bulletin.ServiceItems(
                category: category, label: String(text[range]), accepted: accepted, completed: completed,
                from: from, through: through, provenance: Provenance(source, range.lowerBound..<end)))
        }
        return result
    }
}
