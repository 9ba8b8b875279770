/// Why some bytes are not exactly one JSON value.
public struct JSONParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The 0-based byte offset in the input where the problem is: the first byte that cannot
    /// continue a valid document, except that string problems point at the start of what is
    /// wrong (the opening quote of an unterminated string or a duplicate key, the backslash of a
    /// bad escape, the lead byte of bad UTF-8) and a bad literal points at its first letter.
    public var offset: Int
    /// What is wrong, in a phrase such as `expected ':' after object key, found '}'`.
    public var message: String

    /// An error at `offset` with `message`.
    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    /// `byte <offset>: <message>`.
    public var description: String { "byte \(offset): \(message)" }
}

/// A strict RFC 8259 reader working directly on UTF-8 bytes.
///
/// The whole input must be exactly one value, optionally surrounded by JSON whitespace (space,
/// tab, CR, LF). Rejected: comments, trailing commas, leading zeros, `NaN`/`Infinity`, raw
/// control characters (U+0000–U+001F) in strings, unknown escapes, unpaired surrogates in
/// `\u` escapes, invalid UTF-8 in strings (overlong forms, encoded surrogates, code points above
/// U+10FFFF, truncated sequences), non-ASCII bytes outside strings, duplicate keys (compared by
/// their UTF-8 bytes after unescaping) and nesting deeper than `maxDepth`.
///
/// Numbers: an integer literal without fraction or exponent that fits in `Int` becomes `.int`;
/// every other valid literal becomes `.number` holding the literal verbatim. `-0` is kept as
/// `.number("-0")` so that no spelling is lost.
public enum JSONParser {
    /// Parses the whole buffer as one JSON value. Arrays and objects may nest at most `maxDepth`
    /// levels (a negative limit counts as 0: scalars only); the parser recurses once per level.
    public static func parse(_ bytes: UnsafeRawBufferPointer, maxDepth: Int = 64) throws(JSONParseError) -> JSONValue {
        let result = bytes.withMemoryRebound(to: UInt8.self) { buffer in
            parseResult(buffer, maxDepth: maxDepth)
        }
        return try result.get()
    }

    /// Parses the whole array as one JSON value, like the `UnsafeRawBufferPointer` overload.
    public static func parse(_ bytes: [UInt8], maxDepth: Int = 64) throws(JSONParseError) -> JSONValue {
        let result = bytes.withUnsafeBufferPointer { buffer in
            parseResult(buffer, maxDepth: maxDepth)
        }
        return try result.get()
    }

    /// Parses the string's UTF-8 as one JSON value, like the `UnsafeRawBufferPointer` overload.
    public static func parse(_ text: String, maxDepth: Int = 64) throws(JSONParseError) -> JSONValue {
        var text = text
        let result = text.withUTF8 { buffer in
            parseResult(buffer, maxDepth: maxDepth)
        }
        return try result.get()
    }

    /// Whether `text` is exactly one JSON number literal (no surrounding whitespace), i.e. safe
    /// to store in ``JSONValue/number(_:)``.
    public static func isValidNumberLiteral(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { buffer in
            guard let first = buffer.first, first == UInt8(ascii: "-") || isDigit(first) else { return false }
            var reader = JSONReader(bytes: buffer, maxDepth: 0)
            guard (try? reader.parseNumber()) != nil else { return false }
            return reader.pos == buffer.count
        }
    }

    /// Runs a reader over `buffer`; a `Result` carries the typed error out of the pointer closures.
    private static func parseResult(
        _ buffer: UnsafeBufferPointer<UInt8>, maxDepth: Int
    ) -> Result<JSONValue, JSONParseError> {
        var reader = JSONReader(bytes: buffer, maxDepth: max(0, maxDepth))
        do {
            return .success(try reader.parseDocument())
        } catch {
            return .failure(error)
        }
    }
}

@inline(__always)
func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

/// The parser's cursor over one input buffer.
package struct JSONReader {
    package let bytes: UnsafeBufferPointer<UInt8>
    package let end: Int
    package let maxDepth: Int
    package var pos = 0
    /// Reused for strings that contain escapes, so unescaping allocates once per parse at most.
    private var scratch: [UInt8] = []

    package init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.end = bytes.count
        self.maxDepth = maxDepth
    }

    package mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        let value = try parseValue(depth: 0)
        skipWhitespace()
        guard pos == end else { throw JSONParseError(offset: pos, message: "trailing characters after the value") }
        return value
    }

    /// Parses the value at the cursor; `depth` is how many containers enclose it.
    package mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONValue {
        skipWhitespace()
        guard pos < end else { throw expected("a value") }
        switch bytes[pos] {
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): return try parseLiteral()
        default: throw expected("a value")
        }
    }

    @inline(__always)
    package mutating func skipWhitespace() {
        while pos < end {
            switch bytes[pos] {
            case 0x20, 0x0A, 0x0D, 0x09: pos += 1
            default: return
            }
        }
    }

    /// An error at the cursor saying what was expected and what was found instead.
    package func expected(_ what: String) -> JSONParseError {
        guard pos < end else { return JSONParseError(offset: pos, message: "expected \(what), found end of input") }
        let byte = bytes[pos]
        let found = (0x21...0x7E).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(hex2(byte))"
        return JSONParseError(offset: pos, message: "expected \(what), found \(found)")
    }
}

/// Two uppercase hex digits, for messages.
func hex2(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16, uppercase: true)
    return byte < 0x10 ? "0" + digits : digits
}

// MARK: - Containers

extension JSONReader {
    package mutating func parseObject(depth: Int) throws(JSONParseError) -> JSONValue {
        try checkDepth(depth)
        pos += 1
        skipWhitespace()
        if pos < end, bytes[pos] == UInt8(ascii: "}") {
            pos += 1
            return .object(JSONObject(uncheckedFields: []))
        }
        var fields: [(key: String, value: JSONValue)] = []
        // Log lines have about a dozen top-level fields; growing there costs more than the
        // spare room, while nested objects (payloads kept in memory) start small.
        fields.reserveCapacity(depth == 1 ? 16 : 4)
        var duplicates = DuplicateKeyDetector()
        while true {
            let key = try parseKey(afterComma: !fields.isEmpty, fields: fields, duplicates: &duplicates)
            skipWhitespace()
            guard pos < end, bytes[pos] == UInt8(ascii: ":") else { throw expected("':' after object key") }
            pos += 1
            fields.append((key: key, value: try parseValue(depth: depth)))
            skipWhitespace()
            guard pos < end else { throw expected("',' or '}' after object value") }
            switch bytes[pos] {
            case UInt8(ascii: ","): pos += 1
            case UInt8(ascii: "}"):
                pos += 1
                return .object(JSONObject(uncheckedFields: fields))
            default: throw expected("',' or '}' after object value")
            }
        }
    }

    /// Reads a key and checks that it differs from the keys in `fields`.
    @inline(__always)
    private mutating func parseKey(
        afterComma: Bool, fields: [(key: String, value: JSONValue)], duplicates: inout DuplicateKeyDetector
    ) throws(JSONParseError) -> String {
        skipWhitespace()
        guard pos < end, bytes[pos] == UInt8(ascii: "\"") else {
            if afterComma, pos < end, bytes[pos] == UInt8(ascii: "}") {
                throw JSONParseError(offset: pos, message: "trailing comma in object")
            }
            throw expected("a string key")
        }
        let start = pos
        let key = try parseString()
        guard duplicates.isNew(key, among: fields) else {
            throw JSONParseError(offset: start, message: "duplicate key \(JSONWriter.string(.string(key)))")
        }
        return key
    }

    package mutating func parseArray(depth: Int) throws(JSONParseError) -> JSONValue {
        try checkDepth(depth)
        pos += 1
        skipWhitespace()
        if pos < end, bytes[pos] == UInt8(ascii: "]") {
            pos += 1
            return .array([])
        }
        var elements: [JSONValue] = []
        while true {
            skipWhitespace()
            if !elements.isEmpty, pos < end, bytes[pos] == UInt8(ascii: "]") {
                throw JSONParseError(offset: pos, message: "trailing comma in array")
            }
            elements.append(try parseValue(depth: depth))
            skipWhitespace()
            guard pos < end else { throw expected("',' or ']' after array element") }
            switch bytes[pos] {
            case UInt8(ascii: ","): pos += 1
            case UInt8(ascii: "]"):
                pos += 1
                return .array(elements)
            default: throw expected("',' or ']' after array element")
            }
        }
    }

    private func checkDepth(_ depth: Int) throws(JSONParseError) {
        guard depth <= maxDepth else {
            throw JSONParseError(offset: pos, message: "nesting deeper than \(maxDepth)")
        }
    }
}

// MARK: - Scalars

extension JSONReader {
    /// Parses a number literal at the cursor (which is on `-` or a digit).
    package mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = pos
        let negative = bytes[pos] == UInt8(ascii: "-")
        if negative { pos += 1 }
        guard pos < end, isDigit(bytes[pos]) else { throw expected("a digit after '-'") }
        let (magnitude, overflow) = try parseIntegerDigits()
        var isInteger = true
        if pos < end, bytes[pos] == UInt8(ascii: ".") {
            pos += 1
            try skipDigits(after: "'.'")
            isInteger = false
        }
        if pos < end, bytes[pos] | 0x20 == UInt8(ascii: "e") {
            pos += 1
            if pos < end, bytes[pos] == UInt8(ascii: "+") || bytes[pos] == UInt8(ascii: "-") { pos += 1 }
            try skipDigits(after: "the exponent mark")
            isInteger = false
        }
        if isInteger, !overflow, let value = integer(magnitude, negative: negative) {
            return .int(value)
        }
        return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self))
    }

    /// Reads the integer part's digits; `overflow` when they do not fit in 64 bits.
    private mutating func parseIntegerDigits() throws(JSONParseError) -> (magnitude: UInt64, overflow: Bool) {
        if bytes[pos] == UInt8(ascii: "0") {
            pos += 1
            if pos < end, isDigit(bytes[pos]) {
                throw JSONParseError(offset: pos, message: "leading zeros are not allowed")
            }
            return (0, false)
        }
        var magnitude: UInt64 = 0
        var overflow = false
        while pos < end, isDigit(bytes[pos]) {
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(bytes[pos] &- 0x30))
            overflow = overflow || o1 || o2
            magnitude = sum
            pos += 1
        }
        return (magnitude, overflow)
    }

    /// The integer with this sign and magnitude, or nil if it does not fit in `Int` or is `-0`.
    private func integer(_ magnitude: UInt64, negative: Bool) -> Int? {
        if negative {
            guard magnitude != 0, magnitude <= UInt64(Int.max) + 1 else { return nil }
            return Int(truncatingIfNeeded: 0 &- magnitude)
        }
        guard magnitude <= UInt64(Int.max) else { return nil }
        return Int(magnitude)
    }

    private mutating func skipDigits(after what: String) throws(JSONParseError) {
        guard pos < end, isDigit(bytes[pos]) else { throw expected("a digit after \(what)") }
        while pos < end, isDigit(bytes[pos]) { pos += 1 }
    }

    /// Parses `true`, `false` or `null`; any other run of letters is rejected as a whole.
    package mutating func parseLiteral() throws(JSONParseError) -> JSONValue {
        let start = pos
        while pos < end, (bytes[pos] | 0x20) &- UInt8(ascii: "a") < 26 { pos += 1 }
        let word = UnsafeBufferPointer(rebasing: bytes[start..<pos])
        if word.elementsEqual("null".utf8) { return .null }
        if word.elementsEqual("true".utf8) { return .bool(true) }
        if word.elementsEqual("false".utf8) { return .bool(false) }
        let shown = String(decoding: word.prefix(32), as: UTF8.self)
        throw JSONParseError(offset: start, message: "invalid literal \"\(shown)\"")
    }
}

// MARK: - Strings

extension JSONReader {
    /// Parses the string at the cursor (on its opening quote). Strings without escapes become a
    /// `String` straight from the input bytes once they are validated: the scan looks only for
    /// the quote, a backslash or a control character, and the standard library validates the
    /// UTF-8 of the whole run at once. Only a run it refuses is walked sequence by sequence, to
    /// name the first bad byte, so the first problem in the string is the one reported.
    package mutating func parseString() throws(JSONParseError) -> String {
        let quote = pos
        var nonASCII: UInt64 = 0
        let index = skipUnescaped(from: pos + 1, nonASCII: &nonASCII)
        let run = UnsafeBufferPointer(rebasing: bytes[quote + 1..<index])
        if index < end, bytes[index] == UInt8(ascii: "\"") {
            if nonASCII == 0 {
                pos = index + 1
                return String(decoding: run, as: UTF8.self)
            }
            if let text = String(validating: run, as: UTF8.self) {
                pos = index + 1
                return text
            }
        }
        // Whatever ends the run, bad UTF-8 before it comes first.
        if nonASCII != 0 { try validateUTF8(from: quote + 1, to: index) }
        guard index < end else { throw JSONParseError(offset: quote, message: "unterminated string") }
        switch bytes[index] {
        case UInt8(ascii: "\""):
            pos = index + 1
            return String(decoding: run, as: UTF8.self)
        case UInt8(ascii: "\\"):
            return try parseEscapedString(quote: quote, firstEscape: index)
        default:
            throw controlCharacter(at: index)
        }
    }

    /// The first index at or after `start` holding a quote, a backslash or a control character
    /// (or `end`); ORs the high bit of every byte passed into `nonASCII`. Eight bytes at a time,
    /// because strings dominate log lines.
    @inline(__always)
    private func skipUnescaped(from start: Int, nonASCII: inout UInt64) -> Int {
        var index = start
        let raw = UnsafeRawBufferPointer(bytes)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while index + 8 <= end {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let quotes = word ^ (ones &* 0x22)
            let slashes = word ^ (ones &* 0x5C)
            // Classic "has a zero byte" / "has a byte below n" tests: the lowest flagged byte is
            // always a real match (false flags only appear above a real one). A byte with its
            // high bit set is never flagged (`~word` clears it).
            let special = (((quotes &- ones) & ~quotes) | ((slashes &- ones) & ~slashes)
                | ((word &- ones &* 0x20) & ~word)) & highs
            if special != 0 {
                let stop = special.trailingZeroBitCount / 8
                // Only the bytes before the stop count as passed.
                nonASCII |= word & highs & ((1 &<< UInt64(stop * 8)) &- 1)
                return index + stop
            }
            nonASCII |= word & highs
            index += 8
        }
        while index < end {
            let byte = bytes[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { break }
            nonASCII |= UInt64(byte & 0x80)
            index += 1
        }
        return index
    }

    /// Throws at the first invalid UTF-8 sequence that starts in `start..<stop`.
    private func validateUTF8(from start: Int, to stop: Int) throws(JSONParseError) {
        var index = start
        while index < stop {
            if bytes[index] < 0x80 {
                index += 1
            } else {
                index = try endOfUTF8Sequence(at: index)
            }
        }
    }

    private mutating func parseEscapedString(quote: Int, firstEscape: Int) throws(JSONParseError) -> String {
        scratch.removeAll(keepingCapacity: true)
        var runStart = quote + 1
        var index = firstEscape
        while true {
            let scanStart = index
            var nonASCII: UInt64 = 0
            index = skipUnescaped(from: index, nonASCII: &nonASCII)
            if nonASCII != 0 { try validateUTF8(from: scanStart, to: index) }
            guard index < end else { break }
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { throw controlCharacter(at: index) }
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            if byte == UInt8(ascii: "\"") {
                pos = index + 1
                return String(decoding: scratch, as: UTF8.self)
            }
            index = try appendEscape(at: index, quote: quote)
            runStart = index
        }
        throw JSONParseError(offset: quote, message: "unterminated string")
    }

    /// Appends the escape starting with the backslash at `index`; returns the index after it.
    private mutating func appendEscape(at index: Int, quote: Int) throws(JSONParseError) -> Int {
        guard index + 1 < end else { throw JSONParseError(offset: quote, message: "unterminated string") }
        let decoded: UInt8
        switch bytes[index + 1] {
        case UInt8(ascii: "\""): decoded = 0x22
        case UInt8(ascii: "\\"): decoded = 0x5C
        case UInt8(ascii: "/"): decoded = 0x2F
        case UInt8(ascii: "b"): decoded = 0x08
        case UInt8(ascii: "f"): decoded = 0x0C
        case UInt8(ascii: "n"): decoded = 0x0A
        case UInt8(ascii: "r"): decoded = 0x0D
        case UInt8(ascii: "t"): decoded = 0x09
        case UInt8(ascii: "u"): return try appendUnicodeEscape(at: index)
        default: throw JSONParseError(offset: index, message: "invalid escape sequence")
        }
        scratch.append(decoded)
        return index + 2
    }

    /// Appends `\uXXXX` (or a `\uD8xx\uDCxx` surrogate pair) at `index` as UTF-8.
    private mutating func appendUnicodeEscape(at index: Int) throws(JSONParseError) -> Int {
        guard let unit = hex4(at: index + 2) else { throw badUnicodeEscape(at: index) }
        switch unit {
        case 0xD800...0xDBFF:
            let next = index + 6
            guard next + 1 < end, bytes[next] == UInt8(ascii: "\\"), bytes[next + 1] == UInt8(ascii: "u") else {
                throw unpairedSurrogate(at: index)
            }
            guard let low = hex4(at: next + 2) else { throw badUnicodeEscape(at: next) }
            guard (0xDC00...0xDFFF).contains(low) else { throw unpairedSurrogate(at: index) }
            appendUTF8(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
            return next + 6
        case 0xDC00...0xDFFF:
            throw unpairedSurrogate(at: index)
        default:
            appendUTF8(unit)
            return index + 6
        }
    }

    private func hex4(at index: Int) -> UInt32? {
        guard index + 4 <= end else { return nil }
        var value: UInt32 = 0
        for byte in bytes[index..<index + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(scalar))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// Validates the UTF-8 sequence whose lead byte is at `index` (Unicode Table 3-7: no
    /// overlong forms, no surrogates, nothing above U+10FFFF); returns the index after it.
    @inline(__always)
    private func endOfUTF8Sequence(at index: Int) throws(JSONParseError) -> Int {
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch bytes[index] {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: throw invalidUTF8(at: index)
        }
        guard index + length <= end, (low...high).contains(bytes[index + 1]) else { throw invalidUTF8(at: index) }
        for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 {
            throw invalidUTF8(at: index)
        }
        return index + length
    }

    private func invalidUTF8(at index: Int) -> JSONParseError {
        JSONParseError(offset: index, message: "invalid UTF-8")
    }

    private func controlCharacter(at index: Int) -> JSONParseError {
        let scalar = "U+00" + hex2(bytes[index])
        return JSONParseError(offset: index, message: "control character \(scalar) must be escaped in a string")
    }

    private func badUnicodeEscape(at index: Int) -> JSONParseError {
        JSONParseError(offset: index, message: "invalid \\u escape: expected 4 hex digits")
    }

    private func unpairedSurrogate(at index: Int) -> JSONParseError {
        JSONParseError(offset: index, message: "unpaired UTF-16 surrogate in \\u escape")
    }
}
