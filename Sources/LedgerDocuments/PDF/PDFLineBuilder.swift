import LedgerFormats

/// Groups a page's glyphs into lines: one baseline (within a tolerance proportional to the font
/// size) is one line; lines top to bottom, glyphs left to right; a gap over a quarter em is a
/// space (except between CJK characters), a gap of two ems or a vertical rule between glyphs is a
/// tab (a table's cell break).
enum PDFLineBuilder {
    /// A gap wider than this many ems is a space.
    static let spaceGapEm = 0.25
    /// A gap at least this many ems wide is a cell break.
    static let cellGapEm = 2.0
    /// Glyphs whose baselines differ by at most this many ems (of the larger font) share a line.
    static let baselineToleranceEm = 0.3

    /// The glyphs of a page grouped by baseline, top to bottom, each row's glyphs left to right.
    static func rows(_ glyphs: [PDFPageContent.Glyph]) -> [PDFColumns.Row] {
        let sorted = glyphs.enumerated().sorted { ($0.element.y, $0.offset) < ($1.element.y, $1.offset) }.map(\.element)
        var groups: [PDFColumns.Row] = []
        for glyph in sorted {
            if var line = groups.last,
               abs(glyph.y - line.y) <= baselineToleranceEm * max(glyph.size, line.size, 1) {
                line.glyphs.append(glyph)
                line.size = max(line.size, glyph.size)
                groups[groups.count - 1] = line
            } else {
                groups.append(PDFColumns.Row(glyphs: [glyph], y: glyph.y, size: glyph.size))
            }
        }
        return groups.map { group in
            var row = group
            row.glyphs = group.glyphs.enumerated().sorted { ($0.element.x, $0.offset) < ($1.element.x, $1.offset) }.map(\.element)
            return row
        }
    }

    /// The lines of one page, and notes on what was read unusually. Columns side by side are
    /// read one after the other (``PDFColumns``).
    static func lines(_ content: PDFPageContent, page: PDFPage) -> (lines: [DocumentLine], notes: [DocumentNote]) {
        let horizontal = content.glyphs.filter(\.isHorizontal)
        var result: [DocumentLine] = []
        for block in PDFColumns.blocks(horizontal) {
            for row in rows(block) {
                // The rules crossing this line, left to right.
                let y = row.y - row.size * 0.3
                let crossing = content.rules.filter { $0.top <= y && $0.bottom >= y }.map(\.x).sorted()
                let text = self.text(row.glyphs, rules: crossing)
                guard !text.isEmpty, let first = row.glyphs.first else { continue }
                result.append(DocumentLine(text: text, page: page.number, position: .init(x: first.x, y: row.y)))
            }
        }
        var notes: [DocumentNote] = []
        let rotated = content.glyphs.filter { !$0.isHorizontal }
        if !rotated.isEmpty {
            notes.append(.rotatedGlyphs(count: rotated.count))
            result.append(contentsOf: rotatedLines(rotated, page: page.number))
        }
        return (result, notes)
    }

    /// The text of a line's glyphs (left to right), with spaces and tabs from the gaps between them.
    static func text(_ glyphs: [PDFPageContent.Glyph], rules: [Double]) -> String {
        var text = ""
        var previous: PDFPageContent.Glyph?
        for glyph in glyphs {
            if let last = previous {
                let em = max(last.size, glyph.size, 1)
                // The same glyph drawn again at (almost) the same place: fake bold or a shadow.
                if glyph.text == last.text && abs(glyph.x - last.x) < 0.15 * em { continue }
                let gap = glyph.x - (last.x + last.advance)
                if gap >= cellGapEm * em || ruleBetween(last, glyph, rules) {
                    text.append("\t")
                } else if gap > spaceGapEm * em && !(isCJK(last.text.unicodeScalars.last) && isCJK(glyph.text.unicodeScalars.first)) {
                    text.append(" ")
                }
            }
            text.append(glyph.text)
            previous = glyph
        }
        return normalise(PDFRadicals.unified(text))
    }

    /// True when a vertical rule (of `rules`, the x of those crossing the line, ascending) stands between two glyphs.
    private static func ruleBetween(_ left: PDFPageContent.Glyph, _ right: PDFPageContent.Glyph, _ rules: [Double]) -> Bool {
        let from = left.x + left.advance * 0.5
        let to = right.x + right.advance * 0.5
        guard to - from > 1, !rules.isEmpty else { return false }
        var low = 0
        var high = rules.count
        while low < high {
            let middle = (low + high) / 2
            if rules[middle] <= from { low = middle + 1 } else { high = middle }
        }
        return low < rules.count && rules[low] < to
    }

    /// Spaces collapsed, none around tabs, none at the ends.
    static func normalise(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for character in text {
            if character == " " || character == "\u{00A0}" {
                pendingSpace = !result.isEmpty && result.last != "\t"
            } else if character == "\t" {
                pendingSpace = false
                if !result.isEmpty && result.last != "\t" { result.append("\t") }
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        while result.last == "\t" { result.removeLast() }
        return result
    }

    /// True for CJK ideographs, kana, hangul, CJK punctuation and fullwidth forms.
    static func isCJK(_ scalar: Unicode.Scalar?) -> Bool {
        guard let value = scalar?.value else { return false }
        switch value {
        case 0x2E80...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF, 0x20000...0x3FFFF: return true
        default: return false
        }
    }

    /// Rotated or vertical glyphs, one line per run of glyphs drawn one after another.
    private static func rotatedLines(_ glyphs: [PDFPageContent.Glyph], page: Int) -> [DocumentLine] {
        var lines: [DocumentLine] = []
        var text = ""
        var start: PDFPageContent.Glyph?
        var previous: PDFPageContent.Glyph?
        for glyph in glyphs {
            if let last = previous, abs(glyph.x - last.x) + abs(glyph.y - last.y) > 3 * max(glyph.size, last.size, 1) {
                if let first = start, !normalise(text).isEmpty {
                    lines.append(DocumentLine(text: normalise(text), page: page, position: .init(x: first.x, y: first.y)))
                }
                text = ""
                start = nil
            }
            if start == nil { start = glyph }
            text.append(glyph.text)
            previous = glyph
        }
        if let first = start, !normalise(text).isEmpty {
            lines.append(DocumentLine(text: normalise(text), page: page, position: .init(x: first.x, y: first.y)))
        }
        return lines
    }
}
