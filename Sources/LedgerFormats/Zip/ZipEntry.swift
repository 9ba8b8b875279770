/// One file in a zip archive, as its central directory describes it.
public struct ZipEntry: Sendable, Equatable {
    /// The entry's name, a `/`-separated path inside the archive (`word/document.xml`).
    public var name: String
    /// The compression method: 0 stored, 8 deflated.
    public var method: Int
    /// The CRC-32 of the uncompressed bytes.
    public var crc32: UInt32
    /// How many bytes the entry occupies in the archive.
    public var compressedSize: Int
    /// How many bytes the entry holds once inflated.
    public var uncompressedSize: Int
    /// Where the entry's local header starts in the archive's bytes.
    public var localHeaderOffset: Int
    /// Where the entry's (compressed) data starts, past the local header.
    public var dataOffset: Int

    /// True for a directory entry (its name ends with `/`).
    public var isDirectory: Bool { name.hasSuffix("/") }

    /// Creates an entry.
    public init(name: String, method: Int, crc32: UInt32, compressedSize: Int, uncompressedSize: Int,
                localHeaderOffset: Int, dataOffset: Int) {
        self.name = name
        self.method = method
        self.crc32 = crc32
        self.compressedSize = compressedSize
        self.uncompressedSize = uncompressedSize
        self.localHeaderOffset = localHeaderOffset
        self.dataOffset = dataOffset
    }
}
