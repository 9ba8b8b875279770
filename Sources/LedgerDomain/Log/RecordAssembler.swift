import LedgerFormats

/// Turns a log's lines, in order, into records: in format 1 each line is a whole record; in
/// format 2 a line leaves its batch, stamp, shared source fields and `prev` to the lines
/// before it, and this carries them from line to line. Pure and sequential: one assembler
/// follows one pass over a log, on the thread that checks the chain.
public struct RecordAssembler {
    /// What the lines before a place in a format-2 log say about the lines after it.
    public struct Context: Equatable, Sendable {
        /// A batch in progress: its first seq, its count and the source fields its records share.
        public struct Batch: Equatable, Sendable {
            public var first: Seq
            public var count: Int
            public var source: RecordLine2.SourceFields?

            public init(first: Seq, count: Int, source: RecordLine2.SourceFields?) {
                self.first = first
                self.count = count
                self.source = source
            }
        }

        /// The batch in progress at the place.
        public var batch: Batch?
        /// The stamp of the last batch header (the batch in progress's, when there is one): the
        /// fields a header leaves out are taken from it.
        public var lastStamp: RecordLine2.Stamp?

        public init(batch: Batch? = nil, lastStamp: RecordLine2.Stamp? = nil) {
            precondition(batch == nil || lastStamp != nil, "an open batch has a stamp")
            self.batch = batch
            self.lastStamp = lastStamp
        }
    }

    /// The log's format.
    public let format: LogFormat
    /// The stored hash of the last line seen (format 2 hashes each line after it).
    public private(set) var previousHash: SHA256Digest
    /// The context the next line is read in.
    public private(set) var context: Context
    /// Asked once, when a line needs what the lines before the starting place said (a pass
    /// that starts inside the log, after a snapshot, say) and they were not given.
    private var earlier: (() -> Context?)?

    /// An assembler for the lines after a line whose stored hash is `previousHash` (zeros at the
    /// start of the log), in `context` (empty at the start, or at the end of an append),
    /// with `earlier` to find the context when a line turns out to need it.
    public init(format: LogFormat, previousHash: SHA256Digest = .zero, context: Context = Context(),
                earlier: (() -> Context?)? = nil) {
        self.format = format
        self.previousHash = previousHash
        self.context = context
        self.earlier = earlier
    }

    /// The record a decoded line stands for, and whether its hash is right; the line's bytes
    /// (without its newline) let a format-2 hash be checked again when the line was decoded
    /// without knowing the line before.
    public mutating func assemble(_ decoded: DecodedLine, line: UnsafeRawBufferPointer) -> (record: Result<EventRecord, RecordDecodingError>, hashMatches: Bool) {
        switch decoded.content {
        case .failure(let error):
            // The next line's hash is still taken after this line's stored hash, if it has one.
            if format == .two, let hash = Self.storedHash(line) { previousHash = hash }
            return (.failure(error), false)
        case .success(.one(let record)):
            previousHash = record.hash
            return (.success(record), decoded.hashMatches)
        case .success(.two(let stated)):
            let matches = decoded.hashedAfter == previousHash
                ? decoded.hashMatches
                : RecordLine2.hashMatches(line, hash: stated.hash, after: previousHash)
            let result = resolve(stated)
            previousHash = stated.hash
            return (result, matches)
        }
    }

    /// Fills in what a format-2 line leaves to the lines before it.
    mutating func resolve(_ line: RecordLine2.Line) -> Result<EventRecord, RecordDecodingError> {
        if let header = line.header {
            var stamp = header.stamp.applied(to: context.lastStamp)
            if stamp == nil, let found = earlier?() {
                earlier = nil
                stamp = header.stamp.applied(to: found.lastStamp)
            }
            guard let stamp else {
                return .failure(RecordDecodingError("the batch header at seq \(line.seq) leaves its stamp (recordedAt, actor, command, reason) to a batch before it, and none before it gives it"))
            }
            context.lastStamp = stamp
            context.batch = Context.Batch(first: line.seq, count: header.count, source: header.source)
        } else if context.batch == nil, let found = earlier?() {
            earlier = nil
            context = found
        }
        guard let batch = context.batch, let stamp = context.lastStamp else {
            return .failure(RecordDecodingError("seq \(line.seq) has no batch header and no batch before it is open"))
        }
        var source: SourceReference?
        if let own = line.source {
            guard let document = own.document ?? batch.source?.document else {
                return .failure(RecordDecodingError("seq \(line.seq)'s source names no document, and its batch header none either"))
            }
            let shared = batch.source
            source = SourceReference(document: document, issue: own.issue ?? shared?.issue, lines: own.lines, pages: own.pages,
                                     parser: own.parser ?? shared?.parser, reader: own.reader ?? shared?.reader, text: own.text)
        }
        let first = line.header != nil ? line.seq : batch.first
        let marker = line.header != nil
            ? BatchMarker(first: first, count: batch.count, command: stamp.command, reason: stamp.reason)
            : BatchMarker(first: first, count: batch.count)
        return .success(EventRecord(seq: line.seq, id: line.id, type: line.type, version: line.version, valid: line.valid,
                                    recordedAt: stamp.recordedAt, actor: stamp.actor, batch: marker, source: source,
                                    payload: line.payload, prev: previousHash, hash: line.hash))
    }

    /// The hash a line stores, read from its end (`,"hash":"<64 hex>"}`), when it has one.
    public static func storedHash(_ line: UnsafeRawBufferPointer) -> SHA256Digest? {
        let suffix = 64 + 2
        guard line.count >= suffix + RecordLine.hashMarker.count, line[line.count - 1] == UInt8(ascii: "}"),
              line[line.count - 2] == UInt8(ascii: "\"") else { return nil }
        let marker = UnsafeRawBufferPointer(rebasing: line[(line.count - suffix - RecordLine.hashMarker.count)..<(line.count - suffix)])
        guard marker.elementsEqual(RecordLine.hashMarker) else { return nil }
        return SHA256Digest(lowercaseHexUTF8: UnsafeRawBufferPointer(rebasing: line[(line.count - suffix)..<(line.count - 2)]))
    }
}
