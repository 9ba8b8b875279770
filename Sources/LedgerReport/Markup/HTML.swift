import LedgerProjections

/// Text made safe to place in an HTML or SVG document: the facts come from bulletins, and a
/// department called `<script>` must print as those eight characters.
enum HTML {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references, for element
    /// content and for attribute values in double or single quotes alike.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
            || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }) else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 16)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// An element with escaped text content: `<td class="num">62,827</td>`.
    static func element(_ name: String, _ text: String, class className: String? = nil) -> String {
        "<\(name)\(className.map { " class=\"\($0)\"" } ?? "")>\(escape(text))</\(name)>"
    }
}

/// Numbers for the page, computed with integers so every machine writes the same bytes.
enum Numerals {
    /// A coordinate to one decimal: `12.5`; `-3.0` is written `-3`.
    static func coordinate(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = Int((min(max(value, -1e12), 1e12) * 10).rounded())
        let whole = tenths.magnitude / 10, fraction = tenths.magnitude % 10
        return (tenths < 0 ? "-" : "") + String(whole) + (fraction == 0 ? "" : "." + String(fraction))
    }

    /// A count for people: `62,827`; a dash for nothing reported.
    static func count(_ value: Int?) -> String { value.map(Percent.grouped) ?? "—" }

    /// A change for people: `+36,186`, `-12`, `0`; a dash for unknown.
    static func signed(_ value: Int?) -> String {
        guard let value else { return "—" }
        return (value > 0 ? "+" : "") + Percent.grouped(value)
    }
}
