/// XObjects, inline images and marked content.
extension PDFContentInterpreter {
    /// `Do`: a Form XObject is run with its matrix and resources; an image is counted.
    mutating func drawXObject(_ name: String, resources: PDFDictionary) throws(PDFError) {
        guard let objects = try document.value(resources, "XObject")?.dictionary, let entry = objects[name],
              case .stream(let stream) = try document.resolve(entry) else { return }
        switch stream.dictionary["Subtype"]?.name {
        case "Image":
            content.imageCount += 1
        case "Form":
            let number = stream.objectNumber ?? entry.reference?.number ?? -1
            guard !forms.contains(number) else {
                content.notes.append(.formDrawsItself(name: name))
                return
            }
            guard forms.count < limits.maxFormDepth else {
                content.notes.append(.formsTooDeep(maxDepth: limits.maxFormDepth))
                return
            }
            let data = try document.decodedData(stream)
            let formResources = try document.value(stream.dictionary, "Resources")?.dictionary ?? resources
            let saved = (state, savedStates.count, textMatrix, lineMatrix)
            if let matrix = try document.value(stream.dictionary, "Matrix")?.array.flatMap({ PDFMatrix($0[...]) }) {
                state.ctm = matrix.concatenating(state.ctm)
            }
            forms.append(number)
            try execute(data, resources: formResources)
            forms.removeLast()
            (state, textMatrix, lineMatrix) = (saved.0, saved.2, saved.3)
            if savedStates.count > saved.1 { savedStates.removeSubrange(saved.1...) }
        default:
            break
        }
    }

    /// `BI … ID data EI`: reads the image's dictionary, then skips its data.
    mutating func skipInlineImage(_ parser: inout PDFObjectParser) {
        var dictionary = PDFDictionary()
        while true {
            let token = parser.lexer.next()
            if token == .end { return }
            if case .keyword("ID") = token { break }
            guard case .name(let key) = token, let value = try? parser.parseObject(after: parser.lexer.next(), depth: 1) else { continue }
            dictionary[key] = value
        }
        content.imageCount += 1
        let bytes = parser.lexer.bytes
        let start = min(parser.lexer.position + 1, parser.lexer.end)
        if let length = Self.inlineImageLength(dictionary), length <= parser.lexer.end - start {
            var after = PDFLexer(bytes, start: start + length, end: parser.lexer.end)
            if case .keyword("EI") = after.next() {
                parser.lexer.position = after.position
                return
            }
        }
        // Otherwise the data ends at the first `EI` standing alone between whitespace.
        var index = start
        while index + 1 < parser.lexer.end {
            if bytes[index] == 0x45, bytes[index + 1] == 0x49, index > start, PDFCharacter.isWhitespace(bytes[index - 1]),
               index + 2 >= parser.lexer.end || PDFCharacter.isWhitespace(bytes[index + 2]) {
                parser.lexer.position = index + 2
                return
            }
            index += 1
        }
        parser.lexer.position = parser.lexer.end
    }

    /// The byte length of an unfiltered inline image (nil when filtered or not computable).
    static func inlineImageLength(_ dictionary: PDFDictionary) -> Int? {
        if let length = (dictionary["L"] ?? dictionary["Length"])?.integer, length >= 0 { return length }
        guard dictionary["F"] == nil && dictionary["Filter"] == nil,
              let width = (dictionary["W"] ?? dictionary["Width"])?.integer,
              let height = (dictionary["H"] ?? dictionary["Height"])?.integer,
              (1...100_000).contains(width), (1...100_000).contains(height) else { return nil }
        let mask = (dictionary["IM"] ?? dictionary["ImageMask"]) == .boolean(true)
        let bits = mask ? 1 : (dictionary["BPC"] ?? dictionary["BitsPerComponent"])?.integer ?? 8
        let components: Int
        switch (dictionary["CS"] ?? dictionary["ColorSpace"])?.name {
        case "G", "DeviceGray", "I", "Indexed": components = 1
        case "CMYK", "DeviceCMYK": components = 4
        case "RGB", "DeviceRGB": components = 3
        default: components = mask ? 1 : 0
        }
        guard components > 0, (1...16).contains(bits) else { return nil }
        return (width * components * bits + 7) / 8 * height
    }

    /// `BDC`/`BMC`: remembers where marked content starts, and its `/ActualText`.
    mutating func beginMarkedContent(_ operands: ArraySlice<PDFObject>, resources: PDFDictionary) {
        guard markedContent.count < Self.maxMarkedContentDepth else { return }
        var properties = operands.last?.dictionary
        if properties == nil, operands.count >= 2, let name = operands.last?.name,
           let all = (try? document.value(resources, "Properties"))??.dictionary, let entry = all[name] {
            properties = (try? document.resolve(entry))?.dictionary
        }
        let actualText = properties?["ActualText"]?.stringBytes.map(PDFText.decode)
        markedContent.append((actualText, content.glyphs.count))
    }

    /// `EMC`: glyphs drawn under an `/ActualText` are replaced by that text, placed where they were.
    mutating func endMarkedContent() {
        guard let (actualText, start) = markedContent.popLast(), let text = actualText, start < content.glyphs.count else { return }
        let span = content.glyphs[start...]
        guard var replacement = span.first, let last = span.last else { return }
        replacement.text = text
        if replacement.isHorizontal { replacement.advance = max(replacement.advance, last.x + last.advance - replacement.x) }
        content.glyphs.removeSubrange(start...)
        if !text.isEmpty { content.glyphs.append(replacement) }
    }
}
