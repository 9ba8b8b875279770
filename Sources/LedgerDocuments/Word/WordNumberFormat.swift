/// A number as one of Word's numbering formats (`w:numFmt`) shows it: `3` as `三`, `③`, `c`,
/// `iii`, `３`, `丙`.
///
/// Numbers a format cannot show (a zero or a negative, a circled number past 50, a roman
/// numeral past 3,999) fall back to decimal digits, as Word does.
enum WordNumberFormat {
    /// The formats rendered; any other is shown in decimal with a note.
    static let known: Set<String> = [
        "decimal", "decimalZero", "decimalHalfWidth", "decimalFullWidth", "decimalFullWidth2",
        "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "japaneseCounting",
        "taiwaneseCounting", "taiwaneseCountingThousand", "ideographDigital", "taiwaneseDigital",
        "ideographTraditional", "ideographZodiac", "decimalEnclosedCircle", "decimalEnclosedCircleChinese",
        "decimalEnclosedFullstop", "decimalEnclosedParen", "lowerLetter", "upperLetter", "lowerRoman",
        "upperRoman", "bullet", "none",
    ]

    /// `value` in the format `format` (an unknown format gives decimal).
    static func text(_ value: Int, format: String) -> String {
        switch format {
        case "none", "bullet": ""
        case "decimalZero": value >= 0 && value < 10 ? "0\(value)" : "\(value)"
        case "decimalFullWidth", "decimalFullWidth2": fullWidth(value)
        case "chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand":
            ChineseNumeral.counting(value) ?? "\(value)"
        case "ideographDigital", "taiwaneseDigital": ChineseNumeral.digits(value)
        case "chineseLegalSimplified": ChineseNumeral.legal(value) ?? "\(value)"
        case "japaneseCounting": ChineseNumeral.japanese(value) ?? "\(value)"
        case "ideographTraditional": cycle(value, "甲乙丙丁戊己庚辛壬癸")
        case "ideographZodiac": cycle(value, "子丑寅卯辰巳午未申酉戌亥")
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese": enclosedCircle(value)
        case "decimalEnclosedFullstop": enclosed(value, first: 0x2488)
        case "decimalEnclosedParen": enclosed(value, first: 0x2474)
        case "lowerLetter": letters(value, first: "a")
        case "upperLetter": letters(value, first: "A")
        case "lowerRoman": roman(value)?.lowercased() ?? "\(value)"
        case "upperRoman": roman(value) ?? "\(value)"
        default: "\(value)"
        }
    }

    private static func fullWidth(_ value: Int) -> String {
        String(String(value).unicodeScalars.map { scalar in
            guard scalar.value >= 0x30 && scalar.value <= 0x39, let wide = Unicode.Scalar(scalar.value - 0x30 + 0xFF10) else {
                return Character(scalar)
            }
            return Character(wide)
        })
    }

    private static func cycle(_ value: Int, _ symbols: String) -> String {
        guard value >= 1 else { return "\(value)" }
        let characters = Array(symbols)
        return String(characters[(value - 1) % characters.count])
    }

    /// ① to ⑳, ㉑ to ㉟, ㊱ to ㊿: the circled numbers Unicode has.
    private static func enclosedCircle(_ value: Int) -> String {
        let code: Int
        switch value {
        case 1...20: code = 0x2460 + value - 1
        case 21...35: code = 0x3251 + value - 21
        case 36...50: code = 0x32B1 + value - 36
        default: return "\(value)"
        }
        return Unicode.Scalar(UInt32(code)).map { String(Character($0)) } ?? "\(value)"
    }

    private static func enclosed(_ value: Int, first: Int) -> String {
        guard (1...20).contains(value), let scalar = Unicode.Scalar(UInt32(first + value - 1)) else { return "\(value)" }
        return String(Character(scalar))
    }

    /// Word's letters: a to z, then aa to zz, aaa…; past 30 repeats, decimal.
    private static func letters(_ value: Int, first: Character) -> String {
        guard value >= 1, (value - 1) / 26 < 30, let base = first.asciiValue else { return "\(value)" }
        let letter = Character(Unicode.Scalar(base + UInt8((value - 1) % 26)))
        return String(repeating: letter, count: (value - 1) / 26 + 1)
    }

    private static func roman(_ value: Int) -> String? {
        guard (1...3999).contains(value) else { return nil }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = value, result = ""
        for (amount, symbol) in table {
            while rest >= amount {
                result += symbol
                rest -= amount
            }
        }
        return result
    }
}
