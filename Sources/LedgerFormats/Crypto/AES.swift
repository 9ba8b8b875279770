/// The AES block cipher (FIPS-197) with 128-, 192- or 256-bit keys, and CBC mode (NIST SP 800-38A)
/// as PDF uses it: the IV is the first 16 bytes of the data and PKCS#5 padding ends the plaintext.
///
/// Decryption is what PDF reading needs; single-block and CBC encryption are here because
/// revision 6's key derivation (ISO 32000-2 Algorithm 2.B) encrypts with AES-128-CBC.
/// A 32-bit T-table implementation, its tables computed from FIPS-197's definitions; not
/// hardened against cache-timing attacks, which do not apply to reading files.
public struct AES: Sendable {
    /// Why data could not be decrypted.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The key is not 16, 24 or 32 bytes.
        case badKeyLength(Int)
        /// The data is not a whole number of 16-byte blocks (or lacks its IV).
        case badDataLength(Int)
        /// The last block does not end with valid PKCS#5 padding.
        case badPadding

        /// One sentence for a person.
        public var description: String {
            switch self {
            case let .badKeyLength(count): "an AES key is 16, 24 or 32 bytes, not \(count)"
            case let .badDataLength(count): "AES-CBC data is an IV and whole 16-byte blocks, not \(count) bytes"
            case .badPadding: "the AES-decrypted data does not end with valid PKCS#5 padding"
            }
        }
    }

    /// What ends the plaintext in CBC mode.
    public enum Padding: Sendable, Equatable {
        /// No padding: the plaintext is whole blocks.
        case none
        /// PKCS#5: 1 to 16 bytes each holding the count; a wrong padding throws ``Failure/badPadding``.
        case pkcs5
        /// PKCS#5 where valid; otherwise the decrypted blocks are returned as they are (real PDFs are sloppy),
        /// and a trailing part block is ignored.
        case pkcs5Tolerant
    }

    /// The block size in bytes.
    public static let blockByteCount = 16

    /// The encryption round keys, four big-endian words per round, rounds + 1 of them.
    private let encryptionKeys: [UInt32]
    /// The equivalent inverse cipher's round keys (FIPS-197 §5.3.5): in reverse order, the inner
    /// ones passed through InvMixColumns.
    private let decryptionKeys: [UInt32]
    private let roundCount: Int

    /// Expands `key` (16, 24 or 32 bytes).
    public init(key: [UInt8]) throws(Failure) {
        let wordCount = key.count / 4
        guard [16, 24, 32].contains(key.count) else { throw .badKeyLength(key.count) }
        roundCount = wordCount + 6
        let total = 4 * (roundCount + 1)
        var words = (0..<wordCount).map { Self.word(key, at: $0 * 4) }
        words.reserveCapacity(total)
        var roundConstant: UInt8 = 1
        for index in wordCount..<total {
            var temp = words[index - 1]
            if index % wordCount == 0 {
                temp = Self.subWord(temp << 8 | temp >> 24) ^ UInt32(roundConstant) << 24
                roundConstant = AESTables.xtime(roundConstant)
            } else if wordCount > 6 && index % wordCount == 4 {
                temp = Self.subWord(temp)
            }
            words.append(words[index - wordCount] ^ temp)
        }
        encryptionKeys = words
        var inverse: [UInt32] = []
        inverse.reserveCapacity(total)
        for round in stride(from: roundCount, through: 0, by: -1) {
            for column in 0..<4 {
                let word = words[round * 4 + column]
                let inner = round != 0 && round != roundCount
                inverse.append(inner ? Self.inverseMixColumn(word) : word)
            }
        }
        decryptionKeys = inverse
    }

    /// Encrypts one 16-byte block.
    public func encryptBlock(_ block: ArraySlice<UInt8>) -> [UInt8] {
        precondition(block.count == 16, "AES blocks are 16 bytes")
        let input = Array(block)
        var state = (Self.word(input, at: 0), Self.word(input, at: 4), Self.word(input, at: 8), Self.word(input, at: 12))
        encrypt(&state)
        return Self.bytes(state)
    }

    /// Decrypts one 16-byte block.
    public func decryptBlock(_ block: ArraySlice<UInt8>) -> [UInt8] {
        precondition(block.count == 16, "AES blocks are 16 bytes")
        let input = Array(block)
        var state = (Self.word(input, at: 0), Self.word(input, at: 4), Self.word(input, at: 8), Self.word(input, at: 12))
        decrypt(&state)
        return Self.bytes(state)
    }

    /// Decrypts CBC data whose first 16 bytes are the IV, then removes `padding`.
    public func decryptCBC(ivAndCiphertext data: [UInt8], padding: Padding) throws(Failure) -> [UInt8] {
        guard data.count >= 16 else { throw .badDataLength(data.count) }
        return try decryptCBC(Array(data[16...]), iv: Array(data[..<16]), padding: padding)
    }

    /// Decrypts CBC `ciphertext` with `iv` (16 bytes), then removes `padding`.
    public func decryptCBC(_ ciphertext: [UInt8], iv: [UInt8], padding: Padding) throws(Failure) -> [UInt8] {
        precondition(iv.count == 16, "the CBC IV is one block")
        var wholeCount = ciphertext.count
        if ciphertext.count % 16 != 0 {
            guard padding == .pkcs5Tolerant else { throw .badDataLength(ciphertext.count) }
            wholeCount -= ciphertext.count % 16
        }
        var plain = [UInt8](repeating: 0, count: wholeCount)
        var previous = (Self.word(iv, at: 0), Self.word(iv, at: 4), Self.word(iv, at: 8), Self.word(iv, at: 12))
        var offset = 0
        while offset < wholeCount {
            let block = (Self.word(ciphertext, at: offset), Self.word(ciphertext, at: offset + 4),
                         Self.word(ciphertext, at: offset + 8), Self.word(ciphertext, at: offset + 12))
            var state = block
            decrypt(&state)
            Self.store(state.0 ^ previous.0, in: &plain, at: offset)
            Self.store(state.1 ^ previous.1, in: &plain, at: offset + 4)
            Self.store(state.2 ^ previous.2, in: &plain, at: offset + 8)
            Self.store(state.3 ^ previous.3, in: &plain, at: offset + 12)
            previous = block
            offset += 16
        }
        return try Self.unpad(plain, padding)
    }

    /// Encrypts whole blocks of `plaintext` in CBC mode with `iv`, without padding.
    public func encryptCBC(_ plaintext: [UInt8], iv: [UInt8]) -> [UInt8] {
        precondition(iv.count == 16 && plaintext.count % 16 == 0, "unpadded CBC takes whole blocks and a one-block IV")
        var output = [UInt8](repeating: 0, count: plaintext.count)
        var chain = (Self.word(iv, at: 0), Self.word(iv, at: 4), Self.word(iv, at: 8), Self.word(iv, at: 12))
        var offset = 0
        while offset < plaintext.count {
            chain.0 ^= Self.word(plaintext, at: offset)
            chain.1 ^= Self.word(plaintext, at: offset + 4)
            chain.2 ^= Self.word(plaintext, at: offset + 8)
            chain.3 ^= Self.word(plaintext, at: offset + 12)
            encrypt(&chain)
            Self.store(chain.0, in: &output, at: offset)
            Self.store(chain.1, in: &output, at: offset + 4)
            Self.store(chain.2, in: &output, at: offset + 8)
            Self.store(chain.3, in: &output, at: offset + 12)
            offset += 16
        }
        return output
    }

    /// The cipher (FIPS-197 §5.1) on four big-endian column words, with T-tables.
    private func encrypt(_ state: inout (UInt32, UInt32, UInt32, UInt32)) {
        let (t0, t1, t2, t3, sbox) = (AESTables.encrypt0, AESTables.encrypt1, AESTables.encrypt2, AESTables.encrypt3, AESTables.sbox)
        let keys = encryptionKeys
        var (s0, s1, s2, s3) = (state.0 ^ keys[0], state.1 ^ keys[1], state.2 ^ keys[2], state.3 ^ keys[3])
        for round in 1..<roundCount {
            let k = round * 4
            let n0 = t0[Int(s0 >> 24)] ^ t1[Int(s1 >> 16 & 0xff)] ^ t2[Int(s2 >> 8 & 0xff)] ^ t3[Int(s3 & 0xff)] ^ keys[k]
            let n1 = t0[Int(s1 >> 24)] ^ t1[Int(s2 >> 16 & 0xff)] ^ t2[Int(s3 >> 8 & 0xff)] ^ t3[Int(s0 & 0xff)] ^ keys[k + 1]
            let n2 = t0[Int(s2 >> 24)] ^ t1[Int(s3 >> 16 & 0xff)] ^ t2[Int(s0 >> 8 & 0xff)] ^ t3[Int(s1 & 0xff)] ^ keys[k + 2]
            let n3 = t0[Int(s3 >> 24)] ^ t1[Int(s0 >> 16 & 0xff)] ^ t2[Int(s1 >> 8 & 0xff)] ^ t3[Int(s2 & 0xff)] ^ keys[k + 3]
            (s0, s1, s2, s3) = (n0, n1, n2, n3)
        }
        func last(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32) -> UInt32 {
            UInt32(sbox[Int(a >> 24)]) << 24 | UInt32(sbox[Int(b >> 16 & 0xff)]) << 16
                | UInt32(sbox[Int(c >> 8 & 0xff)]) << 8 | UInt32(sbox[Int(d & 0xff)])
        }
        let k = roundCount * 4
        state = (last(s0, s1, s2, s3) ^ keys[k], last(s1, s2, s3, s0) ^ keys[k + 1],
                 last(s2, s3, s0, s1) ^ keys[k + 2], last(s3, s0, s1, s2) ^ keys[k + 3])
    }

    /// The equivalent inverse cipher (FIPS-197 §5.3.5) on four big-endian column words.
    private func decrypt(_ state: inout (UInt32, UInt32, UInt32, UInt32)) {
        let (t0, t1, t2, t3, inverseSbox) = (AESTables.decrypt0, AESTables.decrypt1, AESTables.decrypt2, AESTables.decrypt3,
                                             AESTables.inverseSbox)
        let keys = decryptionKeys
        var (s0, s1, s2, s3) = (state.0 ^ keys[0], state.1 ^ keys[1], state.2 ^ keys[2], state.3 ^ keys[3])
        for round in 1..<roundCount {
            let k = round * 4
            let n0 = t0[Int(s0 >> 24)] ^ t1[Int(s3 >> 16 & 0xff)] ^ t2[Int(s2 >> 8 & 0xff)] ^ t3[Int(s1 & 0xff)] ^ keys[k]
            let n1 = t0[Int(s1 >> 24)] ^ t1[Int(s0 >> 16 & 0xff)] ^ t2[Int(s3 >> 8 & 0xff)] ^ t3[Int(s2 & 0xff)] ^ keys[k + 1]
            let n2 = t0[Int(s2 >> 24)] ^ t1[Int(s1 >> 16 & 0xff)] ^ t2[Int(s0 >> 8 & 0xff)] ^ t3[Int(s3 & 0xff)] ^ keys[k + 2]
            let n3 = t0[Int(s3 >> 24)] ^ t1[Int(s2 >> 16 & 0xff)] ^ t2[Int(s1 >> 8 & 0xff)] ^ t3[Int(s0 & 0xff)] ^ keys[k + 3]
            (s0, s1, s2, s3) = (n0, n1, n2, n3)
        }
        func last(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32) -> UInt32 {
            UInt32(inverseSbox[Int(a >> 24)]) << 24 | UInt32(inverseSbox[Int(b >> 16 & 0xff)]) << 16
                | UInt32(inverseSbox[Int(c >> 8 & 0xff)]) << 8 | UInt32(inverseSbox[Int(d & 0xff)])
        }
        let k = roundCount * 4
        state = (last(s0, s3, s2, s1) ^ keys[k], last(s1, s0, s3, s2) ^ keys[k + 1],
                 last(s2, s1, s0, s3) ^ keys[k + 2], last(s3, s2, s1, s0) ^ keys[k + 3])
    }

    private static func word(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    }

    private static func store(_ word: UInt32, in bytes: inout [UInt8], at offset: Int) {
        bytes[offset] = UInt8(truncatingIfNeeded: word >> 24)
        bytes[offset + 1] = UInt8(truncatingIfNeeded: word >> 16)
        bytes[offset + 2] = UInt8(truncatingIfNeeded: word >> 8)
        bytes[offset + 3] = UInt8(truncatingIfNeeded: word)
    }

    private static func bytes(_ state: (UInt32, UInt32, UInt32, UInt32)) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: 16)
        store(state.0, in: &output, at: 0)
        store(state.1, in: &output, at: 4)
        store(state.2, in: &output, at: 8)
        store(state.3, in: &output, at: 12)
        return output
    }

    private static func subWord(_ word: UInt32) -> UInt32 {
        let sbox = AESTables.sbox
        return UInt32(sbox[Int(word >> 24)]) << 24 | UInt32(sbox[Int(word >> 16 & 0xff)]) << 16
            | UInt32(sbox[Int(word >> 8 & 0xff)]) << 8 | UInt32(sbox[Int(word & 0xff)])
    }

    /// InvMixColumns of one column word, through the decryption tables (which include InvSubBytes, undone first).
    private static func inverseMixColumn(_ word: UInt32) -> UInt32 {
        let sbox = AESTables.sbox
        return AESTables.decrypt0[Int(sbox[Int(word >> 24)])] ^ AESTables.decrypt1[Int(sbox[Int(word >> 16 & 0xff)])]
            ^ AESTables.decrypt2[Int(sbox[Int(word >> 8 & 0xff)])] ^ AESTables.decrypt3[Int(sbox[Int(word & 0xff)])]
    }

    private static func unpad(_ plain: [UInt8], _ padding: Padding) throws(Failure) -> [UInt8] {
        guard padding != .none else { return plain }
        if let last = plain.last, (1...16).contains(last), Int(last) <= plain.count,
           plain[(plain.count - Int(last))...].allSatisfy({ $0 == last }) {
            return Array(plain[..<(plain.count - Int(last))])
        }
        guard padding == .pkcs5Tolerant else { throw .badPadding }
        return plain
    }
}
