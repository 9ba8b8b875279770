import LedgerDomain
import LedgerFormats

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
        let space = style.noBreakSpaces ? "\u{00A0}" : " "
        for (index, piece) in prose.pieces.enumerated() {
            switch piece {
            case .text(let text):
                let marked = style.punctuation.apply(style.fullWidthPercent ? text.replacing("%", with: "％") : text)
                for character in marked {
                    if style.invisibles > 0, let last = output.last?.last, Self.isHan(last), Self.isHan(character),
                       rng.chance(style.invisibles) {
                        output.append(rng.pick(["\u{00AD}", "\u{200B}"]))
                    }
                    output.append(String(character))
                }
            case .number(let digits, let kind):
                if let last = output.last, last != space, rng.chance(style.spaceAroundNumber) { output.append(space) }
                let written = number(digits, kind)
                output += written.map { String($0) }
                if index + 1 < prose.pieces.count, rng.chance(style.spaceAroundNumber / 2) { output.append(space) }
            }
        }
        return output
    }

    static func isHan(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { $0.properties.isIdeographic }
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

    /// A paragraph as lines: with the style's first-line indent, broken into lines of about
    /// ``ArtefactStyle/lineWidth`` full-width characters wherever the width runs out (the
    /// extractor knows nothing of words or numbers), or kept on one line (a word processor's).
    mutating func wrap(_ atoms: [String]) -> [String] {
        let atoms = (style.firstLineIndent.isEmpty ? [] : [style.firstLineIndent]) + atoms
        if style.paragraphs == .unbroken { return [atoms.joined()] }
        var lines: [String] = []
        var line = ""
        var width = 0
        var limit = 2 * (style.lineWidth + rng.int(in: -1...1))
        for atom in atoms {
            let atomWidth = Self.columns(atom)
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

    /// A line that is never wrapped, centred with spaces when the style centres headings.
    func centred(_ line: String) -> String {
        guard let width = style.centredIn else { return line }
        let padding = max(0, (width - Self.columns(line)) / 2)
        return String(repeating: " ", count: padding) + line
    }

    /// Full-width characters take two columns, ASCII one, invisible characters none.
    static func columns(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            switch scalar.value {
            case 0x00AD, 0x200B: return width
            case 0...0x7F, 0xA0: return width + 1
            default: return width + 2
            }
        }
    }

    /// The document's lines with blank lines, leading and trailing spaces and page breaks,
    /// joined with the style's line end; a page break (see ``ArtefactStyle/pages``) follows
    /// every ``ArtefactStyle/linesPerPage`` lines, wherever that falls.
    mutating func document(_ lines: [String]) -> String {
        var output: [String] = []
        let pageCount = style.linesPerPage == Int.max ? 1 : (lines.count + style.linesPerPage - 1) / style.linesPerPage
        var page = 1
        var formFeed = false
        for (index, line) in lines.enumerated() {
            if index > 0 && index % style.linesPerPage == 0 {
                page += 1
                switch style.pages {
                case .runningTitle: output += pageBreak(page)
                case .formFeed(let numbers):
                    output += [""] + [centred(pageNumber(page - 1, of: pageCount, numbers))]
                    formFeed = true
                case .none: break
                }
            }
            var written = rng.chance(style.leadingSpace) ? " " + line : line
            if rng.chance(style.trailingSpace) { written += String(repeating: " ", count: rng.int(in: 1...6)) }
            if formFeed {
                written = "\u{0C}" + written
                formFeed = false
            }
            output.append(written)
            switch style.blankLines {
            case .afterEveryLine: output.append("")
            case .afterMostLines: if rng.chance(0.85) { output.append("") }
            case .none: break
            }
        }
        if case .formFeed(let numbers) = style.pages {
            output += ["", centred(pageNumber(page, of: pageCount, numbers)), "\u{0C}"]
        }
        let end = style.crlf ? "\r\n" : "\n"
        return (style.byteOrderMark ? "\u{FEFF}" : "") + output.joined(separator: end) + end
    }

    private func pageNumber(_ page: Int, of count: Int, _ form: ArtefactStyle.PageNumbers) -> String {
        switch form {
        case .ofPages: return "第 \(page) 页 共 \(count) 页"
        case .dashed: return "- \(page) -"
        }
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
