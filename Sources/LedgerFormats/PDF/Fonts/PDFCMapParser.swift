/// Reads the operators of a CMap program that matter: `begincodespacerange`, `beginbfchar`,
/// `beginbfrange` (destinations as strings, names or arrays), `begincidchar`, `begincidrange`.
/// Everything else (`usecmap`, dictionaries, `findresource`) is skipped.
enum PDFCMapParser {
    /// The CMap `data` holds.
    static func parse(_ data: [UInt8]) -> PDFCMap {
        var cmap = PDFCMap()
        var lexer = PDFLexer(data)
        var entries = 0
        while entries < PDFCMap.maxEntries {
            let token = lexer.next()
            guard case .keyword(let word) = token else {
                if token == .end { break }
                continue
            }
            switch word {
            case "begincodespacerange":
                while case .string(let low) = lexer.peek() {
                    _ = lexer.next()
                    guard case .string(let high) = lexer.next(), let range = range(low, high) else { break }
                    cmap.codespace.append(range)
                    entries += 1
                }
            case "beginbfchar":
                while case .string(let source) = lexer.peek() {
                    _ = lexer.next()
                    let code = PDFCMap.read(source, at: 0, length: min(source.count, 4))
                    if let text = destination(lexer.next()), (1...4).contains(source.count) {
                        cmap.unicode[PDFCMap.key(code.code, source.count)] = text
                    }
                    entries += 1
                }
            case "beginbfrange":
                while case .string(let low) = lexer.peek() {
                    _ = lexer.next()
                    guard case .string(let high) = lexer.next(), let range = range(low, high) else { break }
                    entries += bfrange(range, &lexer, into: &cmap, budget: PDFCMap.maxEntries - entries)
                }
            case "begincidchar", "begincidrange":
                entries += cid(word == "begincidrange", &lexer, into: &cmap)
            default:
                continue
            }
        }
        return cmap
    }

    /// A range of two codes of the same length (1–4 bytes), low ≤ high.
    private static func range(_ low: [UInt8], _ high: [UInt8]) -> PDFCMap.Range? {
        guard (1...4).contains(low.count), low.count == high.count else { return nil }
        let lowCode = PDFCMap.read(low, at: 0, length: low.count).code
        let highCode = PDFCMap.read(high, at: 0, length: high.count).code
        guard lowCode <= highCode else { return nil }
        return PDFCMap.Range(low: lowCode, high: highCode, length: low.count)
    }

    /// A `bfchar` destination: UTF-16BE bytes, or a glyph name.
    private static func destination(_ token: PDFToken) -> String? {
        switch token {
        case .string(let bytes): PDFText.utf16BigEndian(bytes[...])
        case .name(let name): PDFGlyphNames.unicode(name)
        default: nil
        }
    }

    /// One `bfrange` line; returns how many entries it added.
    private static func bfrange(_ range: PDFCMap.Range, _ lexer: inout PDFLexer, into cmap: inout PDFCMap, budget: Int) -> Int {
        let count = Int(range.high - range.low) + 1
        switch lexer.next() {
        case .string(let bytes):
            let start = stride(from: 0, to: bytes.count - 1, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
            guard !start.isEmpty else { return 0 }
            guard count <= PDFCMap.maxExpandedRange, count <= budget else {
                if cmap.unicodeRanges.count < PDFCMap.maxRanges {
                    cmap.unicodeRanges.append(PDFCMap.UnicodeRange(range: range, start: start))
                }
                return 1
            }
            for offset in 0..<count {
                cmap.unicode[PDFCMap.key(range.low + UInt32(offset), range.length)] = PDFCMap.incremented(start, by: offset)
            }
            return count
        case .arrayStart:
            // One destination per code, in order.
            var offset = 0
            while offset < budget {
                let token = lexer.next()
                guard token != .arrayEnd, token != .end else { break }
                if offset < count, let text = destination(token) {
                    cmap.unicode[PDFCMap.key(range.low + UInt32(offset), range.length)] = text
                }
                offset += 1
            }
            return offset
        default:
            return 0
        }
    }

    /// `cidchar` or `cidrange` lines.
    private static func cid(_ isRange: Bool, _ lexer: inout PDFLexer, into cmap: inout PDFCMap) -> Int {
        var added = 0
        while case .string(let low) = lexer.peek() {
            _ = lexer.next()
            var high = low
            if isRange {
                guard case .string(let value) = lexer.next() else { break }
                high = value
            }
            guard let range = range(low, high), case .integer(let cid) = lexer.next() else { break }
            if isRange {
                if cmap.cidRanges.count < PDFCMap.maxRanges { cmap.cidRanges.append(PDFCMap.CIDRange(range: range, firstCID: cid)) }
            } else {
                cmap.cids[PDFCMap.key(range.low, range.length)] = cid
            }
            added += 1
        }
        return added
    }
}
