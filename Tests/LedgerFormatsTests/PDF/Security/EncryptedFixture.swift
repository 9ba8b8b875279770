import Foundation
import Testing
@testable import LedgerFormats

/// One of qpdf's encrypted fixtures, read with just enough test-only parsing to find the
/// encryption dictionary, the trailer's /ID, the page's content stream and the /Info title.
///
/// It leans on qpdf's output: hex strings, keys sorted (so /CF comes first), one crypt filter.
struct EncryptedFixture {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/encrypted")

    struct ObjectRef: Equatable { var number: Int; var generation: Int }

    let name: String
    let bytes: [UInt8]

    init(_ name: String) throws {
        self.name = name
        bytes = Array(try Data(contentsOf: Self.directory.appendingPathComponent(name + ".pdf")))
    }

    /// The Parameters the encryption dictionary and trailer give.
    func parameters() throws -> PDFStandardSecurity.Parameters {
        let trailer = try range(after: lastIndex(of: "trailer"))
        let encrypt = try objectRange(try reference(after: "/Encrypt", in: trailer))
        var dictionary = Array(bytes[encrypt])
        var method: PDFStandardSecurity.CryptMethod = .rc4
        if let cfStart = Self.index(of: "/CF", in: dictionary, from: 0) {
            let cfEnd = try Self.endOfDictionary(dictionary, from: cfStart + 3)
            let cf = Array(dictionary[cfStart..<cfEnd])
            method = switch try Self.token(after: "/CFM", in: cf) {
            case "/V2": .rc4
            case "/AESV2": .aesV2
            case "/AESV3": .aesV3
            default: .identity
            }
            dictionary.removeSubrange(cfStart..<cfEnd)
        }
        func int(_ key: String) throws -> Int { try #require(Int(try Self.token(after: key, in: dictionary))) }
        func hexValue(_ key: String) throws -> [UInt8]? {
            guard Self.index(of: key + " ", in: dictionary, from: 0) != nil else { return nil }
            return hex(String(try Self.token(after: key, in: dictionary).dropFirst().dropLast()))
        }
        let id = try Self.token(after: "/ID [", in: Array(bytes[trailer]), skippingKey: false)
        let v = try int("/V")
        let filter = try Self.token(after: "/Filter", in: dictionary)
        return .init(
            filter: String(filter.dropFirst()), v: v, r: try int("/R"),
            lengthBits: (try? int("/Length")) ?? 40,
            o: try #require(try hexValue("/O")), u: try #require(try hexValue("/U")),
            oe: try hexValue("/OE"), ue: try hexValue("/UE"), perms: try hexValue("/Perms"),
            p: Int32(try int("/P")),
            encryptMetadata: (try? Self.token(after: "/EncryptMetadata", in: dictionary)) != "false",
            stringMethod: v >= 4 ? method : .rc4, streamMethod: v >= 4 ? method : .rc4,
            firstID: hex(String(id.dropFirst().dropLast())))
    }

    /// The page's content stream: its object and its raw (encrypted) bytes.
    func contentStream() throws -> (ref: ObjectRef, data: [UInt8]) {
        let pageAt = try #require(Self.index(of: "/Type /Page ", in: bytes, from: 0))
        let ref = try reference(after: "/Contents", in: try range(after: try #require(
            bytes[..<pageAt].indices.last { bytes[$0] == 0x0a })))
        let object = try objectRange(ref)
        let length = try #require(Int(try Self.token(after: "/Length", in: Array(bytes[object]))))
        var start = try #require(Self.index(of: "stream", in: bytes, from: object.lowerBound)) + 6
        if bytes[start] == 0x0d { start += 1 }
        if bytes[start] == 0x0a { start += 1 }
        return (ref, Array(bytes[start..<(start + length)]))
    }

    /// The /Info dictionary's /Title: its object and its raw (encrypted) bytes.
    func title() throws -> (ref: ObjectRef, data: [UInt8]) {
        let trailer = try range(after: lastIndex(of: "trailer"))
        let ref = try reference(after: "/Info", in: trailer)
        let value = try Self.token(after: "/Title", in: Array(bytes[try objectRange(ref)]))
        return (ref, hex(String(value.dropFirst().dropLast())))
    }

    // MARK: Test-only parsing

    struct Missing: Error { var what: String }

    private func lastIndex(of text: String) throws -> Int {
        var found: Int?
        var at = 0
        while let next = Self.index(of: text, in: bytes, from: at) { found = next; at = next + 1 }
        guard let found else { throw Missing(what: text) }
        return found
    }

    private func range(after start: Int) throws -> Range<Int> { start..<bytes.count }

    private func reference(after key: String, in range: Range<Int>) throws -> ObjectRef {
        let slice = Array(bytes[range])
        guard let at = Self.index(of: key + " ", in: slice, from: 0) else { throw Missing(what: key) }
        let words = String(decoding: slice[(at + key.count)...].prefix(40), as: UTF8.self).split(separator: " ")
        return ObjectRef(number: try #require(Int(words[0])), generation: try #require(Int(words[1])))
    }

    private func objectRange(_ ref: ObjectRef) throws -> Range<Int> {
        let header = "\n\(ref.number) \(ref.generation) obj"
        guard let start = Self.index(of: header, in: bytes, from: 0),
              let end = Self.index(of: "endobj", in: bytes, from: start) else { throw Missing(what: header) }
        return (start + header.count)..<end
    }

    static func index(of text: String, in bytes: [UInt8], from: Int) -> Int? {
        let pattern = Array(text.utf8)
        guard bytes.count >= pattern.count, from <= bytes.count - pattern.count else { return nil }
        return (from...(bytes.count - pattern.count)).first { bytes[$0..<($0 + pattern.count)].elementsEqual(pattern) }
    }

    /// The token after `key` and a space: a name, number, keyword or <hex> string.
    static func token(after key: String, in bytes: [UInt8], skippingKey: Bool = true) throws -> String {
        guard let at = index(of: skippingKey ? key + " " : key, in: bytes, from: 0) else { throw Missing(what: key) }
        var cursor = at + key.count + (skippingKey ? 1 : 0)
        var token: [UInt8] = []
        let delimiters: Set<UInt8> = Set(" \n\r]>".utf8)
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: ">") && token.first == UInt8(ascii: "<") { token.append(byte); break }
            if delimiters.contains(byte) && !token.isEmpty { break }
            token.append(byte)
            cursor += 1
        }
        return String(decoding: token, as: UTF8.self)
    }

    /// Where the << … >> that opens after `from` closes.
    static func endOfDictionary(_ bytes: [UInt8], from: Int) throws -> Int {
        var depth = 0
        var cursor = from
        while cursor + 1 < bytes.count {
            if bytes[cursor] == UInt8(ascii: "<") && bytes[cursor + 1] == UInt8(ascii: "<") { depth += 1; cursor += 2; continue }
            if bytes[cursor] == UInt8(ascii: ">") && bytes[cursor + 1] == UInt8(ascii: ">") {
                depth -= 1
                cursor += 2
                if depth == 0 { return cursor }
                continue
            }
            cursor += 1
        }
        throw Missing(what: "the end of /CF")
    }
}
