/// A deterministic JSON writer: the same value always gives the same bytes.
///
/// Compact output has no whitespace at all and keeps every object's field order. Scalars:
/// `.null` → `null`, `.bool` → `true`/`false`, `.int` → decimal (`-` for negatives, no `+`, no
/// leading zeros), `.number` → its literal verbatim (unchecked), `.string` → see
/// ``writeString(_:into:)``.
public enum JSONWriter {
    /// Appends the compact JSON for `value` to `buffer`: no spaces or newlines, keys in the
    /// object's order.
    public static func write(_ value: JSONValue, into buffer: inout [UInt8]) {
        switch value {
        case .null: buffer.append(contentsOf: "null".utf8)
        case .bool(let flag): buffer.append(contentsOf: flag ? "true".utf8 : "false".utf8)
        case .int(let number): writeInt(number, into: &buffer)
        case .number(let literal): buffer.append(contentsOf: literal.utf8)
        case .string(let text): writeString(text, into: &buffer)
        case .array(let elements):
            buffer.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { buffer.append(UInt8(ascii: ",")) }
                write(element, into: &buffer)
            }
            buffer.append(UInt8(ascii: "]"))
        case .object(let object):
            buffer.append(UInt8(ascii: "{"))
            for (index, field) in object.fields.enumerated() {
                if index > 0 { buffer.append(UInt8(ascii: ",")) }
                writeString(field.key, into: &buffer)
                buffer.append(UInt8(ascii: ":"))
                write(field.value, into: &buffer)
            }
            buffer.append(UInt8(ascii: "}"))
        }
    }

    /// The compact JSON bytes for `value`.
    public static func encode(_ value: JSONValue) -> [UInt8] {
        var buffer: [UInt8] = []
        write(value, into: &buffer)
        return buffer
    }

    /// The compact JSON text for `value`.
    public static func string(_ value: JSONValue) -> String {
        String(decoding: encode(value), as: UTF8.self)
    }

    /// Appends `s` as a quoted JSON string. The escaping rule is fixed, so output is deterministic:
    /// `"` → `\"`, `\` → `\\`, U+0008 → `\b`, U+000C → `\f`, U+000A → `\n`, U+000D → `\r`,
    /// U+0009 → `\t`; every other U+0000–U+001F and U+007F → `\u00XX` with lowercase hex;
    /// everything else, including `/` and all non-ASCII text, is written as raw UTF-8
    /// (Chinese stays readable and greppable; nothing is ever `\u`-escaped above U+007F).
    public static func writeString(_ s: String, into buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "\""))
        let written: Void? = s.utf8.withContiguousStorageIfAvailable { appendEscaped($0, into: &buffer) }
        if written == nil {
            Array(s.utf8).withUnsafeBufferPointer { appendEscaped($0, into: &buffer) }
        }
        buffer.append(UInt8(ascii: "\""))
    }

    /// Human-facing JSON: each array element and object field on its own line, indented by
    /// `indent` spaces per level (negative counts as 0), `"key": value` with one space after
    /// the colon, empty containers as `[]` and `{}`, no trailing newline. Strings and scalars
    /// are written exactly as in compact output.
    public static func prettyString(_ value: JSONValue, indent: Int = 2) -> String {
        var buffer: [UInt8] = []
        writePretty(value, indent: max(0, indent), level: 0, into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Writes `object` as ``prettyString(_:indent:)`` does, building one field's value at a time
    /// and handing the bytes to `sink` in pieces of about `pieceBytes`: a document of many large
    /// fields never sits in memory whole. Values are built in order, each after the previous
    /// one's bytes went to `sink`.
    public static func streamPretty(fields: [(key: String, value: () -> JSONValue)], indent: Int = 2, pieceBytes: Int = 1 << 16,
                                    to sink: (UnsafeRawBufferPointer) -> Void) {
        let document = JSONStream.object(fields.map { field in (field.key, .deferred { .value(field.value()) }) })
        streamPretty(document, indent: indent, pieceBytes: pieceBytes, to: sink)
    }

    /// Writes `document` as ``prettyString(_:indent:)`` writes its ``JSONStream/materialized``
    /// value, byte for byte, making each deferred part and each row only when it is written and
    /// handing the bytes to `sink` in pieces of about `pieceBytes`.
    public static func streamPretty(_ document: JSONStream, indent: Int = 2, pieceBytes: Int = 1 << 16,
                                    to sink: (UnsafeRawBufferPointer) -> Void) {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(pieceBytes + 4096)
        func drain(_ buffer: inout [UInt8]) {
            guard buffer.count >= pieceBytes else { return }
            buffer.withUnsafeBytes { sink($0) }
            buffer.removeAll(keepingCapacity: true)
        }
        writeStream(document, indent: max(0, indent), level: 0, into: &buffer, drain: drain)
        buffer.withUnsafeBytes { sink($0) }
    }

    private static func writeStream(_ document: JSONStream, indent: Int, level: Int, into buffer: inout [UInt8],
                                    drain: (inout [UInt8]) -> Void) {
        switch document {
        case .value(let value):
            writePretty(value, indent: indent, level: level, into: &buffer, drain: drain)
        case .deferred(let make):
            writeStream(make(), indent: indent, level: level, into: &buffer, drain: drain)
        case .object(let fields):
            writeObject(fields, indent: indent, level: level, into: &buffer) { value, buffer in
                writeStream(value, indent: indent, level: level + 1, into: &buffer, drain: drain)
            }
        case .rows(let count, let row) where count > 0:
            buffer.append(UInt8(ascii: "["))
            for index in 0..<count {
                newline(index > 0, indent * (level + 1), into: &buffer)
                writePretty(row(index), indent: indent, level: level + 1, into: &buffer)
                drain(&buffer)
            }
            newline(false, indent * level, into: &buffer)
            buffer.append(UInt8(ascii: "]"))
        case .rows:
            buffer.append(contentsOf: "[]".utf8)
        }
    }
}

/// A JSON document whose long arrays are made row by row, and whose parts may be made only
/// when they are written: ``JSONWriter/streamPretty(_:indent:pieceBytes:to:)`` writes it
/// without ever holding more than one row's ``JSONValue``.
public indirect enum JSONStream {
    /// A value, made already.
    case value(JSONValue)
    /// An object whose fields are streams, in order.
    case object([(key: String, value: JSONStream)])
    /// An array of `count` elements, the element at each index made by `row` when it is written.
    case rows(count: Int, row: (Int) -> JSONValue)
    /// A stream made when it is written.
    case deferred(() -> JSONStream)

    /// An object whose fields are values made already.
    public static func fields(_ object: JSONObject) -> JSONStream {
        .object(object.fields.map { (key: $0.key, value: .value($0.value)) })
    }

    /// An array with one row per element of `elements`.
    public static func rows<Element>(_ elements: [Element], _ row: @escaping (Element) -> JSONValue) -> JSONStream {
        .rows(count: elements.count) { row(elements[$0]) }
    }

    /// The whole document as one value.
    public var materialized: JSONValue {
        switch self {
        case .value(let value): return value
        case .object(let fields): return .object(JSONObject(uncheckedFields: fields.map { (key: $0.key, value: $0.value.materialized) }))
        case .rows(let count, let row): return .array((0..<count).map(row))
        case .deferred(let make): return make().materialized
        }
    }

    /// The fields of a document that is an object (none otherwise).
    public var materializedObject: JSONObject {
        materialized.object ?? JSONObject()
    }
}

// MARK: - Pieces

extension JSONWriter {
    /// Appends `bytes` (valid UTF-8) with the escaping rule of ``writeString(_:into:)``,
    /// copying the runs between escapes in one piece.
    private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, into buffer: inout [UInt8]) {
        var runStart = 0
        var index = 0
        while true {
            index = firstByteToEscape(in: bytes, from: index)
            guard index < bytes.count else { break }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            appendEscape(for: bytes[index], into: &buffer)
            index += 1
            runStart = index
        }
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }

    /// The index of the first byte at or after `start` that must be escaped, or `bytes.count`.
    /// Checks eight bytes at a time; see `JSONReader.skipUnescaped` for the bit tricks.
    @inline(__always)
    private static func firstByteToEscape(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        let raw = UnsafeRawBufferPointer(bytes)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let quotes = word ^ (ones &* 0x22)
            let slashes = word ^ (ones &* 0x5C)
            let deletes = word ^ (ones &* 0x7F)
            let flagged = (((quotes &- ones) & ~quotes) | ((slashes &- ones) & ~slashes)
                | ((deletes &- ones) & ~deletes) | ((word &- ones &* 0x20) & ~word)) & highs
            if flagged != 0 { return index + flagged.trailingZeroBitCount / 8 }
            index += 8
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F { break }
            index += 1
        }
        return index
    }

    private static func appendEscape(for byte: UInt8, into buffer: inout [UInt8]) {
        let short: UInt8
        switch byte {
        case UInt8(ascii: "\""): short = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): short = UInt8(ascii: "\\")
        case 0x08: short = UInt8(ascii: "b")
        case 0x0C: short = UInt8(ascii: "f")
        case 0x0A: short = UInt8(ascii: "n")
        case 0x0D: short = UInt8(ascii: "r")
        case 0x09: short = UInt8(ascii: "t")
        default:
            buffer.append(contentsOf: #"\u00"#.utf8)
            buffer.append(lowercaseHexDigit(byte >> 4))
            buffer.append(lowercaseHexDigit(byte & 0x0F))
            return
        }
        buffer.append(UInt8(ascii: "\\"))
        buffer.append(short)
    }

    private static func lowercaseHexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }

    /// Appends `value` as compact output writes an `.int`: decimal digits without going through
    /// `String` (least significant digit first into a small stack buffer, then copied in order).
    public static func writeInt(_ value: Int, into buffer: inout [UInt8]) {
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var first = digits.count
            repeat {
                first -= 1
                digits[first] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: digits[first...]))
        }
    }

    /// `drain` is called after each array element, so a long array leaves in pieces.
    private static func writePretty(_ value: JSONValue, indent: Int, level: Int, into buffer: inout [UInt8],
                                    drain: (inout [UInt8]) -> Void = { _ in }) {
        switch value {
        case .array(let elements) where !elements.isEmpty:
            buffer.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                newline(index > 0, indent * (level + 1), into: &buffer)
                writePretty(element, indent: indent, level: level + 1, into: &buffer)
                drain(&buffer)
            }
            newline(false, indent * level, into: &buffer)
            buffer.append(UInt8(ascii: "]"))
        case .object(let object):
            writeObject(object.fields, indent: indent, level: level, into: &buffer) { value, buffer in
                writePretty(value, indent: indent, level: level + 1, into: &buffer, drain: drain)
            }
        default:
            write(value, into: &buffer)
        }
    }

    /// An object's fields, one a line, each value written by `value`; `{}` when there are none.
    private static func writeObject<Value>(_ fields: [(key: String, value: Value)], indent: Int, level: Int,
                                           into buffer: inout [UInt8], _ value: (Value, inout [UInt8]) -> Void) {
        guard !fields.isEmpty else { return buffer.append(contentsOf: "{}".utf8) }
        buffer.append(UInt8(ascii: "{"))
        for (index, field) in fields.enumerated() {
            newline(index > 0, indent * (level + 1), into: &buffer)
            writeString(field.key, into: &buffer)
            buffer.append(contentsOf: ": ".utf8)
            value(field.value, &buffer)
        }
        newline(false, indent * level, into: &buffer)
        buffer.append(UInt8(ascii: "}"))
    }

    /// Appends an optional comma, a newline and `spaces` spaces.
    private static func newline(_ comma: Bool, _ spaces: Int, into buffer: inout [UInt8]) {
        if comma { buffer.append(UInt8(ascii: ",")) }
        buffer.append(UInt8(ascii: "\n"))
        // Copied from a run of spaces in the binary: one memcpy, however deep the level.
        var left = spaces
        while left > 0 {
            let run = min(left, blanks.utf8CodeUnitCount)
            buffer.append(contentsOf: UnsafeBufferPointer(start: blanks.utf8Start, count: run))
            left -= run
        }
    }

    private static let blanks: StaticString = "                                                                "
}
