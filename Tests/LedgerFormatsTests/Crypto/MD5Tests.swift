import Testing
@testable import LedgerFormats

/// MD5 against RFC 1321's test suite (Appendix A.5).
@Suite("MD5")
struct MD5Tests {
    static let suite: [(String, String)] = [
        ("", "d41d8cd98f00b204e9800998ecf8427e"),
        ("a", "0cc175b9c0f1b6a831c399e269772661"),
        ("abc", "900150983cd24fb0d6963f7d28e17f72"),
        ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
        ("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"),
        ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"),
        ("12345678901234567890123456789012345678901234567890123456789012345678901234567890",
         "57edf4a22be3c955ac49da2e2107b67a"),
    ]

    @Test("RFC 1321's suite", arguments: suite)
    func rfcSuite(message: String, digest: String) {
        #expect(hexString(MD5.hash(Array(message.utf8))) == digest)
    }

    @Test("hashing in pieces equals hashing at once, across block boundaries", arguments: [0, 1, 55, 56, 63, 64, 65, 127, 128, 1000])
    func incremental(length: Int) {
        let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        var hasher = MD5()
        hasher.update(bytes.prefix(length / 3))
        hasher.update(bytes.dropFirst(length / 3))
        #expect(hasher.finalize() == MD5.hash(bytes))
    }

    @Test("a million a's (the long-message vector)")
    func millionAs() {
        #expect(hexString(MD5.hash([UInt8](repeating: 0x61, count: 1_000_000))) == "7707d6ae4e027c70eea2a935c2296f21")
    }
}
