/// Reads PDF objects from tokens: direct objects (arrays and dictionaries nested at most
/// `maxDepth` deep), indirect objects `n g obj … endobj`, and streams.
public struct PDFObjectParser {
    /// The lexer the parser reads from; its position is after the last object read.
    public var lexer: PDFLexer
    /// Deepest nesting of arrays and dictionaries accepted.
    public let maxDepth: Int

    /// Creates a parser over `bytes` from `start`.
    public init(_ bytes: [UInt8], start: Int = 0, end: Int? = nil, maxDepth: Int = PDFLimits.standard.maxNestingDepth) {
        self.lexer = PDFLexer(bytes, start: start, end: end)
        self.maxDepth = maxDepth
    }

    /// The next direct object. `n g R` becomes a reference.
    public mutating func parseObject() throws(PDFError) -> PDFObject {
        try parseObject(after: lexer.next(), depth: 0)
    }

    /// The object that starts with `token`.
    mutating func parseObject(after token: PDFToken, depth: Int) throws(PDFError) -> PDFObject {
        switch token {
        case .integer(let value):
            return referenceOrInteger(value)
        case .real(let value): return .real(value)
        case .string(let bytes): return .string(bytes)
        case .name(let name): return .name(name)
        case .arrayStart: return try array(depth: depth + 1)
        case .dictionaryStart: return .dictionary(try dictionary(depth: depth + 1))
        case .keyword(let word):
            switch word {
            case "true": return .boolean(true)
            case "false": return .boolean(false)
            default: return .null
            }
        case .end: throw .damaged("the file ends in the middle of an object (offset \(lexer.position))")
        case .arrayEnd, .dictionaryEnd, .brace: return .null
        }
    }

    /// `value`, or the reference `value g R` when the next tokens are a generation and `R`.
    private mutating func referenceOrInteger(_ value: Int) -> PDFObject {
        var look = lexer
        guard case .integer(let generation) = look.next(), case .keyword("R") = look.next() else { return .integer(value) }
        lexer = look
        guard value >= 0, generation >= 0 else { return .null }
        return .reference(PDFReference(value, generation))
    }

    /// The rest of an array after `[`.
    private mutating func array(depth: Int) throws(PDFError) -> PDFObject {
        guard depth <= maxDepth else { throw .limitExceeded("arrays and dictionaries nested more than \(maxDepth) deep") }
        var elements: [PDFObject] = []
        while true {
            let token = lexer.next()
            switch token {
            case .arrayEnd: return .array(elements)
            case .end: throw .damaged("an array is not closed before the end of the data")
            case .dictionaryEnd: return .array(elements)
            case .keyword(let word) where word == "endobj" || word == "stream" || word == "obj":
                // An unclosed array ends with its object, not at the end of the file.
                return .array(elements)
            default: elements.append(try parseObject(after: token, depth: depth))
            }
        }
    }

    /// The rest of a dictionary after `<<`. A key that is not a name is skipped with its value.
    mutating func dictionary(depth: Int) throws(PDFError) -> PDFDictionary {
        guard depth <= maxDepth else { throw .limitExceeded("arrays and dictionaries nested more than \(maxDepth) deep") }
        var result = PDFDictionary()
        while true {
            let token = lexer.next()
            switch token {
            case .dictionaryEnd: return result
            case .end: throw .damaged("a dictionary is not closed before the end of the data")
            case .name(let key):
                let next = lexer.peek()
                if next == .dictionaryEnd { return result }
                if case .keyword(let word) = next, word == "endobj" || word == "stream" { return result }
                result.entries[key] = try parseObject(after: lexer.next(), depth: depth)
            case .keyword(let word) where word == "endobj" || word == "stream":
                return result
            default:
                _ = try parseObject(after: token, depth: depth)
            }
        }
    }
}
