/// Glyph names to Unicode: `uniXXXX`, `uXXXX[XX]`, and the Adobe Glyph List names of ASCII,
/// Latin-1 and common punctuation (what `/Differences` arrays use in practice).
enum PDFGlyphNames {
    /// The names of the printable ASCII characters, U+0020 to U+007E in order.
    private static let ascii = """
        space exclam quotedbl numbersign dollar percent ampersand quotesingle parenleft parenright asterisk plus \
        comma hyphen period slash zero one two three four five six seven eight nine colon semicolon less equal \
        greater question at A B C D E F G H I J K L M N O P Q R S T U V W X Y Z bracketleft backslash \
        bracketright asciicircum underscore grave a b c d e f g h i j k l m n o p q r s t u v w x y z braceleft \
        bar braceright asciitilde
        """
    /// The names of Latin-1's upper half, U+00A0 to U+00FF in order.
    private static let latin1 = """
        nbspace exclamdown cent sterling currency yen brokenbar section dieresis copyright ordfeminine \
        guillemotleft logicalnot sfthyphen registered macron degree plusminus twosuperior threesuperior acute mu \
        paragraph periodcentered cedilla onesuperior ordmasculine guillemotright onequarter onehalf threequarters \
        questiondown Agrave Aacute Acircumflex Atilde Adieresis Aring AE Ccedilla Egrave Eacute Ecircumflex \
        Edieresis Igrave Iacute Icircumflex Idieresis Eth Ntilde Ograve Oacute Ocircumflex Otilde Odieresis \
        multiply Oslash Ugrave Uacute Ucircumflex Udieresis Yacute Thorn germandbls agrave aacute acircumflex \
        atilde adieresis aring ae ccedilla egrave eacute ecircumflex edieresis igrave iacute icircumflex idieresis \
        eth ntilde ograve oacute ocircumflex otilde odieresis divide oslash ugrave uacute ucircumflex udieresis \
        yacute thorn ydieresis
        """
    /// Other common names.
    private static let others: [String: UInt32] = [
        "bullet": 0x2022, "endash": 0x2013, "emdash": 0x2014, "quoteleft": 0x2018, "quoteright": 0x2019,
        "quotesinglbase": 0x201A, "quotedblleft": 0x201C, "quotedblright": 0x201D, "quotedblbase": 0x201E,
        "dagger": 0x2020, "daggerdbl": 0x2021, "ellipsis": 0x2026, "perthousand": 0x2030, "guilsinglleft": 0x2039,
        "guilsinglright": 0x203A, "Euro": 0x20AC, "trademark": 0x2122, "fi": 0xFB01, "fl": 0xFB02, "florin": 0x0192,
        "circumflex": 0x02C6, "tilde": 0x02DC, "OE": 0x0152, "oe": 0x0153, "Scaron": 0x0160, "scaron": 0x0161,
        "Zcaron": 0x017D, "zcaron": 0x017E, "Ydieresis": 0x0178, "fraction": 0x2044, "dotlessi": 0x0131,
        "Lslash": 0x0141, "lslash": 0x0142, "breve": 0x02D8, "dotaccent": 0x02D9, "ring": 0x02DA, "ogonek": 0x02DB,
        "caron": 0x02C7, "hungarumlaut": 0x02DD, "minus": 0x2212, "middot": 0x00B7, "nonbreakingspace": 0x00A0,
        "Delta": 0x2206, "Omega": 0x2126, "mu1": 0x00B5, "sfthyphen": 0x00AD, "uni00A0": 0x00A0,
    ]

    /// Every known name.
    static let table: [String: UInt32] = {
        var table = others
        for (offset, name) in ascii.split(separator: " ").enumerated() { table[String(name)] = 0x20 + UInt32(offset) }
        for (offset, name) in latin1.split(separator: " ").enumerated() { table[String(name)] = 0xA0 + UInt32(offset) }
        return table
    }()

    /// The text a glyph name stands for, or nil when the name says nothing (`g12`, `cid345`, `a1`).
    static func unicode(_ name: String) -> String? {
        if let scalar = table[name].flatMap(Unicode.Scalar.init) { return String(Character(scalar)) }
        let base = name.split(separator: ".").first.map(String.init) ?? name
        if base != name, let scalar = table[base].flatMap(Unicode.Scalar.init) { return String(Character(scalar)) }
        if base.hasPrefix("uni"), base.count >= 7, (base.count - 3) % 4 == 0 {
            var units: [UInt16] = []
            var rest = Substring(base.dropFirst(3))
            while !rest.isEmpty {
                guard let unit = UInt16(rest.prefix(4), radix: 16) else { return nil }
                units.append(unit)
                rest = rest.dropFirst(4)
            }
            return PDFText.utf16(units)
        }
        if base.hasPrefix("u"), (5...7).contains(base.count), let value = UInt32(base.dropFirst(), radix: 16),
           let scalar = Unicode.Scalar(value) {
            return String(Character(scalar))
        }
        return nil
    }
}
