/// A zip archive read from its bytes (PKWARE APPNOTE 6.3): the central directory at once, each
/// entry's data only when asked for.
///
/// Built for archives from anywhere: every offset and size is checked against the bytes, and
/// an archive that looks crafted is refused rather than read: entry names that climb out of
/// the archive, entries whose bytes overlap, sizes that lie, more entries than ``Limits``
/// allow, or declared sizes past its caps. Stored (0) and deflated (8) entries are read, each
/// checked against its CRC-32; zip64, split and encrypted archives are errors.
public struct ZipArchive: Sendable {
    /// What one archive may hold.
    public struct Limits: Sendable, Equatable {
        /// The most entries (directories included).
        public var maxEntries: Int
        /// The most bytes one entry may inflate to.
        public var maxEntryBytes: Int
        /// The most bytes all entries together may inflate to.
        public var maxTotalBytes: Int
        /// The most inflated bytes per compressed byte, past a first 1 MiB any entry may give.
        public var maxRatio: Int

        /// Creates limits.
        public init(maxEntries: Int, maxEntryBytes: Int, maxTotalBytes: Int, maxRatio: Int) {
            self.maxEntries = maxEntries
            self.maxEntryBytes = maxEntryBytes
            self.maxTotalBytes = maxTotalBytes
            self.maxRatio = maxRatio
        }

        /// 10,000 entries, 64 MiB an entry, 256 MiB in all, a ratio of 200 (``Inflate/Limits/standard``'s).
        public static let standard = Limits(maxEntries: 10_000, maxEntryBytes: 64 << 20, maxTotalBytes: 256 << 20,
                                            maxRatio: Inflate.Limits.standard.maxRatio)
    }

    /// The entries, in the central directory's order.
    public let entries: [ZipEntry]
    /// The limits the archive was read with, applied again to each entry's inflation.
    public let limits: Limits
    let bytes: [UInt8]
    let indexByName: [String: Int]

    /// Reads the central directory of the archive `bytes`, checking every entry's name, sizes
    /// and place; no entry is inflated until ``data(of:)-(String)`` asks for it.
    public init(_ bytes: [UInt8], limits: Limits = .standard) throws(ZipError) {
        let end = try Self.endRecord(in: bytes, limits: limits)
        var entries: [ZipEntry] = []
        entries.reserveCapacity(end.entryCount)
        var indexByName: [String: Int] = [:]
        var offset = end.directoryOffset
        var totalBytes = 0
        for _ in 0..<end.entryCount {
            let entry = try Self.centralEntry(in: bytes, at: &offset, directoryEnd: end.directoryEnd, limits: limits)
            guard indexByName[entry.name] == nil else { throw .duplicateName(entry.name) }
            totalBytes += entry.uncompressedSize
            if totalBytes > limits.maxTotalBytes {
                throw .tooLarge(entry: entry.name, declaredBytes: totalBytes, limitBytes: limits.maxTotalBytes)
            }
            indexByName[entry.name] = entries.count
            entries.append(entry)
        }
        try Self.checkNoOverlap(entries, directoryStart: end.directoryOffset)
        self.bytes = bytes
        self.entries = entries
        self.limits = limits
        self.indexByName = indexByName
    }

    /// The entry named `name` (exactly, case and all), if the archive has one.
    public func entry(named name: String) -> ZipEntry? {
        indexByName[name].map { entries[$0] }
    }
}

extension ZipArchive {
    /// Where the central directory is, from the end of central directory record.
    struct EndRecord {
        var entryCount: Int
        var directoryOffset: Int
        var directoryEnd: Int
    }

    static let endSignature: UInt32 = 0x0605_4B50
    static let zip64LocatorSignature: UInt32 = 0x0706_4B50
    static let centralSignature: UInt32 = 0x0201_4B50
    static let localSignature: UInt32 = 0x0403_4B50
    /// The end record's fixed part, before its comment.
    static let endRecordBytes = 22
    /// The longest comment the end record's 16-bit length allows.
    static let maxCommentBytes = 0xFFFF

    /// Finds the end of central directory record, searching backwards past a comment: first a
    /// record whose comment ends exactly at the end of the bytes (so a signature inside the
    /// comment is not taken for it), then one followed by trailing bytes.
    static func endRecord(in bytes: [UInt8], limits: Limits) throws(ZipError) -> EndRecord {
        guard bytes.count >= endRecordBytes else { throw .notZip }
        let lowest = max(0, bytes.count - endRecordBytes - maxCommentBytes)
        for exact in [true, false] {
            var at = bytes.count - endRecordBytes
            while at >= lowest {
                if bytes.uint32LE(at: at) == endSignature, let comment = bytes.uint16LE(at: at + 20) {
                    let end = at + endRecordBytes + Int(comment)
                    if exact ? end == bytes.count : end <= bytes.count { return try endRecord(in: bytes, at: at, limits: limits) }
                }
                at -= 1
            }
        }
        throw .notZip
    }

    private static func endRecord(in bytes: [UInt8], at: Int, limits: Limits) throws(ZipError) -> EndRecord {
        guard let disk = bytes.uint16LE(at: at + 4), let directoryDisk = bytes.uint16LE(at: at + 6),
              let diskEntries = bytes.uint16LE(at: at + 8), let totalEntries = bytes.uint16LE(at: at + 10),
              let size = bytes.uint32LE(at: at + 12), let offset = bytes.uint32LE(at: at + 16)
        else { throw .truncated(what: "the end of central directory record") }
        if totalEntries == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF
            || (at >= 20 && bytes.uint32LE(at: at - 20) == zip64LocatorSignature) {
            throw .zip64
        }
        guard disk == 0, directoryDisk == 0, diskEntries == totalEntries else { throw .multiDisk }
        let count = Int(totalEntries)
        guard count <= limits.maxEntries else { throw .tooManyEntries(count: count, limit: limits.maxEntries) }
        let directoryEnd = Int(offset) + Int(size)
        guard directoryEnd <= at else { throw .truncated(what: "the central directory lies past the end of the archive") }
        return EndRecord(entryCount: count, directoryOffset: Int(offset), directoryEnd: directoryEnd)
    }
}
