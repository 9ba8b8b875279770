/// A table for a spreadsheet: a header row and rows of typed cells, so that each writer keeps
/// numbers as numbers and dates as dates (``DelimitedText``, ``XLSXWorkbook``).
public struct SheetTable: Sendable, Equatable {
    /// One cell's value.
    public enum Cell: Sendable, Equatable {
        /// Nothing reported: an empty cell, never a zero.
        case empty
        /// Text, written as text (and neutralised against formula injection in CSV and TSV).
        case text(String)
        /// A whole number.
        case integer(Int)
        /// A decimal number as its digits (`82.2`), so no binary rounding changes what was printed.
        case decimal(String)
        /// A calendar day: `days` since 1970-01-01, and its `YYYY-MM-DD` form for text formats.
        case date(days: Int, iso: String)
    }

    /// The sheet's name (the projection's), for a workbook's tab.
    public var name: String
    /// The column names, in order.
    public var columns: [String]
    /// The rows; each has as many cells as there are columns.
    public var rows: [[Cell]]

    /// Creates a table; every row must have one cell per column.
    public init(name: String, columns: [String], rows: [[Cell]]) {
        precondition(rows.allSatisfy { $0.count == columns.count }, "every row has one cell per column")
        self.name = name
        self.columns = columns
        self.rows = rows
    }
}

extension SheetTable.Cell {
    /// Whether a decimal's text is digits with at most one point and an optional leading minus:
    /// the form a spreadsheet reads as a number in every locale's CSV import.
    static func isPlainDecimal(_ text: String) -> Bool {
        var digits = 0, points = 0
        for (index, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."): points += 1
            case UInt8(ascii: "-") where index == 0: continue
            default: return false
            }
        }
        return digits > 0 && points <= 1
    }
}
