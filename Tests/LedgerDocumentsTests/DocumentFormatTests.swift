import Testing
@testable import LedgerDocuments

/// The format is told by the bytes: a PDF header, a zip's first local header, else text.
@Suite("Document format")
struct DocumentFormatTests {
    @Test("recognised by content", arguments: [
        (Array("%PDF-1.7\n%âãÏÓ\n".utf8), DocumentFormat.pdf),
        (Array("\u{FEFF}junk before\n%PDF-1.4\n".utf8), .pdf),
        ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], .docx),
        (Array("2023年第 6期（总第 426期）\n".utf8), .text),
        ([], .text),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00], .legacyOffice),
        (Array("{\\rtf1\\ansi".utf8), .rtf),
    ])
    func recognised(_ bytes: [UInt8], _ format: DocumentFormat) {
        #expect(DocumentFormat.recognise(bytes) == format)
    }
}
