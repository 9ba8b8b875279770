import CZlib

/// Reading one entry's bytes: inflated, size and CRC-32 checked.
extension ZipArchive {
    /// The bytes of the entry named `name`, inflated and checked against its declared size and
    /// CRC-32. Only that entry is read.
    public func data(of name: String) throws(ZipError) -> [UInt8] {
        guard let index = indexByName[name] else { throw .noSuchEntry(name) }
        return try data(of: entries[index])
    }

    /// The bytes of `entry` (one of ``entries``), inflated and checked against its declared
    /// size and CRC-32.
    public func data(of entry: ZipEntry) throws(ZipError) -> [UInt8] {
        guard let stored = bytes.slice(at: entry.dataOffset, length: entry.compressedSize) else {
            throw .truncated(what: "the data of \"\(entry.name)\" runs past the end of the archive")
        }
        let output: [UInt8]
        if entry.method == 0 {
            output = Array(stored)
        } else {
            output = try inflated(stored, entry: entry)
        }
        guard output.count == entry.uncompressedSize else {
            throw .sizeMismatch(entry: entry.name, declaredBytes: entry.uncompressedSize, actualBytes: output.count)
        }
        let actual = Self.crc32(output)
        guard actual == entry.crc32 else { throw .checksumMismatch(entry: entry.name, declared: entry.crc32, actual: actual) }
        return output
    }

    private func inflated(_ stored: ArraySlice<UInt8>, entry: ZipEntry) throws(ZipError) -> [UInt8] {
        // The declared size is the cap: an entry that inflates past it lies about its size,
        // and is stopped there rather than inflated to its end.
        let limits = Inflate.Limits(maxOutputBytes: entry.uncompressedSize, maxRatio: self.limits.maxRatio)
        do {
            return try Inflate.inflate(stored, wrapping: .raw, limits: limits).bytes
        } catch {
            switch error {
            case let .tooLarge(outputBytes, _) where outputBytes > entry.uncompressedSize:
                throw .sizeMismatch(entry: entry.name, declaredBytes: entry.uncompressedSize, actualBytes: outputBytes)
            case let .tooLarge(outputBytes, _):
                throw .tooLarge(entry: entry.name, declaredBytes: outputBytes, limitBytes: entry.uncompressedSize)
            case let .damaged(why):
                throw .damaged(entry: entry.name, reason: why)
            }
        }
    }

    /// The CRC-32 (ISO 3309, zip's) of `bytes`, by zlib.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: uLong = CZlib.crc32(0, nil, 0)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var done = 0
            // zlib takes a 32-bit length: feed it at most 1 GiB at a time.
            while done < buffer.count {
                let length = min(1 << 30, buffer.count - done)
                crc = CZlib.crc32(crc, base + done, uInt(length))
                done += length
            }
        }
        return UInt32(truncatingIfNeeded: crc)
    }
}
