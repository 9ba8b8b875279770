/// The document's bytes as UTF-8: UTF-8 as it is (its byte order mark dropped), UTF-16 (told
/// by its byte order mark, or by `<?` in UTF-16) transcoded; anything else refused.
enum XMLEncoding {
    static func utf8(_ bytes: [UInt8]) throws(XMLError) -> [UInt8] {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Array(bytes.dropFirst(3)) }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
            throw failure("UTF-32 is not supported")
        }
        if bytes.starts(with: [0xFE, 0xFF]) { return try fromUTF16(bytes.dropFirst(2), bigEndian: true) }
        if bytes.starts(with: [0xFF, 0xFE]) { return try fromUTF16(bytes.dropFirst(2), bigEndian: false) }
        if bytes.starts(with: [0x00, 0x3C, 0x00, 0x3F]) { return try fromUTF16(bytes[...], bigEndian: true) }
        if bytes.starts(with: [0x3C, 0x00, 0x3F, 0x00]) { return try fromUTF16(bytes[...], bigEndian: false) }
        return bytes
    }

    private static func fromUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) throws(XMLError) -> [UInt8] {
        guard bytes.count % 2 == 0 else { throw failure("UTF-16 with an odd number of bytes") }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let first = UInt16(bytes[index]), second = UInt16(bytes[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        var output: [UInt8] = []
        output.reserveCapacity(units.count * 2)
        let failed = transcode(units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: true) { output.append($0) }
        guard !failed else { throw failure("UTF-16 with an unpaired surrogate") }
        return output
    }

    private static func failure(_ why: String) -> XMLError {
        XMLError(reason: .invalidEncoding(why), byteOffset: 0, line: 1, column: 1)
    }
}
