/// Rebuilding a damaged cross-reference by scanning the file, as every real reader does.
extension PDFDocument {
    /// Longest trailer dictionary looked at in a rebuild, in bytes.
    static let maxTrailerBytes = 1 << 16

    /// Replaces the cross-reference by what a scan of the file finds: every `n g obj` (a later one
    /// wins), the objects inside object streams, and the last trailer naming a `/Root` (or else a
    /// catalog object).
    func rebuild(because reason: String) throws(PDFError) {
        let offsets = scanForObjects()
        guard !offsets.isEmpty else { throw .damaged("no objects can be found in the file (\(reason))") }
        guard offsets.count <= limits.maxObjects else { throw .limitExceeded("more than \(limits.maxObjects) objects") }
        scannedOffsets = offsets
        cache = [:]
        objectStreams = [:]
        entries = offsets.mapValues { .offset($0, generation: 0) }
        trailer = scanForTrailer()
        addObjectStreamEntries()
        if catalogIfValid() == nil, let catalog = findCatalog() {
            trailer["Root"] = .reference(PDFReference(catalog))
        }
        notes.append(.crossReferenceRebuilt(reason: reason))
    }

    /// Offsets of `n g obj` headers by object number, the last one of each number winning.
    func scanForObjects() -> [Int: Int] {
        var found: [Int: Int] = [:]
        let count = bytes.count
        var index = 1
        while index + 3 <= count {
            defer { index += 1 }
            guard bytes[index] == 0x6F, bytes[index &+ 1] == 0x62, bytes[index &+ 2] == 0x6A,
                  index + 3 == count || !PDFCharacter.isRegular(bytes[index + 3]),
                  PDFCharacter.isWhitespace(bytes[index - 1]) else { continue }
            guard let start = headerStart(before: index) else { continue }
            if let head = PDFIndirectObjectReader(bytes, maxDepth: 1).header(at: start) {
                found[head.number] = start
                if found.count > limits.maxObjects { return found }
            }
        }
        return found
    }

    /// The start of `n g` written just before the `obj` at `keyword`.
    private func headerStart(before keyword: Int) -> Int? {
        var at = keyword - 1
        func skip(_ test: (UInt8) -> Bool) -> Int {
            var steps = 0
            while at >= 0, test(bytes[at]), steps < 32 {
                at -= 1
                steps += 1
            }
            return steps
        }
        guard skip(PDFCharacter.isWhitespace) > 0, skip({ (0x30...0x39).contains($0) }) > 0,
              skip(PDFCharacter.isWhitespace) > 0, skip({ (0x30...0x39).contains($0) }) > 0 else { return nil }
        return at + 1
    }

    /// The last `trailer` dictionary with a `/Root`, or a cross-reference stream's dictionary with one.
    private func scanForTrailer() -> PDFDictionary {
        let keyword = Array("trailer".utf8)
        var best = PDFDictionary()
        var from = 0
        while let at = PDFIndirectObjectReader.find(keyword, in: bytes, from: from) {
            from = at + keyword.count
            var parser = PDFObjectParser(bytes, start: from, end: min(bytes.count, from + Self.maxTrailerBytes), maxDepth: limits.maxNestingDepth)
            if case .dictionary(let dictionary)? = try? parser.parseObject(), dictionary["Root"] != nil { best = dictionary }
        }
        if best["Root"] != nil { return best }
        for number in (scannedOffsets ?? [:]).keys.sorted() {
            if let dictionary = (try? object(number))?.dictionary, dictionary.type == "XRef", dictionary["Root"] != nil {
                best = dictionary
            }
        }
        best.entries["Prev"] = nil
        return best
    }

    /// Entries for the objects held in object streams, where no object of the same number stands in the file.
    private func addObjectStreamEntries() {
        for number in (scannedOffsets ?? [:]).keys.sorted() {
            guard case .stream(let stream)? = try? object(number), stream.dictionary.type == "ObjStm",
                  let data = try? decodedData(stream),
                  let contents = try? PDFObjectStreamContents(stream: stream, data: data, maxObjects: limits.maxObjects) else { continue }
            objectStreams[number] = contents
            for (index, item) in contents.objects.enumerated() where entries[item.number] == nil {
                entries[item.number] = .compressed(stream: number, index: index)
            }
        }
    }

    /// The number of an object whose `/Type` is `/Catalog`.
    private func findCatalog() -> Int? {
        entries.keys.sorted().first { number in
            (try? object(number))?.dictionary?.type == "Catalog"
        }
    }
}
