/// Reading one central directory record and the local header it points to.
extension ZipArchive {
    /// The central directory record's fixed part, before its name, extra field and comment.
    static let centralRecordBytes = 46
    /// The local header's fixed part, before its name and extra field.
    static let localHeaderBytes = 30

    /// Reads the central directory record at `offset` and its local header, and moves `offset`
    /// past it. Every offset and size is checked; a crafted entry is an error.
    static func centralEntry(in bytes: [UInt8], at offset: inout Int, directoryEnd: Int,
                             limits: Limits) throws(ZipError) -> ZipEntry {
        guard offset <= directoryEnd - centralRecordBytes, bytes.uint32LE(at: offset) == centralSignature,
              let flags = bytes.uint16LE(at: offset + 8), let method = bytes.uint16LE(at: offset + 10),
              let crc = bytes.uint32LE(at: offset + 16), let compressed = bytes.uint32LE(at: offset + 20),
              let uncompressed = bytes.uint32LE(at: offset + 24), let nameLength = bytes.uint16LE(at: offset + 28),
              let extraLength = bytes.uint16LE(at: offset + 30), let commentLength = bytes.uint16LE(at: offset + 32),
              let localOffset = bytes.uint32LE(at: offset + 42)
        else { throw .truncated(what: "central directory record \(offset) is cut or missing") }
        let recordEnd = offset + centralRecordBytes + Int(nameLength) + Int(extraLength) + Int(commentLength)
        guard recordEnd <= directoryEnd,
              let nameBytes = bytes.slice(at: offset + centralRecordBytes, length: Int(nameLength))
        else { throw .truncated(what: "central directory record \(offset) runs past the directory") }
        let name = String(decoding: nameBytes, as: UTF8.self)
        try checkName(name, bytes: nameBytes)
        if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || localOffset == 0xFFFF_FFFF { throw .zip64 }
        // Bit 0: encrypted; bit 6: strong encryption; method 99: AES.
        if flags & 0x0041 != 0 || method == 99 { throw .encrypted(name) }
        guard method == 0 || method == 8 else { throw .unsupportedMethod(entry: name, method: Int(method)) }
        try checkSizes(name: name, method: Int(method), compressed: Int(compressed), uncompressed: Int(uncompressed), limits: limits)
        let dataOffset = try localDataOffset(in: bytes, at: Int(localOffset), name: name, nameBytes: nameBytes, method: method)
        guard dataOffset <= bytes.count - Int(compressed) else {
            throw .truncated(what: "the data of \"\(name)\" runs past the end of the archive")
        }
        offset = recordEnd
        return ZipEntry(name: name, method: Int(method), crc32: crc, compressedSize: Int(compressed),
                        uncompressedSize: Int(uncompressed), localHeaderOffset: Int(localOffset), dataOffset: dataOffset)
    }

    /// Refuses names that would climb out of a directory the archive were extracted into.
    static func checkName(_ name: String, bytes: ArraySlice<UInt8>) throws(ZipError) {
        let components = name.split(separator: "/", omittingEmptySubsequences: false)
        let driveLetter = components.first.map { $0.count == 2 && $0.last == ":" } ?? false
        if name.isEmpty || name.hasPrefix("/") || bytes.contains(0x5C) || bytes.contains(0)
            || components.contains("..") || driveLetter {
            throw .unsafeName(name)
        }
    }

    /// Refuses an entry whose declared size passes a limit or whose ratio is a bomb's.
    static func checkSizes(name: String, method: Int, compressed: Int, uncompressed: Int, limits: Limits) throws(ZipError) {
        if uncompressed > limits.maxEntryBytes {
            throw .tooLarge(entry: name, declaredBytes: uncompressed, limitBytes: limits.maxEntryBytes)
        }
        if method == 0, compressed != uncompressed {
            throw .sizeMismatch(entry: name, declaredBytes: uncompressed, actualBytes: compressed)
        }
        let allowed = max(1 << 20, compressed.multipliedReportingOverflow(by: limits.maxRatio).partialValue)
        if uncompressed > allowed { throw .tooLarge(entry: name, declaredBytes: uncompressed, limitBytes: allowed) }
    }

    /// Checks the local header at `offset` agrees with the central directory and returns where
    /// the entry's data starts.
    static func localDataOffset(in bytes: [UInt8], at offset: Int, name: String, nameBytes: ArraySlice<UInt8>,
                                method: UInt16) throws(ZipError) -> Int {
        guard bytes.uint32LE(at: offset) == localSignature, let localMethod = bytes.uint16LE(at: offset + 8),
              let nameLength = bytes.uint16LE(at: offset + 26), let extraLength = bytes.uint16LE(at: offset + 28)
        else { throw .truncated(what: "the local header of \"\(name)\" is missing") }
        guard let localName = bytes.slice(at: offset + localHeaderBytes, length: Int(nameLength)) else {
            throw .truncated(what: "the local header of \"\(name)\" is cut")
        }
        guard localMethod == method, localName.elementsEqual(nameBytes) else { throw .inconsistentHeaders(name) }
        return offset + localHeaderBytes + Int(nameLength) + Int(extraLength)
    }

    /// Refuses entries whose bytes (local header to data end) overlap each other or the
    /// central directory: a small archive that inflates one deflated block many times over.
    static func checkNoOverlap(_ entries: [ZipEntry], directoryStart: Int) throws(ZipError) {
        let ordered = entries.sorted { $0.localHeaderOffset < $1.localHeaderOffset }
        for (index, entry) in ordered.enumerated() {
            let end = entry.dataOffset + entry.compressedSize
            if index + 1 < ordered.count, end > ordered[index + 1].localHeaderOffset {
                throw .overlapping(entry.name, ordered[index + 1].name)
            }
            if end > directoryStart { throw .overlapping(entry.name, "the central directory") }
        }
    }
}
