import Dispatch
import LedgerDomain
import LedgerFormats

/// Streams the log's lines like ``LineReader`` and decodes and hashes them on every core,
/// handing each line back in file order with its ``DecodedLine``.
///
/// The lines are copied into chunks of about ``chunkBytes``; each chunk is decoded on a worker
/// while the caller folds the chunks before it, with at most ``chunksInFlight`` chunks read ahead,
/// so memory stays bounded by a few chunks whatever the log's length. Decoding and hashing are
/// pure (``DecodedLine``); every check that depends on order (the chain, seq continuity) stays
/// with the caller, on its own thread, as do all reads through the ``SystemCalls`` seam.
struct ParallelLineDecoder {
    let reader: LineReader
    /// The log's format.
    var format: LogFormat = .one
    /// The bytes of lines gathered before a chunk is handed to a worker.
    var chunkBytes = 512 << 10
    /// How many chunks may be read ahead of the one being handed back.
    var chunksInFlight = 4

    /// Calls `body` for each line from `offset` up to `limit` bytes into the file, in order, with
    /// its decoding (a last line without its newline too: ``Line/ended`` tells). Throws what
    /// `body` or the reader throws; chunks still being decoded then are dropped.
    func forEachLine(from offset: Int = 0, limit: Int? = nil, firstLineNumber: Int = 1,
                     _ body: (Line, DecodedLine) throws -> Void) throws -> LineReader.Summary {
        var pending: [DecodingChunk] = []
        var filling = DecodingChunk(format: format)
        // A range that fits in one chunk is decoded here: a thread would cost more than it saves.
        let parallel = limit.map { $0 - offset > chunkBytes } ?? true
        func handBack(_ chunk: DecodingChunk) throws {
            chunk.waitUntilDecoded()
            try chunk.forEachLine(body)
        }
        let summary = try reader.forEachLine(from: offset, limit: limit, firstLineNumber: firstLineNumber) { line in
            filling.append(line)
            guard filling.bytes.count >= chunkBytes else { return }
            if parallel {
                filling.startDecoding()
                pending.append(filling)
                if pending.count > chunksInFlight { try handBack(pending.removeFirst()) }
            } else {
                filling.decodeHere()
                try filling.forEachLine(body)
            }
            filling = DecodingChunk(format: format)
        }
        for chunk in pending { try handBack(chunk) }
        filling.decodeHere()
        try filling.forEachLine(body)
        return summary
    }
}

/// A run of whole lines copied out of the reader's buffer, decoded once, by one thread, then
/// read by the thread that made it: the semaphore orders the two.
private final class DecodingChunk: @unchecked Sendable {
    let format: LogFormat
    private(set) var bytes: [UInt8] = []
    private var lines: [(start: Int, end: Int, number: Int, offset: Int, ended: Bool)] = []
    private var decoded: [DecodedLine] = []
    private let done = DispatchSemaphore(value: 0)

    init(format: LogFormat) {
        self.format = format
        bytes.reserveCapacity(512 << 10 + 4096)
    }

    func append(_ line: Line) {
        let start = bytes.count
        bytes.append(contentsOf: line.bytes)
        lines.append((start, bytes.count, line.number, line.offset, line.ended))
    }

    /// Decodes the lines on a worker thread; ``waitUntilDecoded()`` waits for it.
    func startDecoding() {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            decodeHere()
            done.signal()
        }
    }

    func waitUntilDecoded() {
        done.wait()
    }

    func decodeHere() {
        var decoder = RecordDecoder()
        decoded.reserveCapacity(lines.count)
        // A format-2 line is hashed after the line before; the chunk's first line is checked
        // again by the caller, who knows the line before it.
        var previous: SHA256Digest?
        bytes.withUnsafeBytes { raw in
            for line in lines {
                let line = DecodedLine(UnsafeRawBufferPointer(rebasing: raw[line.start..<line.end]), format: format, after: previous,
                                       decoder: &decoder)
                previous = line.storedHash
                decoded.append(line)
            }
        }
    }

    /// Hands each line back with its decoding.
    func forEachLine(_ body: (Line, DecodedLine) throws -> Void) throws {
        try bytes.withUnsafeBytes { raw in
            for (line, decoding) in zip(lines, decoded) {
                try body(Line(bytes: UnsafeRawBufferPointer(rebasing: raw[line.start..<line.end]), number: line.number,
                              offset: line.offset, ended: line.ended), decoding)
            }
        }
    }
}
