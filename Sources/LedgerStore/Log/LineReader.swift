#if canImport(Glibc)
import Glibc
#endif
import LedgerDomain

/// One line handed out by ``LineReader``: its bytes (without the newline), its 1-based number
/// and the byte offset where it starts. The bytes are valid only inside the callback.
struct Line {
    let bytes: UnsafeRawBufferPointer
    let number: Int
    let offset: Int
    /// False only for a last line that the file ends without a newline.
    let ended: Bool
}

/// Streams a file line by line in fixed-size chunks: memory stays bounded by the longest line,
/// never by the file's length.
struct LineReader {
    let system: SystemCalls
    let descriptor: Int32
    let path: String
    var chunkBytes = 1 << 20
    var maxLineBytes = RecordLine.maxLineBytes

    /// What a pass over the file saw.
    struct Summary {
        var lines = 0
        var bytes = 0
        var lastLineEnded = true
    }

    /// Calls `body` for each line from `offset` up to `limit` bytes into the file (the end of the
    /// file when nil). A line longer than `maxLineBytes` is an error at its line number.
    func forEachLine(from offset: Int = 0, limit: Int? = nil, firstLineNumber: Int = 1,
                     _ body: (Line) throws -> Void) throws -> Summary {
        var buffer = [UInt8](repeating: 0, count: chunkBytes)
        var start = 0
        var end = 0
        var bufferOffset = offset
        var summary = Summary()
        var lineNumber = firstLineNumber
        while true {
            if start > 0 {
                buffer.withUnsafeMutableBytes { raw in
                    _ = memmove(raw.baseAddress!, raw.baseAddress! + start, end - start)
                }
                bufferOffset += start
                end -= start
                start = 0
            }
            if end == buffer.count {
                guard buffer.count < maxLineBytes else {
                    throw StoreError.damaged(path: path, line: lineNumber, reason: .lineTooLong(maxBytes: maxLineBytes))
                }
                buffer.append(contentsOf: [UInt8](repeating: 0, count: min(buffer.count, maxLineBytes - buffer.count + 1)))
            }
            var want = buffer.count - end
            if let limit { want = min(want, limit - (bufferOffset + end)) }
            if want <= 0 { break }
            let got = try buffer.withUnsafeMutableBytes { raw throws(SystemError) in
                try system.read(descriptor, into: UnsafeMutableRawBufferPointer(rebasing: raw[end..<end + want]),
                                at: bufferOffset + end, path: path)
            }
            if got == 0 { break }
            end += got
            summary.bytes += got
            try buffer.withUnsafeBytes { raw in
                while start < end, let newline = memchr(raw.baseAddress! + start, 0x0A, end - start) {
                    let stop = raw.baseAddress!.distance(to: UnsafeRawPointer(newline))
                    try body(Line(bytes: UnsafeRawBufferPointer(rebasing: raw[start..<stop]), number: lineNumber,
                                  offset: bufferOffset + start, ended: true))
                    lineNumber += 1
                    start = stop + 1
                }
            }
        }
        if start < end {
            try buffer.withUnsafeBytes { raw in
                try body(Line(bytes: UnsafeRawBufferPointer(rebasing: raw[start..<end]), number: lineNumber,
                              offset: bufferOffset + start, ended: false))
            }
            lineNumber += 1
            summary.lastLineEnded = false
        }
        summary.lines = lineNumber - firstLineNumber
        return summary
    }
}
