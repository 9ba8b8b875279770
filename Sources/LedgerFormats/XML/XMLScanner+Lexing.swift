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
        guard let text = String(validating: slice, as: UTF8.self) else {
            throw error(.invalidEncoding("bytes that are not UTF-8"), at: offset)
        }
        return text
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
