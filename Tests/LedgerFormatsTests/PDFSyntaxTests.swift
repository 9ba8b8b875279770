import Testing
@testable import LedgerFormats

/// The lexer and the object parser.
@Suite("PDF syntax")
struct PDFSyntaxTests {
    static func object(_ text: String) throws -> PDFObject {
        var parser = PDFObjectParser(Array(text.utf8))
        return try parser.parseObject()
    }

    @Test("numbers, booleans, null, names", arguments: [
        ("42", PDFObject.integer(42)), ("-17", .integer(-17)), ("+5", .integer(5)), ("3.25", .real(3.25)), ("-.5", .real(-0.5)),
        ("4.", .real(4)), ("true", .boolean(true)), ("false", .boolean(false)), ("null", .null),
        ("/Name", .name("Name")), ("/A#20B", .name("A B")), ("/#CB#CE", .name("\u{CB}\u{CE}")), ("/", .name("")),
        ("99999999999999999999999", .real(1e23)),
    ])
    func scalars(_ text: String, _ expected: PDFObject) throws {
        #expect(try Self.object(text) == expected)
    }

    @Test("literal strings: escapes, balanced parentheses, octal, line continuations", arguments: [
        ("(plain)", "plain"), ("(a (nested) b)", "a (nested) b"), ("(\\(\\)\\\\)", "()\\"),
        ("(tab\\tnl\\n)", "tab\tnl\n"), ("(\\101\\60\\0615)", "A015"), ("(split\\\nline)", "splitline"),
        ("(cr\rlf)", "cr\nlf"), ("(unknown \\q)", "unknown q"), ("(unterminated", "unterminated"),
    ])
    func literalStrings(_ text: String, _ expected: String) throws {
        #expect(try Self.object(text) == .string(Array(expected.utf8)))
    }

    @Test("hex strings: whitespace skipped, an odd digit padded", arguments: [
        ("<48656C6C6F>", [0x48, 0x65, 0x6C, 0x6C, 0x6F]), ("<48 65\n6c>", [0x48, 0x65, 0x6C]), ("<ABC>", [0xAB, 0xC0]), ("<>", []),
    ] as [(String, [UInt8])])
    func hexStrings(_ text: String, _ expected: [UInt8]) throws {
        #expect(try Self.object(text) == .string(expected))
    }

    @Test("arrays, dictionaries, references and comments")
    func containers() throws {
        let object = try Self.object("<< /Kids [1 0 R 2 0 R] /Count 2 % a comment\n /Box [0 0 595.5 842] /Sub << /A (x) >> /N null >>")
        let dictionary = try #require(object.dictionary)
        #expect(dictionary["Kids"] == .array([.reference(PDFReference(1)), .reference(PDFReference(2))]))
        #expect(dictionary["Count"]?.integer == 2)
        #expect(dictionary["Box"]?.array?.compactMap(\.number) == [0, 0, 595.5, 842])
        #expect(dictionary["Sub"]?.dictionary?["A"] == .string([0x78]))
        #expect(dictionary["N"] == nil)
        #expect(try Self.object("[1 2 R 3]") == .array([.reference(PDFReference(1, 2)), .integer(3)]))
    }

    @Test("nesting past the limit is refused, not recursed into")
    func nesting() {
        let deep = String(repeating: "[", count: 100_000)
        #expect(throws: PDFError.self) { try Self.object(deep) }
        var parser = PDFObjectParser(Array((String(repeating: "<< /A ", count: 70) + "1" + String(repeating: " >>", count: 70)).utf8), maxDepth: 64)
        #expect(throws: PDFError.limitExceeded("arrays and dictionaries nested more than 64 deep")) { try parser.parseObject() }
    }

    @Test("a stream object with its data, and endstream found when /Length lies")
    func streams() throws {
        let text = "7 0 obj << /Length 999 >> stream\r\nBT ET\r\nendstream endobj"
        let reader = PDFIndirectObjectReader(Array(text.utf8), maxDepth: 64)
        let (reference, object) = try reader.object(at: 0) { $0.integer }
        #expect(reference == PDFReference(7))
        #expect(object.stream?.data == Array("BT ET".utf8))
        #expect(object.stream?.objectNumber == 7)
    }

    @Test("the lexer always advances and ends on any bytes")
    func lexerEnds() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let bytes = (0..<64).map { _ in UInt8.random(in: 0...255, using: &generator) }
            var lexer = PDFLexer(bytes)
            var count = 0
            while lexer.next() != .end { count += 1 }
            #expect(count <= bytes.count)
        }
    }

    @Test("hostile numbers convert without trapping", arguments: [Double.nan, .infinity, -.infinity, 1e300, -1e300])
    func hostileNumbers(_ value: Double) {
        #expect(PDFNumber.int(value) == nil)
        #expect(PDFNumber.finite(value).isFinite)
        let matrix = PDFMatrix(value, value, value, value, value, value)
        let product = matrix.concatenating(matrix)
        #expect(product.apply(value, value).x.isNaN == false || value.isNaN)
    }
}
