/// The ASCII and run-length filters: ASCIIHexDecode, ASCII85Decode, RunLengthDecode.
public enum PDFASCIIDecoders {
    /// ASCIIHexDecode: pairs of hex digits up to `>`; whitespace skipped; an odd last digit is followed by 0.
    public static func hex(_ data: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(data.count / 2)
        var high: UInt8?
        for byte in data {
            if byte == 0x3E { break }
            guard let value = PDFCharacter.hexValue(byte) else { continue }
            if let first = high {
                output.append(first << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        if let first = high { output.append(first << 4) }
        return output
    }

    /// ASCII85Decode: groups of five characters `!`–`u` to four bytes, `z` for four zeros, `~>` ends.
    public static func base85(_ data: [UInt8]) throws(PDFError) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(data.count * 4 / 5 + 4)
        var group: [UInt32] = []
        var index = data.starts(with: Array("<~".utf8)) ? 2 : 0
        while index < data.count {
            let byte = data[index]
            index += 1
            if byte == 0x7E { break }
            if PDFCharacter.isWhitespace(byte) { continue }
            if byte == 0x7A && group.isEmpty {
                output.append(contentsOf: [0, 0, 0, 0])
                continue
            }
            guard (0x21...0x75).contains(byte) else { throw .damaged("an ASCII85 stream holds the byte \(byte)") }
            group.append(UInt32(byte - 0x21))
            if group.count == 5 {
                output.append(contentsOf: bytes(of: group, count: 4))
                group.removeAll(keepingCapacity: true)
            }
        }
        if group.count > 1 {
            let count = group.count - 1
            while group.count < 5 { group.append(84) }
            output.append(contentsOf: bytes(of: group, count: count))
        }
        return output
    }

    /// The first `count` bytes of the 32-bit value five base-85 digits spell (wrapping, as a damaged group may).
    private static func bytes(of group: [UInt32], count: Int) -> [UInt8] {
        var value: UInt32 = 0
        for digit in group { value = value &* 85 &+ digit }
        return (0..<count).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) }
    }

    /// RunLengthDecode: a length byte 0–127 copies the next n+1 bytes, 129–255 repeats the next byte 257−n times, 128 ends.
    public static func runLength(_ data: [UInt8], maxOutputBytes: Int) -> [UInt8] {
        var output: [UInt8] = []
        var index = 0
        while index < data.count && output.count <= maxOutputBytes {
            let length = Int(data[index])
            index += 1
            if length == 128 { break }
            if length < 128 {
                let stop = min(index + length + 1, data.count)
                output.append(contentsOf: data[index..<stop])
                index = stop
            } else if index < data.count {
                output.append(contentsOf: repeatElement(data[index], count: 257 - length))
                index += 1
            }
        }
        return output
    }
}
