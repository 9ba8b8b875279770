import Testing
import LedgerDomain
import LedgerFormats

/// Tests of JSONValue, JSONParser and JSONWriter. Fixtures live in the extension below so
/// that their names cannot clash with other test files in this target.
@Suite("JSON")
struct JSONTests {
    func parse(_ text: String) throws(JSONParseError) -> JSONValue { try JSONParser.parse(text) }

    // MARK: - Round trips

    @Test("write then parse is the identity", arguments: JSONTests.roundTripCases)
    func roundTrip(_ named: NamedValue) throws {
        let bytes = JSONWriter.encode(named.value)
        #expect(try JSONParser.parse(bytes) == named.value)
        #expect(try JSONParser.parse(JSONWriter.string(named.value)) == named.value)
        let viaRaw = try bytes.withUnsafeBytes { raw throws(JSONParseError) in try JSONParser.parse(raw) }
        #expect(viaRaw == named.value)
        #expect(try JSONParser.parse(JSONWriter.prettyString(named.value)) == named.value)
        #expect(JSONWriter.encode(try JSONParser.parse(bytes)) == bytes)
    }

    // MARK: - Exact writer bytes

    @Test("the writer's exact bytes", arguments: JSONTests.exactOutputs)
    func exactBytes(_ expected: ExpectedOutput) {
        #expect(JSONWriter.string(expected.value) == expected.json)
        #expect(JSONWriter.encode(expected.value) == Array(expected.json.utf8))
    }

    @Test func writeIntoAppendsToExistingBytes() {
        var buffer = Array("x=".utf8)
        JSONWriter.write(["k": "v"], into: &buffer)
        JSONWriter.writeString("中", into: &buffer)
        #expect(buffer == Array(#"x={"k":"v"}"中""#.utf8))
    }

    @Test func canonicalLinesAreReproducedByteForByte() throws {
        let line = #"{"seq":7,"id":"0b7c","payload":{"department":"司法厅","titles":"党委委员、副厅长","n":-0,"x":1.50e3},"#
            + #""list":[1,-9223372036854775808,"a\"b\\c\n\u001f\u007f/😀"],"ok":true,"none":null}"#
        let bytes = Array(line.utf8)
        #expect(JSONWriter.encode(try JSONParser.parse(bytes)) == bytes)
    }

    @Test func descriptionIsCompactJSON() {
        let value: JSONValue = ["a": [1, "x"], "b": nil]
        #expect(value.description == #"{"a":[1,"x"],"b":null}"#)
        #expect("\(value.object ?? [:])" == #"{"a":[1,"x"],"b":null}"#)
    }

    @Test func duplicateKeysInAnInitialiserTrap() async {
        await #expect(processExitsWith: .failure) {
            _ = JSONObject([("a", 1), ("a", 2)])
        }
    }

    @Test func emojiEscapeIsWrittenAsRawUTF8() throws {
        let value = try parse(#""\ud83d\ude00""#)
        #expect(value == "😀")
        #expect(JSONWriter.encode(value) == [0x22, 0xF0, 0x9F, 0x98, 0x80, 0x22])
    }

    @Test func prettyOutputIsStable() {
        let value: JSONValue = ["a": 1, "b": [true, nil, "x\n"], "c": [:], "d": [], "e": ["f": "省"]]
        let expected = """
            {
              "a": 1,
              "b": [
                true,
                null,
                "x\\n"
              ],
              "c": {},
              "d": [],
              "e": {
                "f": "省"
              }
            }
            """
        #expect(JSONWriter.prettyString(value) == expected)
        #expect(JSONWriter.prettyString([1], indent: 4) == "[\n    1\n]")
        #expect(JSONWriter.prettyString("s") == "\"s\"")
    }

    // MARK: - Valid input

    @Test func escapesAreDecoded() throws {
        #expect(try parse(#""\"\\\/\b\f\n\r\t""#) == "\"\\/\u{8}\u{C}\n\r\t")
        #expect(try parse(#""\u00e9\u4E2D\u0000""#) == "é中\u{0}")
        #expect(try parse(#""a\ud83d\ude00b\uD83D\uDE00""#) == "a😀b😀")
        #expect(try parse(#""省\n地震局""#) == "省\n地震局")
    }

    @Test func surroundingWhitespaceIsAllowed() throws {
        let value = try parse(" \t\r\n{ \"a\" :\t[ 1 ,\r\n2 ] , \"b\" : { } }\n")
        #expect(value == ["a": [1, 2], "b": [:]])
        #expect(try parse("\n7\n") == 7)
    }

    @Test func rawDeleteCharacterIsAcceptedInStrings() throws {
        #expect(try JSONParser.parse([0x22, 0x7F, 0x22]) == "\u{7F}")
    }

    @Test func numbersAreClassified() throws {
        #expect(try parse("0") == .int(0))
        #expect(try parse("-1") == .int(-1))
        #expect(try parse("9223372036854775807") == .int(Int.max))
        #expect(try parse("-9223372036854775808") == .int(Int.min))
        #expect(try parse("9223372036854775808") == .number("9223372036854775808"))
        #expect(try parse("-9223372036854775809") == .number("-9223372036854775809"))
        #expect(try parse("18446744073709551616") == .number("18446744073709551616"))
        #expect(try parse("-0") == .number("-0"))
        #expect(try parse("1.0") == .number("1.0"))
        #expect(try parse("1e2") == .number("1e2"))
        #expect(try parse("-0.000E-0") == .number("-0.000E-0"))
        let huge = "-" + String(repeating: "987654321", count: 33) + "123"
        #expect(huge.utf8.count == 301)
        #expect(try parse(huge) == .number(huge))
        #expect(try parse("[" + huge + "]") == [.number(huge)])
    }

    @Test func numberLiteralValidation() {
        for good in ["0", "-0", "12", "1.5", "1e9", "-2.5E-3", "1" + String(repeating: "0", count: 300)] {
            #expect(JSONParser.isValidNumberLiteral(good), "\(good)")
        }
        for bad in ["", "-", "01", "1.", ".5", "+1", " 1", "1 ", "1e", "NaN", "0x1", "1_000"] {
            #expect(!JSONParser.isValidNumberLiteral(bad), "\(bad)")
        }
    }

    @Test func sixtyFourLevelsAreAllowed() throws {
        let deep = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        var value = try parse(deep)
        var depth = 0
        while case .array(let inner) = value {
            depth += 1
            value = inner.first ?? .null
        }
        #expect(depth == 64)
    }

    @Test func maxDepthIsConfigurable() throws {
        #expect(try JSONParser.parse("[[1]]", maxDepth: 2) == [[1]])
        #expect(throws: JSONParseError(offset: 2, message: "nesting deeper than 2")) {
            try JSONParser.parse("[[{}]]", maxDepth: 2)
        }
        #expect(try JSONParser.parse("1", maxDepth: 0) == 1)
        #expect(throws: JSONParseError(offset: 0, message: "nesting deeper than 0")) {
            try JSONParser.parse("{}", maxDepth: -5)
        }
    }

    @Test func hugeNestingFailsWithoutDeepRecursion() {
        let bytes = [UInt8](repeating: UInt8(ascii: "["), count: 1_000_000)
        #expect(throws: JSONParseError(offset: 64, message: "nesting deeper than 64")) {
            try JSONParser.parse(bytes)
        }
    }

    @Test func offsetsAreRelativeToTheBufferGiven() {
        let bytes = Array(#"{"x":[1,2]} {"a":1,}"#.utf8)
        let error = bytes.withUnsafeBytes { raw in
            #expect(throws: JSONParseError.self) { try JSONParser.parse(UnsafeRawBufferPointer(rebasing: raw[12...])) }
        }
        #expect(error?.offset == 7)
        #expect(error?.message == "trailing comma in object")
    }

    @Test func emptyRawBufferIsRejected() {
        #expect(throws: JSONParseError(offset: 0, message: "expected a value, found end of input")) {
            try JSONParser.parse(UnsafeRawBufferPointer(start: nil, count: 0))
        }
    }

    @Test func keysCompareByExactBytes() throws {
        // NFC "é" and NFD "e\u0301" are distinct keys in the log even though Swift's == equates them.
        let value = try parse("{\"\u{E9}\":1,\"e\u{301}\":2}")
        #expect(value.object?.keys.count == 2)
        #expect(value["\u{E9}"] == 1)
        #expect(value["e\u{301}"] == 2)
        #expect(JSONValue.string("\u{E9}") != JSONValue.string("e\u{301}"))
    }

    @Test func duplicatesAreFoundInLargeObjects() throws {
        let keys = (0..<40).map { "\"k\($0)\":\($0)" }
        let distinct = "{" + keys.joined(separator: ",") + "}"
        #expect(try parse(distinct).object?.count == 40)
        let repeated = "{" + keys.joined(separator: ",") + ",\"k17\":0}"
        #expect(throws: JSONParseError(offset: repeated.utf8.count - 8, message: #"duplicate key "k17""#)) {
            try parse(repeated)
        }
    }

    // MARK: - Invalid input

    @Test("invalid input is rejected at the right offset", arguments: JSONTests.invalidInputs)
    func rejects(_ input: InvalidInput) {
        #expect(throws: JSONParseError(offset: input.offset, message: input.message)) {
            try JSONParser.parse(input.bytes)
        }
    }

    @Test func errorDescriptionNamesTheByte() {
        #expect(JSONParseError(offset: 3, message: "invalid UTF-8").description == "byte 3: invalid UTF-8")
    }

    // MARK: - JSONObject and accessors

    @Test func objectSubscriptAppendsReplacesAndRemoves() {
        var object: JSONObject = ["b": 1, "a": 2]
        object["c"] = 3
        object["b"] = "two"
        #expect(object.keys == ["b", "a", "c"])
        #expect(object["b"] == "two")
        object["a"] = nil
        object["missing"] = nil
        #expect(object.keys == ["b", "c"])
        #expect(object["a"] == nil)
        #expect(JSONWriter.string(.object(object)) == #"{"b":"two","c":3}"#)
    }

    @Test func objectEqualityRespectsOrder() {
        let ab: JSONObject = ["a": 1, "b": 2]
        #expect(ab == JSONObject([("a", 1), ("b", 2)]))
        #expect(ab != ["b": 2, "a": 1])
        #expect(ab != ["a": 1])
        #expect(JSONValue.int(1) != JSONValue.number("1"))
    }

    @Test func objectIteratesInOrder() {
        let object: JSONObject = ["x": 1, "y": 2, "z": 3]
        #expect(object.map(\.key) == ["x", "y", "z"])
        var sum = 0
        for (_, value) in object { sum += value.int ?? 0 }
        #expect(sum == 6)
        #expect(JSONObject().isEmpty && object.count == 3)
    }

    @Test func sortingByKey() {
        let object: JSONObject = ["b": ["d": 1, "c": 2], "é": 0, "a": [["z": 1, "y": 2]], "B": 3]
        let top = object.sortedByKey()
        #expect(top.keys == ["B", "a", "b", "é"])
        #expect(top["b"]?.object?.keys == ["d", "c"])
        let deep = JSONValue.object(object).sortedKeysRecursively()
        #expect(JSONWriter.string(deep) == #"{"B":3,"a":[{"y":2,"z":1}],"b":{"c":2,"d":1},"é":0}"#)
    }

    @Test func accessors() throws {
        let value = try parse(#"{"s":"x","i":-3,"b":false,"a":[1],"o":{"k":null},"n":1.5}"#)
        #expect(value["s"]?.string == "x")
        #expect(value["i"]?.int == -3)
        #expect(value["b"]?.bool == false)
        #expect(value["a"]?.array == [1])
        #expect(value["o"]?.object == ["k": nil])
        #expect(value["o"]?["k"]?.isNull == true)
        #expect(value["n"] == .number("1.5"))
        #expect(value["n"]?.int == nil && value["s"]?.int == nil && value["i"]?.string == nil)
        #expect(value["missing"] == nil)
        #expect(JSONValue.array([1])["k"] == nil)
        #expect(value.object?.index(of: "b") == 2)
    }

    // MARK: - Seeded random trees

    @Test func randomTreesRoundTrip() throws {
        let seed: UInt64 = 0x1ED6_E2C0_2026_1122
        print("randomTreesRoundTrip: SplitMix64 seed \(seed)")
        var rng = SplitMix64(state: seed)
        for tree in 0..<400 {
            let value = rng.value()
            let bytes = JSONWriter.encode(value)
            #expect(try JSONParser.parse(bytes) == value, "seed \(seed), tree \(tree): \(JSONWriter.string(value))")
            #expect(try JSONParser.parse(JSONWriter.prettyString(value, indent: tree % 4)) == value, "seed \(seed), tree \(tree)")
            #expect(JSONWriter.encode(value.sortedKeysRecursively()).count == bytes.count, "seed \(seed), tree \(tree)")
        }
    }

    @Test func mutatedDocumentsNeverCrashTheParser() throws {
        let seed: UInt64 = 0xF00D_0000_0000_0042
        print("mutatedDocumentsNeverCrashTheParser: SplitMix64 seed \(seed)")
        var rng = SplitMix64(state: seed)
        let alphabet = Array(#"{}[]:,"\u0123456789-+.eE tfnrl"#.utf8) + [0x00, 0x0A, 0x7F, 0x80, 0xBF, 0xC0, 0xE4, 0xED, 0xF4, 0xFF]
        for round in 0..<3000 {
            var bytes = JSONWriter.encode(rng.value())
            for _ in 0...rng.below(3) {
                let index = rng.below(bytes.count + 1)
                switch rng.below(3) {
                case 0 where index < bytes.count: bytes[index] = rng.pick(alphabet)
                case 1 where index < bytes.count: bytes.remove(at: index)
                default: bytes.insert(rng.pick(alphabet), at: index)
                }
            }
            do {
                let value = try JSONParser.parse(bytes)
                #expect(try JSONParser.parse(JSONWriter.encode(value)) == value, "seed \(seed), round \(round)")
            } catch {
                #expect((0...bytes.count).contains(error.offset), "seed \(seed), round \(round)")
            }
        }
    }

    @Test func utf8ValidationAgreesWithTheStandardLibrary() {
        let seed: UInt64 = 0x0000_0000_0000_1234
        print("utf8ValidationAgreesWithTheStandardLibrary: SplitMix64 seed \(seed)")
        var rng = SplitMix64(state: seed)
        let pieces: [UInt8] = [0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
                               0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        for round in 0..<20_000 {
            // ASCII padding moves the interesting bytes across the parser's 8-byte words.
            let padding = [UInt8](repeating: UInt8(ascii: "p"), count: rng.below(17))
            let content = padding + (0...rng.below(5)).map { _ in rng.pick(pieces) } + padding.prefix(rng.below(9))
            let expected = String(validating: content, as: UTF8.self)
            let parsed = try? JSONParser.parse(Self.quoted(content))
            #expect(parsed == expected.map(JSONValue.string), "seed \(seed), round \(round): \(content)")
        }
    }
}

// MARK: - Fixtures

extension JSONTests {
    @Test("a streamed pretty document equals prettyString of the whole, in pieces of any size",
          arguments: [1, 7, 64, 1 << 16])
    func streamedPrettyDocument(_ pieceBytes: Int) {
        let fields: [(key: String, value: JSONValue)] = [
            ("asOf", .null), ("empty", .object([:])), ("list", .array((0..<50).map { .object(["n": .int($0), "名": "窗口"]) })),
            ("nested", .object(["a": .array([]), "b": .array([.int(1), .array([.bool(true)])])])), ("last", "end"),
        ]
        var streamed: [UInt8] = []
        var pieces = 0
        JSONWriter.streamPretty(fields: fields.map { field in (field.key, { field.value }) }, pieceBytes: pieceBytes) {
            streamed += $0
            pieces += 1
        }
        #expect(String(decoding: streamed, as: UTF8.self) == JSONWriter.prettyString(.object(JSONObject(fields))))
        #expect(pieceBytes > 1000 ? pieces == 1 : pieces > 10)
        var empty: [UInt8] = []
        JSONWriter.streamPretty(fields: []) { empty += $0 }
        #expect(String(decoding: empty, as: UTF8.self) == JSONWriter.prettyString(.object([:])))
    }
}

extension JSONTests {
    /// A value with a name for the test report.
    struct NamedValue: Sendable, CustomTestStringConvertible {
        let name: String
        let value: JSONValue
        init(_ name: String, _ value: JSONValue) {
            self.name = name
            self.value = value
        }
        var testDescription: String { name }
    }

    /// Input the parser must reject, with where and why.
    struct InvalidInput: Sendable, CustomTestStringConvertible {
        let name: String
        let bytes: [UInt8]
        let offset: Int
        let message: String

        init(_ name: String, _ text: String, at offset: Int, _ message: String) {
            self.init(name, Array(text.utf8), at: offset, message)
        }

        init(_ name: String, _ bytes: [UInt8], at offset: Int, _ message: String) {
            self.name = name
            self.bytes = bytes
            self.offset = offset
            self.message = message
        }

        var testDescription: String { name }
    }

    /// `"` + bytes + `"`.
    static func quoted(_ bytes: [UInt8]) -> [UInt8] { [0x22] + bytes + [0x22] }

    /// SplitMix64: tiny, fast, and deterministic from its seed.
    struct SplitMix64 {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

        mutating func pick<T>(_ choices: [T]) -> T { choices[below(choices.count)] }
    }

    /// Every scalar from U+0000 to U+001F, plus U+007F.
    static let allControlCharacters = String(String.UnicodeScalarView((0...0x1F).compactMap(Unicode.Scalar.init) + ["\u{7F}"]))

    static let roundTripCases: [NamedValue] = [
        NamedValue("null", .null),
        NamedValue("true", true),
        NamedValue("false", false),
        NamedValue("zero", 0),
        NamedValue("Int.max", .int(Int.max)),
        NamedValue("Int.min", .int(Int.min)),
        NamedValue("just above Int.max", .number("9223372036854775808")),
        NamedValue("just below Int.min", .number("-9223372036854775809")),
        NamedValue("300 digits", .number("1" + String(repeating: "0", count: 299))),
        NamedValue("negative zero", .number("-0")),
        NamedValue("fraction and exponent", .number("-12.50e-007")),
        NamedValue("upper-case exponent", .number("1E+400")),
        NamedValue("empty string", ""),
        NamedValue("Chinese", "省地震局"),
        NamedValue("emoji", "😀 and 👩‍👩‍👧"),
        NamedValue("all control characters", .string(JSONTests.allControlCharacters)),
        NamedValue("quotes, backslashes and slashes", #"say "hi" \ to C:\dir/file"#),
        NamedValue("U+0000 alone", "\u{0}"),
        NamedValue("UTF-8 length boundaries", "\u{7F}\u{80}\u{7FF}\u{800}\u{D7FF}\u{E000}\u{FFFF}\u{10000}\u{10FFFF}"),
        NamedValue("combining marks kept as spelled", "e\u{301} vs \u{E9}"),
        NamedValue("empty array", []),
        NamedValue("empty object", [:]),
        NamedValue("nested", ["a": [1, [2, [3, ["b": [[], [:]]]]]], "c": ["d": ["e": nil]]]),
        NamedValue("Chinese keys", ["部门": "司法厅", "职务": "党委委员、副厅长"]),
        NamedValue("record-like line", JSONTests.sampleRecord),
    ]

    static let sampleRecord: JSONValue = [
        "seq": 123, "id": "0b7c1e62-5a8f-4c1e-9d3a-2f6b8e4c7a10", "type": "visit.recorded", "version": 1,
        "valid": "2023-02-14", "recordedAt": "2026-11-22T03:50:00.123Z", "actor": "clerk@hall",
        "payload": ["department": "司法厅", "person": "王飙", "titles": "党委委员、副厅长"],
        "prev": .string(String(repeating: "ab", count: 32)), "hash": .string(String(repeating: "0f", count: 32)),
    ]

    struct ExpectedOutput: Sendable, CustomTestStringConvertible {
        let value: JSONValue
        let json: String
        var testDescription: String { json }
    }

    static let exactOutputs: [ExpectedOutput] = [
        ExpectedOutput(value: ["a": 1, "b": [true, nil, "x\n"]], json: #"{"a":1,"b":[true,null,"x\n"]}"#),
        ExpectedOutput(value: "省地震局", json: "\"省地震局\""),
        ExpectedOutput(value: "a/b", json: #""a/b""#),
        ExpectedOutput(value: #"q"b\"#, json: #""q\"b\\""#),
        ExpectedOutput(value: .int(Int.min), json: "-9223372036854775808"),
        ExpectedOutput(value: .int(Int.max), json: "9223372036854775807"),
        ExpectedOutput(value: -42, json: "-42"),
        ExpectedOutput(value: .number("1.50e+3"), json: "1.50e+3"),
        ExpectedOutput(value: [[], [:], ["k": []]], json: #"[[],{},{"k":[]}]"#),
        ExpectedOutput(value: ["z": 1, "a": 2], json: #"{"z":1,"a":2}"#),
        ExpectedOutput(value: "😀", json: "\"😀\""),
        ExpectedOutput(
            value: .string(JSONTests.allControlCharacters),
            json: #""\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f"#
                + #"\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f\u007f""#),
    ]

    static let invalidInputs: [InvalidInput] = [
        InvalidInput("empty input", "", at: 0, "expected a value, found end of input"),
        InvalidInput("only whitespace", " \n", at: 2, "expected a value, found end of input"),
        InvalidInput("unclosed object", "{", at: 1, "expected a string key, found end of input"),
        InvalidInput("unclosed array", "[", at: 1, "expected a value, found end of input"),
        InvalidInput("trailing comma in object", #"{"a":1,}"#, at: 7, "trailing comma in object"),
        InvalidInput("trailing comma in array", "[1,]", at: 3, "trailing comma in array"),
        InvalidInput("missing element", "[1,,2]", at: 3, "expected a value, found ','"),
        InvalidInput("leading zero", "01", at: 1, "leading zeros are not allowed"),
        InvalidInput("negative leading zero", "-01", at: 2, "leading zeros are not allowed"),
        InvalidInput("fraction without digits", "1.", at: 2, "expected a digit after '.', found end of input"),
        InvalidInput("fraction without integer part", ".5", at: 0, "expected a value, found '.'"),
        InvalidInput("exponent without digits", "1e+", at: 3, "expected a digit after the exponent mark, found end of input"),
        InvalidInput("dot before exponent", "1.e5", at: 2, "expected a digit after '.', found 'e'"),
        InvalidInput("lone minus", "-", at: 1, "expected a digit after '-', found end of input"),
        InvalidInput("plus sign", "+1", at: 0, "expected a value, found '+'"),
        InvalidInput("hex number", "0x10", at: 1, "trailing characters after the value"),
        InvalidInput("NaN", "NaN", at: 0, #"invalid literal "NaN""#),
        InvalidInput("Infinity", "Infinity", at: 0, #"invalid literal "Infinity""#),
        InvalidInput("negative Infinity", "-Infinity", at: 1, "expected a digit after '-', found 'I'"),
        InvalidInput("truncated literal", "nul", at: 0, #"invalid literal "nul""#),
        InvalidInput("literal with extra letters", "truex", at: 0, #"invalid literal "truex""#),
        InvalidInput("capitalised literal", "True", at: 0, #"invalid literal "True""#),
        InvalidInput("short \\u escape", #""\u12""#, at: 1, #"invalid \u escape: expected 4 hex digits"#),
        InvalidInput("non-hex \\u escape", #""\u00G0""#, at: 1, #"invalid \u escape: expected 4 hex digits"#),
        InvalidInput("lone high surrogate", #""\ud800""#, at: 1, #"unpaired UTF-16 surrogate in \u escape"#),
        InvalidInput("lone low surrogate", #""x\udc00""#, at: 2, #"unpaired UTF-16 surrogate in \u escape"#),
        InvalidInput("high surrogate then BMP", #""\ud800\u0041""#, at: 1, #"unpaired UTF-16 surrogate in \u escape"#),
        InvalidInput("high surrogate then bad escape", #""\ud800\u00""#, at: 7, #"invalid \u escape: expected 4 hex digits"#),
        InvalidInput("unknown escape", #""\x""#, at: 1, "invalid escape sequence"),
        InvalidInput("unterminated string", #""abc"#, at: 0, "unterminated string"),
        InvalidInput("backslash at the end", #"["abc\"#, at: 1, "unterminated string"),
        InvalidInput("raw 0xFF in a string", quoted([0x61, 0xFF]), at: 2, "invalid UTF-8"),
        InvalidInput("overlong 0xC0 0xAF", quoted([0xC0, 0xAF]), at: 1, "invalid UTF-8"),
        InvalidInput("overlong three bytes", quoted([0xE0, 0x80, 0xAF]), at: 1, "invalid UTF-8"),
        InvalidInput("overlong four bytes", quoted([0xF0, 0x80, 0x80, 0xAF]), at: 1, "invalid UTF-8"),
        InvalidInput("surrogate encoded in UTF-8", quoted([0xED, 0xA0, 0x80]), at: 1, "invalid UTF-8"),
        InvalidInput("above U+10FFFF", quoted([0xF4, 0x90, 0x80, 0x80]), at: 1, "invalid UTF-8"),
        InvalidInput("truncated sequence", quoted([0x41, 0xE4, 0xB8]), at: 2, "invalid UTF-8"),
        InvalidInput("truncated at end of input", [0x22, 0xE4, 0xB8], at: 1, "invalid UTF-8"),
        InvalidInput("lone continuation byte", quoted([0x80]), at: 1, "invalid UTF-8"),
        InvalidInput("control character 0x01", quoted([0x01]), at: 1, "control character U+0001 must be escaped in a string"),
        InvalidInput("raw newline in a string", quoted([0x61, 0x0A]), at: 2, "control character U+000A must be escaped in a string"),
        InvalidInput("raw NUL in a key", [0x7B, 0x22, 0x00, 0x22, 0x3A, 0x31, 0x7D], at: 2,
                     "control character U+0000 must be escaped in a string"),
        InvalidInput("non-ASCII outside strings", "中", at: 0, "expected a value, found byte 0xE4"),
        InvalidInput("byte order mark", [0xEF, 0xBB, 0xBF, 0x7B, 0x7D], at: 0, "expected a value, found byte 0xEF"),
        InvalidInput("duplicate key", #"{"a":1,"a":2}"#, at: 7, #"duplicate key "a""#),
        InvalidInput("duplicate key via escape", #"{"seq":1,"s\u0065q":2}"#, at: 9, #"duplicate key "seq""#),
        InvalidInput("duplicate nested key", #"{"a":{"b":1,"b":1}}"#, at: 12, #"duplicate key "b""#),
        InvalidInput("non-string key", "{1:2}", at: 1, "expected a string key, found '1'"),
        InvalidInput("single-quoted string", "'a'", at: 0, "expected a value, found '''"),
        InvalidInput("missing colon", #"{"a" 1}"#, at: 5, "expected ':' after object key, found '1'"),
        InvalidInput("missing comma in object", #"{"a":1 "b":2}"#, at: 7, "expected ',' or '}' after object value, found '\"'"),
        InvalidInput("missing comma in array", "[1 2]", at: 3, "expected ',' or ']' after array element, found '2'"),
        InvalidInput("mismatched bracket", "[1}", at: 2, "expected ',' or ']' after array element, found '}'"),
        InvalidInput("line comment", "// c\n1", at: 0, "expected a value, found '/'"),
        InvalidInput("block comment", "/* c */ 1", at: 0, "expected a value, found '/'"),
        InvalidInput("two values", "1 2", at: 2, "trailing characters after the value"),
        InvalidInput("extra closing brace", #"{"a":1}}"#, at: 7, "trailing characters after the value"),
        InvalidInput("NUL after the value", [0x31, 0x00], at: 1, "trailing characters after the value"),
        InvalidInput("form feed is not whitespace", [0x0C, 0x31], at: 0, "expected a value, found byte 0x0C"),
        InvalidInput("65 levels", String(repeating: "[", count: 65) + String(repeating: "]", count: 65), at: 64,
                     "nesting deeper than 64"),
        InvalidInput("65 levels of objects", String(repeating: #"{"a":"#, count: 65) + "1" + String(repeating: "}", count: 65),
                     at: 64 * 5, "nesting deeper than 64"),
    ]
}

extension JSONTests.SplitMix64 {
    static let interestingScalars: [Unicode.Scalar] =
        Array("aZ09 \"\\/é中省地震局😀\u{10FFFF}\u{FFFF}\u{800}\u{7FF}\u{80}".unicodeScalars)
        + (0...0x1F).compactMap(Unicode.Scalar.init) + ["\u{7F}"]

    mutating func string() -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<below(12) { scalars.append(pick(Self.interestingScalars)) }
        return String(scalars)
    }

    mutating func digits(_ count: Int) -> String {
        String((0..<count).map { _ in Character(String(below(10))) })
    }

    /// A valid literal that the parser keeps as `.number` (fraction, exponent, too large, or -0).
    mutating func numberLiteral() -> String {
        let sign = below(2) == 0 ? "" : "-"
        switch below(4) {
        case 0: return sign + String(1 + below(9)) + digits(19 + below(40))
        case 1: return "-0"
        default:
            let integer = below(3) == 0 ? "0" : String(1 + below(9)) + digits(below(5))
            let fraction = below(2) == 0 ? "." + digits(1 + below(6)) : ""
            let exponent = fraction.isEmpty || below(2) == 0
                ? pick(["e", "E"]) + pick(["", "+", "-"]) + digits(1 + below(3)) : ""
            return sign + integer + fraction + exponent
        }
    }

    mutating func value(depth: Int = 0) -> JSONValue {
        switch below(depth >= 5 ? 5 : 7) {
        case 0: return .null
        case 1: return .bool(below(2) == 0)
        case 2: return .int(below(2) == 0 ? below(2000) - 1000 : Int(bitPattern: UInt(next())))
        case 3: return .number(numberLiteral())
        case 4: return .string(string())
        case 5: return .array((0..<below(6)).map { _ in value(depth: depth + 1) })
        default:
            var object = JSONObject()
            for index in 0..<below(6) {
                object[string() + "#\(index)"] = value(depth: depth + 1)
            }
            return .object(object)
        }
    }
}

@Suite("JSON streams")
struct JSONStreamTests {
    static func streamed(_ document: JSONStream, pieceBytes: Int) -> (text: String, pieces: Int) {
        var bytes: [UInt8] = []
        var pieces = 0
        JSONWriter.streamPretty(document, pieceBytes: pieceBytes) { piece in
            bytes += piece
            pieces += 1
        }
        return (String(decoding: bytes, as: UTF8.self), pieces)
    }

    /// Empty and full rows, nested objects, deferred parts, at every depth.
    static var document: JSONStream { .object([
        ("asOf", .value(.null)),
        ("rows", .rows(count: 300) { index in ["n": .int(index), "部门": "司法厅", "list": .array([.int(index), .object(JSONObject())])] }),
        ("none", .rows(count: 0) { _ in .null }),
        ("empty", .object([])),
        ("later", .deferred { .object([("inner", .rows(count: 2) { .int($0) }), ("value", .value(["a": .array([])]))]) }),
    ]) }

    @Test("a stream is written byte for byte as its materialized value, in pieces", arguments: [1, 64, 1 << 16])
    func streamMatchesPrettyString(pieceBytes: Int) {
        let (text, pieces) = Self.streamed(Self.document, pieceBytes: pieceBytes)
        #expect(text == JSONWriter.prettyString(Self.document.materialized))
        #expect(pieceBytes == 1 << 16 ? pieces == 1 : pieces > 10)
    }

    @Test func emptyDocuments() {
        #expect(Self.streamed(.object([]), pieceBytes: 8).text == "{}")
        #expect(Self.streamed(.rows(count: 0) { _ in .null }, pieceBytes: 8).text == "[]")
        #expect(Self.streamed(.value(.int(3)), pieceBytes: 8).text == "3")
    }

    @Test("rows and deferred parts are made only when they are written")
    func lazy() {
        final class Counter { var made = 0 }
        let counter = Counter()
        let document = JSONStream.object([("rows", .rows(count: 5) { counter.made += 1; return .int($0) }),
                                          ("later", .deferred { counter.made += 100; return .value(.null) })])
        #expect(counter.made == 0)
        var seenBeforeEnd: [Int] = []
        JSONWriter.streamPretty(document, pieceBytes: 1) { _ in seenBeforeEnd.append(counter.made) }
        #expect(counter.made == 105)
        #expect(seenBeforeEnd.first == 1)
    }
}
