import LedgerFormats

/// The byte format of one log line in format 2, and its hash rule.
///
/// A line says only what the lines before it do not:
///
/// ```
/// {"seq":5,"id":"…","type":"issue.published","valid":"2023-01-13",
///  "batch":{"count":15,"recordedAt":"…","actor":"…","command":"…","reason":"…",
///           "source":{"document":"<sha256>","issue":"2023-02","parser":"1.0.0"}},
///  "source":{"lines":[1,6]},"payload":{…},"hash":"<64 hex>"}
/// {"seq":6,"id":"…","type":"totals.reported","valid":"2023-01-13","source":{"lines":[9,9]},"payload":{…},"hash":"…"}
/// ```
///
/// - `version` is written only when it is not 1.
/// - `batch` stands on a batch's first line only: its record count, then those fields of its
///   *stamp* (`recordedAt`, `actor`, `command`, `reason`; the last two `null` when there is none)
///   that are not the batch before's — the first batch of an append, and every 64th batch,
///   states all four, so a reader never looks further back than that — then the source fields
///   all its records share (`document`, `issue`, `parser`, `reader`). A 24-file ingest says its
///   command once.
/// - A record's `source` holds the rest: `lines`, `pages`, and `text` only where the stored
///   document, read again, does not give exactly those lines back.
/// - `hash` is the SHA-256 of the previous line's hash (64 lowercase hex digits, 64 zeros on the
///   first line) followed by the line's bytes before `,"hash":"`: the records form a chain
///   without a `prev` field.
///
/// Reading a line alone gives a ``RecordLine2/Line``; ``RecordAssembler`` resolves it into an
/// ``EventRecord`` from the lines before it.
public enum RecordLine2 {
    /// When, by whom, by which command and why a batch was appended.
    public struct Stamp: Equatable, Sendable {
        public var recordedAt: Instant
        public var actor: String
        public var command: String?
        public var reason: String?

        public init(recordedAt: Instant, actor: String, command: String? = nil, reason: String? = nil) {
            self.recordedAt = recordedAt
            self.actor = actor
            self.command = command
            self.reason = reason
        }
    }

    /// Source fields as one line states them; any may be absent.
    public struct SourceFields: Equatable, Sendable {
        public var document: SHA256Digest?
        public var issue: String?
        public var lines: ClosedRange<Int>?
        public var pages: ClosedRange<Int>?
        public var parser: String?
        public var reader: String?
        public var text: String?

        public init(document: SHA256Digest? = nil, issue: String? = nil, lines: ClosedRange<Int>? = nil,
                    pages: ClosedRange<Int>? = nil, parser: String? = nil, reader: String? = nil, text: String? = nil) {
            self.document = document
            self.issue = issue
            self.lines = lines
            self.pages = pages
            self.parser = parser
            self.reader = reader
            self.text = text
        }

        /// The fields a batch header may carry for all its records.
        static func shared(_ source: SourceReference) -> SourceFields {
            SourceFields(document: source.document, issue: source.issue, parser: source.parser, reader: source.reader)
        }
    }

    /// The fields of a stamp a batch header states; a field left out is the batch before's.
    public struct StampFields: Equatable, Sendable {
        public var recordedAt: Instant?
        public var actor: String?
        /// nil: the batch before's; `.some(nil)`: none (`null` in the line).
        public var command: String??
        /// nil: the batch before's; `.some(nil)`: none (`null` in the line).
        public var reason: String??

        public init(recordedAt: Instant? = nil, actor: String? = nil, command: String?? = nil, reason: String?? = nil) {
            self.recordedAt = recordedAt
            self.actor = actor
            self.command = command
            self.reason = reason
        }

        /// Every field of `stamp`.
        public static func full(_ stamp: Stamp) -> StampFields {
            StampFields(recordedAt: stamp.recordedAt, actor: stamp.actor, command: .some(stamp.command), reason: .some(stamp.reason))
        }

        /// The fields of `stamp` that are not `previous`'s.
        public static func difference(_ stamp: Stamp, from previous: Stamp) -> StampFields {
            StampFields(recordedAt: stamp.recordedAt == previous.recordedAt ? nil : stamp.recordedAt,
                        actor: stamp.actor == previous.actor ? nil : stamp.actor,
                        command: stamp.command == previous.command ? nil : .some(stamp.command),
                        reason: stamp.reason == previous.reason ? nil : .some(stamp.reason))
        }

        /// Whether every field is stated.
        public var isFull: Bool { recordedAt != nil && actor != nil && command != nil && reason != nil }

        /// The stamp these fields make over `previous`; nil when a field is left to a batch
        /// before and `previous` is not known.
        public func applied(to previous: Stamp?) -> Stamp? {
            guard let recordedAt = recordedAt ?? previous?.recordedAt, let actor = actor ?? previous?.actor else { return nil }
            guard let command = command ?? previous.map(\.command), let reason = reason ?? previous.map(\.reason) else { return nil }
            return Stamp(recordedAt: recordedAt, actor: actor, command: command, reason: reason)
        }
    }

    /// The first line's `batch` object.
    public struct Header: Equatable, Sendable {
        /// How many records the batch holds.
        public var count: Int
        /// The fields of the batch's stamp this header states.
        public var stamp: StampFields
        /// The source fields every record of the batch that has a source shares.
        public var source: SourceFields?

        public init(count: Int, stamp: StampFields, source: SourceFields?) {
            self.count = count
            self.stamp = stamp
            self.source = source
        }
    }

    /// One line read alone: what it states, before the lines before it fill in the rest.
    public struct Line: Equatable, Sendable {
        public var seq: Seq
        public var id: EventID
        public var type: String
        public var version: Int
        public var valid: CalendarDate?
        public var header: Header?
        /// The line's own `source`, nil when it has none (then the record has no source).
        public var source: SourceFields?
        public var payload: JSONObject
        public var hash: SHA256Digest
    }

    /// The lines of a document as `ledger show` quotes them: a record whose text is exactly its
    /// lines of this document that are not blank, joined with newlines, leaves its text out
    /// (the parser quotes a fact's lines without the blank lines between them).
    public struct QuotableDocument: Sendable {
        public var digest: SHA256Digest
        public var lines: [String]

        public init(digest: SHA256Digest, lines: [String]) {
            self.digest = digest
            self.lines = lines
        }

        /// The lines `range` (1-based) that are not blank, joined with newlines; nil past the end.
        public func text(_ range: ClosedRange<Int>) -> String? {
            guard range.upperBound <= lines.count else { return nil }
            return lines[range.lowerBound - 1...range.upperBound - 1]
                .filter { !$0.allSatisfy(\.isWhitespace) }
                .joined(separator: "\n")
        }
    }

    /// The hash of a line whose hashed body is `body`, chained after `previous`.
    public static func hash(body: UnsafeRawBufferPointer, after previous: SHA256Digest) -> SHA256Digest {
        var hasher = SHA256()
        previous.withHex { hasher.update($0) }
        hasher.update(body)
        return hasher.finalize()
    }

    /// Whether the line's stored hash is its hash chained after `previous`.
    public static func hashMatches(_ line: UnsafeRawBufferPointer, hash: SHA256Digest, after previous: SHA256Digest) -> Bool {
        guard let body = RecordLine.hashedBody(of: line) else { return false }
        return self.hash(body: body, after: previous) == hash
    }
}

/// Writes the batches of one append in format 2, remembering the stamp of the batch before so
/// that the batches of one append state it once.
public struct RecordEncoder2: Sendable {
    /// The stamp of the last batch written; the next batch leaves out the fields that are the same.
    public private(set) var lastStamp: RecordLine2.Stamp?
    /// Batches written since the last one that stated its whole stamp.
    private var sinceFullStamp = 0
    /// Every this many batches a header states its whole stamp, however long the append.
    static let fullStampEvery = 64

    /// An encoder for a new append: its first batch states its stamp.
    public init() {}

    /// Appends the lines of one batch to `buffer` and returns its records as they read back:
    /// each with its hash, and without the source text the document gives back. `records`
    /// must be one whole batch, in order, each with its seq, `prev`, batch marker and stamp.
    public mutating func encodeBatch(_ records: [EventRecord], quotable: RecordLine2.QuotableDocument?,
                                     into buffer: inout [UInt8]) -> [EventRecord] {
        precondition(!records.isEmpty, "a batch holds at least one record")
        let first = records[0]
        let stamp = RecordLine2.Stamp(recordedAt: first.recordedAt, actor: first.actor,
                                      command: first.batch.command, reason: first.batch.reason)
        let sources = records.compactMap(\.source).map(RecordLine2.SourceFields.shared)
        let shared = sources.first.flatMap { candidate in sources.allSatisfy { $0 == candidate } ? candidate : nil }
        let fields: RecordLine2.StampFields
        if let lastStamp, sinceFullStamp + 1 < Self.fullStampEvery {
            fields = .difference(stamp, from: lastStamp)
            sinceFullStamp += 1
        } else {
            fields = .full(stamp)
            sinceFullStamp = 0
        }
        let header = RecordLine2.Header(count: records.count, stamp: fields, source: shared)
        lastStamp = stamp
        var previous = first.prev
        var written: [EventRecord] = []
        written.reserveCapacity(records.count)
        for (index, record) in records.enumerated() {
            var kept = record
            kept.prev = previous
            if var source = kept.source, let lines = source.lines, let quotable, quotable.digest == source.document,
               source.text != nil, source.text == quotable.text(lines) {
                source.text = nil
                kept.source = source
            }
            if case .object(let sorted) = JSONValue.object(kept.payload).sortedKeysRecursively() { kept.payload = sorted }
            let start = buffer.count
            Self.writeBody(kept, header: index == 0 ? header : nil, shared: shared, into: &buffer)
            kept.hash = buffer.withUnsafeBytes { raw in
                RecordLine2.hash(body: UnsafeRawBufferPointer(rebasing: raw[start...]), after: previous)
            }
            buffer.append(contentsOf: RecordLine.hashMarker)
            kept.hash.writeHex(into: &buffer)
            buffer.append(contentsOf: Array("\"}\n".utf8))
            previous = kept.hash
            written.append(kept)
        }
        return written
    }

    private static func writeBody(_ record: EventRecord, header: RecordLine2.Header?, shared: RecordLine2.SourceFields?,
                                  into buffer: inout [UInt8]) {
        func key(_ name: StaticString) {
            buffer.append(UInt8(ascii: ","))
            buffer.append(UInt8(ascii: "\""))
            buffer.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            buffer.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        }
        buffer.append(contentsOf: Array(#"{"seq":"#.utf8))
        buffer.append(contentsOf: Array(String(record.seq.value).utf8))
        key("id"); JSONWriter.writeString(record.id.text, into: &buffer)
        key("type"); JSONWriter.writeString(record.type, into: &buffer)
        if record.version != 1 { key("version"); buffer.append(contentsOf: Array(String(record.version).utf8)) }
        if let valid = record.valid { key("valid"); JSONWriter.writeString(valid.description, into: &buffer) }
        if let header {
            var object: JSONObject = ["count": .int(header.count)]
            let stamp = header.stamp
            if let recordedAt = stamp.recordedAt { object.fields.append(("recordedAt", .string(recordedAt.description))) }
            if let actor = stamp.actor { object.fields.append(("actor", .string(actor))) }
            if let command = stamp.command { object.fields.append(("command", command.map(JSONValue.string) ?? .null)) }
            if let reason = stamp.reason { object.fields.append(("reason", reason.map(JSONValue.string) ?? .null)) }
            if let source = header.source { object.fields.append(("source", .object(sourceObject(source)))) }
            key("batch"); JSONWriter.write(.object(object), into: &buffer)
        }
        if let source = record.source {
            var own = RecordLine2.SourceFields(lines: source.lines, pages: source.pages, text: source.text)
            if shared == nil {
                own.document = source.document
                own.issue = source.issue
                own.parser = source.parser
                own.reader = source.reader
            }
            key("source"); JSONWriter.write(.object(sourceObject(own)), into: &buffer)
        }
        key("payload"); JSONWriter.write(.object(record.payload), into: &buffer)
    }

    /// The fields in their fixed order: document, issue, lines, pages, parser, reader, text.
    static func sourceObject(_ source: RecordLine2.SourceFields) -> JSONObject {
        var object = JSONObject()
        if let document = source.document { object.fields.append(("document", .string(document.hex))) }
        if let issue = source.issue { object.fields.append(("issue", .string(issue))) }
        if let lines = source.lines { object.fields.append(("lines", .array([.int(lines.lowerBound), .int(lines.upperBound)]))) }
        if let pages = source.pages { object.fields.append(("pages", .array([.int(pages.lowerBound), .int(pages.upperBound)]))) }
        if let parser = source.parser { object.fields.append(("parser", .string(parser))) }
        if let reader = source.reader { object.fields.append(("reader", .string(reader))) }
        if let text = source.text { object.fields.append(("text", .string(text))) }
        return object
    }
}
