import LedgerSHA256Hardware

/// A SHA-256 digest: 32 bytes.
///
/// Compared and hashed by value. Written as 64 lowercase hex characters (``hex``); parsed from
/// 64 hex characters of either case (``init(hex:)``, ``init(hexUTF8:)``).
public struct SHA256Digest: Hashable, Sendable, CustomStringConvertible {
    // The 32 bytes as four big-endian words: byte 0 is the top byte of `word0`.
    private let word0: UInt64
    private let word1: UInt64
    private let word2: UInt64
    private let word3: UInt64

    /// The digest whose 32 bytes are all zero: the `prev` of the first record of a chain.
    public static let zero = SHA256Digest(word0: 0, word1: 0, word2: 0, word3: 0)

    private init(word0: UInt64, word1: UInt64, word2: UInt64, word3: UInt64) {
        self.word0 = word0
        self.word1 = word1
        self.word2 = word2
        self.word3 = word3
    }

    /// Creates a digest from the eight 32-bit words of a finished SHA-256 state.
    fileprivate init(state s: SHA256.State) {
        self.init(word0: UInt64(s.h0) << 32 | UInt64(s.h1), word1: UInt64(s.h2) << 32 | UInt64(s.h3),
                  word2: UInt64(s.h4) << 32 | UInt64(s.h5), word3: UInt64(s.h6) << 32 | UInt64(s.h7))
    }

    /// Creates a digest from exactly 32 bytes, or returns nil for any other count.
    public init?(bytes: some Sequence<UInt8>) {
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var count = 0
        let fits = withUnsafeMutableBytes(of: &words) { raw -> Bool in
            for byte in bytes {
                guard count < 32 else { return false }
                raw[count] = byte
                count += 1
            }
            return count == 32
        }
        guard fits else { return nil }
        self.init(word0: UInt64(bigEndian: words.0), word1: UInt64(bigEndian: words.1),
                  word2: UInt64(bigEndian: words.2), word3: UInt64(bigEndian: words.3))
    }

    /// Parses 64 hex characters, upper or lower case; anything else (other length, a non-hex
    /// character, surrounding spaces) is nil.
    public init?(hex text: some StringProtocol) {
        // Native strings expose their UTF-8 in place; bridged or foreign ones are copied once.
        let parsed = text.utf8.withContiguousStorageIfAvailable { utf8 in
            SHA256Digest(hexUTF8: UnsafeRawBufferPointer(utf8))
        } ?? Array(text.utf8).withUnsafeBytes { SHA256Digest(hexUTF8: $0) }
        guard let parsed else { return nil }
        self = parsed
    }

    /// Parses exactly 64 ASCII hex bytes, upper or lower case, without creating a String; any
    /// other length or byte is nil.
    public init?(hexUTF8 text: UnsafeRawBufferPointer) {
        guard text.count == 64,
              let word0 = SHA256Digest.parseWord(text, at: 0),
              let word1 = SHA256Digest.parseWord(text, at: 16),
              let word2 = SHA256Digest.parseWord(text, at: 32),
              let word3 = SHA256Digest.parseWord(text, at: 48) else { return nil }
        self.init(word0: word0, word1: word1, word2: word2, word3: word3)
    }

    /// Parses exactly 64 lowercase ASCII hex bytes, the form the log writes; anything else is nil.
    public init?(lowercaseHexUTF8 text: UnsafeRawBufferPointer) {
        guard text.count == 64,
              let word0 = SHA256Digest.parseLowercaseWord(text, at: 0),
              let word1 = SHA256Digest.parseLowercaseWord(text, at: 16),
              let word2 = SHA256Digest.parseLowercaseWord(text, at: 32),
              let word3 = SHA256Digest.parseLowercaseWord(text, at: 48) else { return nil }
        self.init(word0: word0, word1: word1, word2: word2, word3: word3)
    }

    /// The 32 bytes, most significant first (the order `sha256sum` prints them in).
    public var bytes: [UInt8] {
        [UInt8](unsafeUninitializedCapacity: 32) { buffer, initialized in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            raw.storeBytes(of: word0.bigEndian, toByteOffset: 0, as: UInt64.self)
            raw.storeBytes(of: word1.bigEndian, toByteOffset: 8, as: UInt64.self)
            raw.storeBytes(of: word2.bigEndian, toByteOffset: 16, as: UInt64.self)
            raw.storeBytes(of: word3.bigEndian, toByteOffset: 24, as: UInt64.self)
            initialized = 32
        }
    }

    /// The 64 lowercase hex characters of the digest.
    public var hex: String {
        String(unsafeUninitializedCapacity: 64) { buffer in
            writeHex(to: buffer.baseAddress!)
            return 64
        }
    }

    /// The same as ``hex``.
    public var description: String { hex }

    /// Appends the 64 lowercase hex ASCII bytes of the digest to `buffer`, which keeps its
    /// existing contents; cheaper than ``hex`` when the caller is assembling bytes anyway.
    public func writeHex(into buffer: inout [UInt8]) {
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: 64))
        buffer.withUnsafeMutableBufferPointer { writeHex(to: $0.baseAddress! + start) }
    }

    /// Calls `body` with the 64 lowercase hex ASCII bytes of the digest, on the stack.
    public func withHex<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buffer in
            writeHex(to: buffer.baseAddress!)
            return try body(UnsafeRawBufferPointer(buffer))
        }
    }

    /// Writes 64 lowercase hex bytes starting at `out`.
    private func writeHex(to out: UnsafeMutablePointer<UInt8>) {
        SHA256Digest.writeHex(word0, to: out)
        SHA256Digest.writeHex(word1, to: out + 16)
        SHA256Digest.writeHex(word2, to: out + 32)
        SHA256Digest.writeHex(word3, to: out + 48)
    }

    /// Writes the 16 lowercase hex bytes of `word`, most significant first, starting at `out`.
    @inline(__always)
    private static func writeHex(_ word: UInt64, to out: UnsafeMutablePointer<UInt8>) {
        // A StaticString's bytes live in the binary: a lookup table with no allocation or lazy init.
        let digits = ("0123456789abcdef" as StaticString).utf8Start
        for nibble in 0..<16 {
            out[nibble] = digits[Int(truncatingIfNeeded: word &>> UInt64(60 - 4 * nibble)) & 0xF]
        }
    }

    /// The 64-bit word spelled by the 16 hex bytes at `offset`, or nil if one is not hex.
    private static func parseWord(_ text: UnsafeRawBufferPointer, at offset: Int) -> UInt64? {
        var word: UInt64 = 0
        for index in offset..<offset + 16 {
            guard let nibble = hexValue(text[index]) else { return nil }
            word = word << 4 | UInt64(nibble)
        }
        return word
    }

    /// The 64-bit word spelled by the 16 lowercase hex bytes at `offset`, or nil if one is not.
    @inline(__always)
    private static func parseLowercaseWord(_ text: UnsafeRawBufferPointer, at offset: Int) -> UInt64? {
        guard let high = parseLowercaseHalf(text.loadUnaligned(fromByteOffset: offset, as: UInt64.self)),
              let low = parseLowercaseHalf(text.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)) else { return nil }
        return UInt64(high) << 32 | UInt64(low)
    }

    /// The 32-bit value of 8 lowercase hex bytes loaded as one little-endian word (the first
    /// character in the lowest byte), or nil if one is not `0`–`9` or `a`–`f`. All eight are
    /// checked and converted at once.
    @inline(__always)
    static func parseLowercaseHalf(_ loaded: UInt64) -> UInt32? {
        let word = UInt64(littleEndian: loaded)
        let ones: UInt64 = 0x0101_0101_0101_0101
        // A letter a–f is 0x61–0x66: bit 6 set. A digit is 0x30–0x39: bit 6 clear.
        let letter = (word >> 6) & ones
        let low = word & (ones &* 0x0F)
        let high = word & (ones &* 0xF0)
        // The nibble's value: 0–9 for a digit, 10–15 for a letter (no byte can carry into the next).
        let value = low &+ letter &* 9
        let highIsRight = high == (ones &* 0x30) &+ letter &* 0x30
        let atMostFifteen = (value &+ ones &* 0x70) & (ones &* 0x80) == 0
        let tenOrMoreIsLetter = ((value &+ ones &* 0x76) >> 7) & ones == letter
        guard highIsRight, atMostFifteen, tenOrMoreIsLetter else { return nil }
        // Pack the eight nibbles, first character most significant.
        let pairs = ((value & 0x000F_000F_000F_000F) << 4) | ((value & 0x0F00_0F00_0F00_0F00) >> 8)
        let quads = (pairs | (pairs >> 8)) & 0x0000_FFFF_0000_FFFF
        let packed = UInt32(truncatingIfNeeded: quads | (quads >> 16))
        return packed.byteSwapped
    }

    /// The value of one ASCII hex digit, or nil.
    private static func hexValue(_ ascii: UInt8) -> UInt8? {
        switch ascii {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): ascii &- UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): ascii &- UInt8(ascii: "a") &+ 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): ascii &- UInt8(ascii: "A") &+ 10
        default: nil
        }
    }
}

/// Incremental SHA-256 hasher (FIPS 180-4).
///
/// Feed bytes with any number of `update` calls, split anywhere, then call ``finalize()``. The
/// result depends only on the concatenation of the bytes. A value type: copying a hasher forks
/// it, which lets a caller hash a common prefix once and finish several messages from it.
public struct SHA256: Sendable {
    /// The eight working hash words H0...H7, starting at the initial hash value (FIPS 180-4, 5.3.3).
    fileprivate struct State {
        var h0: UInt32 = 0x6a09e667, h1: UInt32 = 0xbb67ae85, h2: UInt32 = 0x3c6ef372, h3: UInt32 = 0xa54ff53a
        var h4: UInt32 = 0x510e527f, h5: UInt32 = 0x9b05688c, h6: UInt32 = 0x1f83d9ab, h7: UInt32 = 0x5be0cd19
    }

    /// Which compression function a hasher runs: both give the same digests.
    public enum Implementation: Sendable, CaseIterable {
        /// The rounds written out in Swift; runs anywhere.
        case portable
        /// The CPU's SHA extensions (x86-64 SHA-NI), when ``SHA256/hardwareIsAvailable``.
        case hardware
    }

    /// Whether this CPU can run the ``Implementation/hardware`` compression.
    public static let hardwareIsAvailable = SHA256Hardware.isAvailable
    /// The fastest implementation this CPU runs, the one `init()` and the `hash` functions use.
    public static let preferredImplementation: Implementation = hardwareIsAvailable ? .hardware : .portable

    private var state = State()
    private let implementation: Implementation
    // Holds the tail of the input that does not yet fill a 64-byte block.
    private var pending: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) =
        (0, 0, 0, 0, 0, 0, 0, 0)
    private var pendingCount = 0
    private var totalByteCount: UInt64 = 0

    /// Creates a hasher that has seen no bytes, running the fastest implementation this CPU has.
    public init() {
        self.implementation = Self.preferredImplementation
    }

    /// Creates a hasher that runs `implementation`; `.hardware` traps unless ``hardwareIsAvailable``.
    public init(implementation: Implementation) {
        precondition(implementation == .portable || Self.hardwareIsAvailable, "this CPU has no SHA extensions")
        self.implementation = implementation
    }

    /// Adds the bytes in `bytes` to the message. The buffer is only read during the call.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var input = bytes.baseAddress, !bytes.isEmpty else { return }
        var remaining = bytes.count
        totalByteCount &+= UInt64(remaining)
        if pendingCount > 0 {
            let taken = min(64 - pendingCount, remaining)
            appendPending(input, count: taken)
            input += taken
            remaining -= taken
            guard pendingCount == 64 else { return }
            withUnsafeBytes(of: &pending) { state.compress($0.baseAddress!, blockCount: 1, implementation) }
            pendingCount = 0
        }
        let blockCount = remaining / 64
        if blockCount > 0 {
            state.compress(input, blockCount: blockCount, implementation)
            input += blockCount * 64
            remaining -= blockCount * 64
        }
        appendPending(input, count: remaining)
    }

    /// Adds `bytes` to the message. Contiguous collections (`[UInt8]`, `ArraySlice`, a native
    /// string's `utf8`) are hashed in place; other sequences are copied in small chunks.
    public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if done == nil {
            updateByChunks(bytes)
        }
    }

    /// Adds the UTF-8 encoding of `string` to the message (no terminator, no length prefix).
    public mutating func update(_ string: String) {
        var string = string
        string.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }

    /// Returns the digest of all bytes added so far.
    ///
    /// Consumes the hasher it is called on; because `SHA256` is copyable, a caller that still
    /// uses its variable afterwards gets an unchanged copy that can keep hashing.
    public consuming func finalize() -> SHA256Digest {
        let bitCount = totalByteCount &<< 3
        // Padding: 0x80, zeros up to 8 bytes short of a block boundary, then the bit count.
        var padding: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0)
        let zeroCount = (55 &- pendingCount) & 63
        withUnsafeMutableBytes(of: &padding) { raw in
            raw[0] = 0x80
            raw.storeBytes(of: bitCount.bigEndian, toByteOffset: 1 + zeroCount, as: UInt64.self)
            update(UnsafeRawBufferPointer(rebasing: raw[0..<(9 + zeroCount)]))
        }
        return SHA256Digest(state: state)
    }

    /// The digest of the bytes in `bytes`.
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> SHA256Digest {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The digest of `bytes`.
    public static func hash<Bytes: Sequence>(_ bytes: Bytes) -> SHA256Digest where Bytes.Element == UInt8 {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The digest of the UTF-8 encoding of `string`.
    public static func hash(_ string: String) -> SHA256Digest {
        var hasher = SHA256()
        hasher.update(string)
        return hasher.finalize()
    }

    /// Copies `count` bytes (at most what fits) after the pending bytes.
    private mutating func appendPending(_ source: UnsafeRawPointer, count: Int) {
        guard count > 0 else { return }
        let start = pendingCount
        withUnsafeMutableBytes(of: &pending) { raw in
            (raw.baseAddress! + start).copyMemory(from: source, byteCount: count)
        }
        pendingCount += count
    }

    /// The slow path of `update` for sequences without contiguous storage.
    private mutating func updateByChunks<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        withUnsafeTemporaryAllocation(byteCount: 256, alignment: 8) { chunk in
            var count = 0
            for byte in bytes {
                chunk[count] = byte
                count += 1
                if count == chunk.count {
                    update(UnsafeRawBufferPointer(chunk))
                    count = 0
                }
            }
            update(UnsafeRawBufferPointer(rebasing: chunk[0..<count]))
        }
    }
}

extension SHA256.State {
    /// Runs the compression function over `blockCount` consecutive 64-byte blocks at `blocks`.
    mutating func compress(_ blocks: UnsafeRawPointer, blockCount: Int, _ implementation: SHA256.Implementation) {
        switch implementation {
        case .portable: compressPortably(blocks, blockCount: blockCount)
        case .hardware: compressInHardware(blocks, blockCount: blockCount)
        }
    }

    private mutating func compressInHardware(_ blocks: UnsafeRawPointer, blockCount: Int) {
        var words: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (h0, h1, h2, h3, h4, h5, h6, h7)
        withUnsafeMutableBytes(of: &words) { raw in
            SHA256Hardware.compress(raw.baseAddress!.assumingMemoryBound(to: UInt32.self), blocks, blockCount: blockCount)
        }
        (h0, h1, h2, h3, h4, h5, h6, h7) = words
    }

    private mutating func compressPortably(_ blocks: UnsafeRawPointer, blockCount: Int) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
            sha256RoundConstants.withUnsafeBufferPointer { constants in
                var block = blocks
                for _ in 0..<blockCount {
                    compressBlock(block, schedule: schedule.baseAddress!, constants: constants.baseAddress!)
                    block += 64
                }
            }
        }
    }

    /// One block of the compression function; `schedule` is scratch space for 64 words.
    @inline(__always)
    private mutating func compressBlock(_ block: UnsafeRawPointer, schedule w: UnsafeMutablePointer<UInt32>,
                                        constants k: UnsafePointer<UInt32>) {
        for t in 0..<16 {
            w[t] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: t * 4, as: UInt32.self))
        }
        for t in 16..<64 {
            let s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] &>> 3)
            let s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] &>> 10)
            w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
        }
        var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
        // Eight rounds per pass with the roles of a...h rotated in the arguments, instead of
        // shuffling eight variables after every round.
        for t in stride(from: 0, to: 64, by: 8) {
            sha256Round(a, b, c, &d, e, f, g, &h, k[t] &+ w[t])
            sha256Round(h, a, b, &c, d, e, f, &g, k[t + 1] &+ w[t + 1])
            sha256Round(g, h, a, &b, c, d, e, &f, k[t + 2] &+ w[t + 2])
            sha256Round(f, g, h, &a, b, c, d, &e, k[t + 3] &+ w[t + 3])
            sha256Round(e, f, g, &h, a, b, c, &d, k[t + 4] &+ w[t + 4])
            sha256Round(d, e, f, &g, h, a, b, &c, k[t + 5] &+ w[t + 5])
            sha256Round(c, d, e, &f, g, h, a, &b, k[t + 6] &+ w[t + 6])
            sha256Round(b, c, d, &e, f, g, h, &a, k[t + 7] &+ w[t + 7])
        }
        h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d
        h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= h
    }
}

/// One SHA-256 round: adds the round's T1 into `d` and makes `h` the new `a`; the caller
/// renames the variables for the next round. `kw` is the round constant plus schedule word.
@inline(__always)
private func sha256Round(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
                         _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32) {
    let sigma1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
    let choose = g ^ (e & (f ^ g))
    let t1 = h &+ sigma1 &+ choose &+ kw
    let sigma0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
    let majority = (a & b) | (c & (a | b))
    d &+= t1
    h = t1 &+ sigma0 &+ majority
}

/// Rotates `x` right by `n` bits (0 < n < 32).
@inline(__always)
private func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 {
    (x &>> n) | (x &<< (32 &- n))
}

/// The 64 round constants K: the first 32 bits of the fractional parts of the cube roots of the
/// first 64 primes (FIPS 180-4, 4.2.2).
private let sha256RoundConstants: [UInt32] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]
