/// Loading fonts from their dictionaries.
extension PDFDocument {
    /// The font a font dictionary describes; `resourceName` is its name in the resources (for notes).
    public func font(_ dictionary: PDFDictionary, resourceName: String) throws(PDFError) -> PDFFont {
        let subtype = dictionary["Subtype"]?.name ?? "Type1"
        let baseFont = dictionary["BaseFont"]?.name ?? subtype
        let toUnicode = try toUnicodeCMap(dictionary)
        if subtype == "Type0" {
            return try compositeFont(dictionary, resourceName: resourceName, baseFont: baseFont, toUnicode: toUnicode)
        }
        let isType3 = subtype == "Type3"
        var glyphSpaceScale = 0.001
        var sizeScale = 1.0
        if isType3, let matrix = try value(dictionary, "FontMatrix")?.array, matrix.count == 6 {
            let a = PDFNumber.finite(matrix[0].number ?? 0.001, limit: 1e3)
            let d = PDFNumber.finite(matrix[3].number ?? 0.001, limit: 1e3)
            glyphSpaceScale = a
            sizeScale = min(max(abs(d) * 1000, 0.001), 1000)
        }
        let (encodingName, text) = try simpleEncoding(dictionary, subtype: subtype, baseFont: baseFont)
        let (widths, missing) = try simpleWidths(dictionary, baseFont: baseFont)
        return PDFFont(resourceName: resourceName, baseFont: baseFont, kind: isType3 ? .type3 : .simple, encodingName: encodingName,
                       codes: nil, toUnicode: toUnicode, predefined: nil, simpleText: text, simpleWidths: widths,
                       missingWidth: missing, cidWidths: PDFCIDWidths(), cidIsCode: false, glyphSpaceScale: glyphSpaceScale,
                       sizeScale: sizeScale, isVertical: false)
    }

    /// The `/ToUnicode` CMap, nil when absent or unreadable.
    private func toUnicodeCMap(_ dictionary: PDFDictionary) throws(PDFError) -> PDFCMap? {
        guard case .stream(let stream)? = try value(dictionary, "ToUnicode") else { return nil }
        guard let data = try? decodedData(stream) else {
            notes.append(.toUnicodeUndecodable)
            return nil
        }
        return PDFCMapParser.parse(data)
    }

    /// A Type0 font with its descendant CIDFont.
    private func compositeFont(_ dictionary: PDFDictionary, resourceName: String, baseFont: String,
                               toUnicode: PDFCMap?) throws(PDFError) -> PDFFont {
        var descendant = PDFDictionary()
        if let first = try value(dictionary, "DescendantFonts")?.array?.first {
            descendant = try resolve(first).dictionary ?? PDFDictionary()
        }
        var encodingName: String?
        var codes: PDFCMap?
        var predefined: PDFPredefinedCMap?
        var cidIsCode = true
        switch try value(dictionary, "Encoding") {
        case .name(let name)?:
            encodingName = name
            if let known = PDFPredefinedCMap(name: name) {
                predefined = known
                codes = PDFCMap(codespace: known.codespace)
                cidIsCode = false
            } else {
                codes = PDFCMap(codespace: [PDFCMap.Range(low: 0, high: 0xFFFF, length: 2)])
            }
        case .stream(let stream)?:
            encodingName = stream.dictionary["CMapName"]?.name ?? "embedded CMap"
            if let data = try? decodedData(stream) { codes = PDFCMapParser.parse(data) }
            cidIsCode = false
        default:
            codes = PDFCMap(codespace: [PDFCMap.Range(low: 0, high: 0xFFFF, length: 2)])
        }
        if codes?.codespace.isEmpty == true { codes?.codespace = [PDFCMap.Range(low: 0, high: 0xFFFF, length: 2)] }
        let defaultWidth = PDFNumber.finite(try value(descendant, "DW")?.number ?? 1000, limit: 1e5)
        let verticalDefaults = try value(descendant, "DW2")?.array
        let defaultVertical = PDFNumber.finite(verticalDefaults.flatMap { $0.count == 2 ? $0[1].number : nil } ?? -1000, limit: 1e5)
        var w: [PDFObject] = []
        for element in try value(descendant, "W")?.array ?? [] { w.append(try resolve(element)) }
        let widths = PDFCIDWidths(w: w, defaultWidth: defaultWidth, defaultVertical: defaultVertical)
        let isVertical = encodingName?.hasSuffix("-V") == true
        if toUnicode == nil, predefined != nil, let name = encodingName {
            notes.append(.predefinedCMap(font: resourceName, baseFont: baseFont, cmap: name))
        }
        return PDFFont(resourceName: resourceName, baseFont: baseFont, kind: .composite, encodingName: encodingName, codes: codes,
                       toUnicode: toUnicode, predefined: predefined, simpleText: [], simpleWidths: [], missingWidth: defaultWidth,
                       cidWidths: widths, cidIsCode: cidIsCode, glyphSpaceScale: 0.001, sizeScale: 1, isVertical: isVertical)
    }

    /// A simple font's text by code: base encoding, then `/Differences`.
    private func simpleEncoding(_ dictionary: PDFDictionary, subtype: String,
                                baseFont: String) throws(PDFError) -> (String?, [String?]) {
        let encoding = try value(dictionary, "Encoding")
        var baseName = encoding?.name ?? encoding?.dictionary?["BaseEncoding"]?.name
        if baseName == nil && subtype != "Type3" {
            let symbolic = baseFont.contains("Symbol") || baseFont.contains("Dingbats")
            baseName = symbolic ? nil : (subtype == "TrueType" ? "WinAnsiEncoding" : "StandardEncoding")
        }
        var text: [String?] = (PDFEncodingTables.table(named: baseName ?? "") ?? [UInt32](repeating: 0, count: 256)).map { value in
            value == 0 ? nil : Unicode.Scalar(value).map { String(Character($0)) }
        }
        if let differences = try encoding?.dictionary.map({ dictionary throws(PDFError) in try value(dictionary, "Differences") })??.array {
            var code = 0
            for item in differences {
                if let number = item.integer {
                    code = number
                } else if let name = item.name {
                    if code >= 0 && code < 256 { text[code] = PDFGlyphNames.unicode(name) }
                    code += 1
                }
            }
        }
        return (encoding?.name ?? baseName, text)
    }

    /// A simple font's widths by code (`/FirstChar`, `/Widths`), and the width of codes not listed.
    private func simpleWidths(_ dictionary: PDFDictionary, baseFont: String) throws(PDFError) -> ([Double?], Double) {
        var widths = [Double?](repeating: nil, count: 256)
        let descriptor = try value(dictionary, "FontDescriptor")?.dictionary
        let first = try value(dictionary, "FirstChar")?.integer ?? 0
        let listed = try value(dictionary, "Widths")?.array ?? []
        for (offset, item) in listed.prefix(256).enumerated() {
            let code = first &+ offset
            guard code >= 0, code < 256, let width = try resolve(item).number else { continue }
            widths[code] = PDFNumber.finite(width, limit: 1e5)
        }
        var missing = try descriptor.flatMap { descriptor throws(PDFError) in try value(descriptor, "MissingWidth")?.number } ?? 0
        if listed.isEmpty && missing == 0 {
            // A standard 14 font without widths: Courier is 600 units wide, the others average about 500.
            missing = baseFont.contains("Courier") ? 600 : 500
        }
        return (widths, PDFNumber.finite(missing, limit: 1e5))
    }
}
