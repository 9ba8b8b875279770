import Foundation
import Testing
@testable import LedgerDocuments

/// The PDF reader's text against poppler's `pdftotext`, page by page, whitespace aside: the
/// committed `NAME.pdftotext.txt` beside each fixture (so the comparison runs everywhere), and
/// `pdftotext` itself where it is installed. Each page must hold the same characters, as many
/// times each: no glyph lost, none invented. Their order may differ where two readers order a
/// page differently (poppler reads a date set right of the title after it; a table's wrapped
/// header cell), so it is compared as a multiset. Both are compared after NFKC, which folds the
/// Kangxi radicals Chromium's Type 3 fonts map some characters to (⼝ for 口) where poppler keeps
/// them; this reader takes those characters from the /ActualText Chromium writes around them.
@Suite("PDF text against poppler's pdftotext")
struct PDFPopplerComparisonTests {
    static let fixtures = PublishedFormsFactsTests.fixtures

    static let pdfs = ["2023-02.chromium-a4.pdf", "2023-02.chromium-a5.pdf", "2023-02.lo-a4.pdf", "2023-02.lo-b5.pdf",
                       "2023-06.chromium-a4.pdf", "2023-06.chromium-a5.pdf", "2023-06.lo-a4.pdf", "2023-06.lo-b5.pdf"]

    /// A page's characters with no whitespace at all, NFKC-folded, in code point order.
    static func folded(_ text: String) -> String {
        String(String.UnicodeScalarView(text.precomposedStringWithCompatibilityMapping.unicodeScalars
            .filter { !$0.properties.isWhitespace }.sorted { $0.value < $1.value }))
    }

    /// This reader's pages, folded.
    static func ours(_ name: String) throws -> [String] {
        let document = try DocumentReader.read(try [UInt8](Data(contentsOf: fixtures.appendingPathComponent(name))))
        let count = document.pageCount ?? 0
        return (1...max(count, 1)).map { page in folded(document.lines.filter { $0.page == page }.map(\.text).joined()) }
    }

    /// Poppler's pages (form feeds between them), folded; the empty piece after the last form feed dropped.
    static func poppler(_ text: String) -> [String] {
        var pages = text.components(separatedBy: "\u{0C}")
        if pages.last?.allSatisfy(\.isWhitespace) == true { pages.removeLast() }
        return pages.map(folded)
    }

    @Test("the committed pdftotext output: the same text on every page", arguments: pdfs)
    func committed(name: String) throws {
        let reference = try String(contentsOf: Self.fixtures.appendingPathComponent(name.replacingOccurrences(of: ".pdf", with: ".pdftotext.txt")),
                                   encoding: .utf8)
        let expected = Self.poppler(reference)
        let pages = try Self.ours(name)
        #expect(pages.count == expected.count)
        for (index, (mine, theirs)) in zip(pages, expected).enumerated() {
            let ours = Dictionary(mine.unicodeScalars.map { ($0, 1) }, uniquingKeysWith: +)
            let poppler = Dictionary(theirs.unicodeScalars.map { ($0, 1) }, uniquingKeysWith: +)
            let differing = Set(ours.keys).union(poppler.keys).filter { ours[$0] != poppler[$0] }
                .map { "\($0) ours \(ours[$0] ?? 0), poppler \(poppler[$0] ?? 0)" }
            #expect(mine == theirs, "\(name) page \(index + 1): \(differing.sorted().joined(separator: "; "))")
        }
    }

    @Test("pdftotext itself, where installed", arguments: pdfs)
    func live(name: String) throws {
        guard let tool = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first(where: FileManager.default.isExecutableFile) else {
            print("SKIPPED: pdftotext (Debian poppler-utils) is not installed")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = [Self.fixtures.appendingPathComponent(name).path, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try Self.ours(name) == Self.poppler(String(decoding: output, as: UTF8.self)), "\(name)")
    }
}
