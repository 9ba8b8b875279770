/// The XML declaration, DOCTYPE and processing instructions.
extension XMLScanner {
    /// `<?xml version="1.0" encoding="…"?>`: an encoding other than UTF-8 or UTF-16 is refused.
    mutating func declaration() throws(XMLError) {
        let start = position
        guard let end = find("?>", from: position) else { throw error(.unexpectedEnd("the XML declaration"), at: start) }
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        if let range = text.firstRange(of: "encoding") {
            let rest = text[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
            if let quote = rest.first, quote == "\"" || quote == "'" {
                let value = rest.dropFirst().prefix { $0 != quote }.lowercased()
                guard ["utf-8", "utf8", "utf-16", "utf16", "us-ascii", "ascii"].contains(value) else {
                    throw error(.invalidEncoding("the declaration names \(value), not UTF-8"), at: start)
                }
            }
        }
        position = end + 2
    }

    /// `<?target …?>`, skipped; `<?xml` anywhere but the start is an error.
    mutating func processingInstruction() throws(XMLError) {
        let start = position
        position += 2
        let target = try name()
        if target.lowercased() == "xml" {
            throw error(.malformed("an XML declaration that is not at the document's start"), at: start)
        }
        try skip(past: "?>", from: position, inside: "the processing instruction <?\(target)")
    }

    /// `<!DOCTYPE …>` before the root element: skipped, unless its internal subset declares
    /// entities, which are refused.
    mutating func doctype() throws(XMLError) {
        let start = position
        guard rootNotStarted else { throw error(.malformed("a DOCTYPE after the root element started"), at: start) }
        var index = position + 9
        var bracketDepth = 0
        var quote: UInt8?
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "[") {
                bracketDepth += 1
            } else if byte == UInt8(ascii: "]") {
                bracketDepth -= 1
            } else if byte == UInt8(ascii: "<") && matches("<!ENTITY", at: index) {
                throw error(.entityDeclaration, at: index)
            } else if byte == UInt8(ascii: ">") && bracketDepth <= 0 {
                position = index + 1
                return
            }
            index += 1
        }
        throw error(.unexpectedEnd("the DOCTYPE"), at: start)
    }
}
