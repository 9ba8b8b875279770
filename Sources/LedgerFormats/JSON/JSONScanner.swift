/// Reads JSON in order, value by value, without building a tree: for large documents of a known
/// shape (a snapshot's rows), where a ``JSONValue`` per row would cost more than the row itself.
///
/// As strict as ``JSONParser``: the same string, number and literal rules, whitespace anywhere
/// JSON allows it. A value of another kind than asked for, a missing comma or bracket, or bytes
/// after the document throw ``JSONParseError`` at the offending byte.
public struct JSONScanner {
    private var reader: JSONReader
    /// For each open array: whether no element has been read in it yet.
    private var fresh: [Bool] = []

    /// A scanner over `bytes`, which must stay valid while it is used.
    public init(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int = 64) {
        reader = JSONReader(bytes: bytes, maxDepth: maxDepth)
    }

    /// Consumes the `[` that opens an array.
    public mutating func openArray() throws(JSONParseError) {
        reader.skipWhitespace()
        guard reader.pos < reader.end, reader.bytes[reader.pos] == UInt8(ascii: "[") else { throw reader.expected("'['") }
        guard fresh.count < reader.maxDepth else {
            throw JSONParseError(offset: reader.pos, message: "nesting deeper than \(reader.maxDepth)")
        }
        reader.pos += 1
        fresh.append(true)
    }

    /// Whether the innermost open array has another element; consumes the comma before it, or
    /// the closing `]` (and closes the array) when there is none.
    public mutating func nextElement() throws(JSONParseError) -> Bool {
        precondition(!fresh.isEmpty, "nextElement() outside an array")
        reader.skipWhitespace()
        guard reader.pos < reader.end else { throw reader.expected(fresh[fresh.count - 1] ? "a value or ']'" : "',' or ']'") }
        let byte = reader.bytes[reader.pos]
        if byte == UInt8(ascii: "]") {
            reader.pos += 1
            fresh.removeLast()
            return false
        }
        if fresh[fresh.count - 1] {
            fresh[fresh.count - 1] = false
            return true
        }
        guard byte == UInt8(ascii: ",") else { throw reader.expected("',' or ']' after array element") }
        reader.pos += 1
        reader.skipWhitespace()
        if reader.pos < reader.end, reader.bytes[reader.pos] == UInt8(ascii: "]") {
            throw JSONParseError(offset: reader.pos, message: "trailing comma in array")
        }
        return true
    }

    /// Consumes the `]` that must close the innermost array now.
    public mutating func closeArray() throws(JSONParseError) {
        guard try !nextElement() else { throw reader.expected("']'") }
    }

    /// A string.
    public mutating func string() throws(JSONParseError) -> String {
        reader.skipWhitespace()
        guard reader.pos < reader.end, reader.bytes[reader.pos] == UInt8(ascii: "\"") else { throw reader.expected("a string") }
        return try reader.parseString()
    }

    /// An integer that fits in `Int`.
    public mutating func int() throws(JSONParseError) -> Int {
        reader.skipWhitespace()
        let start = reader.pos
        guard start < reader.end, reader.bytes[start] == UInt8(ascii: "-") || isDigit(reader.bytes[start]),
              case .int(let value) = try reader.parseNumber() else {
            reader.pos = start
            throw reader.expected("an integer")
        }
        return value
    }

    /// `true` or `false`.
    public mutating func bool() throws(JSONParseError) -> Bool {
        let start = reader.pos
        guard case .bool(let value) = try value() else {
            throw JSONParseError(offset: start, message: "expected true or false")
        }
        return value
    }

    /// Consumes `null` and returns true when the next value is `null`; otherwise consumes nothing.
    public mutating func null() -> Bool {
        reader.skipWhitespace()
        let end = reader.pos + 4
        guard end <= reader.end, reader.bytes[reader.pos] == UInt8(ascii: "n"), reader.bytes[reader.pos + 1] == UInt8(ascii: "u"),
              reader.bytes[reader.pos + 2] == UInt8(ascii: "l"), reader.bytes[reader.pos + 3] == UInt8(ascii: "l"),
              end == reader.end || (reader.bytes[end] | 0x20) &- UInt8(ascii: "a") >= 26 else { return false }
        reader.pos = end
        return true
    }

    /// Whether the next value is a string (nothing is consumed).
    public mutating func nextIsString() -> Bool {
        reader.skipWhitespace()
        return reader.pos < reader.end && reader.bytes[reader.pos] == UInt8(ascii: "\"")
    }

    /// Any value, as a tree.
    public mutating func value() throws(JSONParseError) -> JSONValue {
        try reader.parseValue(depth: fresh.count)
    }

    /// Checks that only whitespace is left.
    public mutating func end() throws(JSONParseError) {
        reader.skipWhitespace()
        guard reader.pos == reader.end else { throw JSONParseError(offset: reader.pos, message: "trailing characters after the value") }
    }
}
