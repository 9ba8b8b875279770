/// The AES block cipher (FIPS-197) with 128-, 192- or 256-bit keys, and CBC mode (NIST SP 800-38A)
/// as PDF uses it: the IV is the first 16 bytes of the data and PKCS#5 padding ends the plaintext.
///
/// Decryption is what PDF reading needs; single-block and CBC encryption are here because
/// revision 6's key derivation (ISO 32000-2 Algorithm 2.B) encrypts with AES-128-CBC.
/// A byte-oriented implementation with table look-ups: not hardened against timing attacks,
/// which do not apply to reading files.
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

    /// The expanded key: 16 bytes per round key, rounds + 1 of them.
    private let roundKeys: [UInt8]
    private let roundCount: Int

    /// Expands `key` (16, 24 or 32 bytes).
    public init(key: [UInt8]) throws(Failure) {
        let wordCount = key.count / 4
        guard [16, 24, 32].contains(key.count) else { throw .badKeyLength(key.count) }
        roundCount = wordCount + 6
        var words = key
        let total = 16 * (roundCount + 1)
        words.reserveCapacity(total)
        var roundConstant: UInt8 = 1
        while words.count < total {
            let wordIndex = words.count / 4
            var temp = Array(words[(words.count - 4)...])
            if wordIndex % wordCount == 0 {
                temp = [temp[1], temp[2], temp[3], temp[0]].map { AESTables.sbox[Int($0)] }
                temp[0] ^= roundConstant
                roundConstant = AESTables.xtime(roundConstant)
            } else if wordCount > 6 && wordIndex % wordCount == 4 {
                temp = temp.map { AESTables.sbox[Int($0)] }
            }
            let back = words.count - 4 * wordCount
            for index in 0..<4 { words.append(words[back + index] ^ temp[index]) }
        }
        roundKeys = words
    }

    /// Encrypts one 16-byte block.
    public func encryptBlock(_ block: ArraySlice<UInt8>) -> [UInt8] {
        precondition(block.count == 16, "AES blocks are 16 bytes")
        var state = Array(block)
        addRoundKey(&state, round: 0)
        for round in 1...roundCount {
            for index in 0..<16 { state[index] = AESTables.sbox[Int(state[index])] }
            state = AESTables.shiftRows.map { state[$0] }
            if round != roundCount { Self.mixColumns(&state) }
            addRoundKey(&state, round: round)
        }
        return state
    }

    /// Decrypts one 16-byte block.
    public func decryptBlock(_ block: ArraySlice<UInt8>) -> [UInt8] {
        precondition(block.count == 16, "AES blocks are 16 bytes")
        var state = Array(block)
        addRoundKey(&state, round: roundCount)
        for round in stride(from: roundCount - 1, through: 0, by: -1) {
            state = AESTables.inverseShiftRows.map { AESTables.inverseSbox[Int(state[$0])] }
            addRoundKey(&state, round: round)
            if round != 0 { Self.inverseMixColumns(&state) }
        }
        return state
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
        var plain: [UInt8] = []
        plain.reserveCapacity(wholeCount)
        var previous = iv[...]
        var offset = 0
        while offset < wholeCount {
            let block = ciphertext[offset..<(offset + 16)]
            let decrypted = decryptBlock(block)
            for index in 0..<16 { plain.append(decrypted[index] ^ previous[previous.startIndex + index]) }
            previous = block
            offset += 16
        }
        return try Self.unpad(plain, padding)
    }

    /// Encrypts whole blocks of `plaintext` in CBC mode with `iv`, without padding.
    public func encryptCBC(_ plaintext: [UInt8], iv: [UInt8]) -> [UInt8] {
        precondition(iv.count == 16 && plaintext.count % 16 == 0, "unpadded CBC takes whole blocks and a one-block IV")
        var output: [UInt8] = []
        output.reserveCapacity(plaintext.count)
        var chain = iv
        var offset = 0
        while offset < plaintext.count {
            for index in 0..<16 { chain[index] ^= plaintext[offset + index] }
            chain = encryptBlock(chain[...])
            output.append(contentsOf: chain)
            offset += 16
        }
        return output
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

    private func addRoundKey(_ state: inout [UInt8], round: Int) {
        let base = round * 16
        for index in 0..<16 { state[index] ^= roundKeys[base + index] }
    }

    private static func mixColumns(_ state: inout [UInt8]) {
        for column in 0..<4 {
            let at = column * 4
            let (a0, a1, a2, a3) = (state[at], state[at + 1], state[at + 2], state[at + 3])
            let all = a0 ^ a1 ^ a2 ^ a3
            state[at] = a0 ^ all ^ AESTables.xtime(a0 ^ a1)
            state[at + 1] = a1 ^ all ^ AESTables.xtime(a1 ^ a2)
            state[at + 2] = a2 ^ all ^ AESTables.xtime(a2 ^ a3)
            state[at + 3] = a3 ^ all ^ AESTables.xtime(a3 ^ a0)
        }
    }

    private static func inverseMixColumns(_ state: inout [UInt8]) {
        let (m9, m11, m13, m14) = (AESTables.times9, AESTables.times11, AESTables.times13, AESTables.times14)
        for column in 0..<4 {
            let at = column * 4
            let (a0, a1, a2, a3) = (Int(state[at]), Int(state[at + 1]), Int(state[at + 2]), Int(state[at + 3]))
            state[at] = m14[a0] ^ m11[a1] ^ m13[a2] ^ m9[a3]
            state[at + 1] = m9[a0] ^ m14[a1] ^ m11[a2] ^ m13[a3]
            state[at + 2] = m13[a0] ^ m9[a1] ^ m14[a2] ^ m11[a3]
            state[at + 3] = m11[a0] ^ m13[a1] ^ m9[a2] ^ m14[a3]
        }
    }
}
