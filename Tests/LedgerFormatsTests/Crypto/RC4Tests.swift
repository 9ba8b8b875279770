import Testing
@testable import LedgerFormats

/// RC4 against RFC 6229's keystreams and the classic published examples.
@Suite("RC4")
struct RC4Tests {
    /// RFC 6229 §2: key, keystream offset, 16 keystream bytes there.
    static let rfc6229: [(String, Int, String)] = [
        ("0102030405", 0, "b2396305f03dc027ccc3524a0a1118a8"),
        ("0102030405", 16, "6982944f18fc82d589c403a47a0d0919"),
        ("0102030405", 240, "28cb1132c96ce286421dcaadb8b69eae"),
        ("0102030405", 4096, "ff25b58995996707e51fbdf08b34d875"),
        ("0102030405060708090a0b0c0d0e0f10", 0, "9ac7cc9a609d1ef7b2932899cde41b97"),
        ("0102030405060708090a0b0c0d0e0f10", 16, "5248c4959014126a6e8a84f11d1a9e1c"),
        ("c109163908ebe51debb46227c6cc8b37641910833222772a", 0, "54b64e6b5a20b5e2ec84593dc7989da7"),
    ]

    @Test("RFC 6229 keystreams", arguments: rfc6229)
    func keystream(key: String, offset: Int, expected: String) {
        let stream = RC4.process([UInt8](repeating: 0, count: offset + 16), key: hex(key))
        #expect(hexString(Array(stream.suffix(16))) == expected)
    }

    @Test("the classic examples", arguments: [
        ("Key", "Plaintext", "bbf316e8d940af0ad3"),
        ("Wiki", "pedia", "1021bf0420"),
        ("Secret", "Attack at dawn", "45a01f645fc35b383552544b9bf5"),
    ])
    func classic(key: String, plain: String, cipher: String) {
        #expect(hexString(RC4.process(Array(plain.utf8), key: Array(key.utf8))) == cipher)
        #expect(RC4.process(hex(cipher), key: Array(key.utf8)) == Array(plain.utf8))
    }

    @Test("processing in pieces continues the keystream")
    func pieces() {
        let plain = (0..<300).map { UInt8(truncatingIfNeeded: $0) }
        var cipher = RC4(key: hex("0102030405"))
        let split = cipher.process(plain.prefix(100)) + cipher.process(plain.dropFirst(100))
        #expect(split == RC4.process(plain, key: hex("0102030405")))
    }
}
