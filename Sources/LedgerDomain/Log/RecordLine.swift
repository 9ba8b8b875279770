import LedgerFormats
/// The byte format of one log line, and the hash rule an auditor can check without `ledger`.
///
/// A line is compact JSON followed by `\n`:
/// `{"seq":1,"id":"…","type":"…","version":1,"valid":"2023-01-13","recordedAt":"…","actor":"…",
/// "batch":{…},"source":{…},"payload":{…},"prev":"<64 hex>","hash":"<64 hex>"}`.
/// The hash is SHA-256 over the line's bytes up to, not including, the last `,"hash":"`.
/// Payload keys are sorted, strings are raw UTF-8 (see ``JSONWriter``): encoding is deterministic.
public enum RecordLine {
    /// The longest line the log accepts, newline included.
    public static let maxLineBytes = 1 << 20
    /// The bytes that separate the hashed body from the hash.
    public static let hashMarker: [UInt8] = Array(#","hash":""#.utf8)

    /// Appends the record's line, newline included, to `buffer` and returns the record with its
    /// `hash` computed from those bytes (the record's own `hash` is ignored).
    /// The payload is written with its keys sorted, and returned so.
    public static func encode(_ record: EventRecord, into buffer: inout [UInt8]) -> EventRecord {
        var hashed = record
        if case .object(let sorted) = JSONValue.object(record.payload).sortedKeysRecursively() {
            hashed.payload = sorted
        }
        let start = buffer.count
        writeBody(hashed, into: &buffer)
        let digest = buffer.withUnsafeBytes { SHA256.hash(UnsafeRawBufferPointer(rebasing: $0[start...])) }
        buffer.append(contentsOf: hashMarker)
        digest.writeHex(into: &buffer)
        buffer.append(contentsOf: Array("\"}\n".utf8))
        hashed.hash = digest
        return hashed
    }

    /// The line's bytes and the record with its hash, for one record.
    public static func encode(_ record: EventRecord) -> (line: [UInt8], record: EventRecord) {
        var buffer: [UInt8] = []
        let hashed = encode(record, into: &buffer)
        return (buffer, hashed)
    }

    /// The hashed part of a line (without its newline): everything before the last `,"hash":"`,
    /// or nil when the line has no hash field.
    public static func hashedBody(of line: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer? {
        let marker = hashMarker
        guard line.count >= marker.count else { return nil }
        var index = line.count - marker.count
        while index >= 0 {
            if line[index] == marker[0], zip(line[index..<index + marker.count], marker).allSatisfy({ $0 == $1 }) {
                return UnsafeRawBufferPointer(rebasing: line[0..<index])
            }
            index -= 1
        }
        return nil
    }

    /// Whether the line's stored hash is the SHA-256 of its hashed body.
    public static func hashMatches(_ line: UnsafeRawBufferPointer, record: EventRecord) -> Bool {
        guard let body = hashedBody(of: line) else { return false }
        return SHA256.hash(body) == record.hash
    }

    private static func writeBody(_ record: EventRecord, into buffer: inout [UInt8]) {
        func key(_ name: String) {
            buffer.append(contentsOf: Array("\"\(name)\":".utf8))
        }
        buffer.append(UInt8(ascii: "{"))
        key("seq"); buffer.append(contentsOf: Array(String(record.seq.value).utf8))
        buffer.append(UInt8(ascii: ",")); key("id"); JSONWriter.writeString(record.id.text, into: &buffer)
        buffer.append(UInt8(ascii: ",")); key("type"); JSONWriter.writeString(record.type, into: &buffer)
        buffer.append(UInt8(ascii: ",")); key("version"); buffer.append(contentsOf: Array(String(record.version).utf8))
        if let valid = record.valid {
            buffer.append(UInt8(ascii: ",")); key("valid"); JSONWriter.writeString(valid.description, into: &buffer)
        }
        buffer.append(UInt8(ascii: ",")); key("recordedAt")
        JSONWriter.writeString(record.recordedAt.description, into: &buffer)
        buffer.append(UInt8(ascii: ",")); key("actor"); JSONWriter.writeString(record.actor, into: &buffer)
        buffer.append(UInt8(ascii: ",")); key("batch"); JSONWriter.write(.object(batchObject(record.batch)), into: &buffer)
        if let source = record.source {
            buffer.append(UInt8(ascii: ",")); key("source"); JSONWriter.write(.object(sourceObject(source)), into: &buffer)
        }
        buffer.append(UInt8(ascii: ",")); key("payload")
        JSONWriter.write(.object(record.payload), into: &buffer)
        buffer.append(UInt8(ascii: ",")); key("prev"); JSONWriter.writeString(record.prev.hex, into: &buffer)
    }

    static func batchObject(_ batch: BatchMarker) -> JSONObject {
        var object: JSONObject = ["first": .int(batch.first.value), "count": .int(batch.count)]
        if let command = batch.command { object["command"] = .string(command) }
        if let reason = batch.reason { object["reason"] = .string(reason) }
        return object
    }

    static func sourceObject(_ source: SourceReference) -> JSONObject {
        var object: JSONObject = ["document": .string(source.document.hex)]
        if let issue = source.issue { object["issue"] = .string(issue) }
        if let lines = source.lines {
            object["lines"] = .array([.int(lines.lowerBound), .int(lines.upperBound)])
        }
        if let pages = source.pages {
            object["pages"] = .array([.int(pages.lowerBound), .int(pages.upperBound)])
        }
        if let parser = source.parser { object["parser"] = .string(parser) }
        if let reader = source.reader { object["reader"] = .string(reader) }
        if let text = source.text { object["text"] = .string(text) }
        return object
    }
}
