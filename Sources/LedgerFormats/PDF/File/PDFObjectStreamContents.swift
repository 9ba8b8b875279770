/// An object stream (`/Type /ObjStm`) decoded: its bytes and where each of its objects starts.
struct PDFObjectStreamContents {
    /// The decoded bytes.
    var data: [UInt8]
    /// Object numbers and the offsets of their objects in `data`, in the stream's order.
    var objects: [(number: Int, offset: Int)]

    /// Decodes the header of `stream` (`/N` pairs of numbers, objects from `/First`).
    init(stream: PDFStream, data: [UInt8], maxObjects: Int) throws(PDFError) {
        let count = stream.dictionary["N"]?.integer ?? 0
        let first = stream.dictionary["First"]?.integer ?? 0
        guard count >= 0, count <= maxObjects, first >= 0, first <= data.count else {
            throw .damaged("an object stream has an invalid /N or /First")
        }
        var lexer = PDFLexer(data, start: 0, end: first)
        var objects: [(number: Int, offset: Int)] = []
        for _ in 0..<count {
            guard case .integer(let number) = lexer.next(), case .integer(let offset) = lexer.next() else { break }
            guard offset >= 0, offset <= data.count - first else { continue }
            objects.append((number, first + offset))
        }
        self.data = data
        self.objects = objects
    }
}

extension PDFDocument {
    /// Object `number`, the `index`-th of object stream `streamNumber` (found by number when the index is wrong).
    func compressed(_ number: Int, stream streamNumber: Int, index: Int) throws(PDFError) -> PDFObject? {
        let contents: PDFObjectStreamContents
        if let known = objectStreams[streamNumber] {
            contents = known
        } else {
            guard case .stream(let stream) = try object(streamNumber) else { return nil }
            contents = try PDFObjectStreamContents(stream: stream, data: try decodedData(stream), maxObjects: limits.maxObjects)
            objectStreams[streamNumber] = contents
        }
        let offset: Int
        if index >= 0, index < contents.objects.count, contents.objects[index].number == number {
            offset = contents.objects[index].offset
        } else if let found = contents.objects.first(where: { $0.number == number }) {
            offset = found.offset
        } else {
            return nil
        }
        var parser = PDFObjectParser(contents.data, start: offset, maxDepth: limits.maxNestingDepth)
        return try parser.parseObject()
    }
}
