import Testing
import LedgerTestSupport
@testable import LedgerDocuments
import LedgerFormats

/// Files that are not a readable .docx are refused with a sentence saying what they are.
@Suite("Docx errors")
struct DocxErrorTests {
    /// Bytes and the error reading them as a .docx must give.
    struct Refused: CustomTestStringConvertible, Sendable {
        var testDescription: String
        var bytes: [UInt8]
        var expected: DocxReadError
    }

    static let ole2 = DocumentFormat.ole2Signature + [UInt8](repeating: 0, count: 504)

    static let refused: [Refused] = [
        .init(testDescription: "Word 97–2003 or WPS (OLE2)", bytes: ole2 + Array("WordDocument".utf8), expected: .legacyOffice),
        .init(testDescription: "password-protected (OLE2 EncryptedPackage)",
              bytes: ole2 + Array("EncryptedPackage".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, expected: .passwordProtected),
        .init(testDescription: "RTF", bytes: Array("{\\rtf1\\ansi 窗口}".utf8), expected: .rtf),
        .init(testDescription: "not a zip", bytes: Array("2023年第 6期".utf8), expected: .damagedArchive(.notZip)),
        .init(testDescription: "Excel workbook", bytes: TestZip.archive([.init("xl/workbook.xml", "<workbook/>")]),
              expected: .notWordDocument(kind: "an Excel workbook (.xlsx)")),
        .init(testDescription: "PowerPoint", bytes: TestZip.archive([.init("ppt/presentation.xml", "<p/>")]),
              expected: .notWordDocument(kind: "a PowerPoint presentation (.pptx)")),
        .init(testDescription: "OpenDocument text", bytes: TestZip.archive([.init("mimetype", "application/vnd.oasis.opendocument.text"),
                                                                             .init("content.xml", "<office:document-content/>")]),
              expected: .notWordDocument(kind: "an OpenDocument text (.odt)")),
        .init(testDescription: "another zip", bytes: TestZip.archive([.init("a.txt", "a")]), expected: .notWordDocument(kind: "a zip archive")),
        .init(testDescription: "a zip bomb inside", bytes: TestZip.archive([.init("word/document.xml", [UInt8](repeating: 0x20, count: 1 << 24), deflated: true)]),
              expected: .damagedArchive(.tooLarge(entry: "word/document.xml", declaredBytes: 1 << 24,
                                                  limitBytes: TestZip.rawDeflate([UInt8](repeating: 0x20, count: 1 << 24)).count * 200))),
        .init(testDescription: "a damaged entry (bad CRC-32)", bytes: badCRC(), expected: .damagedArchive(.checksumMismatch(
            entry: "word/document.xml", declared: 7, actual: TestZip.crc(Array("<w:document/>".utf8))))),
        .init(testDescription: "document.xml not well-formed", bytes: TestZip.archive([.init("word/document.xml", "<w:document><w:body></w:document>")]),
              expected: .unreadablePart(part: "word/document.xml", XMLError(reason: .mismatchedTag(expected: "w:body", found: "w:document"),
                                                                           byteOffset: 20, line: 1, column: 21))),
        .init(testDescription: "billion laughs in document.xml",
              bytes: TestZip.archive([.init("word/document.xml", "<!DOCTYPE s [<!ENTITY a \"aaaa\">]><s>&a;</s>")]),
              expected: .unreadablePart(part: "word/document.xml", XMLError(reason: .entityDeclaration, byteOffset: 13, line: 1, column: 14))),
    ]

    @Test("refused with what the file is", arguments: refused)
    func refusedFiles(_ test: Refused) {
        do {
            let document = try DocxReader.read(test.bytes)
            Issue.record("read \(document.lines.count) lines")
        } catch {
            #expect(error == test.expected)
        }
    }

    @Test("each refusal is one sentence naming what to do")
    func sentences() {
        for test in Self.refused {
            let text = test.expected.description
            #expect(text.contains("save it") || text.contains("save the bulletin") || text.contains("password"), "\(text)")
            #expect(!text.contains("\n"))
        }
        #expect(DocxReadError.legacyOffice.description
            == "this is a Word 97–2003 (.doc) or WPS file; ledger reads .docx and PDF: save it as .docx or PDF")
    }

    @Test("a damaged styles or numbering part is left out with a note; the body is read")
    func damagedSupportingPart() throws {
        let bytes = TestZip.archive([
            .init("word/document.xml", "<w:document \(TestDocx.namespaces)><w:body>\(TestDocx.p("正文", TestDocx.numPr(1, 0)))</w:body></w:document>"),
            .init("word/styles.xml", "<!DOCTYPE s [<!ENTITY a \"aaaa\">]><s>&a;</s>"),
            .init("word/numbering.xml", "<w:numbering>"),
        ])
        let document = try DocxReader.read(bytes)
        #expect(document.lines.map(\.text) == ["正文"])
        #expect(document.notes.count == 3)
        #expect(document.notes.first?.hasPrefix("the part word/numbering.xml could not be read, so list numbers may be missing (XML error at line 1") == true)
        #expect(document.notes.dropFirst().first?.hasPrefix("the part word/styles.xml could not be read") == true)
    }

    static func badCRC() -> [UInt8] {
        var entry = TestZip.Entry("word/document.xml", "<w:document/>")
        entry.crc = 7
        return TestZip.archive([entry])
    }

    @Test("every truncation and every flipped byte of a .docx is read or refused, never a crash")
    func damage() {
        let good = TestDocx.make(TestDocx.p("一、综窗改革攻坚行动", TestDocx.numPr(1, 0)),
                                 numbering: TestDocx.abstractNum(1, [("chineseCounting", "%1、", 1)]) + TestDocx.num(1, 1))
        #expect((try? DocxReader.read(good))?.lines.count == 1)
        for length in stride(from: 0, to: good.count, by: 7) {
            _ = try? DocxReader.read(Array(good.prefix(length)))
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            var bytes = good
            bytes[Int.random(in: 0..<bytes.count, using: &generator)] ^= UInt8.random(in: 1...255, using: &generator)
            _ = try? DocxReader.read(bytes)
        }
    }
}
