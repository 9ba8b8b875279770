/// What one PDF may make the reader do: every loop and every allocation driven by the file is
/// bounded by one of these, so that hostile input fails quickly instead of exhausting the machine.
public struct PDFLimits: Sendable, Equatable {
    /// Most bytes all streams of the file may decode to, together.
    public var maxDecodedBytes: Int
    /// Limits on one Flate stream (output and ratio).
    public var inflate: Inflate.Limits
    /// Most objects the cross-reference may list (or a rebuild may find).
    public var maxObjects: Int
    /// Most pages.
    public var maxPages: Int
    /// Deepest nesting of arrays and dictionaries inside one another.
    public var maxNestingDepth: Int
    /// Most cross-reference sections followed through `/Prev`.
    public var maxPrevChainLength: Int
    /// Most references followed to resolve one object (`1 0 R` → `2 0 R` → …).
    public var maxReferenceChainLength: Int
    /// Deepest nesting of Form XObjects drawn inside one another.
    public var maxFormDepth: Int
    /// Most operands a content stream may stack before one operator.
    public var maxOperandCount: Int
    /// Deepest `q` nesting of the graphics state.
    public var maxGraphicsStateDepth: Int
    /// Most glyphs one document may give.
    public var maxGlyphs: Int

    /// Creates limits.
    public init(maxDecodedBytes: Int, inflate: Inflate.Limits, maxObjects: Int, maxPages: Int, maxNestingDepth: Int,
                maxPrevChainLength: Int, maxReferenceChainLength: Int, maxFormDepth: Int, maxOperandCount: Int,
                maxGraphicsStateDepth: Int, maxGlyphs: Int) {
        self.maxDecodedBytes = maxDecodedBytes
        self.inflate = inflate
        self.maxObjects = maxObjects
        self.maxPages = maxPages
        self.maxNestingDepth = maxNestingDepth
        self.maxPrevChainLength = maxPrevChainLength
        self.maxReferenceChainLength = maxReferenceChainLength
        self.maxFormDepth = maxFormDepth
        self.maxOperandCount = maxOperandCount
        self.maxGraphicsStateDepth = maxGraphicsStateDepth
        self.maxGlyphs = maxGlyphs
    }

    /// 256 MiB decoded in all (64 MiB and 200:1 per Flate stream), 1,000,000 objects, 5,000
    /// pages, nesting 64 deep, 64 `/Prev` sections, 32 references in a chain, Forms 12 deep,
    /// 4,096 operands, `q` 256 deep, 5,000,000 glyphs.
    public static let standard = PDFLimits(
        maxDecodedBytes: 256 << 20, inflate: .standard, maxObjects: 1_000_000, maxPages: 5_000,
        maxNestingDepth: 64, maxPrevChainLength: 64, maxReferenceChainLength: 32, maxFormDepth: 12,
        maxOperandCount: 4_096, maxGraphicsStateDepth: 256, maxGlyphs: 5_000_000)
}
