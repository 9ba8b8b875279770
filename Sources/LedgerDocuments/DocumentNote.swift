import LedgerFormats

/// Something a reader noticed that a person may want to know, as a value: one case per
/// sentence, with what varies as typed arguments. ``description`` is the English sentence (as
/// `ledger extract --json` carries it); the CLI renders the same case in the user's language.
public indirect enum DocumentNote: Equatable, Sendable, CustomStringConvertible {
    /// A note about one page of a PDF.
    case onPage(Int, DocumentNote)
    /// A page's content is damaged (the PDF layer's reason, in English).
    case damagedContent(why: String)
    /// A page has images but no text.
    case scannedPage
    /// A font whose glyphs map to no Unicode text, on which pages.
    case unmappedGlyphs(font: String, glyphs: Int, pages: [Int])
    /// Glyphs that run sideways or top to bottom.
    case rotatedGlyphs(count: Int)
    /// A supporting part of a .docx (numbering, styles) that could not be read (its reason, in English).
    case partNotRead(part: String, reason: String)
    /// A .docx's header and footer parts, not read.
    case furnitureNotRead(count: Int)
    /// Footnote or endnote references met, their notes not read.
    case footnotesNotRead(count: Int)
    /// A field not closed by the document's end.
    case fieldNotClosed
    /// A symbol-font character left out.
    case symbolLeftOut(font: String, code: String)
    /// An imported part (w:altChunk), not read.
    case importedPartNotRead
    /// A paragraph naming a list that is not defined.
    case undefinedList(String)
    /// A list without a definition.
    case listWithoutDefinition(String)
    /// A list numbering format shown as decimal numbers.
    case numberingFormatAsDecimal(String)
    /// A note of the PDF layer below.
    case pdf(PDFNote)

    /// The sentence in English.
    public var description: String {
        switch self {
        case let .onPage(page, note): "page \(page): \(note)"
        case .damagedContent(let why): "its content is damaged (\(why)); what it drew before the damage was skipped"
        case .scannedPage: "it has images but no text; it looks scanned, and ledger does not read images"
        case let .unmappedGlyphs(font, glyphs, pages):
            "error: the font \(font) maps \(glyphs) glyph\(glyphs == 1 ? "" : "s") on page\(pages.count == 1 ? "" : "s") \(PDFTextReader.ranges(pages)) to no Unicode text (no usable /ToUnicode or encoding); they were left out"
        case .rotatedGlyphs(let count):
            "\(count) glyph\(count == 1 ? " runs" : "s run") sideways or top to bottom (a turned page, or vertical text): read in the order drawn, after the page's other lines; `ledger extract` shows how they read"
        case let .partNotRead(part, reason): "the part \(part) could not be read, so list numbers may be missing (\(reason))"
        case .furnitureNotRead(let count): "the document's \(count) header and footer parts are page furniture and were not read"
        case .footnotesNotRead(let count): "\(count) footnote or endnote references were met; the notes themselves were not read"
        case .fieldNotClosed: "a field was not closed by the document's end; its text so far was read"
        case let .symbolLeftOut(font, code): "a symbol from \(font) (private-use character \(code)) was left out"
        case .importedPartNotRead: "an imported part (w:altChunk) of the document was not read"
        case .undefinedList(let id): "a paragraph names the undefined list \(id); it is shown without its number"
        case .listWithoutDefinition(let id): "the list \(id) has no definition; its paragraphs are shown without their numbers"
        case .numberingFormatAsDecimal(let format): "the list numbering format \(format) is shown as decimal numbers"
        case .pdf(let note): note.description
        }
    }
}
