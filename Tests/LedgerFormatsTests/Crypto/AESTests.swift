import Testing
@testable import LedgerFormats

/// AES against FIPS-197 Appendix C and NIST SP 800-38A's CBC vectors; padding strict and tolerant.
@Suite("AES")
struct AESTests {
    /// FIPS-197 Appendix C: key, plaintext, ciphertext.
    static let fips197: [(String, String, String)] = [
        ("000102030405060708090a0b0c0d0e0f", "00112233445566778899aabbccddeeff", "69c4e0d86a7b0430d8cdb78070b4c55a"),
        ("000102030405060708090a0b0c0d0e0f1011121314151617", "00112233445566778899aabbccddeeff",
         "dda97ca4864cdfe06eaf70a0ec0d7191"),
        ("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "00112233445566778899aabbccddeeff",
         "8ea2b7ca516745bfeafc49904b496089"),
        // FIPS-197 Appendix B.
        ("2b7e151628aed2a6abf7158809cf4f3c", "3243f6a8885a308d313198a2e0370734", "3925841d02dc09fbdc118597196a0b32"),
    ]

    @Test("FIPS-197 block vectors encrypt and decrypt", arguments: fips197)
    func block(key: String, plain: String, cipher: String) throws {
        let aes = try AES(key: hex(key))
        #expect(hexString(aes.encryptBlock(hex(plain)[...])) == cipher)
        #expect(hexString(aes.decryptBlock(hex(cipher)[...])) == plain)
    }

    static let sp80038aPlain = """
        6bc1bee22e409f96e93d7e117393172a ae2d8a571e03ac9c9eb76fac45af8e51
        30c81c46a35ce411e5fbc1191a0a52ef f69f2445df4f9b17ad2b417be66c3710
        """

    /// SP 800-38A F.2.1 (CBC-AES128) and F.2.5 (CBC-AES256); the IV is 000102…0f.
    static let sp80038a: [(String, String, String)] = [
        ("CBC-AES128", "2b7e151628aed2a6abf7158809cf4f3c", """
            7649abac8119b246cee98e9b12e9197d 5086cb9b507219ee95db113a917678b2
            73bed6b8e3c1743b7116e69e22229516 3ff1caa1681fac09120eca307586e1a7
            """),
        ("CBC-AES256", "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4", """
            f58c4c04d6e5f1ba779eabfb5f7bfbd6 9cfc4e967edb808d679f777bc6702c7d
            39f23369a9d9bacfa530e26304231461 b2eb05e2c39be9fcda6c19078c6a9d1b
            """),
    ]

    @Test("SP 800-38A CBC vectors", arguments: sp80038a)
    func cbc(name: String, key: String, cipher: String) throws {
        let aes = try AES(key: hex(key))
        let iv = hex("000102030405060708090a0b0c0d0e0f")
        #expect(aes.encryptCBC(hex(Self.sp80038aPlain), iv: iv) == hex(cipher), "\(name)")
        #expect(try aes.decryptCBC(ivAndCiphertext: iv + hex(cipher), padding: .none) == hex(Self.sp80038aPlain))
    }

    @Test("PKCS#5 padding is removed for every length from 0 to 33", arguments: 0...33)
    func padding(length: Int) throws {
        let aes = try AES(key: hex("000102030405060708090a0b0c0d0e0f"))
        let plain = (0..<length).map { UInt8(truncatingIfNeeded: $0 * 7) }
        let padCount = 16 - length % 16
        let iv = hex("0f0e0d0c0b0a09080706050403020100")
        let cipher = aes.encryptCBC(plain + [UInt8](repeating: UInt8(padCount), count: padCount), iv: iv)
        #expect(try aes.decryptCBC(ivAndCiphertext: iv + cipher, padding: .pkcs5) == plain)
        #expect(try aes.decryptCBC(ivAndCiphertext: iv + cipher, padding: .pkcs5Tolerant) == plain)
    }

    @Test("a wrong padding is an error, or the blocks as they are when tolerated", arguments: [
        ("last byte zero", hex("00112233445566778899aabbccddee00")),
        ("last byte seventeen", hex("00112233445566778899aabbccddee11")),
        ("pad bytes disagree", hex("00112233445566778899aabbcc030203")),
    ])
    func badPadding(name: String, block: [UInt8]) throws {
        let aes = try AES(key: hex("000102030405060708090a0b0c0d0e0f"))
        let iv = [UInt8](repeating: 9, count: 16)
        let data = iv + aes.encryptCBC(block, iv: iv)
        #expect(throws: AES.Failure.badPadding) { try aes.decryptCBC(ivAndCiphertext: data, padding: .pkcs5) }
        #expect(try aes.decryptCBC(ivAndCiphertext: data, padding: .pkcs5Tolerant) == block, "\(name)")
    }

    @Test("bad lengths are errors, never crashes")
    func badLengths() throws {
        #expect(throws: AES.Failure.badKeyLength(15)) { try AES(key: [UInt8](repeating: 0, count: 15)) }
        #expect(throws: AES.Failure.badKeyLength(0)) { try AES(key: []) }
        let aes = try AES(key: [UInt8](repeating: 1, count: 32))
        #expect(throws: AES.Failure.badDataLength(15)) { try aes.decryptCBC(ivAndCiphertext: [UInt8](repeating: 0, count: 15), padding: .pkcs5) }
        #expect(throws: AES.Failure.badDataLength(5)) { try aes.decryptCBC(ivAndCiphertext: [UInt8](repeating: 0, count: 21), padding: .pkcs5) }
        // Tolerant: the trailing part block is dropped; the IV alone gives nothing.
        #expect(try aes.decryptCBC(ivAndCiphertext: [UInt8](repeating: 0, count: 16), padding: .pkcs5Tolerant) == [])
        #expect(try aes.decryptCBC(ivAndCiphertext: [UInt8](repeating: 0, count: 37), padding: .pkcs5Tolerant).count == 16)
    }
}
