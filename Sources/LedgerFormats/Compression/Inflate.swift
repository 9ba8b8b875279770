import CZlib

/// DEFLATE decompression (RFC 1951), raw or zlib-wrapped (RFC 1950), through the system's zlib,
/// with limits on what one input may expand to.
///
/// PDF's FlateDecode is zlib-wrapped; a zip entry's "deflated" method is raw. Real PDFs carry
/// streams whose checksum is wrong or whose end is cut: with `tolerant`, what was inflated before
/// the damage is returned (as every PDF reader does) and ``Result/isComplete`` says it was cut.
public enum Inflate {
    /// How the DEFLATE data is wrapped.
    public enum Wrapping: Sendable {
        /// A zlib header and Adler-32 trailer (PDF FlateDecode).
        case zlib
        /// No header at all (zip's method 8).
        case raw
    }

    /// What one input may expand to: a decompression bomb is refused, not inflated.
    public struct Limits: Sendable, Equatable {
        /// The most bytes one input may give.
        public var maxOutputBytes: Int
        /// The most output bytes per input byte (real text compresses 3–10 times; bombs 1000).
        public var maxRatio: Int

        /// Creates limits.
        public init(maxOutputBytes: Int, maxRatio: Int) {
            self.maxOutputBytes = maxOutputBytes
            self.maxRatio = maxRatio
        }

        /// 64 MiB out at most, and at most 200 times the input (past a first 1 MiB, which any input may give).
        public static let standard = Limits(maxOutputBytes: 64 << 20, maxRatio: 200)
    }

    /// Inflated bytes and whether the stream ended properly.
    public struct Result: Sendable, Equatable {
        /// The bytes inflated.
        public var bytes: [UInt8]
        /// False when the data was damaged or cut and `bytes` is what came before the damage.
        public var isComplete: Bool
    }

    /// Why an input could not be inflated.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The input expands past a limit (the bytes given by the time it was stopped).
        case tooLarge(outputBytes: Int, inputBytes: Int)
        /// The data is not DEFLATE (or is damaged before any output).
        case damaged(String)

        /// One sentence for a person.
        public var description: String {
            switch self {
            case let .tooLarge(output, input):
                "compressed data expands past the limit (\(output) bytes from \(input)): refused as a decompression bomb"
            case let .damaged(why): "compressed data is damaged (\(why))"
            }
        }
    }

    /// Inflates `input`. Throws when it expands past `limits`, or when it is damaged and either
    /// `tolerant` is false or nothing could be inflated before the damage.
    public static func inflate(_ input: ArraySlice<UInt8>, wrapping: Wrapping, limits: Limits = .standard,
                               tolerant: Bool = false) throws(Failure) -> Result {
        let cap = min(limits.maxOutputBytes, max(1 << 20, input.count.multipliedReportingOverflow(by: limits.maxRatio).partialValue))
        var stream = z_stream()
        let windowBits: Int32 = wrapping == .zlib ? 15 : -15
        guard inflateInit2_(&stream, windowBits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .damaged("zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(min(cap, max(4096, input.count * 4)))
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        var status: Int32 = Z_OK
        let contiguous = Array(input)
        contiguous.withUnsafeBufferPointer { source in
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = UInt32(source.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = UInt32(buffer.count)
                    status = zlib_inflate(&stream, Z_NO_FLUSH)
                    output.append(contentsOf: buffer[0..<(buffer.count - Int(stream.avail_out))])
                }
            } while status == Z_OK && output.count <= cap && (stream.avail_in > 0 || stream.avail_out == 0)
        }
        if output.count > cap { throw .tooLarge(outputBytes: output.count, inputBytes: input.count) }
        if status == Z_STREAM_END { return Result(bytes: output, isComplete: true) }
        let why = status == Z_OK || status == Z_BUF_ERROR ? "it ends before its last block" : "zlib error \(status)"
        if tolerant && !output.isEmpty { return Result(bytes: output, isComplete: false) }
        throw .damaged(why)
    }
}

/// zlib's `inflate`, named apart from the enum above.
private func zlib_inflate(_ stream: inout z_stream, _ flush: Int32) -> Int32 {
    CZlib.inflate(&stream, flush)
}
