/// Reads one indirect object `n g obj … endobj` at an offset, its stream included.
public struct PDFIndirectObjectReader {
    /// The file's bytes.
    public let bytes: [UInt8]
    /// Deepest nesting of arrays and dictionaries accepted.
    public let maxDepth: Int

    /// The offsets of every `endstream` in `bytes`, ascending (empty: search the bytes each time).
    let endstreams: [Int]

    /// Creates a reader; `endstreams` (from ``offsets(of:in:)``) spares a search per damaged stream.
    public init(_ bytes: [UInt8], maxDepth: Int, endstreams: [Int] = []) {
        self.bytes = bytes
        self.maxDepth = maxDepth
        self.endstreams = endstreams
    }

    /// The header `n g obj` at `offset`: the object number and generation, and where the body starts.
    public func header(at offset: Int) -> (number: Int, generation: Int, bodyStart: Int)? {
        guard offset >= 0, offset < bytes.count else { return nil }
        var lexer = PDFLexer(bytes, start: offset)
        guard case .integer(let number) = lexer.next(), case .integer(let generation) = lexer.next(),
              case .keyword("obj") = lexer.next(), number >= 0 else { return nil }
        return (number, generation, lexer.position)
    }

    /// The object whose header is at `offset`. `length` resolves a stream's `/Length` when it is a
    /// reference (nil when it cannot be); a wrong length is repaired by looking for `endstream`.
    public func object(at offset: Int, length: (PDFObject) -> Int?) throws(PDFError) -> (reference: PDFReference, object: PDFObject) {
        guard let head = header(at: offset) else { throw .damaged("no object header at offset \(offset)") }
        var parser = PDFObjectParser(bytes, start: head.bodyStart, maxDepth: maxDepth)
        let object = try parser.parseObject()
        let reference = PDFReference(head.number, head.generation)
        guard case .dictionary(let dictionary) = object, case .keyword("stream") = parser.lexer.peek() else {
            return (reference, object)
        }
        _ = parser.lexer.next()
        let declared = dictionary["Length"].flatMap(length)
        let data = streamData(from: parser.lexer.position, declaredLength: declared)
        return (reference, .stream(PDFStream(dictionary: dictionary, data: data, objectNumber: head.number)))
    }

    /// A stream's bytes from just after the keyword `stream`: `declaredLength` bytes when
    /// `endstream` follows them, else everything up to the next `endstream` (or the end of the file).
    func streamData(from keywordEnd: Int, declaredLength: Int?) -> [UInt8] {
        var start = keywordEnd
        if start < bytes.count && bytes[start] == 0x0D { start += 1 }
        if start < bytes.count && bytes[start] == 0x0A { start += 1 }
        if let length = declaredLength, length >= 0, length <= bytes.count - start, endstreamFollows(start + length) {
            return Array(bytes[start..<(start + length)])
        }
        guard let found = nextEndstream(from: start) else { return Array(bytes[start...]) }
        var stop = found
        if stop > start && bytes[stop - 1] == 0x0A { stop -= 1 }
        if stop > start && bytes[stop - 1] == 0x0D { stop -= 1 }
        return Array(bytes[start..<stop])
    }

    /// True when `endstream` is at `offset`, after optional whitespace.
    private func endstreamFollows(_ offset: Int) -> Bool {
        var at = offset
        while at < bytes.count, PDFCharacter.isWhitespace(bytes[at]), at - offset < 4 { at += 1 }
        return bytes[at...].starts(with: Self.endstream)
    }

    static let endstream = Array("endstream".utf8)

    /// The first `endstream` at or after `offset`.
    private func nextEndstream(from offset: Int) -> Int? {
        guard !endstreams.isEmpty else { return Self.find(Self.endstream, in: bytes, from: offset) }
        var low = 0
        var high = endstreams.count
        while low < high {
            let middle = (low + high) / 2
            if endstreams[middle] < offset { low = middle + 1 } else { high = middle }
        }
        return low < endstreams.count ? endstreams[low] : nil
    }

    /// Every offset of `needle` in `haystack`, ascending.
    public static func offsets(of needle: [UInt8], in haystack: [UInt8]) -> [Int] {
        var result: [Int] = []
        var from = 0
        while let found = find(needle, in: haystack, from: from) {
            result.append(found)
            from = found + 1
        }
        return result
    }

    /// The offset of the first occurrence of `needle` in `haystack` at or after `from`.
    public static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, from >= 0, needle.count <= haystack.count else { return nil }
        var index = from
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first && haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
