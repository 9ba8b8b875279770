#if arch(x86_64)
import _Builtin_intrinsics.intel
import _Builtin_intrinsics.intel.cpuid
#endif

/// SHA-256's compression function on the CPU's SHA extensions (x86-64 SHA-NI), about eight
/// times the speed of the portable Swift rounds in `LedgerFormats`.
///
/// This target is compiled with `-msha -mssse3 -msse4.1` so that the intrinsics below compile;
/// nothing in it may run unless ``isAvailable`` says the CPU has them. `LedgerFormats`'s
/// `SHA256` checks that once and falls back to its own rounds otherwise.
public enum SHA256Hardware {
    /// Whether this CPU has SHA-NI, SSSE3 and SSE4.1 (CPUID leaves 7 and 1).
    public static let isAvailable: Bool = {
        #if arch(x86_64)
        var eax: UInt32 = 0, ebx: UInt32 = 0, ecx: UInt32 = 0, edx: UInt32 = 0
        guard __get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx) == 1 else { return false }
        let sha = ebx & (1 << 29) != 0
        guard __get_cpuid(1, &eax, &ebx, &ecx, &edx) == 1 else { return false }
        let ssse3 = ecx & (1 << 9) != 0
        let sse41 = ecx & (1 << 19) != 0
        return sha && ssse3 && sse41
        #else
        return false
        #endif
    }()

    /// Runs the compression function over `blockCount` 64-byte blocks at `blocks`, updating the
    /// eight hash words H0…H7 at `state`. Traps unless ``isAvailable``.
    public static func compress(_ state: UnsafeMutablePointer<UInt32>, _ blocks: UnsafeRawPointer, blockCount: Int) {
        precondition(isAvailable, "SHA256Hardware.compress called on a CPU without SHA-NI")
        #if arch(x86_64)
        compressNI(state, blocks, blockCount: blockCount)
        #endif
    }
}

#if arch(x86_64)
/// The round constants K0…K63 (FIPS 180-4, 4.2.2), four to a vector.
private let roundConstants: [UInt32] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]

/// The four 32-bit lanes of a vector, lane 0 first.
@inline(__always) private func lanes(_ vector: __m128i) -> SIMD4<UInt32> { unsafeBitCast(vector, to: SIMD4<UInt32>.self) }
@inline(__always) private func vector(_ lanes: SIMD4<UInt32>) -> __m128i { unsafeBitCast(lanes, to: __m128i.self) }

/// Lanes 1…3 of `low` then lane 0 of `high`: `_mm_alignr_epi8(high, low, 4)`, a macro Swift
/// cannot import.
@inline(__always) private func carried(_ high: __m128i, _ low: __m128i) -> __m128i {
    let h = lanes(high), l = lanes(low)
    return vector(SIMD4(l[1], l[2], l[3], h[0]))
}

/// Intel's SHA-NI sequence: state kept as ABEF and CDGH, four rounds per step; the schedule
/// for step i + 1 is finished (msg2) and for step i + 3 begun (msg1) after the rounds of step i.
/// Written out step by step, with the four message vectors in named registers: a loop over
/// the steps compiled to a jump table per step and ran at half the speed.
private func compressNI(_ state: UnsafeMutablePointer<UInt32>, _ blocks: UnsafeRawPointer, blockCount: Int) {
    let byteSwap = _mm_set_epi64x(0x0c0d_0e0f_0809_0a0b, 0x0405_0607_0001_0203)
    // Lanes from 0 up: F E B A and H G D C, the order the instructions take.
    var state0 = vector(SIMD4(state[5], state[4], state[1], state[0]))
    var state1 = vector(SIMD4(state[7], state[6], state[3], state[2]))
    roundConstants.withUnsafeBytes { constants in
        let k = constants.baseAddress!
        @inline(__always) func rounds(_ words: __m128i, _ step: Int) {
            let message = _mm_add_epi32(words, _mm_loadu_si128((k + 16 * step).assumingMemoryBound(to: __m128i.self)))
            state1 = _mm_sha256rnds2_epu32(state1, state0, message)
            state0 = _mm_sha256rnds2_epu32(state0, state1, _mm_unpackhi_epi64(message, message))
        }
        /// The next schedule vector from the one before it (`next`), the current and the previous.
        @inline(__always) func finish(_ next: __m128i, _ current: __m128i, _ previous: __m128i) -> __m128i {
            _mm_sha256msg2_epu32(_mm_add_epi32(next, carried(current, previous)), current)
        }
        var block = blocks
        for _ in 0..<blockCount {
            let savedState0 = state0, savedState1 = state1
            @inline(__always) func load(_ index: Int) -> __m128i {
                _mm_shuffle_epi8(_mm_loadu_si128((block + 16 * index).assumingMemoryBound(to: __m128i.self)), byteSwap)
            }
            var w0 = load(0), w1 = load(1), w2 = load(2), w3 = load(3)
            rounds(w0, 0)
            rounds(w1, 1); w0 = _mm_sha256msg1_epu32(w0, w1)
            rounds(w2, 2); w1 = _mm_sha256msg1_epu32(w1, w2)
            rounds(w3, 3); w0 = finish(w0, w3, w2); w2 = _mm_sha256msg1_epu32(w2, w3)
            rounds(w0, 4); w1 = finish(w1, w0, w3); w3 = _mm_sha256msg1_epu32(w3, w0)
            rounds(w1, 5); w2 = finish(w2, w1, w0); w0 = _mm_sha256msg1_epu32(w0, w1)
            rounds(w2, 6); w3 = finish(w3, w2, w1); w1 = _mm_sha256msg1_epu32(w1, w2)
            rounds(w3, 7); w0 = finish(w0, w3, w2); w2 = _mm_sha256msg1_epu32(w2, w3)
            rounds(w0, 8); w1 = finish(w1, w0, w3); w3 = _mm_sha256msg1_epu32(w3, w0)
            rounds(w1, 9); w2 = finish(w2, w1, w0); w0 = _mm_sha256msg1_epu32(w0, w1)
            rounds(w2, 10); w3 = finish(w3, w2, w1); w1 = _mm_sha256msg1_epu32(w1, w2)
            rounds(w3, 11); w0 = finish(w0, w3, w2); w2 = _mm_sha256msg1_epu32(w2, w3)
            rounds(w0, 12); w1 = finish(w1, w0, w3); w3 = _mm_sha256msg1_epu32(w3, w0)
            rounds(w1, 13); w2 = finish(w2, w1, w0)
            rounds(w2, 14); w3 = finish(w3, w2, w1)
            rounds(w3, 15)
            state0 = _mm_add_epi32(state0, savedState0)
            state1 = _mm_add_epi32(state1, savedState1)
            block += 64
        }
    }
    let abef = lanes(state0), cdgh = lanes(state1)
    (state[0], state[1], state[4], state[5]) = (abef[3], abef[2], abef[1], abef[0])
    (state[2], state[3], state[6], state[7]) = (cdgh[3], cdgh[2], cdgh[1], cdgh[0])
}
#endif
