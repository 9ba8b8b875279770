/// The MD5 message digest (RFC 1321), for the PDF standard security handler's key derivation.
///
/// MD5 is broken as a collision-resistant hash; PDF revisions 2–4 use it only to derive keys,
/// which is why it is here. Do not use it for integrity.
public struct MD5: Sendable {
    /// The digest's size in bytes.
    public static let digestByteCount = 16

    private var state: (UInt32, UInt32, UInt32, UInt32) = (0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476)
    private var pending: [UInt8] = []
    private var totalByteCount: UInt64 = 0

    /// Creates a hasher with nothing hashed yet.
    public init() {
        pending.reserveCapacity(64)
    }

    /// The digest of `bytes`, in one call.
    public static func hash<Bytes: Sequence>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        var hasher = MD5()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// Hashes more bytes.
    public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let input = Array(bytes)
        totalByteCount &+= UInt64(input.count)
        var offset = 0
        if !pending.isEmpty {
            offset = min(64 - pending.count, input.count)
            pending.append(contentsOf: input[..<offset])
            guard pending.count == 64 else { return }
            compress(pending[...])
            pending.removeAll(keepingCapacity: true)
        }
        while input.count - offset >= 64 {
            compress(input[offset..<(offset + 64)])
            offset += 64
        }
        pending.append(contentsOf: input[offset...])
    }

    /// The 16-byte digest of everything hashed; the hasher is spent afterwards.
    public consuming func finalize() -> [UInt8] {
        let bitCount = totalByteCount &* 8
        var tail = pending
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        for shift in stride(from: 0, to: 64, by: 8) { tail.append(UInt8(truncatingIfNeeded: bitCount >> UInt64(shift))) }
        var offset = 0
        while offset < tail.count {
            compress(tail[offset..<(offset + 64)])
            offset += 64
        }
        var digest: [UInt8] = []
        digest.reserveCapacity(16)
        for word in [state.0, state.1, state.2, state.3] {
            for shift in stride(from: 0, to: 32, by: 8) { digest.append(UInt8(truncatingIfNeeded: word >> UInt32(shift))) }
        }
        return digest
    }

    // Per-round left-rotation amounts (RFC 1321 §3.4).
    private static let shifts: [UInt32] = [
        7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
        5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
        4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
        6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
    ]

    // T[i] = floor(2^32 × |sin(i + 1)|), the table of RFC 1321 §3.4.
    private static let sines: [UInt32] = [
        0xd76a_a478, 0xe8c7_b756, 0x2420_70db, 0xc1bd_ceee, 0xf57c_0faf, 0x4787_c62a, 0xa830_4613, 0xfd46_9501,
        0x6980_98d8, 0x8b44_f7af, 0xffff_5bb1, 0x895c_d7be, 0x6b90_1122, 0xfd98_7193, 0xa679_438e, 0x49b4_0821,
        0xf61e_2562, 0xc040_b340, 0x265e_5a51, 0xe9b6_c7aa, 0xd62f_105d, 0x0244_1453, 0xd8a1_e681, 0xe7d3_fbc8,
        0x21e1_cde6, 0xc337_07d6, 0xf4d5_0d87, 0x455a_14ed, 0xa9e3_e905, 0xfcef_a3f8, 0x676f_02d9, 0x8d2a_4c8a,
        0xfffa_3942, 0x8771_f681, 0x6d9d_6122, 0xfde5_380c, 0xa4be_ea44, 0x4bde_cfa9, 0xf6bb_4b60, 0xbebf_bc70,
        0x289b_7ec6, 0xeaa1_27fa, 0xd4ef_3085, 0x0488_1d05, 0xd9d4_d039, 0xe6db_99e5, 0x1fa2_7cf8, 0xc4ac_5665,
        0xf429_2244, 0x432a_ff97, 0xab94_23a7, 0xfc93_a039, 0x655b_59c3, 0x8f0c_cc92, 0xffef_f47d, 0x8584_5dd1,
        0x6fa8_7e4f, 0xfe2c_e6e0, 0xa301_4314, 0x4e08_11a1, 0xf753_7e82, 0xbd3a_f235, 0x2ad7_d2bb, 0xeb86_d391,
    ]

    private mutating func compress(_ block: ArraySlice<UInt8>) {
        precondition(block.count == 64, "MD5 compresses 64-byte blocks")
        let base = block.startIndex
        func word(_ index: Int) -> UInt32 {
            let at = base + index * 4
            return UInt32(block[at]) | UInt32(block[at + 1]) << 8 | UInt32(block[at + 2]) << 16 | UInt32(block[at + 3]) << 24
        }
        var (a, b, c, d) = state
        for round in 0..<64 {
            let mixed: UInt32
            let wordIndex: Int
            switch round {
            case 0..<16: mixed = (b & c) | (~b & d); wordIndex = round
            case 16..<32: mixed = (d & b) | (~d & c); wordIndex = (5 * round + 1) % 16
            case 32..<48: mixed = b ^ c ^ d; wordIndex = (3 * round + 5) % 16
            default: mixed = c ^ (b | ~d); wordIndex = (7 * round) % 16
            }
            let sum = a &+ mixed &+ Self.sines[round] &+ word(wordIndex)
            let shift = Self.shifts[round]
            (a, d, c) = (d, c, b)
            b = b &+ (sum << shift | sum >> (32 - shift))
        }
        state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d)
    }
}
