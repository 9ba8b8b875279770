import CZlib

/// A tiny zip writer for the tests (of LedgerFormats and LedgerDocuments, which share it from
/// this support target): stored or deflated entries, each part of the archive available on its
/// own so a test can assemble a crafted one.
public enum TestZip {
    /// One entry to write; the fields past `data` let a test lie about it.
    public struct Entry {
        public var name: String
        public var data: [UInt8]
        public var deflated = false
        public var method: UInt16?
        public var flags: UInt16 = 0
        public var crc: UInt32?
        public var declaredSize: Int?
        public var localName: String?

        public init(_ name: String, _ data: [UInt8], deflated: Bool = false) {
            self.name = name
            self.data = data
            self.deflated = deflated
        }

        public init(_ name: String, _ text: String, deflated: Bool = false) {
            self.init(name, Array(text.utf8), deflated: deflated)
        }

        public var stored: [UInt8] { deflated ? TestZip.rawDeflate(data) : data }
        public var methodNumber: UInt16 { method ?? (deflated ? 8 : 0) }
        public var checksum: UInt32 { crc ?? TestZip.crc(data) }
    }

    /// The archive of `entries`, in order, with `comment` after its end record.
    public static func archive(_ entries: [Entry], comment: [UInt8] = []) -> [UInt8] {
        var bytes: [UInt8] = []
        var directory: [UInt8] = []
        for entry in entries {
            let stored = entry.stored
            directory += central(entry, storedCount: stored.count, offset: bytes.count)
            bytes += local(entry, storedCount: stored.count) + stored
        }
        return bytes + directory + end(count: entries.count, size: directory.count, offset: bytes.count, comment: comment)
    }

    public static func local(_ entry: Entry, storedCount: Int) -> [UInt8] {
        let name = Array((entry.localName ?? entry.name).utf8)
        return le32(0x0403_4B50) + le16(20) + le16(entry.flags) + le16(entry.methodNumber) + le16(0) + le16(0)
            + le32(entry.checksum) + le32(UInt32(storedCount)) + le32(UInt32(entry.declaredSize ?? entry.data.count))
            + le16(UInt16(name.count)) + le16(0) + name
    }

    public static func central(_ entry: Entry, storedCount: Int, offset: Int) -> [UInt8] {
        let name = Array(entry.name.utf8)
        return le32(0x0201_4B50) + le16(20) + le16(20) + le16(entry.flags) + le16(entry.methodNumber) + le16(0) + le16(0)
            + le32(entry.checksum) + le32(UInt32(storedCount)) + le32(UInt32(entry.declaredSize ?? entry.data.count))
            + le16(UInt16(name.count)) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(UInt32(offset)) + name
    }

    public static func end(count: Int, size: Int, offset: Int, comment: [UInt8] = []) -> [UInt8] {
        le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(count)) + le16(UInt16(count))
            + le32(UInt32(size)) + le32(UInt32(offset)) + le16(UInt16(comment.count)) + comment
    }

    public static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    public static func le32(_ value: UInt32) -> [UInt8] { le16(UInt16(value & 0xFFFF)) + le16(UInt16(value >> 16)) }

    public static func crc(_ bytes: [UInt8]) -> UInt32 {
        UInt32(bytes.withUnsafeBufferPointer { CZlib.crc32(0, $0.baseAddress, uInt($0.count)) })
    }

    /// Raw DEFLATE (zip's method 8): zlib's stream without its 2-byte header and 4-byte trailer.
    public static func rawDeflate(_ bytes: [UInt8]) -> [UInt8] {
        var size = compressBound(uLong(bytes.count))
        var out = [UInt8](repeating: 0, count: Int(size))
        let status = compress2(&out, &size, bytes, uLong(bytes.count), 9)
        precondition(status == Z_OK)
        return Array(out[2..<(Int(size) - 4)])
    }
}
