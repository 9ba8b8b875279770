/// Undoes the artefacts of PDF extraction within one line, so that facts can be read from the
/// structure of the text rather than its typography.
///
/// - Full-width digits, letters and `％．：；（）` become one form: ASCII digits, letters, `%`
///   and `.`; `：；（）` stay full-width (the documents' own), ASCII `:;()` become full-width.
/// - Invisible characters (soft hyphen, zero-width joiners) are removed.
/// - Spaces (ASCII, full-width, no-break, form feed) are removed unless both neighbours are ASCII letters:
///   `2023年 2月 2 7日` becomes `2023年2月27日`.
/// - A comma, ASCII or full-width, between a digit and exactly three digits (`9,862`,
///   `５０３，９７０`) is a thousands separator and becomes `,`, which ``Quantity`` reads on the
///   joined text (a separator can also stand at a line break); any other comma becomes `，`.
public enum TextNormalizer {
    /// Normalizes one line.
    public static func normalize(_ line: String) -> String {
        let mapped = line.unicodeScalars.map(mapScalar)
        var output = String.UnicodeScalarView()
        for (index, scalar) in mapped.enumerated() {
            if isInvisible(scalar) { continue }
            if isSpace(scalar) {
                let before = output.last
                let after = mapped[(index + 1)...].first { !isSpace($0) }
                if let before, let after, isASCIILetter(before), isASCIILetter(after) { output.append(" ") }
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
        scalar == " " || scalar == "\t" || scalar.value == 0x3000 || scalar.value == 0xA0 || scalar.value == 0x2002
            || scalar.value == 0x2003 || scalar.value == 0x200B || scalar.value == 0xFEFF
            || scalar.value == 0x0C || scalar.value == 0x0B
    }

    /// Characters that print as nothing and never separate words: the soft hyphen (U+00AD) and
    /// the zero-width joiners and word joiner a word processor leaves between characters.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0xAD || scalar.value == 0x200C || scalar.value == 0x200D || scalar.value == 0x2060
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
