/// Runs a page's content streams (ISO 32000-1 §8–9) for their text: the graphics and text state,
/// text-showing operators, Form XObjects (nested at most `maxFormDepth`, cycles refused), inline
/// images skipped, marked content with `/ActualText`, and vertical rules for table cells.
public struct PDFContentInterpreter {
    /// The graphics state that matters for text.
    struct GraphicsState {
        var ctm = PDFMatrix.identity
        var font: PDFFont?
        var fontSize = 0.0
        var characterSpacing = 0.0
        var wordSpacing = 0.0
        var horizontalScaling = 1.0
        var leading = 0.0
        var rise = 0.0
    }

    let document: PDFDocument
    let page: PDFPage
    let limits: PDFLimits
    var content = PDFPageContent()
    var state = GraphicsState()
    var savedStates: [GraphicsState] = []
    var textMatrix = PDFMatrix.identity
    var lineMatrix = PDFMatrix.identity
    var forms: [Int] = []
    var markedContent: [(actualText: String?, start: Int)] = []
    var path = PDFPathCollector()

    /// Most vertical rules kept per page.
    static let maxRules = 10_000
    /// Deepest marked-content nesting followed.
    static let maxMarkedContentDepth = 256

    /// The text content of `page`.
    public static func run(_ document: PDFDocument, page: PDFPage) throws(PDFError) -> PDFPageContent {
        var interpreter = PDFContentInterpreter(document: document, page: page, limits: document.limits)
        try interpreter.execute(try document.contents(of: page), resources: page.resources)
        return interpreter.content
    }

    /// Runs one content stream with `resources`.
    mutating func execute(_ data: [UInt8], resources: PDFDictionary) throws(PDFError) {
        var parser = PDFObjectParser(data, maxDepth: limits.maxNestingDepth)
        var operands: [PDFObject] = []
        while true {
            let token = parser.lexer.next()
            switch token {
            case .end:
                return
            case .keyword(let word) where word != "true" && word != "false" && word != "null":
                if word == "BI" {
                    skipInlineImage(&parser)
                } else {
                    try perform(word, operands[...], resources: resources)
                }
                operands.removeAll(keepingCapacity: true)
            case .arrayEnd, .dictionaryEnd, .brace:
                continue
            default:
                // A damaged operand (an unclosed array) ends the stream, as far as it was read.
                guard let operand = try? parser.parseObject(after: token, depth: 0) else { return }
                operands.append(operand)
                if operands.count > limits.maxOperandCount { operands.removeAll(keepingCapacity: true) }
            }
        }
    }

    /// One operator.
    mutating func perform(_ name: String, _ operands: ArraySlice<PDFObject>, resources: PDFDictionary) throws(PDFError) {
        switch name {
        case "q":
            if savedStates.count < limits.maxGraphicsStateDepth { savedStates.append(state) }
        case "Q":
            if let saved = savedStates.popLast() { state = saved }
        case "cm":
            if let matrix = PDFMatrix(operands.suffix(6)) { state.ctm = matrix.concatenating(state.ctm) }
        case "Do":
            if let name = operands.last?.name { try drawXObject(name, resources: resources) }
        case "BDC", "BMC":
            beginMarkedContent(operands, resources: resources)
        case "EMC":
            endMarkedContent()
        case "m", "l", "re", "h", "n", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "W", "W*":
            path.perform(name, operands, ctm: state.ctm, page: page, into: &content)
        default:
            try performText(name, operands, resources: resources)
        }
    }

    /// The number of an operand, 0 when it is not one.
    static func number(_ operand: PDFObject?) -> Double {
        PDFNumber.finite(operand?.number ?? 0, limit: 1e7)
    }
}
