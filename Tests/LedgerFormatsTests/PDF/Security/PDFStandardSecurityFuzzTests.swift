import Testing
@testable import LedgerFormats

/// Seeded random damage to real encryption dictionaries and to the data to decrypt: every
/// outcome is a key or a ``PDFSecurityError``, never a crash. The seed is in each case's name.
@Suite("PDFStandardSecurity fuzz")
struct PDFStandardSecurityFuzzTests {
    /// SplitMix64, enough for reproducible test damage.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9e37_79b9_7f4a_7c15
            var z = state
            z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
            z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
            return z ^ (z >> 31)
        }
    }

    static func damaged(_ bytes: [UInt8], _ random: inout Generator) -> [UInt8] {
        switch Int.random(in: 0..<4, using: &random) {
        case 0: return Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &random)))
        case 1: return bytes + (0..<Int.random(in: 1...40, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
        case 2:
            var copy = bytes
            if !copy.isEmpty { copy[Int.random(in: 0..<copy.count, using: &random)] ^= UInt8.random(in: 1...255, using: &random) }
            return copy
        default: return []
        }
    }

    @Test("damaged dictionaries and data give keys or errors", arguments: [
        ("rc4-40", UInt64(1), 60), ("rc4-128", 2, 60), ("aes-128", 3, 60), ("pypdf-aes-128", 4, 60), ("aes-256", 5, 4),
        ("aes-256-r5", 6, 30),
    ])
    func damage(name: String, seed: UInt64, rounds: Int) throws {
        let original = try EncryptedFixture(name).parameters()
        var random = Generator(state: seed)
        let methods: [PDFStandardSecurity.CryptMethod] = [.identity, .rc4, .aesV2, .aesV3]
        for _ in 0..<rounds {
            var parameters = original
            switch Int.random(in: 0..<9, using: &random) {
            case 0: parameters.o = Self.damaged(parameters.o, &random)
            case 1: parameters.u = Self.damaged(parameters.u, &random)
            case 2: parameters.firstID = Self.damaged(parameters.firstID, &random)
            case 3: parameters.ue = Self.damaged(parameters.ue ?? [], &random)
            case 4: parameters.lengthBits = Int.random(in: -1000...1000, using: &random)
            case 5: parameters.r = Int.random(in: -2...8, using: &random)
            case 6: parameters.v = Int.random(in: -2...8, using: &random)
            case 7: parameters.streamMethod = methods[Int.random(in: 0..<4, using: &random)]
            default: parameters.p = Int32.random(in: .min ... .max, using: &random)
            }
            do {
                let security = try PDFStandardSecurity(parameters)
                let data = (0..<Int.random(in: 0...70, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
                _ = try? security.decrypt(data, objectNumber: Int.random(in: -5...5_000_000, using: &random),
                                          generation: Int.random(in: -5...70_000, using: &random), isStream: Bool.random(using: &random))
            } catch {
                // Any PDFSecurityError is a right answer to damage; reaching here without a crash is the test.
                #expect(!error.description.isEmpty)
            }
        }
    }
}
