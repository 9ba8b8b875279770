/// Why an XML document could not be read, and where: the byte offset from its start and the
/// 1-based line and column (in bytes) it falls on.
public struct XMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was wrong.
    public enum Reason: Sendable, Equatable {
        /// The document passes the size limit.
        case tooLarge(bytes: Int, limitBytes: Int)
        /// Elements nest deeper than the limit.
        case tooDeep(limit: Int)
        /// More elements than the limit.
        case tooManyElements(limit: Int)
        /// More attributes on one element than the limit.
        case tooManyAttributes(limit: Int)
        /// A DOCTYPE declares entities (the "billion laughs" attack needs them): refused.
        case entityDeclaration
        /// An entity other than the five XML predefines (no DOCTYPE may declare others here).
        case undefinedEntity(String)
        /// A character reference to no allowed character (`&#0;`, a surrogate, past U+10FFFF).
        case invalidCharacterReference(String)
        /// Bytes that are not UTF-8 (or UTF-16 with a byte order mark).
        case invalidEncoding(String)
        /// The document ends inside a construct.
        case unexpectedEnd(String)
        /// Markup that breaks XML's grammar.
        case malformed(String)
        /// A closing tag that does not match the open element.
        case mismatchedTag(expected: String, found: String)
        /// An attribute given twice on one element.
        case duplicateAttribute(String)
        /// No root element, or content after it.
        case notOneRoot(String)
    }

    /// What was wrong.
    public var reason: Reason
    /// Where, in bytes from the document's start (after any UTF-16 was turned into UTF-8).
    public var byteOffset: Int
    /// The 1-based line of `byteOffset`.
    public var line: Int
    /// The 1-based column of `byteOffset`, in bytes from the line's start.
    public var column: Int

    /// Creates an error.
    public init(reason: Reason, byteOffset: Int, line: Int, column: Int) {
        self.reason = reason
        self.byteOffset = byteOffset
        self.line = line
        self.column = column
    }

    /// One sentence for a person, with the place.
    public var description: String {
        "XML error at line \(line), column \(column) (byte \(byteOffset)): " + reasonText.escapingControlCharacters
    }

    private var reasonText: String {
        switch reason {
        case let .tooLarge(bytes, limit): "the document is \(bytes) bytes, past the limit of \(limit)"
        case let .tooDeep(limit): "elements nest deeper than \(limit) levels"
        case let .tooManyElements(limit): "the document has more than \(limit) elements"
        case let .tooManyAttributes(limit): "an element has more than \(limit) attributes"
        case .entityDeclaration: "a DOCTYPE declares entities, which are refused (they can expand without bound)"
        case let .undefinedEntity(name): "the entity &\(name); is not one of XML's five"
        case let .invalidCharacterReference(text): "the character reference &\(text); names no allowed character"
        case let .invalidEncoding(why): "the bytes are not in a supported encoding (\(why))"
        case let .unexpectedEnd(inside): "the document ends inside \(inside)"
        case let .malformed(why): why
        case let .mismatchedTag(expected, found): "</\(found)> closes <\(expected)>"
        case let .duplicateAttribute(name): "the attribute \(name) is given twice"
        case let .notOneRoot(why): why
        }
    }
}
