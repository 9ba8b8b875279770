/// The text operators (ISO 32000-1 §9.3–9.4).
extension PDFContentInterpreter {
    /// A text state, positioning or showing operator; others are ignored.
    mutating func performText(_ name: String, _ operands: ArraySlice<PDFObject>, resources: PDFDictionary) throws(PDFError) {
        let last = operands.last
        switch name {
        case "BT":
            textMatrix = .identity
            lineMatrix = .identity
        case "Tf":
            state.fontSize = Self.number(last)
            if operands.count >= 2, let fontName = operands[operands.endIndex - 2].name {
                state.font = try font(fontName, resources: resources)
            }
        case "Tc": state.characterSpacing = Self.number(last)
        case "Tw": state.wordSpacing = Self.number(last)
        case "Tz": state.horizontalScaling = Self.number(last) / 100
        case "TL": state.leading = Self.number(last)
        case "Ts": state.rise = Self.number(last)
        case "Td", "TD":
            guard operands.count >= 2 else { return }
            let ty = Self.number(last)
            if name == "TD" { state.leading = -ty }
            moveLine(Self.number(operands[operands.endIndex - 2]), ty)
        case "Tm":
            if let matrix = PDFMatrix(operands.suffix(6)) {
                textMatrix = matrix
                lineMatrix = matrix
            }
        case "T*":
            moveLine(0, -state.leading)
        case "Tj":
            if let bytes = last?.stringBytes { try show(bytes) }
        case "'":
            moveLine(0, -state.leading)
            if let bytes = last?.stringBytes { try show(bytes) }
        case "\"":
            guard operands.count >= 3 else { return }
            state.wordSpacing = Self.number(operands[operands.endIndex - 3])
            state.characterSpacing = Self.number(operands[operands.endIndex - 2])
            moveLine(0, -state.leading)
            if let bytes = last?.stringBytes { try show(bytes) }
        case "TJ":
            for item in last?.array ?? [] {
                if let bytes = item.stringBytes {
                    try show(bytes)
                } else if let adjustment = item.number {
                    advance(-PDFNumber.finite(adjustment, limit: 1e7) / 1000 * state.fontSize)
                }
            }
        default:
            break
        }
    }

    /// `Td`: the start of the next line, offset from the start of this one.
    private mutating func moveLine(_ tx: Double, _ ty: Double) {
        lineMatrix = PDFMatrix.translation(tx, ty).concatenating(lineMatrix)
        textMatrix = lineMatrix
    }

    /// Moves the text position by `amount` text space units along the writing direction.
    private mutating func advance(_ amount: Double) {
        if state.font?.isVertical == true {
            textMatrix = PDFMatrix.translation(0, amount).concatenating(textMatrix)
        } else {
            textMatrix = PDFMatrix.translation(amount * state.horizontalScaling, 0).concatenating(textMatrix)
        }
    }

    /// The font `name` of `resources`, loaded once per document.
    private mutating func font(_ name: String, resources: PDFDictionary) throws(PDFError) -> PDFFont? {
        guard let fonts = try document.value(resources, "Font")?.dictionary, let entry = fonts[name] else {
            content.notes.append(.fontNotDefined(name: name))
            return nil
        }
        if let number = entry.reference?.number, let known = document.fontCache[number] { return known }
        guard let dictionary = try document.resolve(entry).dictionary else { return nil }
        let font = try document.font(dictionary, resourceName: name)
        if let number = entry.reference?.number { document.fontCache[number] = font }
        return font
    }

    /// Shows a string: one glyph per code, each placed by the text rendering matrix.
    private mutating func show(_ bytes: [UInt8]) throws(PDFError) {
        guard let font = state.font else { return }
        for glyph in font.glyphs(bytes) {
            let spacing = state.characterSpacing + (glyph.isWordSpace ? state.wordSpacing : 0)
            let width = glyph.width * state.fontSize
            if let text = glyph.text {
                try emit(text, width: width, font: font)
            } else {
                content.unmappedGlyphs[font.label, default: 0] += 1
            }
            advance(width + spacing)
        }
    }

    /// Records a glyph at the current text position.
    private mutating func emit(_ raw: String, width: Double, font: PDFFont) throws(PDFError) {
        let text = String(String.UnicodeScalarView(raw.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F && $0.value != 0xFFFD }))
        guard !text.isEmpty else { return }
        document.glyphCount += 1
        guard document.glyphCount <= limits.maxGlyphs else { throw .limitExceeded("more than \(limits.maxGlyphs) glyphs") }
        let matrix = textMatrix.concatenating(state.ctm)
        let origin = page.displayPoint(x: matrix.e, y: matrix.f)
        let unit = matrix.apply(1, 0)
        let towards = page.displayPoint(x: unit.x, y: unit.y)
        let (dx, dy) = (towards.x - origin.x, towards.y - origin.y)
        let scaleX = (dx * dx + dy * dy).squareRoot()
        let scaleY = (matrix.c * matrix.c + matrix.d * matrix.d).squareRoot()
        let horizontal = dx > 0 && abs(dy) <= dx * 0.05 && !font.isVertical
        content.glyphs.append(PDFPageContent.Glyph(
            text: text, x: PDFNumber.finite(origin.x), y: PDFNumber.finite(origin.y),
            size: PDFNumber.finite(abs(state.fontSize) * scaleY * font.sizeScale),
            advance: PDFNumber.finite(abs(width * state.horizontalScaling) * scaleX), isHorizontal: horizontal))
    }
}
