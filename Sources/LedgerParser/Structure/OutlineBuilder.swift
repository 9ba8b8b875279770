/// Builds an ``Outline`` from lines: sections `一、`, sub-sections `（一）` (or `一是`), items `（1）` `1.`
/// `1、`, the footer from `报：` `送：` `发：` or `（共印 N份）` on. Numbering must rise within its
/// level, so a line that happens to start with `5.` in the middle of a paragraph stays text.
/// A marker alone on its line (`（一）` / `按时到岗情况…`) is read with the line that follows.
enum OutlineBuilder {
    static func build(_ lines: [SourceLine]) -> Outline {
        var builder = State()
        var bareMarker: SourceLine?
        for line in lines where !line.text.isEmpty {
            if PageArtefacts.isArtefact(line) {
                builder.outline.artefacts.append(line)
            } else if Markers.isBare(line.text) {
                // Extractors often emit a hanging list label as a line of its own.
                if let previous = bareMarker { builder.take(previous) }
                bareMarker = line
            } else if let marker = bareMarker {
                // The content line carries the marker; the marker's own line holds nothing else.
                builder.take(SourceLine(number: line.number, raw: line.raw, text: marker.text + line.text))
                builder.outline.joinedMarkers.append((marker: marker.number, joinedTo: line.number))
                bareMarker = nil
            } else {
                builder.take(line)
            }
        }
        if let marker = bareMarker { builder.take(marker) }
        builder.closeSection()
        return builder.outline
    }

    private struct State {
        var outline = Outline()
        var section: Outline.Section?
        var subsection: Outline.Subsection?
        var item: Outline.Item?
        var inFooter = false

        mutating func take(_ line: SourceLine) {
            if inFooter || Markers.isFooter(line.text) {
                inFooter = true
                outline.footer.append(line)
                return
            }
            let lastSection = outline.sections.last?.ordinal ?? section?.ordinal ?? 0
            if let (ordinal, title) = Markers.section(line.text), ordinal > max(lastSection, section?.ordinal ?? 0) {
                closeSection()
                section = Outline.Section(ordinal: ordinal, title: title, heading: line, body: SourceText(),
                                          items: [], subsections: [], text: SourceText([line]))
                return
            }
            guard section != nil else {
                outline.header.append(line)
                return
            }
            section?.text.append(line)
            let lastSubsection = subsection?.ordinal ?? lastSubsectionOrdinal
            if let (ordinal, title) = Markers.subsection(line.text, after: lastSubsection) {
                closeSubsection()
                subsection = Outline.Subsection(ordinal: ordinal, title: title, text: SourceText([line]), body: SourceText(), items: [])
                return
            }
            subsection?.text.append(line)
            if let (ordinal, rest) = Markers.item(line.text), ordinal == (item?.ordinal ?? lastItemOrdinal) + 1 {
                closeItem()
                var text = SourceText()
                text.append(SourceLine(number: line.number, raw: line.raw, text: rest))
                item = Outline.Item(ordinal: ordinal, text: text)
                return
            }
            if item != nil {
                item?.text.append(line)
            } else if subsection != nil {
                subsection?.body.append(line)
            } else {
                section?.body.append(line)
            }
        }

        var lastSubsectionOrdinal: Int { section?.subsections.last?.ordinal ?? 0 }

        /// The last item number in the current container (sub-section, else section).
        var lastItemOrdinal: Int {
            if let subsection { return subsection.items.last?.ordinal ?? 0 }
            return section?.items.last?.ordinal ?? 0
        }

        mutating func closeItem() {
            guard let finished = item else { return }
            if subsection != nil { subsection?.items.append(finished) } else { section?.items.append(finished) }
            item = nil
        }

        mutating func closeSubsection() {
            closeItem()
            if let finished = subsection { section?.subsections.append(finished) }
            subsection = nil
        }

        mutating func closeSection() {
            closeSubsection()
            if let finished = section { outline.sections.append(finished) }
            section = nil
        }
    }
}

/// The line-start markers of the bulletin's structure.
enum Markers {
    // Built once: a regex literal used inline is compiled again at every call, and these
    // run on every line.
    nonisolated(unsafe) static let sectionHeading = #/([一二三四五六七八九十]{1,3})[、.，]\s*(.+)/#
    nonisolated(unsafe) static let subsectionHeading = #/（([一二三四五六七八九十]{1,3})）\s*(.+)/#
    nonisolated(unsafe) static let ordinalShiHeading = #/([一二三四五六七八九十]{1,3})是(\p{Han}.*)/#
    nonisolated(unsafe) static let parenthesizedItem = #/（([0-9]{1,2})）\s*(.*)/#
    nonisolated(unsafe) static let numberedItem = #/([0-9]{1,2})[.、]\s*((?:[^0-9]|[0-9]{1,2}月[0-9]{1,2}日|[0-9]{4}年).*)/#
    nonisolated(unsafe) static let circledItem = #/([\u{2460}-\u{2473}])\s*(.*)/#
    nonisolated(unsafe) static let bareMarker = #/[一二三四五六七八九十]{1,3}[、.，]|（[一二三四五六七八九十]{1,3}）|（[0-9]{1,2}）|[0-9]{1,2}[.、]|[\u{2460}-\u{2473}]/#
    nonisolated(unsafe) static let distributionLine = #/^(报|送|发|抄送|抄报|印发)：/#
    nonisolated(unsafe) static let printRun = #/（?共印[0-9]+份）?/#

    /// `一、综窗改革攻坚行动` → (1, "综窗改革攻坚行动").
    static func section(_ text: String) -> (Int, String)? {
        guard let match = text.wholeMatch(of: Self.sectionHeading),
              let ordinal = chineseNumeral(match.output.1) else { return nil }
        return (ordinal, String(match.output.2))
    }

    /// `（一）省本级综窗办件情况` → (1, "省本级综窗办件情况"), when its number is above `last`;
    /// `一是省本级综窗办件情况` too, when its number is `last + 1` and the rest reads as a title
    /// (short, no sentence punctuation): `一是` also opens a clause of prose (`一是加强…，`).
    static func subsection(_ text: String, after last: Int) -> (Int, String)? {
        if let match = text.wholeMatch(of: Self.subsectionHeading), let ordinal = chineseNumeral(match.output.1) {
            return ordinal > last ? (ordinal, String(match.output.2)) : nil
        }
        guard let match = text.wholeMatch(of: Self.ordinalShiHeading), let ordinal = chineseNumeral(match.output.1),
              ordinal == last + 1 else { return nil }
        let title = match.output.2
        guard title.count <= 24, !title.contains(where: { "，。；：！？,.;:".contains($0) }) else { return nil }
        return (ordinal, String(title))
    }

    /// `（1）text`, `1.text`, `1、text`, `①text`, `1.1月 11日，…` → (1, "text"); not `2.5%` nor
    /// `12345平台`.
    static func item(_ text: String) -> (Int, String)? {
        // ① … ⑳ (U+2460–U+2473): a word processor's numbered list.
        if let match = text.wholeMatch(of: Self.circledItem), let scalar = match.output.1.unicodeScalars.first {
            return (Int(scalar.value) - 0x2460 + 1, String(match.output.2))
        }
        // `[0-9]`, not `\d`: Swift's `\d` also matches 一, 十…, so `\D` would refuse `1.一网通办`.
        if let match = text.wholeMatch(of: Self.parenthesizedItem), let ordinal = Int(match.output.1) {
            return (ordinal, String(match.output.2))
        }
        // After `1.` a digit is a decimal (`1.5万`) unless a date starts there: items often open
        // with one (`1. 1月 11日，…` loses its space in normalization).
        if let match = text.wholeMatch(of: Self.numberedItem),
           let ordinal = Int(match.output.1) {
            return (ordinal, String(match.output.2))
        }
        return nil
    }

    /// A section, sub-section or item marker with nothing after it: `一、`, `（一）`, `（1）`, `1.`, `①`.
    static func isBare(_ text: String) -> Bool {
        text.wholeMatch(of: Self.bareMarker) != nil
    }

    /// `报：中心领导。`, `抄送：…`, `（共印 80份）`, or its first part when a line break splits it
    /// (`（共印 8` / `0份）`).
    static func isFooter(_ text: String) -> Bool {
        text.firstMatch(of: Self.distributionLine) != nil || text.wholeMatch(of: Self.printRun) != nil
            || text.hasPrefix("（共印")
    }

    /// 一 → 1, 十 → 10, 十二 → 12, 二十一 → 21.
    static func chineseNumeral(_ text: Substring) -> Int? {
        let digits: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
        let characters = Array(text)
        switch characters.count {
        case 1: return characters[0] == "十" ? 10 : digits[characters[0]]
        case 2 where characters[0] == "十": return digits[characters[1]].map { 10 + $0 }
        case 2 where characters[1] == "十": return digits[characters[0]].map { $0 * 10 }
        case 3 where characters[1] == "十":
            guard let tens = digits[characters[0]], let ones = digits[characters[2]] else { return nil }
            return tens * 10 + ones
        default: return nil
        }
    }
}

/// Page headers and page numbers that PDF extraction leaves in the text.
enum PageArtefacts {
    // Built once: a regex literal used inline is compiled again at every call, and these
    // run on every line.
    nonisolated(unsafe) static let dashedPageNumber = #/[—~·\-]+\d{1,3}[—~·\-]+/#
    nonisolated(unsafe) static let pageOfPages = #/第\d{1,3}页(，?共\d{1,3}页)?/#
    nonisolated(unsafe) static let slashedPageNumber = #/\d{1,3}/\d{1,3}/#
    nonisolated(unsafe) static let runningTitle = #/\p{Han}{0,10}周报/#
    nonisolated(unsafe) static let letterSpacedLine = #/\s*(\p{Han}\s+){3,}\p{Han}\s*/#

    static func isArtefact(_ line: SourceLine) -> Bool {
        if isArtefact(text: line.text, raw: line.raw) { return true }
        // A running header and its page number on one baseline, a column gap between them
        // (`窗口工作周报	—2—`, as a PDF's header row is read): every cell furniture.
        let cells = TableReader.cells(line.raw)
        return cells.count >= 2 && cells.count <= 3 && cells.allSatisfy { isArtefact(text: $0, raw: $0) }
    }

    private static func isArtefact(text: String, raw: String) -> Bool {
        // `\d` on purpose: in Swift it also matches Chinese numerals, and `— 三 —`, `第三页` are
        // page numbers too.
        if text.wholeMatch(of: Self.dashedPageNumber) != nil { return true }
        if text.wholeMatch(of: Self.pageOfPages) != nil { return true }
        if text.wholeMatch(of: Self.slashedPageNumber) != nil { return true }
        // The running title (窗口工作周报, 政务服务周报…), often letter-spaced: 窗 口 工 作 周 报.
        if text.wholeMatch(of: Self.runningTitle) != nil { return true }
        return raw.wholeMatch(of: Self.letterSpacedLine) != nil
    }
}
