import LedgerDomain

/// Reads news and progress paragraphs: each numbered item, or the whole body when unnumbered,
/// with the date it gives (`2 月 16 日下午`; none for `近日`) and the departments it names.
enum NoteReader {
    static func read(section title: String, body: SourceText, items: [Outline.Item], reference: CalendarDate,
                     registry: DepartmentRegistry) -> [Bulletin.Note] {
        var parts: [(Int, SourceText)] = items.map { ($0.ordinal, $0.text) }
        if !body.isEmpty { parts.insert((0, body), at: 0) }
        return parts.map { ordinal, text in
            Bulletin.Note(section: title, ordinal: ordinal, date: date(text.text, reference: reference),
                          departments: departments(in: text.text, registry: registry),
                          text: text.text, provenance: Provenance(text))
        }
    }

    /// A date at the start of the paragraph (within its first clause).
    static func date(_ text: String, reference: CalendarDate) -> CalendarDate? {
        let opening = text.prefix { $0 != "，" && $0 != "。" }.prefix(20)
        guard let (parts, _) = ChineseDate.first(in: opening[...]) else { return nil }
        if let year = parts.year { return CalendarDate(year: year, month: parts.month, day: parts.day) }
        return HeaderReader.nearest(month: parts.month, day: parts.day, to: reference)
    }

    /// Registered departments named in the text, each once, in order of first mention.
    static func departments(in text: String, registry: DepartmentRegistry) -> [DepartmentName] {
        var seen: Set<String> = []
        return registry.matches(in: text).map(\.name).filter { seen.insert($0.canonical).inserted }
    }
}
