/// Text strings of PDF: UTF-16BE with a byte order mark, UTF-8 with one (PDF 2.0), else PDFDocEncoding.
public enum PDFText {
    /// The text a PDF text string's bytes (`/ActualText`, `/Title`) stand for.
    public static func decode(_ bytes: [UInt8]) -> String {
        if bytes.starts(with: [0xFE, 0xFF]) { return utf16BigEndian(bytes.dropFirst(2)) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return String(decoding: bytes.dropFirst(3), as: UTF8.self) }
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let value = PDFEncodingTables.pdfDoc[Int(byte)]
            if value != 0, let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
        }
        return String(scalars)
    }

    /// UTF-16BE bytes as text; an odd last byte is dropped, unpaired surrogates become U+FFFD.
    static func utf16BigEndian(_ bytes: ArraySlice<UInt8>) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            units.append(UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]))
            index += 2
        }
        return utf16(units)
    }

    /// UTF-16 code units as text, unpaired surrogates replaced.
    static func utf16(_ units: [UInt16]) -> String {
        String(decoding: units, as: UTF16.self)
    }
}
