/// Something the PDF layer noticed while reading a file, which it read all the same: one case
/// per sentence. ``description`` is the English; the CLI renders the same case in the user's language.
public enum PDFNote: Equatable, Sendable, CustomStringConvertible {
    /// A form XObject draws itself: the cycle was cut.
    case formDrawsItself(name: String)
    /// Forms nested deeper than the limit: the deeper ones were skipped.
    case formsTooDeep(maxDepth: Int)
    /// A font used but not defined in the page's resources.
    case fontNotDefined(name: String)
    /// A /ToUnicode CMap that could not be decoded, ignored.
    case toUnicodeUndecodable
    /// A font without /ToUnicode read through a predefined CMap.
    case predefinedCMap(font: String, baseFont: String, cmap: String)
    /// A damaged cross-reference: the file was read by scanning for its objects (the reason, in English).
    case crossReferenceRebuilt(reason: String)

    /// The sentence in English.
    public var description: String {
        switch self {
        case .formDrawsItself(let name): "the form /\(name) draws itself; the cycle was cut"
        case .formsTooDeep(let maxDepth): "forms are nested more than \(maxDepth) deep; the deeper ones were skipped"
        case .fontNotDefined(let name): "the font /\(name) is used but not defined in the page's resources"
        case .toUnicodeUndecodable: "a /ToUnicode CMap could not be decoded and was ignored"
        case let .predefinedCMap(font, baseFont, cmap): "the font \(font) (\(baseFont)) has no /ToUnicode; its text was read through the predefined CMap \(cmap)"
        case .crossReferenceRebuilt(let reason): "the file's cross-reference is damaged (\(reason)); it was read by scanning for its objects"
        }
    }
}
