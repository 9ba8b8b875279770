import Testing
import LedgerDocuments
import LedgerFormats
@testable import LedgerCLI

/// The document readers' refusals and notes through the catalogue: the English the catalogue
/// renders is the reader's own `description`, word for word, and the Chinese differs.
@Suite struct DocumentMessageTests {
    static let errors: [DocumentReadError] = [
        .text(TextDecodingError(.empty)), .text(TextDecodingError(.binary(byteOffset: 1_234))),
        .text(TextDecodingError(.undecodable(encoding: .gb18030, byteOffset: 1_234, line: 17))),
        .text(TextDecodingError(.undecodable(encoding: .utf16BE, byteOffset: 7, line: nil))),
        .text(TextDecodingError(.tooLarge(bytes: 20_000_000, limit: 16 << 20))),
        .pdf(.notAPDF), .pdf(.damaged("no trailer")), .pdf(.encrypted(PDFReadError.needsPassword)), .pdf(.encrypted("with the /Adobe.PubSec security handler")),
        .pdf(.noTextLayer(pageCount: 1, imageCount: 1)), .pdf(.noTextLayer(pageCount: 3, imageCount: 2)), .pdf(.noTextLayer(pageCount: 1, imageCount: 0)),
        .pdf(.noTextLayer(pageCount: 2, imageCount: 0)), .pdf(.unsupportedFilter(name: "DCTDecode", page: 1)),
        .pdf(.unreadableFonts(fonts: ["F1 (X)", "F2 (Y)"], pages: [1, 2, 3, 5])), .pdf(.tooLarge("more than 100,000 objects")),
        .docx(.legacyOffice), .docx(.passwordProtected), .docx(.rtf), .docx(.notWordDocument(kind: "an Excel workbook (.xlsx)")),
        .docx(.notWordDocument(kind: "a zip archive")), .docx(.notWordDocument(kind: "a Hangul or OFD document")),
    ]

    @Test("every refusal of a reader: the catalogue's English is the reader's")
    func refusals() {
        for error in Self.errors {
            #expect(error.message.rendered(in: .english) == error.description)
            #expect(error.message.rendered(in: .chinese) != error.description, "\(error)")
        }
    }

    @Test("the binary evidence the decoder found is said in both languages, the English as the decoder's")
    func binary() {
        for bytes in [[0x41, 0x00, 0x42], Array(repeating: UInt8(0x01), count: 20) + [0x41]] as [[UInt8]] {
            do {
                _ = try TextDecoder.decode(bytes)
                Issue.record("decoded")
            } catch {
                #expect(error.message.rendered(in: .english) == error.description)
                #expect(error.message.rendered(in: .chinese).hasPrefix("文件看来是二进制文件（"))
            }
        }
    }

    @Test("every note of a reader: the catalogue's English is the reader's")
    func notes() {
        let notes: [DocumentNote] = [
            .onPage(2, .damagedContent(why: "an unterminated string")), .onPage(1, .scannedPage), .scannedPage,
            .unmappedGlyphs(font: "F1 (SimSun)", glyphs: 1, pages: [3]), .unmappedGlyphs(font: "F1 (SimSun)", glyphs: 40, pages: [1, 2, 4]),
            .onPage(1, .rotatedGlyphs(count: 1)), .rotatedGlyphs(count: 12), .partNotRead(part: "word/numbering.xml", reason: "XML error at line 1"),
            .furnitureNotRead(count: 3), .footnotesNotRead(count: 2), .fieldNotClosed, .symbolLeftOut(font: "Wingdings", code: "F0A7"),
            .importedPartNotRead, .undefinedList("7"), .listWithoutDefinition("7"), .numberingFormatAsDecimal("ganada"),
        ]
        for note in notes {
            #expect(note.message.rendered(in: .english) == note.description)
            #expect(note.message.rendered(in: .chinese) != note.description, "\(note)")
        }
        let pdfNotes: [PDFNote] = [.formDrawsItself(name: "Fm1"), .formsTooDeep(maxDepth: 12), .fontNotDefined(name: "F9"), .toUnicodeUndecodable,
                                   .predefinedCMap(font: "F2", baseFont: "SimSun", cmap: "UniGB-UCS2-H"), .crossReferenceRebuilt(reason: "no xref at offset 1234")]
        for note in pdfNotes.map({ DocumentNote.onPage(1, .pdf($0)) }) + pdfNotes.map(DocumentNote.pdf) {
            #expect(note.message.rendered(in: .english) == note.description)
            #expect(note.message.rendered(in: .chinese) != note.description, "\(note)")
        }
    }
}
