/// Undoes the artefacts of PDF extraction within one line, so that facts can be read from the
/// structure of the text rather than its typography.
///
/// - Full-width digits, letters and `％．：；（）` become one form: ASCII digits, letters, `%`
///   and `.`; `：；（）` stay full-width (the documents' own), ASCII `:;()` become full-width.
/// - Invisible characters (zero-width space, joiners, soft hyphen, byte-order mark, word joiner)
///   are removed wherever they stand: `109\u{200B}240` is `109240`.
/// - Spaces (ASCII, full-width, no-break, thin, narrow no-break, form feed) are removed unless both
///   neighbours are ASCII letters: `2023年 2月 2 7日` becomes `2023年2月27日`, `109\u{2009}240`
///   becomes `109240` (a single space inside a number is a thousands group or a split digit).
/// - A column gap between two digits (two or more spaces, a tab, a full-width space) becomes one
///   ASCII space, so that figures in a row of a table (`26641  27287`) stay two numbers: the
///   gap is never mended.
/// - A comma, ASCII or full-width, between a digit and exactly three digits (`9,862`,
///   `５０３，９７０`) is a thousands separator and becomes `,`, which ``Quantity`` reads on the
///   joined text (a separator can also stand at a line break); any other comma becomes `，`.
public enum TextNormalizer {
    /// Normalizes one line.
    public static func normalize(_ line: String) -> String {
        let mapped = line.unicodeScalars.filter { !isInvisible($0) }.map(mapScalar)
        var output = String.UnicodeScalarView()
        var spaceRun: [Unicode.Scalar] = []
        for (index, scalar) in mapped.enumerated() {
            if isSpace(scalar) {
                spaceRun.append(scalar)
                let after = index + 1 < mapped.count ? mapped[index + 1] : nil
                if let after, isSpace(after) { continue }
                defer { spaceRun.removeAll(keepingCapacity: true) }
                guard let before = output.last, let after else { continue }
                if isASCIILetter(before) && isASCIILetter(after) { output.append(" ") }
                else if isDigit(before) && isDigit(after) && isColumnGap(spaceRun) { output.append(" ") }
                continue
            }
            // Documents typed with a full-width input method separate thousands with `，` too; a
            // clause break between a digit and exactly three more digits is rare in prose.
            if scalar == "," || scalar == "，" {
                if let before = output.last, isDigit(before), isThousandsGroup(mapped, from: index + 1) {
                    output.append(",")
                    continue
                }
                output.append("，")
                continue
            }
            output.append(scalar)
        }
        return String(output)
    }

    static func mapScalar(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
            return Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar
        case 0xFF05: return "%"
        case 0xFF0E: return "."
        case 0x003A: return "："
        case 0x003B: return "；"
        case 0x0028: return "（"
        case 0x0029: return "）"
        case 0xFF0C: return "，"
        case 0x2014, 0x2015, 0x2013, 0xFF0D, 0x2500: return "—"
        case 0xFF5E: return "~"
        default: return scalar
        }
    }

    /// Spaces, and the form feed (U+000C) and vertical tab a layout-preserving extractor
    /// writes between pages, at the start of a page's first line.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x3000, 0xA0, 0x2002, 0x2003, 0x2007, 0x2008, 0x2009, 0x200A, 0x202F, 0x0C, 0x0B: return true
        default: return false
        }
    }

    /// Characters that print as nothing: removed, even inside a number.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B, 0x200C, 0x200D, 0x00AD, 0xFEFF, 0x2060: return true
        default: return false
        }
    }

    /// Whether a run of spaces separates two cells rather than the parts of one number: two or
    /// more spaces, a tab, or a full-width space.
    static func isColumnGap(_ run: [Unicode.Scalar]) -> Bool {
        run.count >= 2 || run.contains { $0 == "\t" || $0.value == 0x3000 }
    }

    static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    /// Whether exactly three digits follow (then a non-digit), ignoring spaces.
    private static func isThousandsGroup(_ scalars: [Unicode.Scalar], from start: Int) -> Bool {
        var digits = 0
        var index = start
        while index < scalars.count {
            let scalar = scalars[index]
            if isSpace(scalar) { index += 1; continue }
            guard isDigit(scalar) else { break }
            digits += 1
            index += 1
        }
        return digits == 3
    }
}
