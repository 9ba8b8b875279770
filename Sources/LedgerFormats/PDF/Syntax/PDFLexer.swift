/// Splits PDF bytes into tokens. Tolerant, as readers must be: an unterminated string ends at the
/// end of the input, a stray byte is a one-byte keyword. It never traps and always advances.
public struct PDFLexer {
    /// The bytes being read.
    public let bytes: [UInt8]
    /// The offset of the next byte to read.
    public var position: Int
    /// The offset the lexer stops at.
    public let end: Int

    /// Longest keyword or name kept, in bytes (longer ones are cut; the lexer still skips them whole).
    static let maxWordBytes = 256

    /// Creates a lexer over `bytes[start..<end]`.
    public init(_ bytes: [UInt8], start: Int = 0, end: Int? = nil) {
        self.bytes = bytes
        let stop = min(max(end ?? bytes.count, 0), bytes.count)
        self.end = stop
        self.position = min(max(start, 0), stop)
    }

    /// Skips whitespace and comments.
    public mutating func skipWhitespace() {
        while position < end {
            let byte = bytes[position]
            if PDFCharacter.isWhitespace(byte) {
                position += 1
            } else if byte == 0x25 {
                while position < end && bytes[position] != 0x0A && bytes[position] != 0x0D { position += 1 }
            } else {
                return
            }
        }
    }

    /// The next token.
    public mutating func next() -> PDFToken {
        skipWhitespace()
        guard position < end else { return .end }
        let byte = bytes[position]
        switch byte {
        case 0x28:
            position += 1
            return .string(literalString())
        case 0x3C:
            if position + 1 < end && bytes[position + 1] == 0x3C {
                position += 2
                return .dictionaryStart
            }
            position += 1
            return .string(hexString())
        case 0x3E:
            position += (position + 1 < end && bytes[position + 1] == 0x3E) ? 2 : 1
            return .dictionaryEnd
        case 0x5B:
            position += 1
            return .arrayStart
        case 0x5D:
            position += 1
            return .arrayEnd
        case 0x7B, 0x7D:
            position += 1
            return .brace
        case 0x2F:
            position += 1
            return .name(name())
        case 0x29:
            position += 1
            return .keyword(")")
        default:
            return word()
        }
    }

    /// The token after the next, without consuming anything.
    public func peek() -> PDFToken {
        var copy = self
        return copy.next()
    }

    /// A literal string's bytes, the opening parenthesis already read.
    private mutating func literalString() -> [UInt8] {
        var result: [UInt8] = []
        var depth = 1
        while position < end {
            let byte = bytes[position]
            position += 1
            switch byte {
            case 0x28:
                depth += 1
                result.append(byte)
            case 0x29:
                depth -= 1
                if depth == 0 { return result }
                result.append(byte)
            case 0x5C:
                escape(into: &result)
            case 0x0D:
                // An unescaped end of line, whatever its form, is one LF.
                if position < end && bytes[position] == 0x0A { position += 1 }
                result.append(0x0A)
            default:
                result.append(byte)
            }
        }
        return result
    }

    /// One escape sequence after a backslash.
    private mutating func escape(into result: inout [UInt8]) {
        guard position < end else { return }
        let byte = bytes[position]
        position += 1
        switch byte {
        case 0x6E: result.append(0x0A)
        case 0x72: result.append(0x0D)
        case 0x74: result.append(0x09)
        case 0x62: result.append(0x08)
        case 0x66: result.append(0x0C)
        case 0x0D:
            if position < end && bytes[position] == 0x0A { position += 1 }
        case 0x0A:
            break
        case 0x30...0x37:
            var value = Int(byte - 0x30)
            var digits = 1
            while digits < 3, position < end, (0x30...0x37).contains(bytes[position]) {
                value = value * 8 + Int(bytes[position] - 0x30)
                position += 1
                digits += 1
            }
            result.append(UInt8(truncatingIfNeeded: value))
        default:
            // `\(`, `\)`, `\\`, and any other character stands for itself.
            result.append(byte)
        }
    }

    /// A hexadecimal string's bytes, the `<` already read. Non-hex bytes are skipped; an odd
    /// final digit is followed by 0.
    private mutating func hexString() -> [UInt8] {
        var result: [UInt8] = []
        var high: UInt8?
        while position < end {
            let byte = bytes[position]
            position += 1
            if byte == 0x3E { break }
            guard let value = PDFCharacter.hexValue(byte) else { continue }
            if let first = high {
                result.append(first << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        if let first = high { result.append(first << 4) }
        return result
    }

    /// A name's characters after the slash, `#xx` decoded, one scalar per byte.
    private mutating func name() -> String {
        var scalars = String.UnicodeScalarView()
        var kept = 0
        while position < end, PDFCharacter.isRegular(bytes[position]) {
            var byte = bytes[position]
            position += 1
            if byte == 0x23, position + 1 < end, let high = PDFCharacter.hexValue(bytes[position]),
               let low = PDFCharacter.hexValue(bytes[position + 1]) {
                byte = high << 4 | low
                position += 2
            }
            if kept < Self.maxWordBytes {
                scalars.append(Unicode.Scalar(byte))
                kept += 1
            }
        }
        return String(scalars)
    }

    /// A number or a keyword made of regular characters.
    private mutating func word() -> PDFToken {
        let start = position
        while position < end, PDFCharacter.isRegular(bytes[position]) { position += 1 }
        if position == start {
            // A delimiter the switch did not take (cannot happen) or a lone byte: consume it.
            position += 1
            return .keyword(String(Unicode.Scalar(bytes[start])))
        }
        if let number = Self.number(bytes[start..<position]) { return number }
        let kept = bytes[start..<min(position, start + Self.maxWordBytes)]
        return .keyword(String(decoding: kept, as: UTF8.self))
    }

    /// The number `text` spells (`12`, `-3`, `+.5`, `4.`), or nil if it is not one.
    static func number(_ text: ArraySlice<UInt8>) -> PDFToken? {
        guard let first = text.first, first == 0x2B || first == 0x2D || first == 0x2E || (0x30...0x39).contains(first) else {
            return nil
        }
        var negative = false
        var integer = 0
        var overflow = false
        var fraction = 0.0
        var scale = 1.0
        var seenDot = false
        var seenDigit = false
        for (index, byte) in zip(text.indices, text) {
            switch byte {
            case 0x2B, 0x2D:
                // Signs after the first character (`--5`, `5-`) are tolerated and ignored, as Acrobat does.
                if index == text.startIndex { negative = byte == 0x2D }
            case 0x2E:
                if seenDot { return seenDigit ? .real(negative ? -(Double(integer) + fraction) : Double(integer) + fraction) : nil }
                seenDot = true
            case 0x30...0x39:
                seenDigit = true
                let digit = Int(byte - 0x30)
                if seenDot {
                    scale /= 10
                    fraction += Double(digit) * scale
                } else if !overflow {
                    let (times, o1) = integer.multipliedReportingOverflow(by: 10)
                    let (sum, o2) = times.addingReportingOverflow(digit)
                    if o1 || o2 { overflow = true } else { integer = sum }
                }
            default:
                return nil
            }
        }
        guard seenDigit || seenDot else { return nil }
        if overflow {
            let value = Double(String(decoding: text.filter { $0 != 0x2B }, as: UTF8.self)) ?? Double.greatestFiniteMagnitude
            return .real(value.isFinite ? value : (negative ? -1e300 : 1e300))
        }
        if seenDot {
            let value = Double(integer) + fraction
            return .real(negative ? -value : value)
        }
        return .integer(negative ? -integer : integer)
    }
}
