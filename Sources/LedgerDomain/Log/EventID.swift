/// A record's unique identifier: a random (version 4) UUID in lowercase, `8-4-4-4-12` hex digits.
///
/// Seqs say where a record is; ids say which record it is, so a record copied to another
/// ledger, or named in a correction, stays recognisable.
public struct EventID: Hashable, Sendable, CustomStringConvertible {
    /// The 36-character textual form.
    public let text: String

    /// Accepts the 36-character lowercase form only.
    public init?(_ text: String) {
        guard EventID.isWellFormed(Array(text.utf8)) else { return nil }
        self.text = text
    }

    /// Makes a version 4 UUID from 16 random bytes (the version and variant bits are set here).
    public init(randomBytes: [UInt8]) {
        precondition(randomBytes.count == 16, "an event id takes 16 random bytes")
        var bytes = randomBytes
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        var utf8: [UInt8] = []
        utf8.reserveCapacity(36)
        for (index, byte) in bytes.enumerated() {
            if [4, 6, 8, 10].contains(index) { utf8.append(UInt8(ascii: "-")) }
            utf8.append(hexDigits[Int(byte >> 4)])
            utf8.append(hexDigits[Int(byte & 0x0F)])
        }
        self.text = String(decoding: utf8, as: UTF8.self)
    }

    /// Draws a fresh id from a random number generator (the system's, or a seeded one in tests).
    public static func random(using generator: inout some RandomNumberGenerator) -> EventID {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        for _ in 0..<2 {
            var word = generator.next()
            for _ in 0..<8 {
                bytes.append(UInt8(truncatingIfNeeded: word))
                word >>= 8
            }
        }
        return EventID(randomBytes: bytes)
    }

    public var description: String { text }

    /// An id whose text the caller has checked with ``isWellFormed(_:)``.
    init(unchecked text: String) {
        self.text = text
    }

    static func isWellFormed(_ utf8: [UInt8]) -> Bool {
        utf8.withUnsafeBufferPointer { isWellFormed($0) }
    }

    static func isWellFormed(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard utf8.count == 36 else { return false }
        var index = 0
        while index < 36 {
            let byte = utf8[index]
            if index == 8 || index == 13 || index == 18 || index == 23 {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                guard byte &- UInt8(ascii: "0") < 10 || byte &- UInt8(ascii: "a") < 6 else { return false }
            }
            index += 1
        }
        return true
    }
}

private let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
