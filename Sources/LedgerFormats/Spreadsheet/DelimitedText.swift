/// A ``SheetTable`` as CSV (RFC 4180) or TSV, for Excel and WPS 表格.
///
/// UTF-8 with a byte-order mark by default (without one, Excel and WPS read UTF-8 as the
/// system's ANSI code page and show Chinese as mojibake); CRLF line ends; a field holding the
/// delimiter, a quote, CR or LF is quoted, its quotes doubled. A text cell that starts with
/// `=`, `+`, `-`, `@`, a tab or CR is prefixed with `'`, so a spreadsheet never runs it as a
/// formula (CSV injection); numbers are never prefixed, so `-3` stays the number −3.
public enum DelimitedText {
    /// The separator between fields.
    public enum Delimiter: Sendable {
        /// `,`: CSV.
        case comma
        /// A tab: TSV (quoted as CSV is where a field needs it).
        case tab

        var byte: UInt8 { self == .comma ? UInt8(ascii: ",") : UInt8(ascii: "\t") }
    }

    /// The UTF-8 byte-order mark.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The table's bytes: the header row, then one line per row, each ending in CRLF.
    public static func bytes(_ table: SheetTable, delimiter: Delimiter, byteOrderMark: Bool = true) -> [UInt8] {
        var output: [UInt8] = byteOrderMark ? Self.byteOrderMark : []
        output.reserveCapacity(64 * (table.rows.count + 1))
        appendLine(table.columns.map(SheetTable.Cell.text), delimiter: delimiter, to: &output)
        for row in table.rows { appendLine(row, delimiter: delimiter, to: &output) }
        return output
    }

    /// One cell as its field's text, before quoting.
    public static func field(_ cell: SheetTable.Cell) -> String {
        switch cell {
        case .empty: return ""
        case .integer(let value): return String(value)
        case .decimal(let text): return text
        case .date(_, let iso): return iso
        case .text(let text): return neutralised(text)
        }
    }

    /// Text that a spreadsheet would take for a formula, prefixed with `'`.
    static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return text }
        return "'" + text
    }

    private static func appendLine(_ cells: [SheetTable.Cell], delimiter: Delimiter, to output: inout [UInt8]) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { output.append(delimiter.byte) }
            appendField(field(cell), delimiter: delimiter, to: &output)
        }
        output += [0x0D, 0x0A]
    }

    private static func appendField(_ text: String, delimiter: Delimiter, to output: inout [UInt8]) {
        let utf8 = text.utf8
        let needsQuotes = utf8.contains { $0 == delimiter.byte || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A }
        guard needsQuotes else {
            output += utf8
            return
        }
        output.append(UInt8(ascii: "\""))
        for byte in utf8 {
            if byte == UInt8(ascii: "\"") { output.append(byte) }
            output.append(byte)
        }
        output.append(UInt8(ascii: "\""))
    }
}
