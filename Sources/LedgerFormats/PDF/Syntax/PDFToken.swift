/// One lexical token of PDF syntax (ISO 32000-1 §7.2–7.3).
public enum PDFToken: Sendable, Equatable {
    /// An integer.
    case integer(Int)
    /// A real number (or an integer too large for `Int`).
    case real(Double)
    /// A literal or hexadecimal string's bytes.
    case string([UInt8])
    /// A name, without its slash.
    case name(String)
    /// A bare word: `obj`, `R`, `true`, `null`, an operator of a content stream, ….
    case keyword(String)
    /// `[`
    case arrayStart
    /// `]`
    case arrayEnd
    /// `<<`
    case dictionaryStart
    /// `>>`
    case dictionaryEnd
    /// `{` or `}` (PostScript calculator functions; skipped).
    case brace
    /// The end of the input.
    case end
}

/// The classes of bytes PDF syntax distinguishes.
enum PDFCharacter {
    /// NUL, TAB, LF, FF, CR, SPACE.
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C || byte == 0x00
    }

    /// `( ) < > [ ] { } / %`.
    static func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x28, 0x29, 0x3C, 0x3E, 0x5B, 0x5D, 0x7B, 0x7D, 0x2F, 0x25: true
        default: false
        }
    }

    /// Neither whitespace nor a delimiter.
    static func isRegular(_ byte: UInt8) -> Bool { !isWhitespace(byte) && !isDelimiter(byte) }

    /// The value of a hexadecimal digit.
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}
