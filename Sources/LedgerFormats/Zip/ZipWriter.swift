import CZlib

/// Writes a zip archive of stored (uncompressed) entries, as an Office Open XML package needs:
/// local headers, the entries' bytes, the central directory and its end record (PKWARE
/// APPNOTE 6.3, no zip64, no data descriptors).
///
/// Deterministic: every entry carries the same fixed modification time (1980-01-01 00:00, the
/// format's first instant), so the same entries give the same bytes. CRC-32 is zlib's.
public struct ZipWriter {
    /// The largest archive this writer makes: without zip64, offsets and sizes are 32-bit.
    public static let maxArchiveBytes = Int(UInt32.max)

    /// Why an archive could not be made.
    public enum Failure: Error, Equatable, Sendable {
        /// The entries would make an archive larger than ``maxArchiveBytes``.
        case tooLarge(bytes: Int)
        /// Two entries have the same name.
        case duplicateName(String)
        /// More entries than the end record can count (65,535).
        case tooManyEntries
    }

    private struct CentralEntry {
        var name: [UInt8]
        var crc: UInt32
        var size: UInt32
        var offset: UInt32
    }

    private var bytes: [UInt8] = []
    private var entries: [CentralEntry] = []

    /// An empty archive.
    public init() {}

    /// Adds an entry named `name` (a path with `/`, UTF-8) holding `content`, stored.
    public mutating func add(_ name: String, _ content: [UInt8]) throws(Failure) {
        let nameBytes = Array(name.utf8)
        precondition(!nameBytes.isEmpty && nameBytes.count <= Int(UInt16.max), "a zip entry's name is 1…65535 bytes")
        guard !entries.contains(where: { $0.name == nameBytes }) else { throw .duplicateName(name) }
        guard entries.count < Int(UInt16.max) else { throw .tooManyEntries }
        let projected = bytes.count + 30 + nameBytes.count + content.count + 46 + nameBytes.count + 22
        guard projected <= Self.maxArchiveBytes else { throw .tooLarge(bytes: projected) }
        let entry = CentralEntry(name: nameBytes, crc: Self.crc32(content), size: UInt32(content.count), offset: UInt32(bytes.count))
        append32(0x0403_4B50)                  // local file header signature
        append16(20)                           // version needed: 2.0
        append16(Self.utf8NamesFlag)
        append16(0)                            // method: stored
        append16(Self.dosTime)
        append16(Self.dosDate)
        append32(entry.crc)
        append32(entry.size)                   // compressed size
        append32(entry.size)                   // uncompressed size
        append16(UInt16(nameBytes.count))
        append16(0)                            // extra field length
        bytes += nameBytes
        bytes += content
        entries.append(entry)
    }

    /// The archive: the entries added so far, then the central directory.
    public func finished() -> [UInt8] {
        var archive = self
        let directoryStart = UInt32(bytes.count)
        for entry in entries { archive.appendCentral(entry) }
        let directorySize = UInt32(archive.bytes.count) - directoryStart
        archive.append32(0x0605_4B50)          // end of central directory signature
        archive.append16(0)                    // this disk
        archive.append16(0)                    // disk of the central directory
        archive.append16(UInt16(entries.count))
        archive.append16(UInt16(entries.count))
        archive.append32(directorySize)
        archive.append32(directoryStart)
        archive.append16(0)                    // comment length
        return archive.bytes
    }

    /// zlib's CRC-32 of `bytes` (the polynomial zip uses).
    public static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer -> UInt32 in
            var crc = CZlib.crc32(0, nil, 0)
            var rest = UnsafeBufferPointer(rebasing: buffer[...])
            // zlib takes a 32-bit length: feed it in pieces below that.
            while !rest.isEmpty {
                let count = min(rest.count, 1 << 30)
                crc = CZlib.crc32(crc, rest.baseAddress, uInt(count))
                rest = UnsafeBufferPointer(rebasing: rest[count...])
            }
            return UInt32(truncatingIfNeeded: crc)
        }
    }

    private mutating func appendCentral(_ entry: CentralEntry) {
        append32(0x0201_4B50)                  // central directory header signature
        append16(0x031E)                       // made by: Unix, 3.0
        append16(20)
        append16(Self.utf8NamesFlag)
        append16(0)
        append16(Self.dosTime)
        append16(Self.dosDate)
        append32(entry.crc)
        append32(entry.size)
        append32(entry.size)
        append16(UInt16(entry.name.count))
        append16(0)                            // extra field length
        append16(0)                            // comment length
        append16(0)                            // disk number start
        append16(0)                            // internal attributes
        append32(0o100644 << 16)               // external attributes: a regular file, rw-r--r--
        append32(entry.offset)
        bytes += entry.name
    }

    /// Bit 11: names are UTF-8.
    private static let utf8NamesFlag: UInt16 = 1 << 11
    /// 00:00:00.
    private static let dosTime: UInt16 = 0
    /// 1980-01-01: (year − 1980) << 9 | month << 5 | day.
    private static let dosDate: UInt16 = 1 << 5 | 1

    private mutating func append16(_ value: UInt16) {
        bytes.append(UInt8(truncatingIfNeeded: value))
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
    }

    private mutating func append32(_ value: UInt32) {
        append16(UInt16(truncatingIfNeeded: value))
        append16(UInt16(truncatingIfNeeded: value >> 16))
    }
}
