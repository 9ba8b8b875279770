import LedgerDomain
import LedgerFormats

/// The artefacts of PDF extraction one rendered document has, drawn once per document so that
/// a document is consistent in its faults the way a real extractor's output is. A
/// ``HouseStyle`` draws one: its family of settings.
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

    /// How a paragraph becomes lines.
    public enum Paragraphs: Sendable, Equatable {
        /// Hard-wrapped at ``ArtefactStyle/lineWidth``, anywhere (PDF extraction).
        case wrapped
        /// One line per paragraph, however long (a word processor's text export).
        case unbroken
    }

    /// What stands between pages.
    public enum Pages: Sendable, Equatable {
        /// The running title (`窗 口 工 作 周 报`) and a page number (`—2—`) in the text, in
        /// some order, with blank lines.
        case runningTitle
        /// The page number at the page's end (`第 1 页 共 3 页`, `- 1 -`), centred, and a form
        /// feed (U+000C) starting the next page's first line, as `pdftotext -layout` writes.
        case formFeed(PageNumbers)
        /// No page breaks at all.
        case none
    }

    /// How a page number is written at a page's end.
    public enum PageNumbers: Sendable, Equatable {
        /// `第 1 页 共 3 页`.
        case ofPages
        /// `- 1 -`.
        case dashed
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
    /// Content lines per page: a page break (see ``pages``) follows.
    public var linesPerPage: Int
    /// Chance that a list item is numbered `(1)` rather than `（1）` (when ``numbering`` leaves
    /// the marker to chance).
    public var asciiParentheses: Double
    /// `％` rather than `%`.
    public var fullWidthPercent: Bool
    /// CRLF line ends.
    public var crlf: Bool
    /// A UTF-8 byte-order mark before the text.
    public var byteOrderMark: Bool
    /// How the service-item counts are given: prose, `截至…累计…`, or a table (see `DocumentWriter+Tables`).
    public var countsForm: CountsForm = .prose

    // Layout choices of the house styles; the defaults are the classic extraction's.

    /// How paragraphs become lines.
    public var paragraphs: Paragraphs = .wrapped
    /// What starts a paragraph's first line: spaces (`pdftotext -layout`), `　　` (a word
    /// processor's first-line indent), or nothing.
    public var firstLineIndent: String = ""
    /// Headings, masthead and footer lines centred in this many columns with spaces, if any.
    public var centredIn: Int? = nil
    /// What stands between pages.
    public var pages: Pages = .runningTitle
    /// Chance that a line ends with spaces.
    public var trailingSpace: Double = 0
    /// Spaces around numbers are no-break spaces (U+00A0), as copied from a word processor.
    public var noBreakSpaces: Bool = false
    /// Chance, between two Chinese characters, of a soft hyphen or a zero-width space.
    public var invisibles: Double = 0
    /// How sections, sub-sections and items are numbered.
    public var numbering: Numbering = .classic
    /// Which punctuation marks are ASCII, and the dash of the period.
    public var punctuation: Punctuation = .fullWidth
    /// The content-level forms (wordings, tables, number forms) the house style draws from.
    public var forms: ContentForms = .classic

    /// No artefacts but the layout's own: lines of 30, a blank line after each, no page breaks.
    public static let clean = ArtefactStyle(
        lineWidth: 30, blankLines: .afterEveryLine, digits: .ascii, thousandsSeparator: nil, thousandsProbability: 0,
        spaceAroundNumber: 0, spaceInsideNumber: 0, leadingSpace: 0, linesPerPage: Int.max, asciiParentheses: 0,
        fullWidthPercent: false, crlf: false, byteOrderMark: false)

    /// A random mixture of every artefact of PDF extraction (the ``HouseStyle/classic`` style).
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

/// How one document numbers its structure.
public struct Numbering: Sendable, Equatable {
    /// How a sub-section is numbered.
    public enum Subsection: String, Sendable, Equatable, CaseIterable {
        /// `（一）`.
        case fullWidthParentheses
        /// `(一)`.
        case asciiParentheses
        /// `一是`.
        case ordinalShi
    }

    /// How an item (a paragraph of a list) is numbered.
    public enum Item: String, Sendable, Equatable, CaseIterable {
        /// `1.`
        case dot
        /// `1、`
        case comma
        /// `（1）`
        case fullWidthParentheses
        /// `(1)`
        case asciiParentheses
        /// `①`
        case circled
    }

    /// After a section's numeral: `、` (`一、`), `．` or `.`.
    public var sectionSeparator: String
    /// How sub-sections are numbered.
    public var subsection: Subsection
    /// How items are numbered; nil: the classic mixture (`（1）`/`(1)` by
    /// ``ArtefactStyle/asciiParentheses``, progress items `1.` `1、` `（1）`).
    public var items: Item?

    /// `一、`, `（一）`, items as chance has them.
    public static let classic = Numbering(sectionSeparator: "、", subsection: .fullWidthParentheses, items: nil)

    /// One of each, drawn.
    static func random(_ rng: inout SplitMix64) -> Numbering {
        Numbering(sectionSeparator: rng.pick(["、", "．", "."]), subsection: rng.pick(Subsection.allCases),
                  items: rng.pick(Item.allCases))
    }

    /// The marker of item `ordinal` (1…20) in this style, or nil when chance decides.
    func itemMarker(_ ordinal: Int) -> Prose? {
        guard let items else { return nil }
        switch items {
        case .dot: return "\(number: ordinal)."
        case .comma: return "\(number: ordinal)、"
        case .fullWidthParentheses: return "（\(number: ordinal)）"
        case .asciiParentheses: return "(\(number: ordinal))"
        case .circled: return Prose(stringLiteral: String(Character(Unicode.Scalar(0x245F + UInt32(ordinal))!)))
        }
    }

    /// The heading of sub-section `ordinal`: `（一）省本级综窗办件情况`, `(一)…`, `一是…`.
    func subsectionHeading(_ ordinal: Int, _ title: String) -> Prose {
        let numeral = BulletinRenderer.chineseNumeral(ordinal)
        switch subsection {
        case .fullWidthParentheses: return "（\(numeral)）\(title)"
        case .asciiParentheses: return "(\(numeral))\(title)"
        case .ordinalShi: return "\(numeral)是\(title)"
        }
    }
}

/// Which punctuation marks a document writes in ASCII, and the dash of its period.
public struct Punctuation: Sendable, Equatable {
    /// `:` rather than `：`.
    public var asciiColon: Bool
    /// `,` rather than `，` (a comma between a digit and three digits would read as a
    /// thousands separator; the bulletin's prose has none there).
    public var asciiComma: Bool
    /// `;` rather than `；`.
    public var asciiSemicolon: Bool
    /// Between the period's dates: `—`, `－` or `-`.
    public var periodDash: String

    /// The documents' own marks.
    public static let fullWidth = Punctuation(asciiColon: false, asciiComma: false, asciiSemicolon: false, periodDash: "—")

    /// Each mark drawn.
    static func random(_ rng: inout SplitMix64) -> Punctuation {
        Punctuation(asciiColon: rng.chance(0.5), asciiComma: rng.chance(0.5), asciiSemicolon: rng.chance(0.5),
                    periodDash: rng.pick(["—", "－", "-"]))
    }

    /// The text with this document's marks.
    func apply(_ text: String) -> String {
        guard asciiColon || asciiComma || asciiSemicolon else { return text }
        var result = text
        if asciiColon { result = result.replacing("：", with: ":") }
        if asciiComma { result = result.replacing("，", with: ",") }
        if asciiSemicolon { result = result.replacing("；", with: ";") }
        return result
    }
}

/// The content-level forms a document is written in: wordings, tables, number forms. Each is a
/// chance (or a choice) the writer consults; a house style sets its own in
/// ``HouseStyle/forms(_:)``, one line a form.
public struct ContentForms: Sendable, Equatable {
    /// Chance that the inspection section opens with its introduction paragraph.
    public var inspectionIntroduction: Double = 0.85

    /// The forms of the classic documents.
    public static let classic = ContentForms()
}

/// A house style: the way one office, with its tools, turns a bulletin into text. Each is a
/// family of ``ArtefactStyle`` settings and layout choices; a document draws one house style,
/// then its settings within the family.
public enum HouseStyle: String, Sendable, Equatable, CaseIterable, CustomStringConvertible {
    /// PDF extraction as in the real issues: short hard-wrapped lines, blank lines, the
    /// running title and page numbers in the text, odd digits and spaces.
    case classic
    /// Layout-preserving extraction (`pdftotext -layout`): long lines of 60–90 columns, first
    /// lines indented with spaces, headings centred, form feeds between pages, `第 N 页 共 M 页`
    /// or `- N -` at a page's end, trailing spaces.
    case layout
    /// Text saved from a word processor (Word, WPS): one paragraph per line indented with
    /// `　　`, no-break spaces, an occasional soft hyphen or zero-width space, CRLF, a BOM,
    /// items `1.` `1、` `（1）` `①`, headings `一、` `一．` `一.`.
    case wordProcessor = "word-processor"
    /// Other numbering and punctuation: sub-sections `（一）` `(一)` `一是`, items `1.` `1、`
    /// `（1）` `(1)` `①`, ASCII colons, commas and semicolons, periods with `—` `－` `-`.
    case numbering

    /// The style's name, as `ledger-bench generate` reports it.
    public var description: String { rawValue }

    /// How often each style is drawn, in ``allCases`` order.
    static let weights: [Double] = [0.4, 0.2, 0.2, 0.2]

    /// A house style, drawn.
    public static func draw(_ rng: inout SplitMix64) -> HouseStyle {
        allCases[rng.weighted(weights)]
    }

    /// A document's settings in this style.
    public func artefacts(_ rng: inout SplitMix64) -> ArtefactStyle {
        var style: ArtefactStyle
        switch self {
        case .classic:
            style = ArtefactStyle.random(&rng)
        case .layout:
            style = ArtefactStyle.random(&rng)
            style.lineWidth = rng.int(in: 30...45)
            style.blankLines = [.none, .afterMostLines][rng.weighted([0.7, 0.3])]
            style.firstLineIndent = String(repeating: " ", count: rng.pick([4, 6, 8]))
            style.centredIn = 2 * style.lineWidth
            style.pages = .formFeed(rng.pick([.ofPages, .dashed]))
            style.linesPerPage = rng.int(in: 30...45)
            style.trailingSpace = rng.pick([0.1, 0.3])
            style.leadingSpace = 0
            style.spaceInsideNumber = 0
        case .wordProcessor:
            style = ArtefactStyle.random(&rng)
            style.paragraphs = .unbroken
            style.blankLines = [.none, .afterEveryLine][rng.weighted([0.6, 0.4])]
            style.firstLineIndent = "　　"
            style.pages = .none
            style.leadingSpace = 0
            style.spaceInsideNumber = 0
            style.noBreakSpaces = rng.chance(0.5)
            style.invisibles = rng.pick([0.0, 0.005, 0.02])
            style.crlf = rng.chance(0.6)
            style.byteOrderMark = rng.chance(0.5)
            style.numbering = Numbering(sectionSeparator: rng.pick(["、", "．", "."]), subsection: .fullWidthParentheses,
                                        items: rng.pick([.dot, .comma, .fullWidthParentheses, .circled]))
        case .numbering:
            style = ArtefactStyle.random(&rng)
            style.numbering = Numbering.random(&rng)
            style.punctuation = Punctuation.random(&rng)
        }
        style.forms = forms(&rng)
        return style
    }

    /// The content forms this style draws from: one line a form.
    func forms(_ rng: inout SplitMix64) -> ContentForms {
        var forms = ContentForms.classic
        switch self {
        case .classic, .layout, .numbering:
            break
        case .wordProcessor:
            forms.inspectionIntroduction = 0.95
        }
        return forms
    }
}

extension HouseStyle {
    /// How many documents were rendered in each house style.
    public struct Tally: Sendable, Equatable, CustomStringConvertible {
        /// Documents per style; a style not drawn has none.
        public private(set) var counts: [HouseStyle: Int] = [:]

        /// An empty tally.
        public init() {}

        /// Counts one more document in `house`.
        public mutating func add(_ house: HouseStyle) { counts[house, default: 0] += 1 }

        /// The documents in `house`.
        public subscript(_ house: HouseStyle) -> Int { counts[house] ?? 0 }

        /// `classic 160, layout 80, word-processor 84, numbering 76`: every style, in order.
        public var description: String {
            HouseStyle.allCases.map { "\($0) \(self[$0])" }.joined(separator: ", ")
        }
    }
}
