/// Reads a file's cross-reference from `startxref`: classic tables, cross-reference streams,
/// hybrid files (`/XRefStm`) and incremental updates (`/Prev`, newest wins), as ISO 32000-1 §7.5 describes.
struct PDFCrossReferenceLoader {
    let bytes: [UInt8]
    let limits: PDFLimits

    /// The cross-reference of the file, or an error when `startxref` or a section is unreadable.
    func load(budget: inout Int) throws(PDFError) -> PDFCrossReference {
        guard let start = startxrefOffset() else { throw .damaged("no startxref at the end of the file") }
        var result = PDFCrossReference()
        var visited: Set<Int> = []
        var next: Int? = start
        var first = true
        while let offset = next {
            guard visited.insert(offset).inserted else { throw .damaged("the /Prev chain of cross-reference sections loops at offset \(offset)") }
            guard visited.count <= limits.maxPrevChainLength else {
                throw .limitExceeded("more than \(limits.maxPrevChainLength) cross-reference sections chained by /Prev")
            }
            var (entries, trailer) = try section(at: offset, budget: &budget)
            if let hybrid = trailer["XRefStm"]?.integer, !visited.contains(hybrid) {
                // A hybrid file: the stream's entries fill what the table leaves free or unlisted.
                if let (streamEntries, _) = try? section(at: hybrid, budget: &budget) {
                    for (number, entry) in streamEntries where entries[number] == nil || entries[number] == .free {
                        entries[number] = entry
                    }
                }
            }
            if first {
                result = PDFCrossReference(entries: entries, trailer: trailer)
                result.trailer.entries["Prev"] = nil
                first = false
            } else {
                result.merge(older: entries, trailer: trailer)
            }
            guard result.entries.count <= limits.maxObjects else { throw .limitExceeded("more than \(limits.maxObjects) objects") }
            next = trailer["Prev"]?.integer
        }
        return result
    }

    /// The offset after the last `startxref`.
    func startxrefOffset() -> Int? {
        let keyword = Array("startxref".utf8)
        var index = bytes.count - keyword.count
        let stop = max(0, bytes.count - 64 * 1024)
        while index >= stop {
            if bytes[index] == 0x73 && bytes[index..<(index + keyword.count)].elementsEqual(keyword) {
                var lexer = PDFLexer(bytes, start: index + keyword.count)
                if case .integer(let offset) = lexer.next(), offset >= 0, offset < bytes.count { return offset }
                return nil
            }
            index -= 1
        }
        return nil
    }

    /// One section: a table with its trailer, or a cross-reference stream with its dictionary.
    func section(at offset: Int, budget: inout Int) throws(PDFError) -> ([Int: PDFCrossReference.Entry], PDFDictionary) {
        var lexer = PDFLexer(bytes, start: offset)
        if case .keyword("xref") = lexer.next() { return try table(lexer) }
        let reader = PDFIndirectObjectReader(bytes, maxDepth: limits.maxNestingDepth)
        let (_, object) = try reader.object(at: offset) { $0.integer }
        guard case .stream(let stream) = object, stream.dictionary.type == "XRef" else {
            throw .damaged("startxref or /Prev points at offset \(offset), where there is no cross-reference")
        }
        return (try streamEntries(stream, budget: &budget), stream.dictionary)
    }

    /// A classic table's entries and its trailer, `xref` already read.
    func table(_ start: PDFLexer) throws(PDFError) -> ([Int: PDFCrossReference.Entry], PDFDictionary) {
        var lexer = start
        var entries: [Int: PDFCrossReference.Entry] = [:]
        while true {
            let token = lexer.next()
            if case .keyword("trailer") = token { break }
            guard case .integer(let first) = token, case .integer(let count) = lexer.next(), first >= 0, count >= 0 else {
                throw .damaged("a cross-reference table is malformed near offset \(lexer.position)")
            }
            guard count <= limits.maxObjects, entries.count + count <= limits.maxObjects else {
                throw .limitExceeded("more than \(limits.maxObjects) objects")
            }
            for index in 0..<count {
                guard case .integer(let offset) = lexer.next(), case .integer(let generation) = lexer.next(),
                      case .keyword(let kind) = lexer.next() else {
                    throw .damaged("a cross-reference table entry is malformed near offset \(lexer.position)")
                }
                let number = first &+ index
                guard entries[number] == nil else { continue }
                entries[number] = kind == "n" && offset > 0 ? .offset(offset, generation: generation) : .free
            }
        }
        var parser = PDFObjectParser(bytes, start: lexer.position, maxDepth: limits.maxNestingDepth)
        guard case .dictionary(let trailer) = try parser.parseObject() else { throw .damaged("the trailer is not a dictionary") }
        return (entries, trailer)
    }

    /// The entries of a cross-reference stream (`/W`, `/Index`, `/Size`).
    func streamEntries(_ stream: PDFStream, budget: inout Int) throws(PDFError) -> [Int: PDFCrossReference.Entry] {
        let data = try PDFFilterChain.decode(stream.data, dictionary: stream.dictionary, limits: limits, budget: &budget)
        let widths = (stream.dictionary["W"]?.array ?? []).map { $0.integer ?? -1 }
        guard widths.count >= 3, widths.allSatisfy({ (0...8).contains($0) }) else {
            throw .damaged("a cross-reference stream has an invalid /W")
        }
        let rowBytes = widths[0] + widths[1] + widths[2]
        guard rowBytes > 0 else { throw .damaged("a cross-reference stream has rows of no bytes") }
        let size = stream.dictionary["Size"]?.integer ?? 0
        let index = (stream.dictionary["Index"]?.array ?? [.integer(0), .integer(size)]).map { $0.integer ?? -1 }
        var entries: [Int: PDFCrossReference.Entry] = [:]
        var row = 0
        var pair = 0
        while pair + 1 < index.count {
            let (first, count) = (index[pair], index[pair + 1])
            pair += 2
            guard first >= 0, count >= 0, first <= Int.max - count, count <= limits.maxObjects,
                  entries.count + count <= limits.maxObjects else {
                throw .limitExceeded("a cross-reference stream lists more than \(limits.maxObjects) objects")
            }
            for number in first..<(first &+ count) {
                let at = row * rowBytes
                guard at + rowBytes <= data.count else { return entries }
                row += 1
                let type = widths[0] == 0 ? 1 : field(data, at, widths[0])
                let second = field(data, at + widths[0], widths[1])
                let third = field(data, at + widths[0] + widths[1], widths[2])
                guard entries[number] == nil else { continue }
                switch type {
                case 1: entries[number] = second > 0 ? .offset(second, generation: third) : .free
                case 2: entries[number] = .compressed(stream: second, index: third)
                default: entries[number] = .free
                }
            }
        }
        return entries
    }

    /// A big-endian field of `width` bytes (at most 8; wider values wrap, never trap).
    private func field(_ data: [UInt8], _ at: Int, _ width: Int) -> Int {
        var value = 0
        for offset in 0..<width { value = value &<< 8 | Int(data[at + offset]) }
        return value
    }
}
