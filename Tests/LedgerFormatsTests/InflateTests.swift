import Testing
import CZlib
@testable import LedgerFormats

/// DEFLATE through zlib: the bytes come back, a bomb is refused, damage is an error or, when
/// tolerated, the part before it.
@Suite("Inflate")
struct InflateTests {
    static let text = Array("hello hello hello hello\n窗口工作周报\n".utf8)
    static let zlibHello = compressed(text)

    @Test("zlib-wrapped data inflates to its text")
    func zlibWrapped() throws {
        let result = try Inflate.inflate(Self.zlibHello[...], wrapping: .zlib)
        #expect(result.bytes == Self.text)
        #expect(result.isComplete)
    }

    @Test("raw DEFLATE (zip's method 8) inflates without a header")
    func raw() throws {
        let body = Self.zlibHello[2..<(Self.zlibHello.count - 4)]
        let result = try Inflate.inflate(body, wrapping: .raw)
        #expect(result.bytes == Self.text)
    }

    @Test("a stream cut short is an error, or its first part when tolerated")
    func truncated() throws {
        let cut = Self.zlibHello[0..<10]
        #expect(throws: Inflate.Failure.self) { try Inflate.inflate(cut, wrapping: .zlib) }
        let partial = try Inflate.inflate(cut, wrapping: .zlib, tolerant: true)
        #expect(!partial.isComplete && !partial.bytes.isEmpty)
    }

    @Test("bytes that are not DEFLATE are an error")
    func notDeflate() {
        #expect(throws: Inflate.Failure.self) { try Inflate.inflate(Array("plain text".utf8)[...], wrapping: .zlib) }
    }

    @Test("a decompression bomb is refused at the limit, not inflated")
    func bomb() throws {
        let zeros = Self.compressed([UInt8](repeating: 0, count: 4 << 20))
        #expect(zeros.count < 8 << 10)
        do {
            _ = try Inflate.inflate(zeros[...], wrapping: .zlib, limits: .init(maxOutputBytes: 64 << 20, maxRatio: 100))
            Issue.record("a 4 MiB bomb from \(zeros.count) bytes was inflated")
        } catch {
            guard case .tooLarge = error else { Issue.record("expected tooLarge, got \(error)"); return }
        }
        let allowed = try Inflate.inflate(zeros[...], wrapping: .zlib, limits: .init(maxOutputBytes: 64 << 20, maxRatio: 2000))
        #expect(allowed.bytes.count == 4 << 20)
    }

    /// `bytes` compressed by zlib itself (level 9, zlib-wrapped).
    static func compressed(_ bytes: [UInt8]) -> [UInt8] {
        var size = compressBound(uLong(bytes.count))
        var out = [UInt8](repeating: 0, count: Int(size))
        let status = compress2(&out, &size, bytes, uLong(bytes.count), 9)
        precondition(status == Z_OK)
        return Array(out.prefix(Int(size)))
    }
}
