import LedgerDomain
import Testing
import LedgerFormats

@Suite("SHA-256")
struct SHA256Tests {
    /// A message and its digest as printed by `sha256sum`, named for the test report.
    struct KnownAnswer: Sendable, CustomTestStringConvertible {
        let name: String
        let message: [UInt8]
        let digest: String

        init(_ name: String, _ message: String, _ digest: String) {
            self.init(name, Array(message.utf8), digest)
        }

        init(_ name: String, _ message: [UInt8], _ digest: String) {
            self.name = name
            self.message = message
            self.digest = digest
        }

        var testDescription: String { name }
    }

    /// FIPS 180-4 example messages and NIST test vectors.
    static let nistVectors: [KnownAnswer] = [
        KnownAnswer("empty", "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        KnownAnswer("abc", "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        KnownAnswer("two-block 448-bit", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        KnownAnswer("896-bit",
                    "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
                    "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ]

    /// `n` times "a", digests from `sha256sum`: lengths where the padding changes shape.
    static let paddingBoundaries: [KnownAnswer] = [
        (1, "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb"),
        (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        (57, "f13b2d724659eb3bf47f2dd6af1accc87b81f09f59f2b75e5c0bed6589dfe8c6"),
        (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
        (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        (65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
        (119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
        (120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
        (127, "c57e9278af78fa3cab38667bef4ce29d783787a2f731d4e12200270f0c32320a"),
        (128, "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e"),
    ].map { count, digest in
        KnownAnswer("\(count) × a", [UInt8](repeating: UInt8(ascii: "a"), count: count), digest)
    }

    /// A 200-byte message of varied bytes, long enough to cross three block boundaries.
    static let splitMessage: [UInt8] = (0..<200).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }

    @Test("known answers", arguments: SHA256Tests.nistVectors + SHA256Tests.paddingBoundaries)
    func knownAnswer(_ vector: KnownAnswer) {
        #expect(SHA256.hash(vector.message).hex == vector.digest)
        let viaRawBuffer = vector.message.withUnsafeBytes { SHA256.hash($0) }
        #expect(viaRawBuffer.hex == vector.digest)
    }

    @Test("string overloads hash the UTF-8 bytes", arguments: SHA256Tests.nistVectors)
    func stringOverloads(_ vector: KnownAnswer) {
        let text = String(decoding: vector.message, as: UTF8.self)
        #expect(SHA256.hash(text).hex == vector.digest)
        var hasher = SHA256()
        hasher.update(text)
        #expect(hasher.finalize().hex == vector.digest)
    }

    @Test("one million times a, in one update and in uneven chunks")
    func millionA() {
        let expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hash(message).hex == expected)

        var hasher = SHA256()
        var offset = 0
        var chunkSize = 1
        while offset < message.count {
            let end = min(offset + chunkSize, message.count)
            hasher.update(message[offset..<end])
            offset = end
            chunkSize = chunkSize * 7 % 1000 + 1
        }
        #expect(hasher.finalize().hex == expected)
    }

    @Test("two updates split at any offset equal one update", arguments: 0...SHA256Tests.splitMessage.count)
    func splitAnywhere(_ split: Int) {
        let whole = SHA256.hash(Self.splitMessage)
        var hasher = SHA256()
        Self.splitMessage.withUnsafeBytes { raw in
            hasher.update(UnsafeRawBufferPointer(rebasing: raw[..<split]))
            hasher.update(UnsafeRawBufferPointer(rebasing: raw[split...]))
        }
        #expect(hasher.finalize() == whole)
    }

    @Test("every prefix hashes the same in three updates", arguments: 0...SHA256Tests.splitMessage.count)
    func prefixThreeWay(_ length: Int) {
        let prefix = Self.splitMessage[..<length]
        let whole = SHA256.hash(prefix)
        for first in stride(from: 0, through: length, by: 13) {
            let second = (first + length) / 2
            var hasher = SHA256()
            hasher.update(prefix[..<first])
            hasher.update(prefix[first..<second])
            hasher.update(prefix[second...])
            #expect(hasher.finalize() == whole, "split at \(first) and \(second)")
        }
    }

    @Test("byte-at-a-time and non-contiguous sequences match")
    func slowPaths() {
        let whole = SHA256.hash(Self.splitMessage)
        var hasher = SHA256()
        for byte in Self.splitMessage {
            hasher.update(CollectionOfOne(byte))
        }
        #expect(hasher.finalize() == whole)
        // A lazy map has no contiguous storage, so this takes the chunked copy path.
        let longer = (0..<1000).lazy.map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        #expect(SHA256.hash(longer) == SHA256.hash(Array(longer)))
        #expect(SHA256.hash(longer.prefix(200)) == whole)
    }

    @Test("empty updates change nothing")
    func emptyUpdates() {
        var hasher = SHA256()
        hasher.update(UnsafeRawBufferPointer(start: nil, count: 0))
        hasher.update([UInt8]())
        hasher.update("abc")
        hasher.update("")
        #expect(hasher.finalize() == SHA256.hash("abc"))
    }

    @Test("finalize leaves a copied hasher usable")
    func finalizeForks() {
        var hasher = SHA256()
        hasher.update("ab")
        let prefixDigest = hasher.finalize()
        hasher.update("c")
        #expect(prefixDigest == SHA256.hash("ab"))
        #expect(hasher.finalize() == SHA256.hash("abc"))
    }
}

@Suite("SHA-256 digest")
struct SHA256DigestTests {
    static let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"

    @Test("hex round trip, upper and lower case")
    func hexRoundTrip() throws {
        let digest = try #require(SHA256Digest(hex: Self.abc))
        #expect(digest == SHA256.hash("abc"))
        #expect(digest.hex == Self.abc)
        #expect(digest.description == Self.abc)
        #expect(SHA256Digest(hex: Self.abc.uppercased()) == digest)
        #expect(SHA256Digest(hex: "x\(Self.abc)y".dropFirst().dropLast()) == digest)
    }

    @Test("bytes are 32, most significant first, and round trip")
    func bytes() throws {
        let digest = SHA256.hash("abc")
        #expect(digest.bytes.count == 32)
        #expect(Array(digest.bytes.prefix(4)) == [0xba, 0x78, 0x16, 0xbf])
        #expect(digest.bytes.last == 0xad)
        #expect(SHA256Digest(bytes: digest.bytes) == digest)
        #expect(SHA256Digest(bytes: digest.bytes.dropLast()) == nil)
        #expect(SHA256Digest(bytes: digest.bytes + [0]) == nil)
    }

    @Test("invalid hex is rejected", arguments: [
        String(abc.dropLast()),
        abc + "0",
        String(abc.dropLast()) + "g",
        "z" + String(abc.dropFirst()),
        String(abc.dropLast()) + " ",
        " " + String(abc.dropFirst()),
        "",
    ])
    func invalidHex(_ text: String) {
        #expect(SHA256Digest(hex: text) == nil)
        let fromUTF8 = Array(text.utf8).withUnsafeBytes { SHA256Digest(hexUTF8: $0) }
        #expect(fromUTF8 == nil)
    }

    @Test("hexUTF8 parses raw bytes; writeHex appends them")
    func rawHex() {
        let digest = SHA256.hash("abc")
        let parsed = Array(Self.abc.utf8).withUnsafeBytes { SHA256Digest(hexUTF8: $0) }
        #expect(parsed == digest)

        var buffer = Array("prev=".utf8)
        digest.writeHex(into: &buffer)
        #expect(buffer == Array("prev=\(Self.abc)".utf8))
    }

    @Test("zero is 32 zero bytes")
    func zero() {
        #expect(SHA256Digest.zero.bytes == [UInt8](repeating: 0, count: 32))
        #expect(SHA256Digest.zero.hex == String(repeating: "0", count: 64))
        #expect(SHA256Digest(hex: String(repeating: "0", count: 64)) == .zero)
        #expect(SHA256.hash("") != .zero)
    }

    @Test("equal digests hash equally")
    func hashable() {
        let set: Set<SHA256Digest> = [SHA256.hash("abc"), SHA256.hash("abc"), .zero]
        #expect(set.count == 2)
    }
}

/// The two compression functions, the CPU's SHA extensions and the portable Swift rounds, must
/// give the same digests. On a CPU without SHA-NI only the portable one runs, and the test says so.
@Suite("SHA-256 implementations")
struct SHA256ImplementationTests {
    static var available: [SHA256.Implementation] {
        SHA256.Implementation.allCases.filter { $0 == .portable || SHA256.hardwareIsAvailable }
    }

    @Test("known answers from each implementation", arguments: SHA256ImplementationTests.available)
    func knownAnswers(_ implementation: SHA256.Implementation) {
        for vector in SHA256Tests.nistVectors + SHA256Tests.paddingBoundaries {
            var hasher = SHA256(implementation: implementation)
            hasher.update(vector.message)
            #expect(hasher.finalize().hex == vector.digest, "\(implementation): \(vector)")
        }
    }

    @Test("the preferred implementation is the hardware one where the CPU has it")
    func preferred() {
        #expect(SHA256.preferredImplementation == (SHA256.hardwareIsAvailable ? .hardware : .portable))
    }

    @Test("both agree on random messages of every length up to 600 bytes and on long ones")
    func agreement() throws {
        try #require(SHA256.hardwareIsAvailable, "this CPU has no SHA extensions: only the portable rounds run here")
        let seed: UInt64 = 0x5EED_5A56
        var random = JSONTests.SplitMix64(state: seed)
        print("SHA-256 implementations agree: SplitMix64 seed \(seed)")
        let lengths = Array(0...600) + [4096, 65_536 + 17, 1_000_003]
        for length in lengths {
            let message = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            var portable = SHA256(implementation: .portable)
            var hardware = SHA256(implementation: .hardware)
            // Uneven updates too, so multi-block calls and the pending tail both run.
            let cut = length == 0 ? 0 : Int(random.next() % UInt64(length + 1))
            portable.update(message[..<cut]); portable.update(message[cut...])
            hardware.update(message[..<cut]); hardware.update(message[cut...])
            #expect(portable.finalize() == hardware.finalize(), "length \(length), cut \(cut), seed \(seed)")
        }
    }
}

@Suite("Lowercase hex digests")
struct LowercaseHexTests {
    /// The plain reading: 64 characters, each `0`–`9` or `a`–`f`.
    static func plain(_ text: [UInt8]) -> SHA256Digest? {
        guard text.count == 64, text.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else { return nil }
        return SHA256Digest(hex: String(decoding: text, as: UTF8.self))
    }

    static func parsed(_ text: [UInt8]) -> SHA256Digest? {
        text.withUnsafeBytes { SHA256Digest(lowercaseHexUTF8: $0) }
    }

    @Test("every byte value at every position: accepted exactly when it is a lowercase hex digit")
    func everyByteAtEveryPosition() {
        let digest = SHA256.hash("ledger")
        let hex = Array(digest.hex.utf8)
        #expect(Self.parsed(hex) == digest)
        var accepted = 0
        for position in 0..<64 {
            for byte in 0...255 {
                var text = hex
                text[position] = UInt8(byte)
                let expected = Self.plain(text)
                #expect(Self.parsed(text) == expected, "byte \(byte) at \(position)")
                if expected != nil { accepted += 1 }
            }
        }
        #expect(accepted == 64 * 16)
    }

    @Test("random digests round-trip; other lengths are refused")
    func roundTrip() {
        for index in 0..<500 {
            let digest = SHA256.hash("record \(index)")
            #expect(Self.parsed(Array(digest.hex.utf8)) == digest)
        }
        #expect(Self.parsed(Array(String(repeating: "a", count: 63).utf8)) == nil)
        #expect(Self.parsed(Array(String(repeating: "a", count: 65).utf8)) == nil)
    }
}
