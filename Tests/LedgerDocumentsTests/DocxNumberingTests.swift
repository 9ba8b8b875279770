import Testing
@testable import LedgerDocuments

/// Automatic list numbers as Word shows them: every format, marker texts, counters across
/// levels, restarts and overrides, and numbering that comes from a paragraph's style.
@Suite("Docx numbering")
struct DocxNumberingTests {
    /// One level's format and marker text, and the markers of its first paragraphs.
    struct Format: CustomTestStringConvertible, Sendable {
        var testDescription: String { "\(format) \(lvlText) from \(start)" }
        var format: String
        var lvlText: String
        var start: Int
        var expected: [String]
    }

    static let formats: [Format] = [
        .init(format: "decimal", lvlText: "%1.", start: 1, expected: ["1. ", "2. ", "3. "]),
        .init(format: "decimal", lvlText: "%1、", start: 9, expected: ["9、", "10、", "11、"]),
        .init(format: "chineseCounting", lvlText: "%1、", start: 1, expected: ["一、", "二、", "三、"]),
        .init(format: "chineseCounting", lvlText: "%1、", start: 9, expected: ["九、", "十、", "十一、"]),
        .init(format: "chineseCounting", lvlText: "（%1）", start: 19, expected: ["（十九）", "（二十）", "（二十一）"]),
        .init(format: "chineseCountingThousand", lvlText: "%1、", start: 99, expected: ["九十九、", "一百、", "一百零一、"]),
        .init(format: "chineseCountingThousand", lvlText: "%1", start: 1009, expected: ["一千零九", "一千零一十", "一千零一十一"]),
        .init(format: "taiwaneseCountingThousand", lvlText: "%1、", start: 1, expected: ["一、", "二、", "三、"]),
        .init(format: "ideographDigital", lvlText: "%1", start: 99, expected: ["九九", "一〇〇", "一〇一"]),
        .init(format: "chineseLegalSimplified", lvlText: "%1、", start: 10, expected: ["壹拾、", "壹拾壹、", "壹拾贰、"]),
        .init(format: "japaneseCounting", lvlText: "%1.", start: 110, expected: ["百十. ", "百十一. ", "百十二. "]),
        .init(format: "ideographTraditional", lvlText: "%1、", start: 1, expected: ["甲、", "乙、", "丙、"]),
        .init(format: "ideographTraditional", lvlText: "%1、", start: 10, expected: ["癸、", "甲、", "乙、"]),
        .init(format: "decimalEnclosedCircleChinese", lvlText: "%1", start: 1, expected: ["①", "②", "③"]),
        .init(format: "decimalEnclosedCircle", lvlText: "%1", start: 20, expected: ["⑳", "㉑", "㉒"]),
        .init(format: "decimalEnclosedCircle", lvlText: "%1", start: 50, expected: ["㊿", "51 ", "52 "]),
        .init(format: "decimalFullWidth", lvlText: "%1．", start: 9, expected: ["９．", "１０．", "１１．"]),
        .init(format: "decimalZero", lvlText: "%1.", start: 9, expected: ["09. ", "10. ", "11. "]),
        .init(format: "decimalEnclosedParen", lvlText: "%1", start: 1, expected: ["⑴", "⑵", "⑶"]),
        .init(format: "lowerLetter", lvlText: "%1)", start: 25, expected: ["y) ", "z) ", "aa) "]),
        .init(format: "upperLetter", lvlText: "(%1)", start: 1, expected: ["(A) ", "(B) ", "(C) "]),
        .init(format: "lowerRoman", lvlText: "%1.", start: 3, expected: ["iii. ", "iv. ", "v. "]),
        .init(format: "upperRoman", lvlText: "%1.", start: 1999, expected: ["MCMXCIX. ", "MM. ", "MMI. "]),
        .init(format: "bullet", lvlText: "\u{F0B7}", start: 1, expected: ["• ", "• ", "• "]),
        .init(format: "bullet", lvlText: "●", start: 1, expected: ["● ", "● ", "● "]),
        .init(format: "none", lvlText: "", start: 1, expected: ["", "", ""]),
    ]

    @Test("each numbering format and marker text", arguments: formats)
    func format(_ test: Format) throws {
        let numbering = TestDocx.abstractNum(1, [(test.format, test.lvlText, test.start)]) + TestDocx.num(5, 1)
        let body = (1...3).map { TestDocx.p("项\($0)", TestDocx.numPr(5, 0)) }.joined()
        let lines = try DocxReaderTests.lines(body, numbering: numbering)
        #expect(lines == test.expected.enumerated().map { "\($1)项\($0 + 1)" })
    }

    static let bulletinLevels = TestDocx.abstractNum(1, [
        ("chineseCounting", "%1、", 1), ("chineseCounting", "（%2）", 1), ("decimal", "%3.", 1), ("decimalEnclosedCircle", "%4", 1),
    ])

    @Test("a bulletin's outline: counters per level, deeper levels restarted by higher ones")
    func outline() throws {
        let levels = [0, 1, 1, 2, 2, 3, 2, 1, 0, 1, 2, 0]
        let body = levels.enumerated().map { TestDocx.p("第\($0)段", TestDocx.numPr(7, $1)) }.joined()
        let lines = try DocxReaderTests.lines(body, numbering: Self.bulletinLevels + TestDocx.num(7, 1))
        #expect(lines == ["一、第0段", "（一）第1段", "（二）第2段", "1. 第3段", "2. 第4段", "①第5段", "3. 第6段",
                          "（三）第7段", "二、第8段", "（一）第9段", "1. 第10段", "三、第11段"])
    }

    @Test("multi-level marker texts: %1.%2, legal numbering, a level not yet used shows its start")
    func multiLevel() throws {
        let numbering = TestDocx.abstractNum(1, [("upperRoman", "%1.", 1), ("lowerLetter", "%1.%2", 1), ("decimal", "%1.%2.%3", 1)])
            + TestDocx.abstractNum(2, [("upperRoman", "%1", 1), ("lowerLetter", "%1.%2", 1)], extra: [1: "<w:isLgl/>"])
            + TestDocx.num(1, 1) + TestDocx.num(2, 2)
        let body = [(1, 1), (1, 0), (1, 1), (1, 2), (1, 2), (2, 0), (2, 1)].map { TestDocx.p("x", TestDocx.numPr($0.0, $0.1)) }.joined()
        let lines = try DocxReaderTests.lines(body, numbering: numbering)
        #expect(lines == ["I.a x", "I. x", "I.a x", "I.a.1 x", "I.a.2 x", "I x", "1.1 x"])
    }

    @Test("two instances of one definition continue it; an override restarts it; lvlRestart 0 never restarts")
    func restarts() throws {
        let numbering = TestDocx.abstractNum(1, [("decimal", "%1.", 1), ("lowerLetter", "%2)", 1)], extra: [1: "<w:lvlRestart w:val=\"0\"/>"])
            + TestDocx.num(1, 1) + TestDocx.num(2, 1)
            + TestDocx.num(3, 1, overrides: "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride>")
            + TestDocx.num(4, 1, overrides: "<w:lvlOverride w:ilvl=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"5\"/>"
                + "<w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、\"/></w:lvl></w:lvlOverride>")
        let body = [(1, 0), (1, 1), (2, 0), (2, 1), (3, 0), (3, 0), (4, 0), (1, 0)].map { TestDocx.p("x", TestDocx.numPr($0.0, $0.1)) }.joined()
        let lines = try DocxReaderTests.lines(body, numbering: numbering)
        #expect(lines == ["1. x", "a) x", "2. x", "b) x", "1. x", "2. x", "五、x", "3. x"])
    }

    static let styles = """
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
        <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>\
        <w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>\
        <w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="MyHeading"><w:basedOn w:val="1"/></w:style>
        <w:style w:type="paragraph" w:styleId="Loop1"><w:basedOn w:val="Loop2"/></w:style>
        <w:style w:type="paragraph" w:styleId="Loop2"><w:basedOn w:val="Loop1"/></w:style>
        """

    @Test("numbering from the paragraph's style, through basedOn; numId 0 removes it; a style loop is harmless")
    func styleNumbering() throws {
        let numbering = TestDocx.abstractNum(1, [("chineseCounting", "%1、", 1), ("chineseCounting", "（%2）", 1)], extra: [0: "<w:pStyle w:val=\"1\"/>"])
            + TestDocx.num(3, 1)
        let body = TestDocx.p("大厅巡查情况", "<w:pStyle w:val=\"1\"/>") + TestDocx.p("按时到岗情况。", "<w:pStyle w:val=\"2\"/>")
            + TestDocx.p("正文") + TestDocx.p("继承", "<w:pStyle w:val=\"MyHeading\"/>")
            + TestDocx.p("不编号", "<w:pStyle w:val=\"1\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr>")
            + TestDocx.p("级别在段落", "<w:pStyle w:val=\"1\"/><w:numPr><w:ilvl w:val=\"1\"/></w:numPr>")
            + TestDocx.p("循环", "<w:pStyle w:val=\"Loop1\"/>")
        let lines = try DocxReaderTests.lines(body, numbering: numbering, styles: Self.styles)
        #expect(lines == ["一、大厅巡查情况", "（一）按时到岗情况。", "正文", "二、继承", "不编号", "（一）级别在段落", "循环"])
    }

    @Test("suffixes: nothing, space, and a tab read as a space after an ASCII marker or a bullet, else as nothing")
    func suffixes() throws {
        let numbering = TestDocx.abstractNum(1, [("decimal", "%1.", 1), ("decimal", "%2.", 1), ("chineseCounting", "%3、", 1)],
                                             extra: [0: "<w:suff w:val=\"nothing\"/>", 1: "<w:suff w:val=\"space\"/>"])
            + TestDocx.num(1, 1)
        let body = [0, 1, 2].map { TestDocx.p("x", TestDocx.numPr(1, $0)) }.joined()
        #expect(try DocxReaderTests.lines(body, numbering: numbering) == ["1.x", "1. x", "一、x"])
    }

    @Test("an unknown format is shown in decimal with a note; an undefined list without a number, with a note")
    func unknown() throws {
        let numbering = TestDocx.abstractNum(1, [("ordinalText", "%1:", 1)]) + TestDocx.num(1, 1)
        let body = TestDocx.p("x", TestDocx.numPr(1, 0)) + TestDocx.p("y", TestDocx.numPr(9, 0)) + TestDocx.p("z", TestDocx.numPr(1, 4))
        let document = try DocxReader.read(TestDocx.make(body, numbering: numbering))
        #expect(document.lines.map(\.text) == ["1: x", "y", "z"])
        #expect(document.notes == [
            "the list numbering format ordinalText is shown as decimal numbers",
            "a paragraph names the undefined list 9; it is shown without its number",
        ])
    }

    @Test("Chinese numerals", arguments: [
        (0, "〇"), (1, "一"), (10, "十"), (15, "十五"), (20, "二十"), (100, "一百"), (101, "一百零一"), (110, "一百一十"),
        (1000, "一千"), (1001, "一千零一"), (1010, "一千零一十"), (9999, "九千九百九十九"), (10000, "一万"), (10005, "一万零五"),
        (12345, "一万二千三百四十五"), (100_000_000, ""),
    ])
    func chineseNumerals(_ value: Int, _ expected: String) {
        #expect(ChineseNumeral.counting(value) ?? "" == expected)
    }
}
