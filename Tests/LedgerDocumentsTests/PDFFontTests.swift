import LedgerFormats
import Testing
@testable import LedgerDocuments

/// Fonts and their Unicode: ToUnicode CMaps, Type3, simple encodings, predefined Chinese CMaps.
@Suite("PDF fonts")
struct PDFFontTests {
    static let toUnicode = """
        /CIDInit /ProcSet findresource begin 12 dict begin begincmap
        /CMapName /Adobe-Identity-UCS def
        1 begincodespacerange <0000> <FFFF> endcodespacerange
        2 beginbfchar <0003> <4E2D> <0004> <6587> endbfchar
        2 beginbfrange <0010> <0012> <0041>
        <0020> <0021> [<D83DDE00> <0048>] endbfrange
        endcmap CMapName currentdict /CMap defineresource pop end end
        """

    /// A one-page document whose font F2 is `font` (with extra objects), showing `content`.
    static func document(font: String, content: String, extra: [(Int, String)] = [], streams: [(Int, String, String)] = []) -> [UInt8] {
        var writer = PDFTestWriter()
        writer.add(1, "<< /Type /Catalog /Pages 2 0 R >>")
        writer.add(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595 842] /Resources << /Font << /F2 5 0 R /F1 6 0 R >> >> >>")
        writer.add(3, "<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>")
        writer.addStream(4, data: Array(content.utf8))
        writer.add(5, font)
        writer.add(6, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        for (number, body) in extra { writer.add(number, body) }
        for (number, dictionary, data) in streams { writer.addStream(number, dictionary, data: Array(data.utf8)) }
        return writer.build()
    }

    static let type0 = "<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+SimSun /Encoding /Identity-H /DescendantFonts [7 0 R] /ToUnicode 8 0 R >>"
    static let descendant = (7, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+SimSun /DW 1000 /W [16 [500 500 500] 32 33 600] >>")

    @Test("Type0 Identity-H with /ToUnicode: bfchar, bfrange with a start and with an array, a surrogate pair")
    func type0ToUnicode() throws {
        let file = Self.document(font: Self.type0, content: "BT /F2 12 Tf 72 700 Td <0003000400100011001200200021> Tj ET",
                                 extra: [Self.descendant], streams: [(8, "", Self.toUnicode)])
        let document = try PDFTextReader.read(file)
        #expect(document.lines.map(\.text) == ["中文ABC😀H"])
        #expect(document.notes.isEmpty)
    }

    @Test("Type3 with /ToUnicode, as headless Chromium writes CJK text")
    func type3() throws {
        let cmap = "1 begincodespacerange <00> <FF> endcodespacerange 2 beginbfchar <01> <5468> <02> <62A5> endbfchar"
        let font = "<< /Type /Font /Subtype /Type3 /FontMatrix [.001 0 0 -.001 0 0] /FontBBox [0 0 1000 1000] /CharProcs << /g1 9 0 R /g2 9 0 R >> /Encoding << /Type /Encoding /Differences [1 /g1 /g2] >> /FirstChar 1 /LastChar 2 /Widths [1000 1000] /ToUnicode 8 0 R /Resources << >> >>"
        let file = Self.document(font: font, content: "BT /F2 16 Tf 1 0 0 -1 72 100 Tm <0102> Tj ET",
                                 streams: [(8, "", cmap), (9, "", "1000 0 d0")])
        let document = try PDFTextReader.read(file)
        #expect(document.lines.map(\.text) == ["周报"])
        #expect(abs((document.lines.first?.position?.y ?? 0) - 742) < 0.01)
    }

    @Test("a /ToUnicode that maps to Kangxi radicals gives the unified ideographs (⼝ → 口)")
    func radicals() throws {
        let cmap = "1 begincodespacerange <00> <FF> endcodespacerange 3 beginbfchar <01> <7A97> <02> <2F1D> <03> <2E9F> endbfchar"
        let font = "<< /Type /Font /Subtype /Type3 /FontMatrix [.001 0 0 .001 0 0] /FontBBox [0 0 1000 1000] /CharProcs << >> /Encoding << /Differences [1 /g1 /g2 /g3] >> /FirstChar 1 /LastChar 3 /Widths [1000 1000 1000] /ToUnicode 8 0 R >>"
        let file = Self.document(font: font, content: "BT /F2 12 Tf 72 700 Td <010203> Tj ET", streams: [(8, "", cmap)])
        #expect(try PDFTextReader.read(file).lines.map(\.text) == ["窗口母"])
        #expect(PDFRadicals.unified("⼀⿕") == "一龠")
    }

    @Test("simple fonts: WinAnsi, MacRoman and Standard encodings, /Differences with glyph names")
    func simpleEncodings() throws {
        let font = "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding << /BaseEncoding /WinAnsiEncoding /Differences [65 /uni4E2D /quoteright /eacute /u1F600] >> >>"
        let file = Self.document(font: font, content: "BT /F2 12 Tf 72 700 Td <41424344939495> Tj ET")
        #expect(try PDFTextReader.read(file).lines.map(\.text) == ["中’é😀“”•"])
        let mac = Self.document(font: "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /MacRomanEncoding >>",
                                content: "BT /F2 12 Tf 72 700 Td <8E A5 D2> Tj ET")
        #expect(try PDFTextReader.read(mac).lines.map(\.text) == ["é•“"])
        let standard = Self.document(font: "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>",
                                     content: "BT /F2 12 Tf 72 700 Td (it's) Tj ET")
        #expect(try PDFTextReader.read(standard).lines.map(\.text) == ["it’s"])
    }

    @Test("predefined Chinese CMaps read without /ToUnicode", arguments: [
        ("UniGB-UCS2-H", "<4E2D6587>"),
        ("UniGB-UTF16-H", "<4E2D6587>"),
        ("GBK-EUC-H", "<D6D0CEC4>"),
        ("GB-EUC-H", "<D6D0CEC4>"),
        ("GBpc-EUC-H", "<D6D0CEC4>"),
    ])
    func predefined(_ cmap: String, _ string: String) throws {
        let font = "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /\(cmap) /DescendantFonts [7 0 R] >>"
        let file = Self.document(font: font, content: "BT /F2 12 Tf 72 700 Td \(string) Tj ET",
                                 extra: [(7, "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light >>")])
        let document = try PDFTextReader.read(file)
        #expect(document.lines.map(\.text) == ["中文"])
        #expect(document.notes.contains { $0.contains("predefined CMap \(cmap)") })
    }

    @Test("GBK-EUC mixes one-byte ASCII and two-byte codes")
    func gbkMixed() throws {
        let font = "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /GBK-EUC-H /DescendantFonts [7 0 R] >>"
        let file = Self.document(font: font, content: "BT /F2 12 Tf 72 700 Td <32303233C4EA> Tj ET",
                                 extra: [(7, "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light >>")])
        #expect(try PDFTextReader.read(file).lines.map(\.text) == ["2023年"])
    }

    @Test("Identity-H without /ToUnicode cannot be read: an error naming the font and pages, no invented text")
    func identityWithoutToUnicode() throws {
        let font = "<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+SimSun /Encoding /Identity-H /DescendantFonts [7 0 R] >>"
        let only = Self.document(font: font, content: "BT /F2 12 Tf 72 700 Td <00030004> Tj ET", extra: [Self.descendant])
        #expect(throws: PDFReadError.unreadableFonts(fonts: ["F2 (ABCDEF+SimSun, Type0, Identity-H)"], pages: [1])) {
            try PDFTextReader.read(only)
        }
        let mixed = Self.document(font: font, content: "BT /F2 12 Tf 72 700 Td <00030004> Tj /F1 12 Tf 0 -20 Td (Readable) Tj ET",
                                  extra: [Self.descendant])
        let document = try PDFTextReader.read(mixed)
        #expect(document.lines.map(\.text) == ["Readable"])
        #expect(document.notes.contains { $0.hasPrefix("error:") && $0.contains("ABCDEF+SimSun") && $0.contains("page 1") })
    }

    @Test("Identity-V: vertical text is read down its column, as rotated text, with a note")
    func vertical() throws {
        let font = Self.type0.replacing("Identity-H", with: "Identity-V")
        let file = Self.document(font: font, content: "BT /F2 12 Tf 300 700 Td <000300040010> Tj ET",
                                 extra: [Self.descendant], streams: [(8, "", Self.toUnicode)])
        let document = try PDFTextReader.read(file)
        #expect(document.lines.map(\.text) == ["中文A"])
        #expect(document.notes.contains { $0.contains("vertical") })
    }

    @Test("an LZW-compressed content stream, through ASCII85 (the chain of older producers)")
    func lzwContent() throws {
        var writer = PDFTestWriter()
        writer.add(1, "<< /Type /Catalog /Pages 2 0 R >>")
        writer.add(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 /Resources << /Font << /F1 5 0 R >> >> >>")
        writer.add(3, "<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>")
        // "BT /F1 12 Tf 72 700 Td (Hello) Tj ET" as LZW (EarlyChange 1), then ASCIIHex.
        let lzw = PDFLZWEncoder.encode(Array("BT /F1 12 Tf 72 700 Td (Hello) Tj ET".utf8))
        let hex = lzw.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined() + ">"
        writer.addStream(4, "/Filter [/AHx /LZWDecode]", data: Array(hex.utf8))
        writer.add(5, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        #expect(try PDFTextReader.read(writer.build()).lines.map(\.text) == ["Hello"])
    }

    @Test("widths from /W advance CID glyphs: a gap after narrow glyphs is measured right")
    func cidWidths() throws {
        // Codes 0x10–0x12 are 500 units wide: "AB" then a 1-em move gives a space, not a cell.
        let file = Self.document(font: Self.type0, content: "BT /F2 10 Tf 72 700 Td [<00100011> -1000 <0012>] TJ ET",
                                 extra: [Self.descendant], streams: [(8, "", Self.toUnicode)])
        #expect(try PDFTextReader.read(file).lines.map(\.text) == ["AB C"])
    }
}

/// A minimal LZW encoder (9-bit codes suffice for short inputs), to test the decoder through the reader.
enum PDFLZWEncoder {
    static func encode(_ data: [UInt8]) -> [UInt8] {
        var table: [[UInt8]: Int] = [:]
        for byte in 0..<256 { table[[UInt8(byte)]] = byte }
        var next = 258
        var codes = [256]
        var current: [UInt8] = []
        for byte in data {
            if table[current + [byte]] != nil {
                current += [byte]
                continue
            }
            codes.append(table[current] ?? 0)
            table[current + [byte]] = next
            next += 1
            current = [byte]
        }
        if !current.isEmpty { codes.append(table[current] ?? 0) }
        codes.append(257)
        var bits: [Bool] = codes.flatMap { code in (0..<9).reversed().map { code >> $0 & 1 == 1 } }
        while bits.count % 8 != 0 { bits.append(false) }
        return stride(from: 0, to: bits.count, by: 8).map { start in
            bits[start..<(start + 8)].reduce(UInt8(0)) { $0 << 1 | ($1 ? 1 : 0) }
        }
    }
}
