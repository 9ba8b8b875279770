/// A problem found while reading a document, located in the original file like a compiler's.
public struct Diagnostic: Equatable, Sendable, CustomStringConvertible {
    /// How serious it is.
    public enum Severity: String, Sendable, Comparable {
        case note, warning, error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            let order: [Severity] = [.note, .warning, .error]
            return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
        }
    }

    /// What kind of problem, for callers that act on it.
    public enum Kind: String, Sendable {
        /// The masthead (issue number, date) is missing: the document is not a bulletin.
        case missingHeader
        /// The document is not one bulletin's text: a web page or XML file, or two issues in one
        /// file (see `DocumentKindCheck`). Nothing is read from it.
        case notOneBulletin
        /// The distribution footer is missing: the document is most likely truncated.
        case missingFooter
        /// Figures within the issue contradict each other.
        case inconsistent
        /// Text that no part of the parser could place.
        case unplaced
        /// Lines that no reader claimed, caught by the parser's safety net and kept unplaced.
        case unclaimed
        /// A fact kept whose kind the wording does not say (an inspection verdict neither good nor a problem).
        case unclassified
        /// A fact was expected but could not be read.
        case unreadable
    }

    public var severity: Severity
    public var kind: Kind
    /// What it says, as a value with its arguments: the CLI renders it in the user's language.
    public var detail: Detail
    /// The 1-based lines concerned, if any.
    public var lines: ClosedRange<Int>?

    /// What it says in English, as `--json` and the log record it.
    public var message: String { detail.description }

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ kind: Kind, _ detail: Detail, lines: ClosedRange<Int>? = nil) {
        self.severity = severity
        self.kind = kind
        self.detail = detail
        self.lines = lines
    }

    /// `12-13: error: …`.
    public var description: String {
        let place = lines.map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)" }
        return (place.map { "\($0): " } ?? "") + "\(severity.rawValue): \(message)"
    }
}
