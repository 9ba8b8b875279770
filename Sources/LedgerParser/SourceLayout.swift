/// Where the lines the parser read stand in the published document, and what read them: the
/// page of each line of a PDF, and the reader's name and version (`pdf 1.0.0`), so each fact
/// cites its page beside its lines.
public struct SourceLayout: Sendable, Equatable {
    /// The reader that turned the document into lines; nil for a text file.
    public var reader: String?
    /// The page of line `n` at `linePages[n - 1]`; empty, or nil entries, where there are none.
    public var linePages: [Int?]

    /// Creates a layout.
    public init(reader: String?, linePages: [Int?]) {
        self.reader = reader
        self.linePages = linePages
    }

    /// A text file: no pages, no reader but the text decoder.
    public static let text = SourceLayout(reader: nil, linePages: [])

    /// The pages lines `range` stand on, first to last; nil when none of them has a page.
    public func pages(of range: ClosedRange<Int>) -> ClosedRange<Int>? {
        let pages = range.compactMap { $0 >= 1 && $0 <= linePages.count ? linePages[$0 - 1] : nil }
        guard let first = pages.min(), let last = pages.max() else { return nil }
        return first...last
    }
}
