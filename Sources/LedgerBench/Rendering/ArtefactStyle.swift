import LedgerDomain

/// The artefacts of PDF extraction one rendered document has, drawn once per document so that
/// a document is consistent in its faults the way a real extractor's output is.
public struct ArtefactStyle: Sendable, Equatable {
    /// How digits are written.
    public enum Digits: Sendable, Equatable {
        /// ASCII only.
        case ascii
        /// Some numbers in full-width digits (`２６６４１`).
        case someFullWidth
        /// Every number in full-width digits.
        case fullWidth
    }

    /// Whether the extractor left blank lines between lines.
    public enum BlankLines: Sendable, Equatable {
        /// A blank line after every line (as in the real issues).
        case afterEveryLine
        /// After most lines, not all.
        case afterMostLines
        /// No blank lines.
        case none
    }

    /// Line width in full-width characters (ASCII counts half); lines break there, anywhere:
    /// mid-sentence, mid-number, mid-date.
    public var lineWidth: Int
    /// Blank lines between lines.
    public var blankLines: BlankLines
    /// How digits are written.
    public var digits: Digits
    /// The thousands separator of counts of four digits or more (`,`, `，`, a thin, no-break or narrow no-break space), if any.
    public var thousandsSeparator: Character?
    /// Chance that a count gets the separator when the document uses one.
    public var thousandsProbability: Double
    /// Chance of a space before and after a number (`共 45个`, `2023 年`).
    public var spaceAroundNumber: Double
    /// Chance of a space inside a number (`2 7日`).
    public var spaceInsideNumber: Double
    /// Chance that a line starts with a space.
    public var leadingSpace: Double
    /// Content lines per page: a page header (`窗 口 工 作 周 报`) and number (`—2—`) follow.
    public var linesPerPage: Int
    /// Chance that a list item is numbered `(1)` rather than `（1）`.
    public var asciiParentheses: Double
    /// `％` rather than `%`.
    public var fullWidthPercent: Bool
    /// CRLF line ends.
    public var crlf: Bool
    /// A UTF-8 byte-order mark before the text.
    public var byteOrderMark: Bool
    /// How the service-item counts are given: prose, `截至…累计…`, or a table (see `DocumentWriter+Tables`).
    public var countsForm: CountsForm = .prose

    /// No artefacts but the layout's own: lines of 30, a blank line after each, no page breaks.
    public static let clean = ArtefactStyle(
        lineWidth: 30, blankLines: .afterEveryLine, digits: .ascii, thousandsSeparator: nil, thousandsProbability: 0,
        spaceAroundNumber: 0, spaceInsideNumber: 0, leadingSpace: 0, linesPerPage: Int.max, asciiParentheses: 0,
        fullWidthPercent: false, crlf: false, byteOrderMark: false)

    /// A random mixture of every artefact.
    public static func random(_ rng: inout SplitMix64) -> ArtefactStyle {
        ArtefactStyle(
            lineWidth: rng.int(in: 28...32),
            blankLines: [BlankLines.afterEveryLine, .afterMostLines, .none][rng.weighted([0.5, 0.35, 0.15])],
            digits: [Digits.ascii, .someFullWidth, .fullWidth][rng.weighted([0.7, 0.15, 0.15])],
            thousandsSeparator: [nil, ",", "，", "\u{2009}", "\u{00A0}", "\u{202F}"][rng.weighted([0.5, 0.2, 0.1, 0.1, 0.05, 0.05])],
            thousandsProbability: rng.pick([0.5, 1.0]),
            spaceAroundNumber: rng.pick([0.0, 0.5, 0.9]),
            spaceInsideNumber: rng.pick([0.0, 0.05, 0.2]),
            leadingSpace: rng.pick([0.0, 0.03, 0.1]),
            linesPerPage: rng.int(in: 18...26),
            asciiParentheses: rng.pick([0.0, 0.5, 1.0]),
            fullWidthPercent: rng.chance(0.2),
            crlf: rng.chance(0.2),
            byteOrderMark: rng.chance(0.05),
            countsForm: .random(&rng))
    }
}
