/// LZW decoding as PDF uses it (ISO 32000-1 §7.4.4): codes of 9–12 bits, most significant bit
/// first, 256 clears the table, 257 ends the data; `/EarlyChange` 1 (the default) widens codes one
/// entry early.
public enum PDFLZWDecoder {
    /// The decoded bytes of `data`, at most `maxOutputBytes`.
    public static func decode(_ data: [UInt8], earlyChange: Bool, maxOutputBytes: Int) throws(PDFError) -> [UInt8] {
        var table: [[UInt8]] = (0..<256).map { [UInt8($0)] }
        table.append([])
        table.append([])
        var output: [UInt8] = []
        var width = 9
        var bitBuffer = 0
        var bitCount = 0
        var previous: [UInt8]?
        let early = earlyChange ? 1 : 0
        for byte in data {
            bitBuffer = (bitBuffer << 8 | Int(byte)) & 0xFFFFFF
            bitCount += 8
            while bitCount >= width {
                let code = (bitBuffer >> (bitCount - width)) & ((1 << width) - 1)
                bitCount -= width
                if code == 256 {
                    table.removeSubrange(258...)
                    width = 9
                    previous = nil
                    continue
                }
                if code == 257 { return output }
                let entry: [UInt8]
                if code < table.count && code != 256 && code != 257 {
                    entry = table[code]
                    if let last = previous, table.count < 4096 { table.append(last + [entry[0]]) }
                } else if code == table.count, table.count < 4096, let last = previous, let first = last.first {
                    entry = last + [first]
                    table.append(entry)
                } else {
                    throw .damaged("an LZW stream has an invalid code \(code)")
                }
                output.append(contentsOf: entry)
                guard output.count <= maxOutputBytes else {
                    throw .limitExceeded("an LZW stream expands past \(maxOutputBytes) bytes")
                }
                previous = entry
                if table.count + early >= (1 << width) && width < 12 { width += 1 }
            }
        }
        return output
    }
}
