import Testing
@testable import LedgerFormats

/// XML: what Office files use reads as written; what XML forbids, or could be an attack, is an
/// error with its place.
@Suite("XML reader")
struct XMLReaderTests {
    @Test("elements, prefixes, both quote kinds, text and its references")
    func tree() throws {
        let root = try XMLReader.parse("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <!-- a comment --><?mso-application progid="Word.Document"?>
            <w:document xmlns:w="urn:w" w:a='single "quoted"' w:b="double 'quoted'">\
            <w:p><w:r><w:t xml:space="preserve"> 窗口 &amp; &lt;周报&gt; &quot;&apos; </w:t></w:r></w:p>\
            <w:p/><!-- inside --><?pi inside?></w:document>
            """)
        #expect(root.name == "w:document" && root.localName == "document")
        #expect(root.attribute("w:a") == "single \"quoted\"" && root.attribute("w:b") == "double 'quoted'")
        #expect(root.elements.map(\.name) == ["w:p", "w:p"])
        let text = root.elements[0].firstElement("w:r")?.firstElement("w:t")
        #expect(text?.attribute("xml:space") == "preserve")
        #expect(text?.text == " 窗口 & <周报> \"' ")
    }

    @Test("character data and references", arguments: [
        ("decimal reference", "<a>&#19968;&#20108;</a>", "一二"),
        ("hexadecimal reference", "<a>&#x4E00;&#x4e8c;</a>", "一二"),
        ("astral reference", "<a>&#x1F600;</a>", "😀"),
        ("CDATA kept as written", "<a>x<![CDATA[<w:t> & ]]>y</a>", "x<w:t> & y"),
        ("line ends normalised", "<a>1\r\n2\r3</a>", "1\n2\n3"),
        ("comments do not split text", "<a>in<!-- c -->side</a>", "inside"),
        ("UTF-8 byte order mark", "\u{FEFF}<a>周报</a>", "周报"),
    ])
    func characterData(_ name: String, _ xml: String, _ expected: String) throws {
        #expect(try XMLReader.parse(xml).text == expected)
    }

    @Test("attribute values: whitespace normalised, references replaced")
    func attributeValues() throws {
        let root = try XMLReader.parse("<a v=\"1\t2\n3&#10;4 &lt;&gt;\"/>")
        #expect(root.attribute("v") == "1 2 3\n4 <>")
        #expect(root.children.isEmpty)
    }

    @Test("UTF-16 with a byte order mark", arguments: [true, false])
    func utf16(bigEndian: Bool) throws {
        let units = Array("<?xml version=\"1.0\" encoding=\"UTF-16\"?><a b='周'>报</a>".utf16)
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in units {
            bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        let root = try XMLReader.parse(bytes)
        #expect(root.attribute("b") == "周" && root.text == "报")
    }

    @Test("a DOCTYPE without entities is skipped")
    func doctype() throws {
        #expect(try XMLReader.parse("<!DOCTYPE a [ <!ELEMENT a (#PCDATA)> ]><a>x</a>").text == "x")
        #expect(try XMLReader.parse("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\" \"x.dtd\"><a/>").name == "a")
    }

    /// A document XML refuses, the reason and where.
    struct Refused: CustomTestStringConvertible, Sendable {
        var testDescription: String
        var xml: String
        var reason: XMLError.Reason
        var line: Int
        var column: Int
    }

    static let refused: [Refused] = [
        .init(testDescription: "billion laughs", xml: "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n]>\n<lolz>&lol;</lolz>",
              reason: .entityDeclaration, line: 3, column: 2),
        .init(testDescription: "undefined entity", xml: "<a>\n&nbsp;</a>", reason: .undefinedEntity("nbsp"), line: 2, column: 1),
        .init(testDescription: "reference to NUL", xml: "<a>&#0;</a>", reason: .invalidCharacterReference("#0"), line: 1, column: 4),
        .init(testDescription: "reference to a surrogate", xml: "<a>&#xD800;</a>", reason: .invalidCharacterReference("#xD800"), line: 1, column: 4),
        .init(testDescription: "upper-case X reference (XML's is lower-case)", xml: "<a>&#X4E00;</a>", reason: .invalidCharacterReference("#X4E00"), line: 1, column: 4),
        .init(testDescription: "reference past Unicode", xml: "<a>&#x110000;</a>", reason: .invalidCharacterReference("#x110000"), line: 1, column: 4),
        .init(testDescription: "bare ampersand", xml: "<a>a & b</a>", reason: .malformed("& that starts no reference (write &amp;)"), line: 1, column: 6),
        .init(testDescription: "mismatched end tag", xml: "<w:p><w:r></w:p></w:r>", reason: .mismatchedTag(expected: "w:r", found: "w:p"), line: 1, column: 11),
        .init(testDescription: "unclosed element", xml: "<a>\n<b>", reason: .unexpectedEnd("the element <b>"), line: 2, column: 1),
        .init(testDescription: "two roots", xml: "<a/><b/>", reason: .notOneRoot("a second root element <b>"), line: 1, column: 5),
        .init(testDescription: "text after the root", xml: "<a/>x", reason: .notOneRoot("text after the root element"), line: 1, column: 5),
        .init(testDescription: "no root", xml: "<?xml version=\"1.0\"?> ", reason: .notOneRoot("the document has no root element"), line: 1, column: 23),
        .init(testDescription: "duplicate attribute", xml: "<a b='1' b='2'/>", reason: .duplicateAttribute("b"), line: 1, column: 15),
        .init(testDescription: "unquoted attribute", xml: "<a b=1/>", reason: .malformed("expected a quoted value for the attribute b"), line: 1, column: 6),
        .init(testDescription: "< in an attribute", xml: "<a b='<'/>", reason: .malformed("< in the value of the attribute b"), line: 1, column: 7),
        .init(testDescription: "unterminated comment", xml: "<a><!-- x</a>", reason: .unexpectedEnd("a comment"), line: 1, column: 4),
        .init(testDescription: "unterminated CDATA", xml: "<a><![CDATA[x</a>", reason: .unexpectedEnd("a CDATA section"), line: 1, column: 4),
        .init(testDescription: "declaration not at the start", xml: "<a><?xml version='1.0'?></a>",
              reason: .malformed("an XML declaration that is not at the document's start"), line: 1, column: 4),
        .init(testDescription: "GB2312 declared", xml: "<?xml version='1.0' encoding='GB2312'?><a/>",
              reason: .invalidEncoding("the declaration names gb2312, not UTF-8"), line: 1, column: 1),
        .init(testDescription: "name starting with a digit", xml: "<1a/>", reason: .malformed("a name cannot start with 1"), line: 1, column: 2),
    ]

    @Test("a document XML refuses is an error with its place", arguments: refused)
    func refusedDocuments(_ refused: Refused) {
        do {
            _ = try XMLReader.parse(refused.xml)
            Issue.record("read without error")
        } catch {
            #expect(error.reason == refused.reason)
            #expect(error.line == refused.line && error.column == refused.column, "\(error)")
        }
    }

    @Test("bytes that are not UTF-8 are an error", arguments: [
        [0xC3, 0x28], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80],
        [0xE4, 0xB8], [0x80], [0xFF],
    ] as [[UInt8]])
    func notUTF8(_ bad: [UInt8]) {
        #expect(throws: XMLError.self) { try XMLReader.parse([0x3C, 0x61, 0x3E] + bad + [0x3C, 0x2F, 0x61, 0x3E]) }
        #expect(throws: XMLError.self) { try XMLReader.parse([0x3C, 0x61, 0x20, 0x62, 0x3D, 0x27] + bad + [0x27, 0x2F, 0x3E]) }
    }

    @Test("the UTF-8 check agrees with the standard library's on every 1- to 3-byte sequence from a set")
    func utf8Agreement() {
        let bytes: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC,
                              0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        for a in bytes {
            for b in bytes {
                for c in bytes {
                    for sequence in [[a], [a, b], [a, b, c], [a, b, c, 0x80]] {
                        let mine = isValidUTF8(sequence[...])
                        let standard = String(validating: sequence, as: UTF8.self) != nil
                        if mine != standard { Issue.record("\(sequence): \(mine) vs \(standard)") }
                    }
                }
            }
        }
    }

    @Test("nesting past the depth limit is refused, at the limit read")
    func depth() throws {
        let limit = XMLReader.Limits.standard.maxDepth
        let atLimit = String(repeating: "<a>", count: limit) + String(repeating: "</a>", count: limit)
        #expect(try XMLReader.parse(atLimit).name == "a")
        let past = String(repeating: "<a>", count: limit + 1) + String(repeating: "</a>", count: limit + 1)
        #expect(throws: XMLError.self) { try XMLReader.parse(past) }
    }

    @Test("more elements or attributes than the limits allow are refused")
    func counts() throws {
        let limits = XMLReader.Limits(maxDocumentBytes: 1 << 20, maxDepth: 8, maxElements: 3, maxAttributesPerElement: 2)
        #expect(try XMLReader.parse("<a><b/><c x='1' y='2'/></a>", limits: limits).elements.count == 2)
        #expect(throws: XMLError(reason: .tooManyElements(limit: 3), byteOffset: 11, line: 1, column: 12)) {
            try XMLReader.parse("<a><b/><c/><d/><e/></a>", limits: limits)
        }
        #expect(throws: XMLError(reason: .tooManyAttributes(limit: 2), byteOffset: 15, line: 1, column: 16)) {
            try XMLReader.parse("<a x='1' y='2' z='3'/>", limits: limits)
        }
    }

    @Test("a duplicate among many attributes is found", arguments: [3, 15, 16, 17, 100])
    func manyAttributes(count: Int) throws {
        let attributes = (0..<count).map { " a\($0)='\($0)'" }.joined()
        #expect(try XMLReader.parse("<e\(attributes)/>").attributes.count == count)
        #expect(throws: XMLError.self) { try XMLReader.parse("<e\(attributes) a\(count / 2)='x'/>") }
        #expect(throws: XMLError.self) { try XMLReader.parse("<e\(attributes) a\(count - 1)='x'/>") }
    }

    @Test("text split by many comments is read in linear time")
    func manyComments() throws {
        let xml = "<a>" + String(repeating: "x<!---->", count: 200_000) + "</a>"
        #expect(try XMLReader.parse(xml).text.count == 200_000)
    }

    @Test("a document past the size limit is refused before it is read")
    func size() {
        let limits = XMLReader.Limits(maxDocumentBytes: 10, maxDepth: 4)
        #expect(throws: XMLError(reason: .tooLarge(bytes: 11, limitBytes: 10), byteOffset: 0, line: 1, column: 1)) {
            try XMLReader.parse("<a>123</a>\n", limits: limits)
        }
    }

    @Test("every prefix of a document is read or refused, never a crash")
    func prefixes() {
        let xml = Array("<?xml version=\"1.0\"?><!DOCTYPE a><a x='1'><!--c--><![CDATA[d]]>&#x4E00;<b/><?p q?></a>".utf8)
        for length in 0...xml.count {
            _ = try? XMLReader.parse(Array(xml.prefix(length)))
        }
        #expect(throws: Never.self) { try XMLReader.parse(xml) }
    }
}
