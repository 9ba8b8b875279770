/// ``SheetTable``s as an Excel workbook (`.xlsx`, Office Open XML SpreadsheetML) that Excel,
/// WPS 表格 and LibreOffice open: a zip of stored XML parts (``ZipWriter``).
///
/// Numbers are numbers; dates are serial numbers (days since 1899-12-30) with a `yyyy-mm-dd`
/// style, so they sort and filter as dates; text is inline (`t="inlineStr"`), XML-escaped, with
/// characters XML cannot hold dropped. Each sheet's header row is bold and frozen, and its
/// columns are as wide as their longest value (a Chinese character counts two).
public enum XLSXWorkbook {
    /// The workbook's bytes: one sheet per table, in order.
    public static func bytes(_ sheets: [SheetTable]) throws(ZipWriter.Failure) -> [UInt8] {
        precondition(!sheets.isEmpty, "a workbook has at least one sheet")
        var zip = ZipWriter()
        try zip.add("[Content_Types].xml", Array(contentTypes(sheetCount: sheets.count).utf8))
        try zip.add("_rels/.rels", Array(packageRelationships.utf8))
        try zip.add("xl/workbook.xml", Array(workbook(sheets.map(\.name)).utf8))
        try zip.add("xl/_rels/workbook.xml.rels", Array(workbookRelationships(sheetCount: sheets.count).utf8))
        try zip.add("xl/styles.xml", Array(styles.utf8))
        for (index, sheet) in sheets.enumerated() {
            try zip.add("xl/worksheets/sheet\(index + 1).xml", worksheet(sheet))
        }
        return zip.finished()
    }

    /// Style indexes into `cellXfs` (see ``styles``).
    enum Style: Int {
        case plain = 0, date = 1, header = 2, decimal = 3
    }

    /// Excel's serial number of the day `days` after 1970-01-01 (serial 25569).
    static func serial(days: Int) -> Int { days + 25_569 }

    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static func contentTypes(sheetCount: Int) -> String {
        var xml = declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        xml += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        for index in 1...sheetCount {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(index).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return xml + "</Types>"
    }

    static let packageRelationships = declaration
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    static func workbook(_ names: [String]) -> String {
        var xml = declaration + "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\"><sheets>"
        for (index, name) in names.enumerated() {
            xml += "<sheet name=\"\(escaped(sheetName(name)))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        return xml + "</sheets></workbook>"
    }

    static func workbookRelationships(sheetCount: Int) -> String {
        var xml = declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for index in 1...sheetCount {
            xml += "<Relationship Id=\"rId\(index)\" Type=\"\(relationshipNamespace)/worksheet\" Target=\"worksheets/sheet\(index).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
        return xml + "</Relationships>"
    }

    /// Fonts: normal, bold. Number formats: 164 `yyyy-mm-dd`, 165 `0.0`. Cell formats in
    /// ``Style`` order: plain, date, bold header, one decimal.
    static let styles = declaration + "<styleSheet xmlns=\"\(mainNamespace)\">"
        + "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd\"/><numFmt numFmtId=\"165\" formatCode=\"0.0\"/></numFmts>"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"4\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        + "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"

    /// A sheet: frozen bold header, column widths, then the rows.
    static func worksheet(_ table: SheetTable) -> [UInt8] {
        var xml = declaration + "<worksheet xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
        xml += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
        xml += "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
        xml += "<cols>"
        for (index, width) in columnWidths(table).enumerated() {
            xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
        }
        xml += "</cols><sheetData>"
        var bytes = Array(xml.utf8)
        bytes += Array(row(1, table.columns.map(SheetTable.Cell.text), style: .header).utf8)
        for (index, cells) in table.rows.enumerated() { bytes += Array(row(index + 2, cells, style: nil).utf8) }
        bytes += Array("</sheetData></worksheet>".utf8)
        return bytes
    }

    static func row(_ number: Int, _ cells: [SheetTable.Cell], style: Style?) -> String {
        var xml = "<row r=\"\(number)\">"
        for (index, cell) in cells.enumerated() {
            let reference = columnName(index) + String(number)
            let styled = style.map { " s=\"\($0.rawValue)\"" } ?? ""
            switch cell {
            case .empty: continue
            case .integer(let value): xml += "<c r=\"\(reference)\"\(styled)><v>\(value)</v></c>"
            case .decimal(let text) where SheetTable.Cell.isPlainDecimal(text):
                xml += "<c r=\"\(reference)\" s=\"\((style ?? .decimal).rawValue)\"><v>\(text)</v></c>"
            case .decimal(let text), .text(let text):
                let space = text.first?.isWhitespace == true || text.last?.isWhitespace == true ? " xml:space=\"preserve\"" : ""
                xml += "<c r=\"\(reference)\"\(styled) t=\"inlineStr\"><is><t\(space)>\(escaped(text))</t></is></c>"
            case .date(let days, _):
                xml += "<c r=\"\(reference)\" s=\"\((style ?? .date).rawValue)\"><v>\(serial(days: days))</v></c>"
            }
        }
        return xml + "</row>"
    }

    /// `A`, `B`, … `Z`, `AA`, … for a zero-based column index.
    static func columnName(_ index: Int) -> String {
        var name = ""
        var rest = index + 1
        while rest > 0 {
            let remainder = (rest - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            rest = (rest - 1) / 26
        }
        return name
    }

    /// Widths in characters: the longest value of each column, a wide character counting two,
    /// between 6 and 60.
    static func columnWidths(_ table: SheetTable) -> [Int] {
        func width(_ text: String) -> Int {
            text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
        }
        return table.columns.indices.map { column in
            var longest = width(table.columns[column])
            // The first thousand rows decide: a long history need not be measured whole.
            for row in table.rows.prefix(1000) {
                let cell = row[column]
                switch cell {
                case .date: longest = max(longest, 10)
                default: longest = max(longest, width(DelimitedText.field(cell)))
                }
            }
            return min(max(longest + 2, 6), 60)
        }
    }

    /// A sheet's name as Excel allows it: at most 31 characters, none of `[]:*?/\`.
    static func sheetName(_ name: String) -> String {
        let allowed = name.filter { !"[]:*?/\\".contains($0) }
        return String((allowed.isEmpty ? "Sheet" : allowed).prefix(31))
    }

    /// Text escaped for XML, without the characters XML 1.0 cannot hold (C0 controls but tab,
    /// LF and CR; U+FFFE, U+FFFF).
    static func escaped(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
