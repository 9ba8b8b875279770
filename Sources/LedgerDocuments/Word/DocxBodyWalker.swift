import LedgerFormats

/// Walks `w:body` in document order and gives its lines: one per paragraph (more where the
/// paragraph has line breaks), one per table row, the paragraphs of text boxes where they stand.
///
/// Text is what Word shows: runs joined back, list markers prefixed, field results rather than
/// their instructions, deleted and hidden text left out, inserted text kept.
struct DocxBodyWalker {
    var lists: WordListCounter
    /// Complex fields (`w:fldChar`) open at this point, innermost last: true once past `separate`.
    var fields: [Bool] = []
    /// How many tables enclose the current point.
    var tableDepth = 0
    var footnoteCount = 0
    var notes: [DocumentNote] = []

    /// Elements whose content is never the document's text: properties, deleted and moved-away
    /// text, field instructions, phonetic guides over the text (`w:rt`), embedded objects, and
    /// the fallbacks of markup-compatibility blocks.
    static let skipped: Set<String> = [
        "w:pPr", "w:rPr", "w:tblPr", "w:tblGrid", "w:trPr", "w:tcPr", "w:tblPrEx", "w:sectPr", "w:sdtPr", "w:sdtEndPr",
        "w:del", "w:moveFrom", "w:delText", "w:delInstrText", "w:instrText", "w:fldData", "w:commentReference",
        "w:annotationRef", "w:customXmlPr", "w:smartTagPr", "mc:Fallback", "w:object", "w:rt",
    ]

    init(lists: WordListCounter) {
        self.lists = lists
    }

    /// The lines of block-level content: paragraphs, tables, and the containers around them.
    mutating func blockLines(_ container: XMLElement) -> [String] {
        var lines: [String] = []
        for case .element(let child) in container.children {
            switch child.name {
            case "w:p": lines += paragraph(child)
            case "w:tbl": lines += table(child)
            case "mc:AlternateContent": if let chosen = Self.choice(child) { lines += blockLines(chosen) }
            case "w:altChunk": note(.importedPartNotRead)
            default: if !Self.skipped.contains(child.name) { lines += blockLines(child) }
            }
        }
        return lines
    }

    /// The lines of one paragraph: its list marker and text, split at its breaks, then the
    /// lines of any text box anchored in it.
    mutating func paragraph(_ paragraph: XMLElement) -> [String] {
        let marker = listMarker(paragraph.firstElement("w:pPr"))
        var text = InlineText()
        inline(paragraph, into: &text)
        var pieces = text.pieces
        pieces[0] = (marker ?? "") + pieces[0]
        return pieces + text.boxLines
    }

    /// The branch of `mc:AlternateContent` to read: its first choice, else its fallback.
    static func choice(_ element: XMLElement) -> XMLElement? {
        element.firstElement("mc:Choice") ?? element.firstElement("mc:Fallback")
    }

    private mutating func listMarker(_ properties: XMLElement?) -> String? {
        let numPr = properties?.firstElement("w:numPr")
        let style = properties?.firstElement("w:pStyle")?.attribute("w:val") ?? lists.styles.defaultParagraphStyle
        var numID = intValue(numPr?.firstElement("w:numId")?.attribute("w:val"))
        var level = intValue(numPr?.firstElement("w:ilvl")?.attribute("w:val"))
        if numID == nil, let style, let inherited = lists.styles.numbering(of: style) {
            numID = inherited.numID
            level = level ?? inherited.level
        }
        guard let numID else { return nil }
        return lists.marker(numID: numID, level: level, style: style)
    }

    mutating func note(_ note: DocumentNote) {
        if !notes.contains(note) { notes.append(note) }
    }
}

/// A paragraph's text as it is gathered: the pieces between its line breaks, and the lines of
/// the text boxes met on the way.
struct InlineText {
    var pieces: [String] = [""]
    var boxLines: [String] = []

    mutating func append(_ text: String) {
        pieces[pieces.count - 1] += text
    }

    mutating func lineBreak() {
        pieces.append("")
    }
}
