/// Character data and attribute values: references replaced, line ends normalised.
extension XMLScanner {
    /// The text of `slice` with `&…;` references replaced, `\r\n` and `\r` read as `\n`, and in
    /// an attribute value each whitespace character read as a space (XML 1.0 §2.11, §3.3.3).
    func decodeText(_ slice: ArraySlice<UInt8>, at offset: Int, isAttribute: Bool) throws(XMLError) -> String {
        let needsWork = slice.contains { $0 == UInt8(ascii: "&") || $0 == 0x0D || (isAttribute && ($0 == 0x09 || $0 == 0x0A)) }
        guard needsWork else { return try string(slice, at: offset) }
        var output: [UInt8] = []
        output.reserveCapacity(slice.count)
        var index = slice.startIndex
        while index < slice.endIndex {
            let byte = slice[index]
            if byte == UInt8(ascii: "&") {
                guard let semicolon = slice[index...].firstIndex(of: UInt8(ascii: ";")), semicolon - index <= 12 else {
                    throw error(.malformed("& that starts no reference (write &amp;)"), at: index)
                }
                try appendReference(slice[(index + 1)..<semicolon], at: index, to: &output)
                index = semicolon + 1
                continue
            }
            if byte == 0x0D {
                output.append(isAttribute ? 0x20 : 0x0A)
                if index + 1 < slice.endIndex && slice[index + 1] == 0x0A { index += 1 }
            } else if isAttribute && (byte == 0x09 || byte == 0x0A) {
                output.append(0x20)
            } else {
                output.append(byte)
            }
            index += 1
        }
        return try string(output[...], at: offset)
    }

    private func appendReference(_ name: ArraySlice<UInt8>, at offset: Int, to output: inout [UInt8]) throws(XMLError) {
        let text = String(decoding: name, as: UTF8.self)
        switch text {
        case "amp": output.append(UInt8(ascii: "&"))
        case "lt": output.append(UInt8(ascii: "<"))
        case "gt": output.append(UInt8(ascii: ">"))
        case "quot": output.append(UInt8(ascii: "\""))
        case "apos": output.append(UInt8(ascii: "'"))
        default:
            guard text.hasPrefix("#") else { throw error(.undefinedEntity(text), at: offset) }
            let hex = text.hasPrefix("#x")
            let digits = text.dropFirst(hex ? 2 : 1)
            guard !digits.isEmpty, digits.count <= 8, let value = UInt32(digits, radix: hex ? 16 : 10),
                  isAllowedCharacter(value), let scalar = Unicode.Scalar(value)
            else { throw error(.invalidCharacterReference(text), at: offset) }
            output.append(contentsOf: Array(String(Character(scalar)).utf8))
        }
    }

    /// XML 1.0's `Char`: tab, line feed, carriage return, and U+0020 up, less the surrogates
    /// and U+FFFE, U+FFFF.
    private func isAllowedCharacter(_ value: UInt32) -> Bool {
        switch value {
        case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
