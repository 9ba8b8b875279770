/// A CMap as PDFs embed them (ISO 32000-1 §9.7.5, §9.10.3): code space ranges that say how many
/// bytes a code has, and either Unicode (`bfchar`, `bfrange`, a `/ToUnicode` CMap) or CIDs
/// (`cidchar`, `cidrange`, an embedded `/Encoding` CMap).
public struct PDFCMap: Sendable {
    /// A range of codes of one byte length.
    struct Range: Sendable {
        var low: UInt32
        var high: UInt32
        var length: Int
    }

    /// A `bfrange` kept as a range (too large to list code by code).
    struct UnicodeRange: Sendable {
        var range: Range
        var start: [UInt16]
    }

    /// A `cidrange`.
    struct CIDRange: Sendable {
        var range: Range
        var firstCID: Int
    }

    /// The code space: how many bytes each code has.
    var codespace: [Range] = []
    /// Unicode by code (the key is `length << 32 | code`).
    var unicode: [Int: String] = [:]
    /// Large `bfrange`s.
    var unicodeRanges: [UnicodeRange] = []
    /// CIDs by code.
    var cids: [Int: Int] = [:]
    /// `cidrange`s.
    var cidRanges: [CIDRange] = []

    /// Most codes one `bfrange` is expanded into; larger ranges are kept as ranges.
    static let maxExpandedRange = 65_536
    /// Most entries one CMap may hold (the rest are ignored).
    static let maxEntries = 1 << 20
    /// Most ranges kept as ranges (each is searched for every new code).
    static let maxRanges = 20_000

    /// True when the CMap maps nothing to Unicode.
    public var isEmpty: Bool { unicode.isEmpty && unicodeRanges.isEmpty }

    /// Creates an empty CMap (or one with only a code space).
    init(codespace: [Range] = []) {
        self.codespace = codespace
    }

    /// The key of a code of `length` bytes.
    static func key(_ code: UInt32, _ length: Int) -> Int { length << 32 | Int(code) }

    /// The next code of `bytes` at `index`: its value and byte length, by the code space (one byte when there is none).
    func nextCode(_ bytes: [UInt8], at index: Int, defaultLength: Int = 1) -> (code: UInt32, length: Int) {
        var code: UInt32 = 0
        if !codespace.isEmpty {
            for length in 1...4 where index + length <= bytes.count {
                code = code << 8 | UInt32(bytes[index + length - 1])
                if codespace.contains(where: { $0.length == length && Self.inRange(code, $0) }) { return (code, length) }
            }
        }
        let length = codespace.isEmpty ? defaultLength : (codespace.map(\.length).min() ?? 1)
        return Self.read(bytes, at: index, length: length)
    }

    /// `length` bytes (fewer at the end) as a big-endian code; its length is at least 1, so that
    /// a reader always advances, even past the end.
    static func read(_ bytes: [UInt8], at index: Int, length: Int) -> (code: UInt32, length: Int) {
        let available = index >= 0 ? max(0, min(length, bytes.count - index)) : 0
        var code: UInt32 = 0
        for offset in 0..<available { code = code << 8 | UInt32(bytes[index + offset]) }
        return (code, max(available, 1))
    }

    /// Byte by byte, as code space ranges compare (`<8140> <FEFE>` holds 81 40 but not 81 20).
    static func inRange(_ code: UInt32, _ range: Range) -> Bool {
        for byte in 0..<range.length {
            let shift = UInt32(8 * byte)
            let value = code >> shift & 0xFF
            guard value >= range.low >> shift & 0xFF, value <= range.high >> shift & 0xFF else { return false }
        }
        return true
    }

    /// The Unicode text of a code, nil when the CMap does not map it.
    public func unicode(code: UInt32, length: Int) -> String? {
        if let text = unicode[Self.key(code, length)] { return text }
        for item in unicodeRanges where item.range.length == length && code >= item.range.low && code <= item.range.high {
            return Self.incremented(item.start, by: Int(code - item.range.low))
        }
        return nil
    }

    /// The CID of a code, nil when the CMap does not map it.
    public func cid(code: UInt32, length: Int) -> Int? {
        if let cid = cids[Self.key(code, length)] { return cid }
        for item in cidRanges where item.range.length == length && code >= item.range.low && code <= item.range.high {
            return item.firstCID &+ Int(code - item.range.low)
        }
        return nil
    }

    /// `start` (UTF-16) with its last unit increased by `offset`, as `bfrange` destinations count.
    static func incremented(_ start: [UInt16], by offset: Int) -> String {
        guard let last = start.last else { return "" }
        var units = start
        units[units.count - 1] = last &+ UInt16(truncatingIfNeeded: offset)
        return PDFText.utf16(units)
    }
}
