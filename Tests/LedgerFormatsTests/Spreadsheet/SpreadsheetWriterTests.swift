import Testing
@testable import LedgerFormats

/// The zip writer, CSV/TSV and the XLSX parts, as pure functions. The files are read back by
/// Python and LibreOffice in `LedgerCLITests/ExportTests`.
@Suite("Zip, CSV, TSV and XLSX writers")
struct SpreadsheetWriterTests {
    @Test("CRC-32 is zip's: the check value of 123456789")
    func crc() {
        #expect(ZipWriter.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(ZipWriter.crc32([]) == 0)
    }

    @Test("a stored archive: local headers, the bytes as given, the central directory, the end record")
    func zipLayout() throws {
        var zip = ZipWriter()
        try zip.add("a.txt", Array("hello".utf8))
        try zip.add("dir/中文.xml", Array("<x/>".utf8))
        #expect(throws: ZipWriter.Failure.duplicateName("a.txt")) { try zip.add("a.txt", []) }
        let bytes = zip.finished()
        #expect(Array(bytes.prefix(4)) == [0x50, 0x4B, 0x03, 0x04])
        #expect(Array(bytes[30..<35]) == Array("a.txt".utf8))
        #expect(Array(bytes[35..<40]) == Array("hello".utf8))
        let end = Array(bytes.suffix(22))
        #expect(Array(end.prefix(4)) == [0x50, 0x4B, 0x05, 0x06])
        #expect(end[10] == 2 && end[8] == 2, "two entries")
        #expect(zip.finished() == bytes, "deterministic")
    }

    static let table = SheetTable(name: "t", columns: ["name", "n", "share", "day"], rows: [
        [.text("司法厅"), .integer(-3), .decimal("82.2"), .date(days: 19_408, iso: "2023-02-20")],
        [.text("=1+2"), .integer(7), .empty, .empty],
        [.text("a,\"b\"\nc"), .empty, .decimal("-1.5"), .empty],
        [.text("-5"), .empty, .empty, .empty],
        [.text("@x\tz"), .empty, .empty, .empty],
    ])

    @Test("CSV: a BOM, CRLF, RFC 4180 quoting, formulas neutralised and negative numbers kept")
    func csv() {
        let text = String(decoding: DelimitedText.bytes(Self.table, delimiter: .comma), as: UTF8.self)
        #expect(text == "\u{FEFF}name,n,share,day\r\n司法厅,-3,82.2,2023-02-20\r\n'=1+2,7,,\r\n\"a,\"\"b\"\"\nc\",,-1.5,\r\n'-5,,,\r\n'@x\tz,,,\r\n")
        let plain = DelimitedText.bytes(Self.table, delimiter: .comma, byteOrderMark: false)
        #expect(plain.first == UInt8(ascii: "n"))
    }

    @Test("TSV: tabs between fields, a field holding a tab quoted")
    func tsv() {
        let text = String(decoding: DelimitedText.bytes(Self.table, delimiter: .tab), as: UTF8.self)
        #expect(text.hasPrefix("\u{FEFF}name\tn\tshare\tday\r\n司法厅\t-3\t82.2\t2023-02-20\r\n'=1+2\t7\t\t\r\n"))
        #expect(text.contains("\r\n\"'@x\tz\"\t\t\t\r\n"))
    }

    @Test("XLSX cells: numbers, decimals, date serials with their style, inline escaped text")
    func xlsxCells() {
        let row = XLSXWorkbook.row(2, Self.table.rows[0], style: nil)
        #expect(row == "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>司法厅</t></is></c><c r=\"B2\"><v>-3</v></c>"
            + "<c r=\"C2\" s=\"3\"><v>82.2</v></c><c r=\"D2\" s=\"1\"><v>44977</v></c></row>")
        #expect(XLSXWorkbook.row(3, [.text("a<b & \"c\"\u{1}")], style: nil).contains("<t>a&lt;b &amp; &quot;c&quot;</t>"))
        #expect(XLSXWorkbook.columnName(0) == "A" && XLSXWorkbook.columnName(25) == "Z" && XLSXWorkbook.columnName(26) == "AA")
        #expect(XLSXWorkbook.serial(days: 0) == 25_569)
    }

    @Test("a workbook holds the parts SpreadsheetML needs, a sheet per table")
    func workbookParts() throws {
        let bytes = try XLSXWorkbook.bytes([Self.table, SheetTable(name: "head", columns: ["field"], rows: [])])
        let text = String(decoding: bytes, as: UTF8.self)
        for part in ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
                     "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"] {
            #expect(text.contains(part), "\(part)")
        }
        #expect(text.contains("state=\"frozen\""))
        #expect(text.contains("formatCode=\"yyyy\\-mm\\-dd\""))
    }
}
