import LedgerDomain

/// Writes prose and lines the way PDF extraction leaves them, following an ``ArtefactStyle``:
/// numbers with odd digits and spaces, paragraphs hard-wrapped at a width, blank lines, page
/// headers and numbers in the middle of the text, leading spaces, CRLF.
struct TextLayout {
    var rng: SplitMix64
    let style: ArtefactStyle

    // MARK: - Numbers

    /// The prose as text, each number written with this document's artefacts.
    mutating func write(_ prose: Prose) -> String {
        atoms(prose).joined()
    }

    /// The prose as the pieces a line break may fall between: single characters, numbers too
    /// (a break may land beside any thousands separator).
    mutating func atoms(_ prose: Prose) -> [String] {
        var output: [String] = []
        for (index, piece) in prose.pieces.enumerated() {
            switch piece {
            case .text(let text):
                output += (style.fullWidthPercent ? text.replacing("%", with: "％") : text).map { String($0) }
            case .number(let digits, let kind):
                if let last = output.last, last != " ", rng.chance(style.spaceAroundNumber) { output.append(" ") }
                let written = number(digits, kind)
                output += written.map { String($0) }
                if index + 1 < prose.pieces.count, rng.chance(style.spaceAroundNumber / 2) { output.append(" ") }
            }
        }
        return output
    }

    private mutating func number(_ digits: String, _ kind: Prose.NumberKind) -> String {
        var text = digits
        if kind == .count, text.count >= 4, let separator = style.thousandsSeparator, rng.chance(style.thousandsProbability) {
            text = Self.grouped(text, separator)
        } else if text.count >= 2, rng.chance(style.spaceInsideNumber) {
            let cut = text.index(text.startIndex, offsetBy: rng.int(in: 1...(text.count - 1)))
            text = String(text[..<cut]) + " " + String(text[cut...])
        }
        let fullWidth = style.digits == .fullWidth || (style.digits == .someFullWidth && rng.chance(0.4))
        return fullWidth ? Self.fullWidth(text) : text
    }

    /// `26641` → `26,641`.
    static func grouped(_ digits: String, _ separator: Character) -> String {
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(separator) }
            result.append(digit)
        }
        return result
    }

    /// ASCII digits and `.` as their full-width forms (`２６６４１`, `８２．２`).
    static func fullWidth(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            switch scalar {
            case "0"..."9": return Unicode.Scalar(scalar.value + 0xFEE0) ?? scalar
            case ".": return "．"
            default: return scalar
            }
        }))
    }

    // MARK: - Lines

    /// A paragraph broken into lines of about ``ArtefactStyle/lineWidth`` full-width characters,
    /// wherever the width runs out (the extractor knows nothing of words or numbers).
    mutating func wrap(_ atoms: [String]) -> [String] {
        var lines: [String] = []
        var line = ""
        var width = 0
        var limit = 2 * (style.lineWidth + rng.int(in: -1...1))
        for atom in atoms {
            // Full-width characters take two columns, ASCII one.
            let atomWidth = atom.reduce(0) { $0 + ($1.isASCII ? 1 : 2) }
            if width + atomWidth > limit && !line.isEmpty {
                lines.append(line)
                line = ""
                width = 0
                limit = 2 * (style.lineWidth + rng.int(in: -1...1))
            }
            line += atom
            width += atomWidth
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// The document's lines with blank lines, leading spaces and page breaks, joined with the
    /// style's line end; the page header and number follow every ``ArtefactStyle/linesPerPage``
    /// lines, wherever that falls.
    mutating func document(_ lines: [String]) -> String {
        var output: [String] = []
        var page = 1
        for (index, line) in lines.enumerated() {
            if index > 0 && index % style.linesPerPage == 0 {
                page += 1
                output += pageBreak(page)
            }
            output.append(rng.chance(style.leadingSpace) ? " " + line : line)
            switch style.blankLines {
            case .afterEveryLine: output.append("")
            case .afterMostLines: if rng.chance(0.85) { output.append("") }
            case .none: break
            }
        }
        let end = style.crlf ? "\r\n" : "\n"
        return (style.byteOrderMark ? "\u{FEFF}" : "") + output.joined(separator: end) + end
    }

    private mutating func pageBreak(_ page: Int) -> [String] {
        let number = rng.pick(["—\(page)—", "— \(page) —", "-\(page)-"])
        switch rng.int(in: 0...2) {
        case 0: return [Phrasebook.runningTitle, "", "", "", number, ""]
        case 1: return [number, "", Phrasebook.runningTitle, ""]
        default: return ["", Phrasebook.runningTitle, number]
        }
    }
}
