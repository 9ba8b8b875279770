import Foundation
import Testing
@testable import LedgerDocuments

/// The two real bulletins as the fixture helper produced them (Chromium A4 Type3 and A5
/// Identity-H, LibreOffice A4 Type1 and B5 TrueType, encrypted copies, a scan): their text less
/// the page furniture is the bulletin as written. The fixtures come from another branch; until
/// they are merged the tests print SKIPPED.
@Suite("PDF: the official fixtures")
struct PDFOfficialFixtureTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func bytes(_ name: String) -> [UInt8]? {
        (try? Data(contentsOf: directory.appendingPathComponent(name))).map { [UInt8]($0) }
    }

    static func squeezed(_ text: String) -> String { text.filter { !$0.isWhitespace } }

    /// The document's text less furniture, whitespace and the red masthead 窗口工作周报 of page 1.
    static func body(_ document: ExtractedDocument) -> String {
        let text = squeezed(document.lines.filter { !$0.isFurniture }.map(\.text).joined())
        return text.hasPrefix("窗口工作周报") ? String(text.dropFirst(6)) : text
    }

    @Test("the text less the furniture is the bulletin as written", arguments: [
        "2023-02.chromium-a4", "2023-02.chromium-a5", "2023-02.lo-a4", "2023-02.lo-b5",
        "2023-06.chromium-a4", "2023-06.chromium-a5", "2023-06.lo-b5",
    ])
    func bulletin(_ name: String) throws {
        guard let pdf = Self.bytes("\(name).pdf"), let clean = Self.bytes("\(name.prefix(7)).clean.txt") else {
            print("SKIPPED: the fixture \(name).pdf is not on this branch yet")
            return
        }
        let document = try PDFTextReader.read(pdf)
        #expect(Self.body(document) == Self.squeezed(String(decoding: clean, as: UTF8.self)))
        // Every page after the first has its running header and its page number marked.
        let pages = document.pageCount ?? 0
        for page in 2...max(2, pages) where pages >= 2 {
            let furniture = document.lines.filter { $0.page == page && $0.isFurniture }.map(\.text).joined()
            #expect(furniture.contains("窗口工作周报") && furniture.contains("\(page)"), "page \(page) of \(name)")
        }
        #expect(document.notes.isEmpty)
    }

    @Test("LibreOffice's table of the week's counts comes out one row a line, cells tab-separated")
    func table() throws {
        guard let pdf = Self.bytes("2023-06.lo-a4.pdf") else {
            print("SKIPPED: the fixture 2023-06.lo-a4.pdf is not on this branch yet")
            return
        }
        let lines = try PDFTextReader.read(pdf).lines.map(\.text)
        #expect(lines.contains("本周\t618\t116\t3189\t6346"))
        #expect(lines.contains("今年以来\t1748\t1156\t4110\t8406"))
    }

    @Test("the encrypted copies (AES-128, RC4 40-bit, empty user password) read like the plain file",
          arguments: ["2023-02.lo-b5.aes128", "2023-02.lo-b5.rc4-40"])
    func encrypted(_ name: String) throws {
        guard let pdf = Self.bytes("\(name).pdf"), let plain = Self.bytes("2023-02.lo-b5.pdf") else {
            print("SKIPPED: the fixture \(name).pdf is not on this branch yet")
            return
        }
        do {
            #expect(try PDFTextReader.read(pdf).lines == PDFTextReader.read(plain).lines)
        } catch {
            guard PDFEncryptionTests.isStub(error) else { throw error }
            print("SKIPPED: the standard security handler is the stub on this branch (\(name))")
        }
    }

    @Test("the scan has no text layer, and says so")
    func scan() {
        guard let pdf = Self.bytes("2023-06.scan.pdf") else {
            print("SKIPPED: the fixture 2023-06.scan.pdf is not on this branch yet")
            return
        }
        #expect(throws: PDFReadError.noTextLayer(pageCount: 1, imageCount: 1)) { try PDFTextReader.read(pdf) }
    }
}
