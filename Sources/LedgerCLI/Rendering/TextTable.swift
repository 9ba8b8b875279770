import LedgerProjections

/// A plain-text table whose columns line up in a terminal, where a Chinese character takes
/// two columns.
struct TextTable {
    enum Alignment { case left, right }

    var headers: [String]
    var alignments: [Alignment]
    var rows: [[String]] = []

    init(_ columns: [(String, Alignment)]) {
        headers = columns.map(\.0)
        alignments = columns.map(\.1)
    }

    mutating func add(_ row: [String]) { rows.append(row) }

    /// The table, indented by two spaces, one line a row. A left-aligned last column is not
    /// padded, so a long cell there costs nothing on the other rows.
    func render() -> String {
        let all = [headers] + rows
        let widths = headers.indices.map { column in all.map { Self.width($0[column]) }.max() ?? 0 }
        let last = headers.count - 1
        var output = ""
        for row in all {
            var line = "  "
            for column in row.indices {
                if column > 0 { line += "  " }
                let cell = row[column]
                let unpadded = column == last && alignments[column] == .left
                let padding = unpadded ? "" : String(repeating: " ", count: widths[column] - Self.width(cell))
                line += alignments[column] == .right ? padding + cell : cell + padding
            }
            output += line.trimmingTrailingSpaces()
            output += "\n"
        }
        return output
    }

    /// Display columns: East Asian wide and full-width characters take two.
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
    }

    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        let bytes = utf8
        guard bytes.last == UInt8(ascii: " ") else { return self }
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[bytes.index(before: end)] == UInt8(ascii: " ") { end = bytes.index(before: end) }
        return String(self[..<end])
    }
}

/// Numbers for people: `62,827`; a dash where nothing was reported.
enum Figures {
    static func count(_ value: Int?) -> String {
        value.map(Percent.grouped) ?? "—"
    }

    static func signed(_ value: Int?) -> String {
        guard let value else { return "—" }
        return (value > 0 ? "+" : "") + count(value)
    }

    static func percent(_ tenths: String?) -> String { tenths.map { $0 + "%" } ?? "—" }

    /// A bar of `width` cells for a share given as `"82.2"`.
    static func bar(_ tenths: String?, width: Int = 30) -> String {
        guard let tenths, let share = Double(tenths) else { return "" }
        let filled = Int((share / 100 * Double(width)).rounded())
        return "[" + String(repeating: "█", count: max(0, min(width, filled))) + String(repeating: "·", count: max(0, width - filled)) + "]"
    }
}
