/// The scanner's small pieces: names, whitespace, searching, references, errors with a place.
extension XMLScanner {
    /// Whether `literal` (ASCII) is at the current position.
    func starts(with literal: StaticString) -> Bool { matches(literal, at: position) }

    /// Whether `literal` (ASCII) is at `index`.
    func matches(_ literal: StaticString, at index: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index >= 0, index <= bytes.count - count else { return false }
        let pointer = literal.utf8Start
        for offset in 0..<count where bytes[index + offset] != pointer[offset] { return false }
        return true
    }

    /// Where `literal` next starts at or after `index`.
    func find(_ literal: StaticString, from index: Int) -> Int? {
        let first = literal.utf8Start[0]
        var at = index
        while at < bytes.count {
            if bytes[at] == first && matches(literal, at: at) { return at }
            at += 1
        }
        return nil
    }

    /// Moves past the next `literal`, or throws that the document ends `inside` something.
    mutating func skip(past literal: StaticString, from index: Int, inside: String) throws(XMLError) {
        guard let end = find(literal, from: index) else { throw error(.unexpectedEnd(inside), at: position) }
        position = end + literal.utf8CodeUnitCount
    }

    /// Skips whitespace; true if there was some.
    @discardableResult
    mutating func skipSpace() -> Bool {
        let start = position
        while position < bytes.count && isSpace(bytes[position]) { position += 1 }
        return position > start
    }

    /// A name (element, attribute, PI target): ASCII letters, digits, `_ : - .` and any
    /// non-ASCII character, not starting with a digit, `-` or `.`.
    mutating func name() throws(XMLError) -> String {
        let start = position
        while position < bytes.count && isNameByte(bytes[position]) { position += 1 }
        guard position > start else { throw error(.malformed("expected a name"), at: start) }
        let first = bytes[start]
        if first == UInt8(ascii: "-") || first == UInt8(ascii: ".") || (first >= 0x30 && first <= 0x39) {
            throw error(.malformed("a name cannot start with \(Character(Unicode.Scalar(first)))"), at: start)
        }
        return try string(bytes[start..<position], at: start)
    }

    /// The bytes as a string, or an error if they are not UTF-8.
    func string(_ slice: ArraySlice<UInt8>, at offset: Int) throws(XMLError) -> String {
        // Validated here, then decoded without a second check: the standard library's
        // validating initialiser is generic and costs a metadata look-up per call.
        guard isValidUTF8(slice) else { throw error(.invalidEncoding("bytes that are not UTF-8"), at: offset) }
        return String(decoding: slice, as: UTF8.self)
    }

    /// An error at `offset`, with its line and column.
    func error(_ reason: XMLError.Reason, at offset: Int) -> XMLError {
        let clamped = min(max(0, offset), bytes.count)
        var line = 1, lineStart = 0
        for index in 0..<clamped where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return XMLError(reason: reason, byteOffset: clamped, line: line, column: clamped - lineStart + 1)
    }
}

/// Whether `bytes` are well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing
/// past U+10FFFF).
func isValidUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
    var index = bytes.startIndex
    let end = bytes.endIndex
    while index < end {
        let lead = bytes[index]
        if lead < 0x80 {
            index += 1
            continue
        }
        let length: Int, lowest: UInt8, highest: UInt8
        switch lead {
        case 0xC2...0xDF: (length, lowest, highest) = (2, 0x80, 0xBF)
        case 0xE0: (length, lowest, highest) = (3, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (length, lowest, highest) = (3, 0x80, 0xBF)
        case 0xED: (length, lowest, highest) = (3, 0x80, 0x9F)
        case 0xF0: (length, lowest, highest) = (4, 0x90, 0xBF)
        case 0xF1...0xF3: (length, lowest, highest) = (4, 0x80, 0xBF)
        case 0xF4: (length, lowest, highest) = (4, 0x80, 0x8F)
        default: return false
        }
        guard end - index >= length, (lowest...highest).contains(bytes[index + 1]) else { return false }
        for continuation in (index + 2)..<(index + length) where bytes[continuation] & 0xC0 != 0x80 { return false }
        index += length
    }
    return true
}

/// XML's whitespace: space, tab, line feed, carriage return.
func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
}

private func isNameByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
         UInt8(ascii: "_"), UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "."), 0x80...0xFF:
        true
    default:
        false
    }
}
