/// One line of a document as `ledger` reads it, with where it stood.
///
/// Lines are numbered by their place in ``ExtractedDocument/lines`` (line 1 first), whatever the
/// format: the numbers a fact cites are these, and `ledger extract FILE` prints them.
public struct DocumentLine: Sendable, Equatable {
    /// The line's text. Cells of a table row are separated by a tab; words the layout spaced
    /// apart by a single space.
    public var text: String
    /// The 1-based page the line is on (PDF); nil where the format has no pages (text, .docx).
    public var page: Int?
    /// Where the line starts on its page, in points from the page's top-left corner (PDF only).
    public var position: Position?
    /// True when the reader knows the line to be page furniture (a running header or footer, a
    /// page number), not the document's text. The parser still accounts for it.
    public var isFurniture: Bool

    /// A place on a page, in points (1/72 inch) from its top-left corner.
    public struct Position: Sendable, Equatable {
        /// Distance from the page's left edge.
        public var x: Double
        /// Distance of the line's baseline from the page's top edge.
        public var y: Double

        /// Creates a position.
        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    /// Creates a line.
    public init(text: String, page: Int? = nil, position: Position? = nil, isFurniture: Bool = false) {
        self.text = text
        self.page = page
        self.position = position
        self.isFurniture = isFurniture
    }
}

/// A document read into lines: what the parser reads, and what `ledger extract` shows.
public struct ExtractedDocument: Sendable, Equatable {
    /// The format the bytes were in.
    public var format: DocumentFormat
    /// The lines, in reading order (line 1 first).
    public var lines: [DocumentLine]
    /// How many pages the document has (PDF); nil for formats without pages.
    public var pageCount: Int?
    /// What the reader noticed and a person may want to know (a font read through a predefined
    /// CMap, a damaged stream read up to its damage), as values.
    public var notices: [DocumentNote]
    /// How the bytes were read, as recorded with the issue: the text encoding (`utf-8`,
    /// `gb18030`…) for text, else the format (`pdf`, `docx`).
    public var decodedAs: String

    /// Creates an extracted document.
    public init(format: DocumentFormat, lines: [DocumentLine], pageCount: Int? = nil, notices: [DocumentNote] = []) {
        self.format = format
        self.lines = lines
        self.pageCount = pageCount
        self.notices = notices
        self.decodedAs = format.rawValue
    }

    /// The notes in English, one sentence each.
    public var notes: [String] { notices.map(\.description) }

    /// The page of each line, `pages[n - 1]` for line `n` (nil where the format has none).
    public var pages: [Int?] { lines.map(\.page) }
}
