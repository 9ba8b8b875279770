import LedgerFormats
/// Reads log lines into records, quickly for the lines `ledger` writes.
///
/// A line in exactly the form ``RecordLine/encode(_:into:)`` writes (compact, fields in their
/// fixed order, digests and ids in lowercase, the instant in milliseconds with `Z`) is read
/// in one pass over its bytes, without building a JSON tree for the envelope and reusing the
/// strings that repeat from line to line (types, actors, issue keys, parser versions). Any
/// other line, valid or not, is handed to the general reader (``RecordLine/decodeGeneral(_:)``),
/// which gives the same record for every line both read and the precise error for the rest:
/// the fast path only ever declines, it never decides.
///
/// One decoder serves the lines of one pass over a log; it is not shared between threads.
public struct RecordDecoder: Sendable {
    private var strings = FieldStrings()

    /// A decoder with nothing remembered yet.
    public init() {}

    /// Reads one line (without its newline) into a record; see ``RecordLine/decode(_:)``.
    public mutating func decode(_ line: UnsafeRawBufferPointer) throws(RecordDecodingError) -> EventRecord {
        if line.count < RecordLine.maxLineBytes, let record = canonical(line) { return record }
        return try RecordLine.decodeGeneral(line)
    }

    /// Reads one format-2 line (without its newline) alone; see ``RecordLine2/decode(_:)``.
    /// Lines in the form ``RecordEncoder2`` writes are read in one pass, like format 1's.
    public mutating func decode2(_ line: UnsafeRawBufferPointer) throws(RecordDecodingError) -> RecordLine2.Line {
        if line.count < RecordLine.maxLineBytes, let stated = canonical2(line) { return stated }
        return try RecordLine2.decode(line)
    }

    /// The format-2 line, when it is in the canonical form; nil otherwise.
    mutating func canonical2(_ line: UnsafeRawBufferPointer) -> RecordLine2.Line? {
        line.withMemoryRebound(to: UInt8.self) { bytes in
            var cursor = CanonicalCursor(reader: JSONReader(bytes: bytes, maxDepth: 64), strings: FieldStrings())
            swap(&cursor.strings, &strings)
            let stated = cursor.line2()
            swap(&cursor.strings, &strings)
            return stated
        }
    }

    /// The record, when the line is in the canonical form; nil otherwise.
    mutating func canonical(_ line: UnsafeRawBufferPointer) -> EventRecord? {
        line.withMemoryRebound(to: UInt8.self) { bytes in
            // The remembered strings move into the cursor and back, so they are never copied.
            var cursor = CanonicalCursor(reader: JSONReader(bytes: bytes, maxDepth: 64), strings: FieldStrings())
            swap(&cursor.strings, &strings)
            let record = cursor.record()
            swap(&cursor.strings, &strings)
            return record
        }
    }
}

/// A cursor over one line in the canonical form: each step reads an exact key and its value,
/// or gives nil as soon as the line departs from the form.
private struct CanonicalCursor {
    var reader: JSONReader
    var strings: FieldStrings

    mutating func record() -> EventRecord? {
        guard literal("{\"seq\":"), let seq = positiveInt(),
              literal(",\"id\":"), let id = eventID(),
              literal(",\"type\":"), let type = Self.repeated(&reader, &strings.types),
              literal(",\"version\":"), let version = positiveInt() else { return nil }
        var valid: CalendarDate?
        if literal(",\"valid\":") {
            guard let date = date() else { return nil }
            valid = date
        }
        guard literal(",\"recordedAt\":"), let recordedAt = instant(),
              literal(",\"actor\":"), let actor = Self.repeated(&reader, &strings.actors),
              literal(",\"batch\":"), let batch = batch() else { return nil }
        var source: SourceReference?
        if literal(",\"source\":") {
            guard let reference = sourceReference() else { return nil }
            source = reference
        }
        guard literal(",\"payload\":"), reader.pos < reader.end, reader.bytes[reader.pos] == UInt8(ascii: "{"),
              case .object(let payload)? = try? reader.parseValue(depth: 1),
              literal(",\"prev\":"), let prev = digest(),
              literal(",\"hash\":"), let hash = digest(),
              literal("}"), reader.pos == reader.end else { return nil }
        return EventRecord(seq: Seq(seq), id: id, type: type, version: version, valid: valid, recordedAt: recordedAt,
                           actor: actor, batch: batch, source: source, payload: payload, prev: prev, hash: hash)
    }

    /// A format-2 line in the form ``RecordEncoder2`` writes it.
    mutating func line2() -> RecordLine2.Line? {
        guard literal("{\"seq\":"), let seq = positiveInt(),
              literal(",\"id\":"), let id = eventID(),
              literal(",\"type\":"), let type = Self.repeated(&reader, &strings.types) else { return nil }
        var version = 1
        if literal(",\"version\":") {
            guard let number = positiveInt(), number != 1 else { return nil }
            version = number
        }
        var valid: CalendarDate?
        if literal(",\"valid\":") {
            guard let date = date() else { return nil }
            valid = date
        }
        var header: RecordLine2.Header?
        if literal(",\"batch\":") {
            guard let read = header2() else { return nil }
            header = read
        }
        var source: RecordLine2.SourceFields?
        if literal(",\"source\":") {
            guard let read = sourceFields2(shared: false) else { return nil }
            source = read
        }
        guard literal(",\"payload\":"), reader.pos < reader.end, reader.bytes[reader.pos] == UInt8(ascii: "{"),
              case .object(let payload)? = try? reader.parseValue(depth: 1),
              literal(",\"hash\":"), let hash = digest(),
              literal("}"), reader.pos == reader.end else { return nil }
        return RecordLine2.Line(seq: Seq(seq), id: id, type: type, version: version, valid: valid, header: header, source: source,
                                payload: payload, hash: hash)
    }

    private mutating func header2() -> RecordLine2.Header? {
        guard literal("{\"count\":"), let count = positiveInt() else { return nil }
        var stamp = RecordLine2.StampFields()
        if literal(",\"recordedAt\":") {
            guard let recordedAt = instant() else { return nil }
            stamp.recordedAt = recordedAt
        }
        if literal(",\"actor\":") {
            guard let actor = Self.repeated(&reader, &strings.actors) else { return nil }
            stamp.actor = actor
        }
        if literal(",\"command\":") {
            if literal("null") {
                stamp.command = .some(nil)
            } else {
                guard let text = Self.repeated(&reader, &strings.commands) else { return nil }
                stamp.command = .some(text)
            }
        }
        if literal(",\"reason\":") {
            if literal("null") {
                stamp.reason = .some(nil)
            } else {
                guard let text = string() else { return nil }
                stamp.reason = .some(text)
            }
        }
        var source: RecordLine2.SourceFields?
        if literal(",\"source\":") {
            guard let read = sourceFields2(shared: true) else { return nil }
            source = read
        }
        guard literal("}") else { return nil }
        return RecordLine2.Header(count: count, stamp: stamp, source: source)
    }

    /// A format-2 `source` object: the batch's shared fields, or a record's own.
    private mutating func sourceFields2(shared: Bool) -> RecordLine2.SourceFields? {
        guard literal("{") else { return nil }
        var fields = RecordLine2.SourceFields()
        var first = true
        func key(_ name: StaticString) -> Bool {
            if first {
                guard literal("\"") else { return false }
                guard literalAfterQuote(name) else { reader.pos -= 1; return false }
            } else {
                guard literal(",\"") else { return false }
                guard literalAfterQuote(name) else { reader.pos -= 2; return false }
            }
            first = false
            return true
        }
        if key("document") {
            guard let document = digest() else { return nil }
            fields.document = document
        }
        if key("issue") {
            guard let issue = Self.repeated(&reader, &strings.issues) else { return nil }
            fields.issue = issue
        }
        if !shared, key("lines") {
            guard let lines = positiveRange() else { return nil }
            fields.lines = lines
        }
        if !shared, key("pages") {
            guard let pages = positiveRange() else { return nil }
            fields.pages = pages
        }
        if key("parser") {
            guard let parser = Self.repeated(&reader, &strings.parsers) else { return nil }
            fields.parser = parser
        }
        if key("reader") {
            guard let name = Self.repeated(&reader, &strings.parsers) else { return nil }
            fields.reader = name
        }
        if !shared, key("text") {
            guard let text = string() else { return nil }
            fields.text = text
        }
        guard literal("}") else { return nil }
        return fields
    }

    /// Consumes `name` + `":` when the line continues with them (after an opening quote).
    private mutating func literalAfterQuote(_ name: StaticString) -> Bool {
        let start = reader.pos
        guard literal(name), literal("\":") else {
            reader.pos = start
            return false
        }
        return true
    }

    private mutating func batch() -> BatchMarker? {
        guard literal("{\"first\":"), let first = positiveInt(), literal(",\"count\":"), let count = positiveInt() else { return nil }
        var command: String?
        var reason: String?
        if literal(",\"command\":") {
            guard let text = Self.repeated(&reader, &strings.commands) else { return nil }
            command = text
        }
        if literal(",\"reason\":") {
            guard let text = string() else { return nil }
            reason = text
        }
        guard literal("}") else { return nil }
        return BatchMarker(first: Seq(first), count: count, command: command, reason: reason)
    }

    private mutating func sourceReference() -> SourceReference? {
        guard literal("{\"document\":"), let document = digest() else { return nil }
        var reference = SourceReference(document: document)
        if literal(",\"issue\":") {
            guard let issue = Self.repeated(&reader, &strings.issues) else { return nil }
            reference.issue = issue
        }
        if literal(",\"lines\":") {
            guard let lines = positiveRange() else { return nil }
            reference.lines = lines
        }
        if literal(",\"pages\":") {
            guard let pages = positiveRange() else { return nil }
            reference.pages = pages
        }
        if literal(",\"parser\":") {
            guard let parser = Self.repeated(&reader, &strings.parsers) else { return nil }
            reference.parser = parser
        }
        if literal(",\"reader\":") {
            guard let name = Self.repeated(&reader, &strings.parsers) else { return nil }
            reference.reader = name
        }
        if literal(",\"text\":") {
            guard let text = string() else { return nil }
            reference.text = text
        }
        guard literal("}") else { return nil }
        return reference
    }

    // MARK: Tokens

    /// `[first,last]` with 1 ≤ first ≤ last.
    private mutating func positiveRange() -> ClosedRange<Int>? {
        guard literal("["), let first = positiveInt(), literal(","), let last = positiveInt(), last >= first,
              literal("]") else { return nil }
        return first...last
    }

    /// Consumes `text` if the line continues with exactly these ASCII bytes.
    @inline(__always)
    private mutating func literal(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard reader.end - reader.pos >= count else { return false }
        let start = text.utf8Start
        for offset in 0..<count where reader.bytes[reader.pos + offset] != start[offset] { return false }
        reader.pos += count
        return true
    }

    /// A positive integer without sign or leading zero that fits in `Int`.
    private mutating func positiveInt() -> Int? {
        guard reader.pos < reader.end, reader.bytes[reader.pos] &- UInt8(ascii: "1") < 9,
              case .int(let value)? = try? reader.parseNumber() else { return nil }
        return value
    }

    /// Any JSON string.
    private mutating func string() -> String? {
        guard reader.pos < reader.end, reader.bytes[reader.pos] == UInt8(ascii: "\"") else { return nil }
        return try? reader.parseString()
    }

    /// A string that is likely to repeat an earlier line's, from `recent` when its bytes are the same.
    private static func repeated(_ reader: inout JSONReader, _ recent: inout RecentStrings) -> String? {
        guard reader.pos < reader.end, reader.bytes[reader.pos] == UInt8(ascii: "\"") else { return nil }
        let start = reader.pos + 1
        var close = start
        while close < reader.end, reader.bytes[close] != UInt8(ascii: "\"") { close += 1 }
        if close < reader.end, let known = recent.find(UnsafeBufferPointer(rebasing: reader.bytes[start..<close])) {
            reader.pos = close + 1
            return known
        }
        guard let text = try? reader.parseString() else { return nil }
        let raw = UnsafeBufferPointer(rebasing: reader.bytes[start..<reader.pos - 1])
        if !raw.contains(UInt8(ascii: "\\")) { recent.remember(raw, as: text) }
        return text
    }

    /// `"` + 64 lowercase hex digits + `"`.
    private mutating func digest() -> SHA256Digest? {
        let start = reader.pos
        guard reader.end - start >= 66, reader.bytes[start] == UInt8(ascii: "\""), reader.bytes[start + 65] == UInt8(ascii: "\""),
              let digest = SHA256Digest(lowercaseHexUTF8: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: reader.bytes[start + 1..<start + 65])))
        else { return nil }
        reader.pos = start + 66
        return digest
    }

    /// `"` + a lowercase `8-4-4-4-12` UUID + `"`.
    private mutating func eventID() -> EventID? {
        let start = reader.pos
        guard reader.end - start >= 38, reader.bytes[start] == UInt8(ascii: "\""), reader.bytes[start + 37] == UInt8(ascii: "\"") else { return nil }
        let text = UnsafeBufferPointer(rebasing: reader.bytes[start + 1..<start + 37])
        guard EventID.isWellFormed(text) else { return nil }
        reader.pos = start + 38
        return EventID(unchecked: String(decoding: text, as: UTF8.self))
    }

    /// `"YYYY-MM-DD"`.
    private mutating func date() -> CalendarDate? {
        let start = reader.pos
        guard reader.end - start >= 12, reader.bytes[start] == UInt8(ascii: "\""), reader.bytes[start + 11] == UInt8(ascii: "\""),
              let date = calendarDate(at: start + 1) else { return nil }
        reader.pos = start + 12
        return date
    }

    /// `"YYYY-MM-DDTHH:MM:SS.mmmZ"`, the form ``Instant/description`` writes.
    private mutating func instant() -> Instant? {
        let start = reader.pos
        let b = reader.bytes
        guard reader.end - start >= 26, b[start] == UInt8(ascii: "\""), b[start + 25] == UInt8(ascii: "\""),
              let date = calendarDate(at: start + 1), b[start + 11] == UInt8(ascii: "T"),
              let hours = digits(at: start + 12, count: 2), hours < 24, b[start + 14] == UInt8(ascii: ":"),
              let minutes = digits(at: start + 15, count: 2), minutes < 60, b[start + 17] == UInt8(ascii: ":"),
              let seconds = digits(at: start + 18, count: 2), seconds < 60, b[start + 20] == UInt8(ascii: "."),
              let millis = digits(at: start + 21, count: 3), b[start + 24] == UInt8(ascii: "Z") else { return nil }
        reader.pos = start + 26
        let clock = Int64(((hours * 60 + minutes) * 60 + seconds) * 1000 + millis)
        return Instant(millisecondsSinceEpoch: Int64(date.daysSinceEpoch) * 86_400_000 + clock)
    }

    private func calendarDate(at index: Int) -> CalendarDate? {
        CalendarDate.parse(UnsafeBufferPointer(rebasing: reader.bytes[index..<index + 10]))
    }

    private func digits(at index: Int, count: Int) -> Int? {
        var value = 0
        for offset in 0..<count {
            let digit = reader.bytes[index + offset] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }
}

/// The last few distinct strings read in one field, by their raw bytes (none with an escape),
/// so that a value that repeats from line to line is one shared `String`, not a new one per line.
struct RecentStrings: Sendable {
    private let capacity: Int
    private var entries: [(bytes: [UInt8], text: String)] = []
    private var next = 0
    private var lastHit = 0

    init(capacity: Int) {
        self.capacity = capacity
    }

    mutating func find(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
        if lastHit < entries.count, Self.same(entries[lastHit].bytes, raw) { return entries[lastHit].text }
        for index in entries.indices where Self.same(entries[index].bytes, raw) {
            lastHit = index
            return entries[index].text
        }
        return nil
    }

    mutating func remember(_ raw: UnsafeBufferPointer<UInt8>, as text: String) {
        guard raw.count <= 256 else { return }
        if entries.count < capacity {
            entries.append((Array(raw), text))
        } else {
            entries[next] = (Array(raw), text)
            next = (next + 1) % capacity
        }
    }

    /// Byte equality, eight bytes at a time.
    @inline(__always)
    private static func same(_ known: [UInt8], _ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        guard known.count == raw.count else { return false }
        return known.withUnsafeBytes { left in
            let right = UnsafeRawBufferPointer(raw)
            var index = 0
            while index + 8 <= left.count {
                guard left.loadUnaligned(fromByteOffset: index, as: UInt64.self) == right.loadUnaligned(fromByteOffset: index, as: UInt64.self) else { return false }
                index += 8
            }
            while index < left.count {
                guard left[index] == right[index] else { return false }
                index += 1
            }
            return true
        }
    }
}

/// The remembered strings of each field that repeats between lines.
struct FieldStrings: Sendable {
    var types = RecentStrings(capacity: 16)
    var actors = RecentStrings(capacity: 4)
    var commands = RecentStrings(capacity: 4)
    var issues = RecentStrings(capacity: 4)
    /// The parser's and the document reader's versions.
    var parsers = RecentStrings(capacity: 4)
}

/// One log line read ahead of its checks: what it states, or why it is not a record, and
/// whether its hash is right. Pure, so lines can be decoded on any thread; a
/// ``RecordAssembler`` then turns it into a record in order.
public struct DecodedLine: Sendable {
    /// What a line states: a whole record (format 1) or a format-2 line.
    public enum Content: Sendable {
        case one(EventRecord)
        case two(RecordLine2.Line)
    }

    /// What the line states, or why it is not a record.
    public let content: Result<Content, RecordDecodingError>
    /// Whether the line decoded and its stored hash is right (format 2: when chained after
    /// ``hashedAfter``).
    public let hashMatches: Bool
    /// Format 2: the previous hash the line was hashed after; nil when it was not known.
    public let hashedAfter: SHA256Digest?

    /// Decodes a format-1 `line` (without its newline) and checks its hash.
    public init(_ line: UnsafeRawBufferPointer, decoder: inout RecordDecoder) {
        self.init(line, format: .one, after: nil, decoder: &decoder)
    }

    /// Decodes `line` (without its newline) in `format`; a format-2 hash is checked when the
    /// previous line's stored hash is given as `previous`.
    public init(_ line: UnsafeRawBufferPointer, format: LogFormat, after previous: SHA256Digest?, decoder: inout RecordDecoder) {
        switch format {
        case .one:
            do {
                let record = try decoder.decode(line)
                content = .success(.one(record))
                hashMatches = RecordLine.hashMatches(line, record: record)
            } catch {
                content = .failure(error)
                hashMatches = false
            }
            hashedAfter = nil
        case .two:
            do {
                let stated = try decoder.decode2(line)
                content = .success(.two(stated))
                hashMatches = previous.map { RecordLine2.hashMatches(line, hash: stated.hash, after: $0) } ?? false
                hashedAfter = previous
            } catch {
                content = .failure(error)
                hashMatches = false
                hashedAfter = nil
            }
        }
    }

    /// The hash the line stores, when it decoded.
    public var storedHash: SHA256Digest? {
        switch content {
        case .success(.one(let record)): record.hash
        case .success(.two(let line)): line.hash
        case .failure: nil
        }
    }
}
