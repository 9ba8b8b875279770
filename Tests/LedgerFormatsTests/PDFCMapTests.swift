import Testing
@testable import LedgerFormats

/// CMaps, glyph names and text strings.
@Suite("PDF CMaps and glyph names")
struct PDFCMapTests {
    @Test("code space ranges of mixed lengths split a string into codes")
    func codespace() {
        let cmap = PDFCMapParser.parse(Array("2 begincodespacerange <00> <80> <8140> <FEFE> endcodespacerange".utf8))
        let bytes: [UInt8] = [0x41, 0xD6, 0xD0, 0x42]
        var codes: [UInt32] = []
        var index = 0
        while index < bytes.count {
            let (code, length) = cmap.nextCode(bytes, at: index)
            codes.append(code)
            index += length
        }
        #expect(codes == [0x41, 0xD6D0, 0x42])
    }

    @Test("bfchar to a name, bfrange past 65,536 codes kept as a range, four-byte codes")
    func ranges() {
        let text = """
            1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange
            1 beginbfchar <00000001> /quoteright endbfchar
            1 beginbfrange <00010000> <0010FFFF> <4E00> endbfrange
            """
        let cmap = PDFCMapParser.parse(Array(text.utf8))
        #expect(cmap.unicode(code: 1, length: 4) == "’")
        #expect(cmap.unicode(code: 0x0001_0001, length: 4) == "丁")
        #expect(cmap.unicodeRanges.count == 1)
    }

    @Test("glyph names", arguments: [("uni4E2D", "中"), ("uni00410042", "AB"), ("u1F600", "😀"), ("quotedblleft", "“"),
                                     ("eacute", "é"), ("A.sc", "A"), ("zero", "0"), ("space", " ")])
    func glyphNames(_ name: String, _ expected: String) {
        #expect(PDFGlyphNames.unicode(name) == expected)
    }

    @Test("names that say nothing give nothing", arguments: ["g12", "cid345", "a1", "uniZZZZ", ""])
    func meaningless(_ name: String) {
        #expect(PDFGlyphNames.unicode(name) == nil)
    }

    @Test("text strings: UTF-16 with a byte order mark, PDFDocEncoding otherwise")
    func textStrings() {
        #expect(PDFText.decode([0xFE, 0xFF, 0x4E, 0x2D, 0xD8, 0x3D, 0xDE, 0x00]) == "中😀")
        #expect(PDFText.decode([0x41, 0x80, 0x93]) == "A•ﬁ")
    }

    @Test("predefined CMaps", arguments: ["UniGB-UCS2-H", "UniGB-UTF16-V", "GBK-EUC-H", "GB-EUC-V", "GBpc-EUC-H"])
    func predefined(_ name: String) {
        #expect(PDFPredefinedCMap(name: name) != nil)
        #expect(PDFPredefinedCMap(name: "Identity-H") == nil)
        #expect(PDFPredefinedCMap.gb.unicode(code: 0xD6D0, length: 2) == "中")
    }
}

/// Inputs the fuzzer found.
@Suite("PDF CMaps: fuzzer findings")
struct PDFCMapFuzzFindings {
    @Test("an empty source code in bfchar is ignored, not read past its end")
    func emptySource() {
        let cmap = PDFCMapParser.parse(Array("1 beginbfchar <> <0041> endbfchar 1 beginbfchar <0102030405> <0042> endbfchar".utf8))
        #expect(cmap.unicode.isEmpty)
        #expect(PDFCMap.read([], at: 0, length: 2) == (0, 1))
    }
}
