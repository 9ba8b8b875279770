#if canImport(Glibc)
import Glibc
#endif

/// The predefined Chinese (Adobe-GB1) CMaps a font may name as its `/Encoding` without a
/// `/ToUnicode`: their codes are Unicode (UniGB-UCS2, UniGB-UTF16) or GBK/GB 2312 bytes
/// (GBK-EUC, GBpc-EUC, GB-EUC), which glibc's iconv decodes as GB18030.
public enum PDFPredefinedCMap: Sendable, Equatable {
    /// Two-byte codes that are UCS-2.
    case unicodeUCS2
    /// Codes that are UTF-16BE (two bytes, or four for a surrogate pair).
    case unicodeUTF16
    /// One-byte ASCII or two-byte GBK/GB 2312 codes.
    case gb

    /// The CMap a name stands for, nil for any other name (Identity-H/V included).
    public init?(name: String) {
        let base = name.hasSuffix("-H") || name.hasSuffix("-V") ? String(name.dropLast(2)) : name
        switch base {
        case "UniGB-UCS2": self = .unicodeUCS2
        case "UniGB-UTF16": self = .unicodeUTF16
        case "GBK-EUC", "GBpc-EUC", "GB-EUC", "GBK2K", "GBKp-EUC", "GBT-EUC": self = .gb
        default: return nil
        }
    }

    /// The code space of the CMap, as a CMap would declare it.
    var codespace: [PDFCMap.Range] {
        switch self {
        case .unicodeUCS2: [PDFCMap.Range(low: 0, high: 0xFFFF, length: 2)]
        case .unicodeUTF16:
            [PDFCMap.Range(low: 0, high: 0xD7FF, length: 2), PDFCMap.Range(low: 0xE000, high: 0xFFFF, length: 2),
             PDFCMap.Range(low: 0xD800_DC00, high: 0xDBFF_DFFF, length: 4)]
        case .gb: [PDFCMap.Range(low: 0, high: 0x80, length: 1), PDFCMap.Range(low: 0x8140, high: 0xFEFE, length: 2)]
        }
    }

    /// The text of one code of `length` bytes.
    func unicode(code: UInt32, length: Int) -> String? {
        switch self {
        case .unicodeUCS2, .unicodeUTF16:
            let units: [UInt16] = length == 4 ? [UInt16(code >> 16), UInt16(code & 0xFFFF)] : [UInt16(code & 0xFFFF)]
            return PDFText.utf16(units)
        case .gb:
            if length == 1 { return code < 0x80 ? String(Character(Unicode.Scalar(UInt8(code)))) : nil }
            return Self.gb18030([UInt8(code >> 8 & 0xFF), UInt8(code & 0xFF)])
        }
    }

    /// `bytes` decoded from GB18030 by iconv; nil when iconv cannot.
    static func gb18030(_ bytes: [UInt8]) -> String? {
        guard let descriptor = iconv_open("UTF-8", "GB18030"), descriptor != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(descriptor) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 8)
        let outputSize = output.count
        var outLeft = outputSize
        let result = input.withUnsafeMutableBytes { inRaw in
            output.withUnsafeMutableBytes { outRaw -> Int in
                var inPointer = inRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outPointer = outRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inRaw.count
                return iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
            }
        }
        guard result != -1 else { return nil }
        return String(decoding: output[0..<(outputSize - outLeft)], as: UTF8.self)
    }
}
