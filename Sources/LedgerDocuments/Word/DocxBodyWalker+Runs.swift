import LedgerFormats

/// Inline content: runs and what they hold, fields, hyperlinks, revisions, text boxes.
extension DocxBodyWalker {
    /// True when text at this point is shown: no enclosing field is in its instruction part.
    var isShowingText: Bool { fields.allSatisfy { $0 } }

    /// Gathers the text of the inline content of `element` into `text`.
    mutating func inline(_ element: XMLElement, into text: inout InlineText) {
        for case .element(let child) in element.children {
            switch child.name {
            case "w:r": if !Self.isHidden(child) { inline(child, into: &text) }
            case "w:t", "m:t": if isShowingText { text.append(Self.runText(child)) }
            case "w:tab", "w:ptab": if isShowingText { text.append("\t") }
            case "w:br", "w:cr": if isShowingText { text.lineBreak() }
            case "w:noBreakHyphen": if isShowingText { text.append("-") }
            case "w:softHyphen", "w:lastRenderedPageBreak": break
            case "w:sym": if isShowingText { text.append(symbol(child)) }
            case "w:fldChar": field(child)
            case "w:footnoteReference", "w:endnoteReference": footnoteCount += 1
            case "w:txbxContent": text.boxLines += blockLines(child)
            case "mc:AlternateContent": if let chosen = Self.choice(child) { inline(chosen, into: &text) }
            default: if !Self.skipped.contains(child.name) { inline(child, into: &text) }
            }
        }
    }

    /// The text of a `w:t`: without `xml:space="preserve"`, its leading and trailing whitespace
    /// is dropped, as Word does; line ends inside it are spaces.
    static func runText(_ element: XMLElement) -> String {
        let text = element.text
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        let preserved = element.attribute("xml:space") == "preserve"
        let needsTrim = !preserved && (text.utf8.first.map(isSpace) == true || text.utf8.last.map(isSpace) == true)
        let kept = needsTrim ? String(text.trimmingWhitespace) : text
        guard kept.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return kept }
        return String(kept.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }

    /// A run Word does not show: `w:vanish` in its properties.
    static func isHidden(_ run: XMLElement) -> Bool {
        guard let vanish = run.firstElement("w:rPr")?.firstElement("w:vanish") else { return false }
        return isOn(vanish)
    }

    /// `w:fldChar`: `begin` opens a field's instruction, `separate` starts its shown result, `end` closes it.
    private mutating func field(_ element: XMLElement) {
        switch element.attribute("w:fldCharType") {
        case "begin": fields.append(false)
        case "separate": if !fields.isEmpty { fields[fields.count - 1] = true }
        case "end": _ = fields.popLast()
        default: break
        }
    }

    /// `w:sym`: the character it names, unless it is a symbol font's private-use glyph.
    private mutating func symbol(_ element: XMLElement) -> String {
        guard let code = element.attribute("w:char").flatMap({ UInt32($0, radix: 16) }), let scalar = Unicode.Scalar(code) else {
            return ""
        }
        if (0xE000...0xF8FF).contains(code) {
            let font = element.attribute("w:font") ?? "a symbol font"
            note(.symbolLeftOut(font: font.escapingControlCharacters, code: String(code, radix: 16, uppercase: true)))
            return ""
        }
        return String(Character(scalar))
    }
}
