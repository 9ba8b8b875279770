/// A font as text extraction needs it: how a string's bytes split into codes, each code's
/// Unicode text and its advance width (ISO 32000-1 §9.2–9.10).
///
/// Unicode comes, in order, from `/ToUnicode`; for simple fonts from `/Encoding` (its base
/// encoding and `/Differences` glyph names); for composite fonts from a predefined Chinese CMap
/// whose codes are Unicode or GBK. A code none of these maps has no text (nil), never a guess.
public final class PDFFont {
    /// The kinds of font, as far as text is concerned.
    public enum Kind: String, Sendable {
        /// Type1, MMType1, TrueType: one byte per code.
        case simple
        /// Type3: one byte per code, glyphs drawn by content streams, widths in glyph space.
        case type3
        /// Type0 with a CIDFont: codes of 1–4 bytes through a CMap.
        case composite
    }

    /// One code of a string.
    public struct Glyph: Sendable, Equatable {
        /// The code's value.
        public var code: UInt32
        /// How many bytes the code had.
        public var length: Int
        /// Its Unicode text; nil when the font does not say.
        public var text: String?
        /// Its horizontal advance in text space units for a font size of 1 (its vertical advance for vertical fonts, negative downwards).
        public var width: Double
        /// True for the single-byte code 32, to which word spacing (`Tw`) applies.
        public var isWordSpace: Bool
    }

    /// The font's name in the page's resources (`F1`).
    public let resourceName: String
    /// `/BaseFont` (`ABCDEF+SimSun`), or the subtype when there is none.
    public let baseFont: String
    /// The kind of font.
    public let kind: Kind
    /// The encoding's name when it is a name (`Identity-H`, `WinAnsiEncoding`), for notes.
    public let encodingName: String?
    /// True when the font has a `/ToUnicode` CMap.
    public let hasToUnicode: Bool
    /// True for vertical writing (a CMap ending in `-V`).
    public let isVertical: Bool
    /// What one unit of font size is in em, for the size of a Type3 font's glyphs (1 for other fonts).
    public let sizeScale: Double

    let codes: PDFCMap?
    let toUnicode: PDFCMap?
    let predefined: PDFPredefinedCMap?
    let simpleText: [String?]
    let simpleWidths: [Double?]
    let missingWidth: Double
    let cidWidths: PDFCIDWidths
    let cidIsCode: Bool
    let glyphSpaceScale: Double
    private var cache: [Int: Glyph] = [:]

    init(resourceName: String, baseFont: String, kind: Kind, encodingName: String?, codes: PDFCMap?, toUnicode: PDFCMap?,
         predefined: PDFPredefinedCMap?, simpleText: [String?], simpleWidths: [Double?], missingWidth: Double,
         cidWidths: PDFCIDWidths, cidIsCode: Bool, glyphSpaceScale: Double, sizeScale: Double, isVertical: Bool) {
        self.resourceName = resourceName
        self.baseFont = baseFont
        self.kind = kind
        self.encodingName = encodingName
        self.codes = codes
        self.toUnicode = toUnicode.flatMap { $0.isEmpty ? nil : $0 }
        self.hasToUnicode = toUnicode != nil
        self.predefined = predefined
        self.simpleText = simpleText
        self.simpleWidths = simpleWidths
        self.missingWidth = missingWidth
        self.cidWidths = cidWidths
        self.cidIsCode = cidIsCode
        self.glyphSpaceScale = glyphSpaceScale
        self.sizeScale = sizeScale
        self.isVertical = isVertical
    }

    /// True when some code of the font can have text: a ToUnicode, an encoding, a Unicode or GB CMap.
    public var canMapToUnicode: Bool {
        toUnicode != nil || predefined != nil || (kind != .composite && simpleText.contains { $0 != nil })
    }

    /// How a person can tell the font: `F1 (ABCDEF+SimSun, Type0, Identity-H)`.
    public var label: String {
        "\(resourceName) (\(baseFont), \(kind == .composite ? "Type0" : kind == .type3 ? "Type3" : "simple")\(encodingName.map { ", " + $0 } ?? ""))"
    }

    /// The codes of `bytes`, in order.
    public func glyphs(_ bytes: [UInt8]) -> [Glyph] {
        var result: [Glyph] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let (code, length) = kind == .composite
                ? (codes ?? toUnicode ?? PDFCMap()).nextCode(bytes, at: index, defaultLength: 2)
                : (UInt32(bytes[index]), 1)
            index += max(length, 1)
            result.append(glyph(code: code, length: length))
        }
        return result
    }

    /// One code's glyph, cached.
    private func glyph(code: UInt32, length: Int) -> Glyph {
        let key = PDFCMap.key(code, length)
        if let known = cache[key] { return known }
        let made = Glyph(code: code, length: length, text: text(code: code, length: length),
                         width: width(code: code, length: length), isWordSpace: length == 1 && code == 32)
        if cache.count < 65_536 { cache[key] = made }
        return made
    }

    /// The Unicode text of a code, nil when no source maps it.
    private func text(code: UInt32, length: Int) -> String? {
        if let toUnicode, let text = toUnicode.unicode(code: code, length: length) { return text }
        if kind != .composite { return code < 256 ? simpleText[Int(code)] : nil }
        return predefined?.unicode(code: code, length: length)
    }

    /// The advance of a code in text space units per unit of font size.
    private func width(code: UInt32, length: Int) -> Double {
        if kind != .composite {
            let width = code < 256 ? simpleWidths[Int(code)] ?? missingWidth : missingWidth
            return width * glyphSpaceScale
        }
        let cid = cidIsCode ? Int(code) : (codes?.cid(code: code, length: length) ?? -1)
        if cid >= 0 { return cidWidths.width(cid: cid, vertical: isVertical) * glyphSpaceScale }
        // The CIDs of a predefined CMap are not known here: half width for one byte, full for two.
        return (isVertical ? -1000 : (length == 1 ? 500 : cidWidths.defaultWidth)) * glyphSpaceScale
    }
}
