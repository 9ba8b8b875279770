import Foundation
import Testing
@testable import LedgerFormats

/// One of the encrypted fixtures (made by qpdf and pypdf), read with just enough test-only
/// parsing to find the encryption dictionary, the trailer's first /ID, the page's content stream
/// and the /Info title.
///
/// It leans on what those two producers write: hex strings, one page, one crypt filter, a classic
/// trailer, no object streams.
struct EncryptedFixture {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/encrypted")

    struct ObjectRef: Equatable { var number: Int; var generation: Int }
    struct Missing: Error { var what: String }

    let name: String
    let bytes: [UInt8]

    init(_ name: String) throws {
        self.name = name
        bytes = Array(try Data(contentsOf: Self.directory.appendingPathComponent(name + ".pdf")))
    }

    /// The Parameters the encryption dictionary and trailer give.
    func parameters() throws -> PDFStandardSecurity.Parameters {
        let trailer = Array(bytes[try lastIndex(of: "trailer")...])
        var dictionary = Array(bytes[try objectRange(try reference(after: "/Encrypt", in: trailer))])
        var method: PDFStandardSecurity.CryptMethod = .rc4
        if let cfStart = Self.keyIndex("/CF", in: dictionary) {
            let cfEnd = try Self.endOfDictionary(dictionary, from: cfStart + 3)
            let cf = Array(dictionary[cfStart..<cfEnd])
            method = switch try Self.value(of: "/CFM", in: cf) {
            case "/V2": .rc4
            case "/AESV2": .aesV2
            case "/AESV3": .aesV3
            default: .identity
            }
            dictionary.removeSubrange(cfStart..<cfEnd)
        }
        func int(_ key: String) throws -> Int { try #require(Int(try Self.value(of: key, in: dictionary))) }
        func hexValue(_ key: String) throws -> [UInt8]? {
            guard Self.keyIndex(key, in: dictionary) != nil else { return nil }
            return hex(String(try Self.value(of: key, in: dictionary).dropFirst().dropLast()))
        }
        let v = try int("/V")
        let filter = try Self.value(of: "/Filter", in: dictionary)
        return .init(
            filter: String(filter.dropFirst()), v: v, r: try int("/R"),
            lengthBits: (try? int("/Length")) ?? 40,
            o: try #require(try hexValue("/O")), u: try #require(try hexValue("/U")),
            oe: try hexValue("/OE"), ue: try hexValue("/UE"), perms: try hexValue("/Perms"),
            // pypdf writes /P unsigned (4294967292 for -4): the reader must take the low 32 bits.
            p: Int32(truncatingIfNeeded: try int("/P")),
            encryptMetadata: (try? Self.value(of: "/EncryptMetadata", in: dictionary)) != "false",
            stringMethod: v >= 4 ? method : .rc4, streamMethod: v >= 4 ? method : .rc4,
            firstID: hex(String(try Self.value(of: "/ID", in: trailer).dropFirst().dropLast())))
    }

    /// The page's content stream: its object and its raw (encrypted) bytes.
    func contentStream() throws -> (ref: ObjectRef, data: [UInt8]) {
        let ref = try reference(after: "/Contents", in: bytes)
        let object = try objectRange(ref)
        let length = try #require(Int(try Self.value(of: "/Length", in: Array(bytes[object]))))
        var start = try #require(Self.index(of: "stream", in: bytes, from: object.lowerBound)) + 6
        if bytes[start] == 0x0d { start += 1 }
        if bytes[start] == 0x0a { start += 1 }
        return (ref, Array(bytes[start..<(start + length)]))
    }

    /// The /Info dictionary's /Title: its object and its raw (encrypted) bytes.
    func title() throws -> (ref: ObjectRef, data: [UInt8]) {
        let trailer = Array(bytes[try lastIndex(of: "trailer")...])
        let ref = try reference(after: "/Info", in: trailer)
        let value = try Self.value(of: "/Title", in: Array(bytes[try objectRange(ref)]))
        return (ref, hex(String(value.dropFirst().dropLast())))
    }

    // MARK: Test-only parsing

    private func lastIndex(of text: String) throws -> Int {
        var found: Int?
        var at = 0
        while let next = Self.index(of: text, in: bytes, from: at) { found = next; at = next + 1 }
        guard let found else { throw Missing(what: text) }
        return found
    }

    private func reference(after key: String, in bytes: [UInt8]) throws -> ObjectRef {
        guard let at = Self.keyIndex(key, in: bytes) else { throw Missing(what: key) }
        let words = String(decoding: bytes[(at + key.count)...].prefix(40), as: UTF8.self)
            .split(whereSeparator: { $0.isWhitespace })
        return ObjectRef(number: try #require(Int(words[0])), generation: try #require(Int(words[1])))
    }

    private func objectRange(_ ref: ObjectRef) throws -> Range<Int> {
        let header = "\(ref.number) \(ref.generation) obj"
        var from = 0
        while let start = Self.index(of: header, in: bytes, from: from) {
            if start == 0 || Self.whitespace.contains(bytes[start - 1]),
               let end = Self.index(of: "endobj", in: bytes, from: start) {
                return (start + header.count)..<end
            }
            from = start + 1
        }
        throw Missing(what: header)
    }

    static let whitespace: Set<UInt8> = [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]
    static let delimiters: Set<UInt8> = Set("()<>[]{}/%".utf8).union(whitespace)

    static func index(of text: String, in bytes: [UInt8], from: Int) -> Int? {
        let pattern = Array(text.utf8)
        guard bytes.count >= pattern.count, from <= bytes.count - pattern.count else { return nil }
        return (from...(bytes.count - pattern.count)).first { bytes[$0..<($0 + pattern.count)].elementsEqual(pattern) }
    }

    /// Where the name `key` occurs as a whole name (not the start of a longer one).
    static func keyIndex(_ key: String, in bytes: [UInt8]) -> Int? {
        var from = 0
        while let at = index(of: key, in: bytes, from: from) {
            let after = at + key.utf8.count
            if after == bytes.count || delimiters.contains(bytes[after]) { return at }
            from = at + 1
        }
        return nil
    }

    /// The token after the name `key` (an array's opening bracket skipped): a name, number,
    /// keyword or <hex> string.
    static func value(of key: String, in bytes: [UInt8]) throws -> String {
        guard let at = keyIndex(key, in: bytes) else { throw Missing(what: key) }
        var cursor = at + key.utf8.count
        while cursor < bytes.count, whitespace.contains(bytes[cursor]) || bytes[cursor] == UInt8(ascii: "[") { cursor += 1 }
        var token: [UInt8] = []
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if token.first == UInt8(ascii: "<") {
                token.append(byte)
                if byte == UInt8(ascii: ">") { break }
            } else if !token.isEmpty && delimiters.contains(byte) {
                break
            } else {
                token.append(byte)
            }
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
