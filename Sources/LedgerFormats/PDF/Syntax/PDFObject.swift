/// One PDF object (ISO 32000-1 §7.3): the values a file's bodies, trailers and content streams hold.
public enum PDFObject: Sendable, Equatable {
    /// The null object (also what a reference to a missing object resolves to).
    case null
    /// `true` or `false`.
    case boolean(Bool)
    /// An integer that fits in `Int`.
    case integer(Int)
    /// A real number (also an integer too large for `Int`).
    case real(Double)
    /// A string's bytes, literal `( )` or hexadecimal `< >`, after escapes (and decryption).
    case string([UInt8])
    /// A name without its slash, `#xx` escapes decoded, each byte one scalar (U+0000–U+00FF).
    case name(String)
    /// An array.
    case array([PDFObject])
    /// A dictionary.
    case dictionary(PDFDictionary)
    /// A stream: its dictionary and its raw (still encoded) bytes.
    case stream(PDFStream)
    /// An indirect reference `n g R`.
    case reference(PDFReference)

    /// The number, integer or real.
    public var number: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .real(let value): value
        default: nil
        }
    }

    /// The integer, or a real that is a whole number within `Int`'s range.
    public var integer: Int? {
        switch self {
        case .integer(let value): value
        case .real(let value): PDFNumber.int(value)
        default: nil
        }
    }

    /// The name, when this is one.
    public var name: String? {
        if case .name(let value) = self { return value }
        return nil
    }

    /// The string's bytes, when this is one.
    public var stringBytes: [UInt8]? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The array's elements, when this is one.
    public var array: [PDFObject]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The dictionary, or a stream's dictionary.
    public var dictionary: PDFDictionary? {
        switch self {
        case .dictionary(let value): value
        case .stream(let stream): stream.dictionary
        default: nil
        }
    }

    /// The stream, when this is one.
    public var stream: PDFStream? {
        if case .stream(let value) = self { return value }
        return nil
    }

    /// The reference, when this is one.
    public var reference: PDFReference? {
        if case .reference(let value) = self { return value }
        return nil
    }
}

/// Conversions of PDF numbers that never trap on hostile values (NaN, infinities, 1e300).
public enum PDFNumber {
    /// The largest magnitude a real number may have to be converted to `Int`.
    public static let maxConvertibleMagnitude = 1e15

    /// `value` rounded towards zero as an `Int`, or nil when it is not finite or too large.
    public static func int(_ value: Double) -> Int? {
        guard value.isFinite, abs(value) < maxConvertibleMagnitude else { return nil }
        return Int(value.rounded(.towardZero))
    }

    /// `value` clamped into a finite range for geometry (NaN becomes 0).
    public static func finite(_ value: Double, limit: Double = 1e9) -> Double {
        guard !value.isNaN else { return 0 }
        return min(max(value, -limit), limit)
    }
}
