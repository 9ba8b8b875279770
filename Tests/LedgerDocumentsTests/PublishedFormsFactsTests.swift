import Foundation
import Testing
import LedgerDomain
import LedgerFormats
import LedgerParser
@testable import LedgerDocuments

/// The bulletin as the hall publishes it (Chromium's and LibreOffice's PDFs, two page layouts
/// each, encrypted copies) and as its staff write it (LibreOffice's .docx, lists automatic or
/// typed) gives exactly the facts of the text the real issue was extracted to; every line is
/// accounted for, and no reader or parser warning is raised.
@Suite("Published forms give the text's facts")
struct PublishedFormsFactsTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let textFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("LedgerParserTests/Fixtures")

    static let documents = [
        "2023-02.chromium-a4.pdf", "2023-02.chromium-a5.pdf", "2023-02.lo-a4.pdf", "2023-02.lo-b5.pdf",
        "2023-02.lo-b5.aes128.pdf", "2023-02.lo-b5.rc4-40.pdf", "2023-02.lo-lists.docx", "2023-02.lo-plain.docx",
        "2023-06.chromium-a4.pdf", "2023-06.chromium-a5.pdf", "2023-06.lo-a4.pdf", "2023-06.lo-b5.pdf",
        "2023-06.lo-lists.docx", "2023-06.lo-plain.docx",
    ]

    /// The facts of a bulletin, without where they stood: each event's type, date and payload,
    /// the masthead's less what depends on the layout (the lines of page furniture, how it was decoded).
    static func facts(_ lines: [String]) throws -> [String] {
        let outcome = BulletinParser.parse(lines: lines)
        let bulletin = try #require(outcome.bulletin)
        return bulletin.events(document: SHA256.hash("same"), encoding: "any", partial: false).map { event in
            var payload = event.payload
            payload["artefactLines"] = nil
            return "\(event.type) \(event.valid?.description ?? "") \(JSONWriter.string(.object(payload)))"
        }
    }

    /// What a producer itself left out of what it drew (seen on the rendered page, and in
    /// poppler's text alike): LibreOffice 7.4 drops the 、 that would end a line of 2023-06 on
    /// A4 page 4 (`…检测有限公司` / `攀枝花顺畅…`). The text's facts are compared with it applied.
    static let producerLosses: [String: [(String, String)]] = [
        "2023-06.lo-a4.pdf": [("公司、攀枝花顺畅", "公司攀枝花顺畅")],
    ]

    @Test("each document gives the text fixture's facts, with no warning and every line placed", arguments: documents)
    func sameFacts(name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: Self.fixtures.appendingPathComponent(name)))
        let document = try DocumentReader.read(bytes)
        let lines = document.lines.map(\.text)
        let text = try String(contentsOf: Self.textFixtures.appendingPathComponent(String(name.prefix(7)) + ".txt"), encoding: .utf8)
        var textLines = text.components(separatedBy: "\n")
        if textLines.last == "" { textLines.removeLast() }
        for (printed, drawn) in Self.producerLosses[name] ?? [] {
            textLines = textLines.map { $0.replacingOccurrences(of: printed, with: drawn) }
        }
        #expect(try Self.facts(lines) == Self.facts(textLines))
        let outcome = BulletinParser.parse(lines: lines)
        #expect(!outcome.diagnostics.contains { $0.severity >= .warning }, "\(outcome.diagnostics)")
        #expect(outcome.account?.violations.isEmpty == true)
        #expect(document.format == (name.hasSuffix(".pdf") ? .pdf : .docx))
        if document.format == .pdf {
            #expect(document.lines.allSatisfy { $0.page != nil } && (document.pageCount ?? 0) >= 2, "pages: \(document.pageCount ?? 0)")
        }
    }
}
