import LedgerFormats
/// Where a fact came from: the source document, the lines, the parser that read them.
///
/// In the log: `"source":{"document":"<sha256>","issue":"2023-06","lines":[12,14],
/// "pages":[2,2],"parser":"1.0.0","reader":"pdf 1.0.0","text":"…"}`. Every field but `document`
/// may be absent; `pages` and `reader` are there only for a document read from PDF or Word.
public struct SourceReference: Hashable, Sendable {
    /// SHA-256 of the document's original bytes (it is stored under that name in `EventLog/`).
    public var document: SHA256Digest
    /// The bulletin issue, like `2023-06`.
    public var issue: String?
    /// The 1-based, inclusive range of lines of the original file the fact was read from.
    public var lines: ClosedRange<Int>?
    /// The 1-based, inclusive range of pages those lines stand on (PDF).
    public var pages: ClosedRange<Int>?
    /// The version of the parser that read it.
    public var parser: String?
    /// The reader that turned the document into lines (`pdf 1.0.0`, `docx 1.0.0`); nil for text.
    public var reader: String?
    /// The raw text the fact was read from, as it stands in the document.
    public var text: String?

    /// Creates a reference to a document and, optionally, lines within it.
    public init(document: SHA256Digest, issue: String? = nil, lines: ClosedRange<Int>? = nil, pages: ClosedRange<Int>? = nil,
                parser: String? = nil, reader: String? = nil, text: String? = nil) {
        self.document = document
        self.issue = issue
        self.lines = lines
        self.pages = pages
        self.parser = parser
        self.reader = reader
        self.text = text
    }
}
