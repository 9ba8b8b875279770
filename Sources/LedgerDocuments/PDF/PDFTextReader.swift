import LedgerFormats

/// Reads a PDF's text layer into lines: each page's glyphs grouped by baseline, cells of a table
/// row separated by tabs, running headers, footers and page numbers marked as furniture.
public enum PDFTextReader {
    /// The document's lines, pages in order.
    ///
    /// Throws when the file is not a PDF, is damaged beyond repair, is encrypted with a password,
    /// has no text layer, or passes one of `limits`. Fonts that map some glyphs to no text give an
    /// `error:` note naming them and their pages; their glyphs are left out, never guessed.
    public static func read(_ bytes: [UInt8], limits: PDFLimits = .standard) throws(PDFReadError) -> ExtractedDocument {
        let document: PDFDocument
        let pages: [PDFPage]
        do {
            document = try PDFDocument(bytes, limits: limits)
            pages = try document.pages()
        } catch {
            throw PDFReadError(error)
        }
        var pageLines: [[DocumentLine]] = []
        var notes: [String] = []
        var unmapped: [String: (glyphs: Int, pages: [Int])] = [:]
        var images = 0
        for page in pages {
            let content: PDFPageContent
            do {
                content = try PDFContentInterpreter.run(document, page: page)
            } catch .unsupportedFilter(let name) {
                throw .unsupportedFilter(name: name, page: page.number)
            } catch .damaged(let why) {
                notes.append("page \(page.number): its content is damaged (\(why)); what it drew before the damage was skipped")
                pageLines.append([])
                continue
            } catch {
                throw PDFReadError(error)
            }
            images += content.imageCount
            notes.append(contentsOf: content.notes.map { "page \(page.number): \($0)" })
            for (font, count) in content.unmappedGlyphs {
                unmapped[font, default: (0, [])].glyphs += count
                unmapped[font, default: (0, [])].pages.append(page.number)
            }
            let built = PDFLineBuilder.lines(content, page: page)
            notes.append(contentsOf: built.notes.map { "page \(page.number): \($0)" })
            if built.lines.isEmpty && content.imageCount > 0 && content.unmappedGlyphs.isEmpty {
                notes.append("page \(page.number): it has images but no text; it looks scanned, and ledger does not read images")
            }
            pageLines.append(built.lines)
        }
        PDFFurniture.mark(&pageLines, pageHeights: pages.map(\.displayHeight))
        let lines = pageLines.flatMap { $0 }
        for (font, found) in unmapped.sorted(by: { $0.key < $1.key }) {
            notes.append("error: the font \(font) maps \(found.glyphs) glyph\(found.glyphs == 1 ? "" : "s") on page\(found.pages.count == 1 ? "" : "s") \(ranges(found.pages)) to no Unicode text (no usable /ToUnicode or encoding); they were left out")
        }
        if lines.isEmpty {
            if !unmapped.isEmpty {
                throw .unreadableFonts(fonts: unmapped.keys.sorted(), pages: Array(Set(unmapped.values.flatMap(\.pages))).sorted())
            }
            throw .noTextLayer(pageCount: pages.count, imageCount: images)
        }
        return ExtractedDocument(format: .pdf, lines: lines, pageCount: pages.count, notes: document.notes + notes)
    }

    /// Page numbers as ranges: `1–3, 5`.
    static func ranges(_ pages: [Int]) -> String {
        var parts: [String] = []
        var start: Int?
        var previous: Int?
        for page in Array(Set(pages)).sorted() {
            if let last = previous, page == last + 1 {
                previous = page
                continue
            }
            if let first = start, let last = previous { parts.append(first == last ? "\(first)" : "\(first)–\(last)") }
            start = page
            previous = page
        }
        if let first = start, let last = previous { parts.append(first == last ? "\(first)" : "\(first)–\(last)") }
        return parts.joined(separator: ", ")
    }
}
