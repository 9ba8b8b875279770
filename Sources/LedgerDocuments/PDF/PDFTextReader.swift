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
        var notes: [DocumentNote] = []
        var unmapped: [String: (glyphs: Int, pages: [Int])] = [:]
        var images = 0
        for page in pages {
            let content: PDFPageContent
            do {
                content = try PDFContentInterpreter.run(document, page: page)
            } catch .unsupportedFilter(let name) {
                throw .unsupportedFilter(name: name, page: page.number)
            } catch .damaged(let why) {
                notes.append(.onPage(page.number, .damagedContent(why: why)))
                pageLines.append([])
                continue
            } catch {
                throw PDFReadError(error)
            }
            images += content.imageCount
            notes.append(contentsOf: content.notes.map { .onPage(page.number, .pdf($0)) })
            for (font, count) in content.unmappedGlyphs {
                unmapped[font, default: (0, [])].glyphs += count
                unmapped[font, default: (0, [])].pages.append(page.number)
            }
            let built = PDFLineBuilder.lines(content, page: page)
            notes.append(contentsOf: built.notes.map { .onPage(page.number, $0) })
            if built.lines.isEmpty && content.imageCount > 0 && content.unmappedGlyphs.isEmpty {
                notes.append(.onPage(page.number, .scannedPage))
            }
            pageLines.append(built.lines)
        }
        PDFFurniture.mark(&pageLines, pageHeights: pages.map(\.displayHeight))
        let lines = pageLines.flatMap { $0 }
        for (font, found) in unmapped.sorted(by: { $0.key < $1.key }) {
            notes.append(.unmappedGlyphs(font: font, glyphs: found.glyphs, pages: found.pages))
        }
        if lines.isEmpty {
            if !unmapped.isEmpty {
                throw .unreadableFonts(fonts: unmapped.keys.sorted(), pages: Array(Set(unmapped.values.flatMap(\.pages))).sorted())
            }
            throw .noTextLayer(pageCount: pages.count, imageCount: images)
        }
        return ExtractedDocument(format: .pdf, lines: lines, pageCount: pages.count, notices: document.notes.map(DocumentNote.pdf) + notes)
    }

    /// Page numbers as ranges: `1–3, 5`.
    public static func ranges(_ pages: [Int]) -> String {
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
