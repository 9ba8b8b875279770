import LedgerFormats

extension RecordLine2 {
    /// Reads one format-2 line (without its newline) alone, checking every field's presence,
    /// order and kind. The hash is read, not checked: it depends on the line before.
    public static func decode(_ line: UnsafeRawBufferPointer) throws(RecordDecodingError) -> Line {
        var fields = FieldReader(try RecordLine.object(line))
        let seq = try fields.nonNegativeInt("seq")
        let id = try fields.eventID("id")
        let type = try fields.string("type")
        let version = try fields.optional("version").map { value throws(RecordDecodingError) in
            guard case .int(let number) = value, number >= 1 else { throw RecordDecodingError("field \"version\" is not a positive integer") }
            return number
        } ?? 1
        let valid = try fields.optional("valid").map { value throws(RecordDecodingError) in try RecordLine.date(value, "valid") }
        let header = try fields.optional("batch").map { value throws(RecordDecodingError) in try self.header(value) }
        let source = try fields.optional("source").map { value throws(RecordDecodingError) in try sourceFields(value, "source.") }
        let payload = try fields.object("payload")
        let hash = try fields.digest("hash")
        try fields.expectEnd()
        if seq == 0 && (type != EventType.logMigrated || header == nil) {
            throw RecordDecodingError("seq 0 is only for the log.migrated record that begins a migrated log")
        }
        return Line(seq: Seq(seq), id: id, type: type, version: version, valid: valid, header: header, source: source,
                    payload: payload, hash: hash)
    }

    private static func header(_ value: JSONValue) throws(RecordDecodingError) -> Header {
        guard case .object(let object) = value else { throw RecordDecodingError("field \"batch\" is not an object") }
        var fields = FieldReader(object, context: "batch.")
        let count = try fields.positiveInt("count")
        var stamp = StampFields()
        if let recordedAt = fields.optional("recordedAt") {
            guard case .string(let text) = recordedAt, let instant = Instant(iso: text) else {
                throw RecordDecodingError("field \"batch.recordedAt\" is not an instant like 2026-11-22T03:50:00.000Z")
            }
            stamp.recordedAt = instant
        }
        if let actor = fields.optional("actor") { stamp.actor = try RecordLine.text(actor, "batch.actor") }
        if let command = fields.optional("command") { stamp.command = .some(try textOrNull(command, "batch.command")) }
        if let reason = fields.optional("reason") { stamp.reason = .some(try textOrNull(reason, "batch.reason")) }
        let source = try fields.optional("source").map { value throws(RecordDecodingError) in try sourceFields(value, "batch.source.") }
        try fields.expectEnd()
        if let source, source.lines != nil || source.pages != nil || source.text != nil {
            throw RecordDecodingError("field \"batch.source\" may hold only document, issue, parser and reader")
        }
        return Header(count: count, stamp: stamp, source: source)
    }

    private static func textOrNull(_ value: JSONValue, _ name: String) throws(RecordDecodingError) -> String? {
        if case .null = value { return nil }
        return try RecordLine.text(value, name)
    }

    private static func sourceFields(_ value: JSONValue, _ context: String) throws(RecordDecodingError) -> SourceFields {
        guard case .object(let object) = value else { throw RecordDecodingError("field \"\(context.dropLast())\" is not an object") }
        var fields = FieldReader(object, context: context)
        var source = SourceFields()
        if fields.optional("document") != nil {
            fields.rewind()
            source.document = try fields.digest("document")
        }
        source.issue = try fields.optional("issue").map { value throws(RecordDecodingError) in try RecordLine.text(value, context + "issue") }
        source.lines = try fields.optional("lines").map { value throws(RecordDecodingError) in try RecordLine.range(value, context + "lines") }
        source.pages = try fields.optional("pages").map { value throws(RecordDecodingError) in try RecordLine.range(value, context + "pages") }
        source.parser = try fields.optional("parser").map { value throws(RecordDecodingError) in try RecordLine.text(value, context + "parser") }
        source.reader = try fields.optional("reader").map { value throws(RecordDecodingError) in try RecordLine.text(value, context + "reader") }
        source.text = try fields.optional("text").map { value throws(RecordDecodingError) in try RecordLine.text(value, context + "text") }
        try fields.expectEnd()
        return source
    }
}
