import Testing
@testable import LedgerFormats

/// The standard security handler on qpdf's and pypdf's real output: every revision opens with the empty
/// password and decrypts the page's content stream and the /Info title; a user password, another
/// handler and hostile entries are errors, never crashes.
@Suite("PDFStandardSecurity")
struct PDFStandardSecurityTests {
    static let content = Array("BT /F1 12 Tf 72 720 Td (Hello) Tj ET\n".utf8)
    static let title = Array("Weekly bulletin".utf8)

    /// Each fixture that opens with an empty password, and its revision.
    static let openable: [(String, Int)] = [
        ("rc4-40", 2), ("rc4-128", 3), ("rc4-128-v4", 4), ("aes-128", 4), ("aes-128-cleartext-metadata", 4),
        ("aes-256-r5", 5), ("aes-256", 6), ("empty-owner-256", 6),
        ("pypdf-rc4-40", 2), ("pypdf-rc4-128", 3), ("pypdf-aes-128", 4), ("pypdf-aes-256-r5", 5), ("pypdf-aes-256", 6),
    ]

    @Test("qpdf's and pypdf's files open with the empty password and decrypt the content stream and the title", arguments: openable)
    func decryptsRealFiles(name: String, revision: Int) throws {
        let fixture = try EncryptedFixture(name)
        let parameters = try fixture.parameters()
        #expect(parameters.r == revision)
        let security = try PDFStandardSecurity(parameters)
        let stream = try fixture.contentStream()
        #expect(stream.data != Self.content, "the fixture's stream is encrypted")
        let plain = try security.decrypt(stream.data, objectNumber: stream.ref.number, generation: stream.ref.generation, isStream: true)
        #expect(plain == Self.content)
        let title = try fixture.title()
        #expect(try security.decrypt(title.data, objectNumber: title.ref.number, generation: title.ref.generation, isStream: false) == Self.title)
    }

    @Test("a file with a user password needs it", arguments: ["user-password", "user-password-256", "user-password-rc4-128"])
    func needsPassword(name: String) throws {
        let parameters = try EncryptedFixture(name).parameters()
        #expect(throws: PDFSecurityError.needsPassword) { try PDFStandardSecurity(parameters) }
    }

    @Test("the key depends on every input: a changed /ID, /P, /EncryptMetadata or /U no longer opens", arguments: [
        ("rc4-40", "id"), ("rc4-128", "id"), ("aes-128", "id"), ("aes-128", "p"), ("rc4-40", "p"),
        ("aes-128-cleartext-metadata", "metadata"), ("aes-256", "u"), ("aes-256-r5", "u"),
    ])
    func keyInputs(name: String, change: String) throws {
        var parameters = try EncryptedFixture(name).parameters()
        switch change {
        case "id": parameters.firstID[0] ^= 1
        case "p": parameters.p ^= 4
        case "metadata": parameters.encryptMetadata.toggle()
        default: parameters.u[0] ^= 1
        }
        #expect(throws: PDFSecurityError.needsPassword) { try PDFStandardSecurity(parameters) }
    }

    /// A revision 2 or 3 dictionary with user password "secret" and a truly empty owner password,
    /// made here by ISO 32000-1 Algorithms 2, 3, 4 and 5 written out from the standard (qpdf cannot
    /// make one: it replaces an empty owner password by the user password, as Algorithm 3 says).
    static func emptyOwnerParameters(revision: Int) -> (PDFStandardSecurity.Parameters, fileKey: [UInt8]) {
        let pad = PDFStandardSecurity.passwordPadding
        let user = Array(("secret".utf8 + pad).prefix(32))
        let n = revision == 2 ? 5 : 16
        var ownerHash = MD5.hash(pad)  // Algorithm 3 (a)-(d), empty owner password
        if revision >= 3 { for _ in 0..<50 { ownerHash = MD5.hash(ownerHash) } }
        var o = RC4.process(user, key: Array(ownerHash.prefix(n)))
        if revision >= 3 { for i in 1...19 { o = RC4.process(o, key: ownerHash.prefix(n).map { $0 ^ UInt8(i) }) } }
        let id = hex("00112233445566778899aabbccddeeff")
        let p: Int32 = -3904
        var keyHash = MD5.hash(user + o + [0xc0, 0xf0, 0xff, 0xff] + id)  // Algorithm 2, P = -3904 little-endian
        if revision >= 3 { for _ in 0..<50 { keyHash = MD5.hash(keyHash.prefix(n)) } }
        let key = Array(keyHash.prefix(n))
        var u: [UInt8]
        if revision == 2 {
            u = RC4.process(pad, key: key)  // Algorithm 4
        } else {
            u = RC4.process(MD5.hash(pad + id), key: key)  // Algorithm 5
            for i in 1...19 { u = RC4.process(u, key: key.map { $0 ^ UInt8(i) }) }
            u += [UInt8](repeating: 0xab, count: 16)
        }
        return (.init(filter: "Standard", v: revision == 2 ? 1 : 2, r: revision, lengthBits: n * 8, o: o, u: u, oe: nil, ue: nil,
                      perms: nil, p: p, encryptMetadata: true, stringMethod: .rc4, streamMethod: .rc4, firstID: id), key)
    }

    @Test("revisions 2 and 3 open with a truly empty owner password", arguments: [2, 3])
    func emptyOwner(revision: Int) throws {
        let (parameters, key) = Self.emptyOwnerParameters(revision: revision)
        #expect(try PDFStandardSecurity(parameters).fileKey == key)
        let secret = RC4.process(Self.content, key: Array(MD5.hash(key + [9, 0, 0, 0, 0]).prefix(min(key.count + 5, 16))))
        #expect(try PDFStandardSecurity(parameters).decrypt(secret, objectNumber: 9, generation: 0, isStream: true) == Self.content)
        var wrong = parameters
        wrong.o[5] ^= 1
        #expect(throws: PDFSecurityError.needsPassword) { try PDFStandardSecurity(wrong) }
    }

    @Test("a sloppy /Length still opens: AESV2 is 128-bit whatever it says; 16 is read as bytes", arguments: [
        ("aes-128", 40), ("aes-128", 0), ("pypdf-aes-128", 256), ("rc4-128", 16), ("rc4-128-v4", 16),
    ])
    func sloppyLength(name: String, lengthBits: Int) throws {
        let fixture = try EncryptedFixture(name)
        var parameters = try fixture.parameters()
        parameters.lengthBits = lengthBits
        let stream = try fixture.contentStream()
        let security = try PDFStandardSecurity(parameters)
        #expect(try security.decrypt(stream.data, objectNumber: stream.ref.number, generation: stream.ref.generation, isStream: true) == Self.content)
    }

    @Test("the wrong object number gives other bytes, not the content")
    func objectKeyMatters() throws {
        let fixture = try EncryptedFixture("rc4-128")
        let security = try PDFStandardSecurity(try fixture.parameters())
        let stream = try fixture.contentStream()
        let wrong = try security.decrypt(stream.data, objectNumber: stream.ref.number + 1, generation: 0, isStream: true)
        #expect(wrong != Self.content)
    }

    @Test("/Filter /Adobe.PubSec is another handler")
    func otherHandler() throws {
        var parameters = try EncryptedFixture("aes-128").parameters()
        parameters.filter = "Adobe.PubSec"
        #expect(throws: PDFSecurityError.unsupportedHandler("Adobe.PubSec")) { try PDFStandardSecurity(parameters) }
    }

    @Test("identity leaves strings or streams as they are")
    func identity() throws {
        var parameters = try EncryptedFixture("aes-128").parameters()
        parameters.stringMethod = .identity
        let security = try PDFStandardSecurity(parameters)
        let text: [UInt8] = Array("(not encrypted)".utf8)
        #expect(try security.decrypt(text, objectNumber: 7, generation: 0, isStream: false) == text)
        let stream = try EncryptedFixture("aes-128").contentStream()
        #expect(try security.decrypt(stream.data, objectNumber: stream.ref.number, generation: 0, isStream: true) == Self.content)
    }

    /// A change to good parameters and the error it must give.
    static let hostile: [(String, @Sendable (inout PDFStandardSecurity.Parameters) -> Void, PDFSecurityError)] = [
        ("empty /O", { $0.o = [] }, .damaged("/O is 0 bytes, not 32")),
        ("empty /U", { $0.u = [] }, .damaged("/U is 0 bytes, not 32")),
        ("short /U", { $0.u = Array($0.u.prefix(31)) }, .damaged("/U is 31 bytes, not 32")),
        ("empty /ID", { $0.firstID = [] }, .needsPassword),
        ("one-byte /ID", { $0.firstID = [7] }, .needsPassword),
        ("huge /Length", { $0.lengthBits = Int.max }, .damaged("/Length \(Int.max) is not a key length (40 to 128 bits in steps of 8)")),
        ("negative /Length", { $0.lengthBits = -8 }, .damaged("/Length -8 is not a key length (40 to 128 bits in steps of 8)")),
        ("/R 99", { $0.r = 99 }, .unsupported("revision 99 of the standard security handler (2 to 6 are read)")),
        ("/R 0", { $0.r = 0 }, .unsupported("revision 0 of the standard security handler (2 to 6 are read)")),
        ("/V 3", { $0.v = 3 }, .unsupported("encryption algorithm /V 3 (only 1, 2, 4 and 5 are published)")),
        ("/V -1", { $0.v = -1 }, .unsupported("encryption algorithm /V -1 (only 1, 2, 4 and 5 are published)")),
        ("AESV3 under R3", { $0.streamMethod = .aesV3 }, .unsupported("AES-256 (AESV3) under revision 3")),
    ]

    @Test("hostile entries in an RC4-128 dictionary are errors", arguments: hostile)
    func hostileEntries(name: String, change: @Sendable (inout PDFStandardSecurity.Parameters) -> Void, error: PDFSecurityError) throws {
        var parameters = try EncryptedFixture("rc4-128").parameters()
        parameters.v = 4 // so that the stream method is honoured
        parameters.stringMethod = .rc4
        parameters.streamMethod = .rc4
        parameters.r = 3
        change(&parameters)
        #expect(throws: error, "\(name)") { try PDFStandardSecurity(parameters) }
    }

    static let hostile256: [(String, @Sendable (inout PDFStandardSecurity.Parameters) -> Void, PDFSecurityError)] = [
        ("no /UE", { $0.ue = nil }, .damaged("/UE is 0 bytes, not 32")),
        ("short /UE", { $0.ue = [1, 2, 3] }, .damaged("/UE is 3 bytes, not 32")),
        ("short /U", { $0.u = Array($0.u.prefix(40)) }, .damaged("/U is 40 bytes, not 48")),
        ("empty /O", { $0.o = [] }, .damaged("/O is 0 bytes, not 48")),
        ("RC4 under R6", { $0.stringMethod = .rc4 }, .unsupported("RC4 under revision 6")),
        ("AESV2 under R6", { $0.streamMethod = .aesV2 }, .unsupported("AES-128 under revision 6")),
    ]

    @Test("hostile entries in an AES-256 dictionary are errors", arguments: hostile256)
    func hostileEntries256(name: String, change: @Sendable (inout PDFStandardSecurity.Parameters) -> Void, error: PDFSecurityError) throws {
        var parameters = try EncryptedFixture("aes-256").parameters()
        change(&parameters)
        #expect(throws: error, "\(name)") { try PDFStandardSecurity(parameters) }
    }

    @Test("hostile data to decrypt is an error or tolerated, never a crash", arguments: ["aes-128", "aes-256", "rc4-40"])
    func hostileData(name: String) throws {
        let security = try PDFStandardSecurity(try EncryptedFixture(name).parameters())
        let isAES = name.hasPrefix("aes")
        #expect(try security.decrypt([], objectNumber: 1, generation: 0, isStream: true) == [])
        if isAES {
            #expect(throws: PDFSecurityError.self) { try security.decrypt([1, 2, 3], objectNumber: 1, generation: 0, isStream: false) }
            #expect(try security.decrypt([UInt8](repeating: 0, count: 16), objectNumber: 1, generation: 0, isStream: true) == [])
            #expect(try security.decrypt([UInt8](repeating: 0, count: 40), objectNumber: 1, generation: 0, isStream: true).count <= 16)
        }
        for (number, generation) in [(-1, -1), (Int.max, Int.max), (Int.min, 65_536), (0, 0)] {
            _ = try security.decrypt([UInt8](repeating: 5, count: 48), objectNumber: number, generation: generation, isStream: true)
        }
    }

    @Test("each error is one sentence for a person", arguments: [
        PDFSecurityError.unsupportedHandler("Adobe.PubSec"), .needsPassword, .unsupported("revision 99"), .damaged("/O is 0 bytes"),
    ])
    func descriptions(error: PDFSecurityError) {
        #expect(error.description.hasPrefix("the PDF"))
        #expect(!error.description.contains("\n"))
    }
}
