import LedgerFormats
/// Why a line is not a ledger record; the reader adds the line number.
public struct RecordDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong, in a phrase: `field "seq" is missing`, `invalid JSON at byte 17: …`.
    public var message: String

    /// Creates an error with a phrase describing the problem.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

extension RecordLine {
    /// Reads one line (without its newline) into a record, checking every field's presence,
    /// order and kind. The hash is read, not checked: see ``hashMatches(_:record:)``.
    /// To read many lines, keep one ``RecordDecoder``: it reuses what repeats between them.
    public static func decode(_ line: UnsafeRawBufferPointer) throws(RecordDecodingError) -> EventRecord {
        var decoder = RecordDecoder()
        return try decoder.decode(line)
    }

    /// The general reader behind ``decode(_:)``: any JSON spelling of a record (whitespace,
    /// escapes, any field order is an error it names) through a JSON tree. ``RecordDecoder``
    /// reads the canonical form without one and hands every other line here.
    static func decodeGeneral(_ line: UnsafeRawBufferPointer) throws(RecordDecodingError) -> EventRecord {
        var fields = FieldReader(try object(line))
        let seq = try fields.positiveInt("seq")
        let id = try fields.eventID("id")
        let type = try fields.string("type")
        let version = try fields.positiveInt("version")
        let valid = try fields.optional("valid").map { value throws(RecordDecodingError) in try date(value, "valid") }
        let recordedAt = try fields.instant("recordedAt")
        let actor = try fields.string("actor")
        let batchMarker = try batch(try fields.object("batch"))
        let sourceReference = try fields.optional("source").map { value throws(RecordDecodingError) in try source(value) }
        let payload = try fields.object("payload")
        let prev = try fields.digest("prev")
        let hash = try fields.digest("hash")
        try fields.expectEnd()
        return EventRecord(seq: Seq(seq), id: id, type: type, version: version, valid: valid,
                           recordedAt: recordedAt, actor: actor, batch: batchMarker, source: sourceReference,
                           payload: payload, prev: prev, hash: hash)
    }

    /// A log line (of either format) as a JSON object, or why it is not one.
    static func object(_ line: UnsafeRawBufferPointer) throws(RecordDecodingError) -> JSONObject {
        guard line.count < maxLineBytes else {
            throw RecordDecodingError("the line is longer than \(maxLineBytes) bytes")
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(line)
        } catch {
            throw RecordDecodingError("invalid JSON at byte \(error.offset + 1): \(error.message)")
        }
        guard case .object(let object) = value else { throw RecordDecodingError("the line is not a JSON object") }
        return object
    }

    static func date(_ value: JSONValue, _ name: String) throws(RecordDecodingError) -> CalendarDate {
        guard case .string(let text) = value, let date = CalendarDate(iso: text) else {
            throw RecordDecodingError("field \"\(name)\" is not a date YYYY-MM-DD")
        }
        return date
    }

    private static func batch(_ object: JSONObject) throws(RecordDecodingError) -> BatchMarker {
        var fields = FieldReader(object, context: "batch.")
        let first = try fields.positiveInt("first")
        let count = try fields.positiveInt("count")
        let command = try fields.optional("command").map { value throws(RecordDecodingError) in try text(value, "batch.command") }
        let reason = try fields.optional("reason").map { value throws(RecordDecodingError) in try text(value, "batch.reason") }
        try fields.expectEnd()
        return BatchMarker(first: Seq(first), count: count, command: command, reason: reason)
    }

    private static func source(_ value: JSONValue) throws(RecordDecodingError) -> SourceReference {
        guard case .object(let object) = value else { throw RecordDecodingError("field \"source\" is not an object") }
        var fields = FieldReader(object, context: "source.")
        let document = try fields.digest("document")
        let issue = try fields.optional("issue").map { value throws(RecordDecodingError) in try text(value, "source.issue") }
        let lines = try fields.optional("lines").map { value throws(RecordDecodingError) in try range(value, "source.lines") }
        let pages = try fields.optional("pages").map { value throws(RecordDecodingError) in try range(value, "source.pages") }
        let parser = try fields.optional("parser").map { value throws(RecordDecodingError) in try text(value, "source.parser") }
        let reader = try fields.optional("reader").map { value throws(RecordDecodingError) in try text(value, "source.reader") }
        let sourceText = try fields.optional("text").map { value throws(RecordDecodingError) in try text(value, "source.text") }
        try fields.expectEnd()
        return SourceReference(document: document, issue: issue, lines: lines, pages: pages, parser: parser, reader: reader,
                               text: sourceText)
    }

    static func range(_ value: JSONValue, _ name: String) throws(RecordDecodingError) -> ClosedRange<Int> {
        guard case .array(let bounds) = value, bounds.count == 2,
              case .int(let first) = bounds[0], case .int(let last) = bounds[1],
              first >= 1, last >= first else {
            throw RecordDecodingError("field \"\(name)\" is not [first, last] with 1 ≤ first ≤ last")
        }
        return first...last
    }

    static func text(_ value: JSONValue, _ name: String) throws(RecordDecodingError) -> String {
        guard case .string(let text) = value else { throw RecordDecodingError("field \"\(name)\" is not a string") }
        return text
    }
}

/// Reads an object's fields in their fixed order, so a reordered or unknown field is an error.
struct FieldReader {
    private let fields: [(key: String, value: JSONValue)]
    private let context: String
    private var index = 0

    init(_ object: JSONObject, context: String = "") {
        self.fields = object.fields
        self.context = context
    }

    mutating func required(_ name: String) throws(RecordDecodingError) -> JSONValue {
        guard index < fields.count else { throw RecordDecodingError("field \"\(context)\(name)\" is missing") }
        guard fields[index].key == name else {
            throw RecordDecodingError("expected field \"\(context)\(name)\" but found \"\(context)\(fields[index].key)\"")
        }
        index += 1
        return fields[index - 1].value
    }

    mutating func optional(_ name: String) -> JSONValue? {
        guard index < fields.count, fields[index].key == name else { return nil }
        index += 1
        return fields[index - 1].value
    }

    /// Steps back over the field just read, to read it again with another accessor.
    mutating func rewind() {
        index -= 1
    }

    mutating func expectEnd() throws(RecordDecodingError) {
        guard index == fields.count else {
            throw RecordDecodingError("unexpected field \"\(context)\(fields[index].key)\"")
        }
    }

    mutating func positiveInt(_ name: String) throws(RecordDecodingError) -> Int {
        guard case .int(let value) = try required(name), value >= 1 else {
            throw RecordDecodingError("field \"\(context)\(name)\" is not a positive integer")
        }
        return value
    }

    mutating func nonNegativeInt(_ name: String) throws(RecordDecodingError) -> Int {
        guard case .int(let value) = try required(name), value >= 0 else {
            throw RecordDecodingError("field \"\(context)\(name)\" is not a non-negative integer")
        }
        return value
    }

    mutating func string(_ name: String) throws(RecordDecodingError) -> String {
        guard case .string(let value) = try required(name) else {
            throw RecordDecodingError("field \"\(context)\(name)\" is not a string")
        }
        return value
    }

    mutating func object(_ name: String) throws(RecordDecodingError) -> JSONObject {
        guard case .object(let value) = try required(name) else {
            throw RecordDecodingError("field \"\(context)\(name)\" is not an object")
        }
        return value
    }

    mutating func digest(_ name: String) throws(RecordDecodingError) -> SHA256Digest {
        guard let digest = SHA256Digest(hex: try string(name)), try lowercaseHex(name) else {
            throw RecordDecodingError("field \"\(context)\(name)\" is not 64 lowercase hex digits")
        }
        return digest
    }

    mutating func eventID(_ name: String) throws(RecordDecodingError) -> EventID {
        guard let id = EventID(try string(name)) else {
            throw RecordDecodingError("field \"\(context)\(name)\" is not a lowercase UUID")
        }
        return id
    }

    mutating func instant(_ name: String) throws(RecordDecodingError) -> Instant {
        guard let instant = Instant(iso: try string(name)) else {
            throw RecordDecodingError("field \"\(context)\(name)\" is not an instant like 2026-11-22T03:50:00.000Z")
        }
        return instant
    }

    private func lowercaseHex(_ name: String) throws(RecordDecodingError) -> Bool {
        guard case .string(let text) = fields[index - 1].value else { return false }
        return !text.utf8.contains { (UInt8(ascii: "A")...UInt8(ascii: "F")).contains($0) }
    }
}
