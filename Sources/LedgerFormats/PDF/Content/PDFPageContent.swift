/// What a page's content draws that text extraction needs: glyphs with their text and place,
/// vertical rules (table borders), how many images, and what could not be read.
public struct PDFPageContent: Sendable {
    /// One glyph on the displayed page.
    public struct Glyph: Sendable, Equatable {
        /// Its Unicode text (one character usually; a ligature or `/ActualText` may give more).
        public var text: String
        /// Its origin on the baseline, in points from the displayed page's left edge.
        public var x: Double
        /// Its baseline (without `Ts` rise), in points from the displayed page's top edge.
        public var y: Double
        /// The font size as drawn, in points.
        public var size: Double
        /// The glyph's width as drawn, in points along the baseline.
        public var advance: Double
        /// False when the baseline does not run left to right on the displayed page (rotated or vertical text).
        public var isHorizontal: Bool
    }

    /// A vertical line on the displayed page (a table's border between cells).
    public struct Rule: Sendable, Equatable {
        /// Its distance from the left edge.
        public var x: Double
        /// Its upper end, from the top edge.
        public var top: Double
        /// Its lower end, from the top edge.
        public var bottom: Double
    }

    /// The glyphs, in the order the content draws them.
    public var glyphs: [Glyph] = []
    /// Vertical rules drawn.
    public var rules: [Rule] = []
    /// Images drawn (image XObjects and inline images).
    public var imageCount = 0
    /// Glyphs left out because their font maps them to no text, by font label.
    public var unmappedGlyphs: [String: Int] = [:]
    /// What was skipped on this page, one sentence each.
    public var notes: [PDFNote] = []

    /// Creates empty content.
    public init() {}
}
