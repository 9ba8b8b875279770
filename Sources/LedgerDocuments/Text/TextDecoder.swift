#if canImport(Glibc)
import Glibc
#endif

/// The text encodings the decoder understands.
///
/// The raw value is the canonical name, as shown to a person and accepted by
/// ``init(userInput:)``.
public enum DocumentEncoding: String, Sendable, CaseIterable {
    /// UTF-8, with or without a byte order mark.
    case utf8 = "utf-8"
    /// UTF-16, little-endian.
    case utf16LE = "utf-16le"
    /// UTF-16, big-endian.
    case utf16BE = "utf-16be"
    /// GB18030, which also reads GBK and GB2312 text (common for Chinese office documents).
    case gb18030 = "gb18030"

    /// Parses a user's --encoding value, case-insensitive, accepting common spellings: "utf8", "UTF-8", "gbk", "gb2312", "gb18030", "utf-16", "utf16le"... ("gbk"/"gb2312" map to .gb18030, a superset; "utf-16" means: by BOM, else LE).
    ///
    /// Hyphens, underscores and spaces are ignored, so "UTF_8" and "utf 16 be" parse too.
    /// "ascii" maps to `.utf8` (a subset); "cp936", "ms936", "windows-936" and "euc-cn" map to
    /// `.gb18030`. "utf-16" gives `.utf16LE`: ``TextDecoder/decode(_:forced:maxBytes:)``
    /// follows a UTF-16 byte order mark of either order when UTF-16 is forced, so a file with
    /// a big-endian BOM is still read correctly. Returns nil for anything else.
    public init?(userInput: String) {
        let key = String(userInput.lowercased().unicodeScalars.filter { scalar in
            !(scalar == "-" || scalar == "_" || scalar.properties.isWhitespace)
        })
        switch key {
        case "utf8", "utf8bom", "utf8sig", "ascii", "usascii": self = .utf8
        case "utf16", "utf16le": self = .utf16LE
        case "utf16be": self = .utf16BE
        case "gb18030", "gbk", "gb2312", "cp936", "ms936", "windows936", "euccn": self = .gb18030
        default: return nil
        }
    }

    /// The name used in messages for a person.
    public var displayName: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf16LE: "UTF-16LE"
        case .utf16BE: "UTF-16BE"
        case .gb18030: "GB18030"
        }
    }

    var isUTF16: Bool { self == .utf16LE || self == .utf16BE }
}

/// Which line ends a decoded document used.
///
/// `.none` means the text had no line end at all (a single line); `.mixed` means more than
/// one kind was seen. Every kind counts as exactly one line end for line numbering.
public enum LineEnding: String, Sendable {
    /// Every line end was LF.
    case lf
    /// Every line end was CR LF.
    case crlf
    /// Every line end was a lone CR.
    case cr
    /// More than one kind of line end was seen.
    case mixed
    /// No line end at all: the text is one line.
    case none
}

/// A decoded document: its lines without line ends, numbered from 1 in the original file.
///
/// `lines[n - 1]` is line `n` of the file, counting CRLF, LF and a lone CR each as one line
/// end. A final line end does not add an empty line; empty lines inside the text are kept.
public struct DecodedText: Equatable, Sendable {
    /// The encoding the bytes were decoded from (detected, or the forced one).
    public var encoding: DocumentEncoding
    /// True when a byte order mark (or a U+FEFF at the start of the text) was removed.
    public var hadByteOrderMark: Bool
    /// The kind of line end seen in the file.
    public var lineEnding: LineEnding
    /// The lines of the file: `lines[0]` is line 1; without BOM, `\r` or `\n`.
    public var lines: [String]

    /// Makes a document from its parts, e.g. to compare with what the decoder returned.
    public init(encoding: DocumentEncoding, hadByteOrderMark: Bool, lineEnding: LineEnding, lines: [String]) {
        self.encoding = encoding
        self.hadByteOrderMark = hadByteOrderMark
        self.lineEnding = lineEnding
        self.lines = lines
    }
}

/// Why bytes could not be decoded; `line` is the 1-based line of the first bad byte where it can be told.
///
/// Byte offsets are 0-based from the start of the file, byte order mark included. Two errors
/// are equal when their reasons are equal; `description` may carry extra detail.
public struct TextDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What was wrong with the bytes.
    public enum Reason: Equatable, Sendable {
        /// No bytes, or only whitespace and a byte order mark.
        case empty
        /// A NUL, or too many control characters: not a text file. The offset of the first one.
        case binary(byteOffset: Int)
        /// The bytes are not valid in `encoding`, first at `byteOffset`, which is on `line`.
        case undecodable(encoding: DocumentEncoding, byteOffset: Int, line: Int?)
        /// The file has more bytes than the limit the caller set.
        case tooLarge(bytes: Int, limit: Int)
    }

    /// What was wrong with the bytes.
    public var reason: Reason
    /// For binary bytes, what gave them away, when more is known than the offset.
    public var binaryEvidence: BinaryEvidence?

    /// What shows bytes to be binary.
    public enum BinaryEvidence: Equatable, Sendable {
        /// A NUL byte (at the reason's offset).
        case nulByte
        /// Too many control characters: how many, of how many bytes.
        case controlCharacters(count: Int, bytes: Int)
        /// A NUL character in UTF-16 text (at the reason's offset).
        case nulCharacter
    }
    /// One sentence for a person, e.g. "the file is not valid GB18030 text: byte 1,234 (line 17) cannot be decoded".
    public var description: String

    /// Makes an error with the standard sentence for `reason`.
    public init(_ reason: Reason) {
        self.init(reason, description: Self.sentence(for: reason))
    }

    init(_ reason: Reason, description: String, binaryEvidence: BinaryEvidence? = nil) {
        self.reason = reason
        self.description = description
        self.binaryEvidence = binaryEvidence
    }

    /// Compares the reasons only.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.reason == rhs.reason }

    private static func sentence(for reason: Reason) -> String {
        switch reason {
        case .empty:
            return "the file is empty: it holds no text besides whitespace or a byte order mark"
        case .binary(let offset):
            return "the file looks binary (a NUL or control byte at offset \(grouped(offset))), not a text bulletin"
        case .undecodable(let encoding, let offset, let line):
            let place = line.map { " (line \(grouped($0)))" } ?? ""
            return "the file is not valid \(encoding.displayName) text: byte \(grouped(offset))\(place) cannot be decoded"
        case .tooLarge(let bytes, let limit):
            return "the file is too large to be a bulletin: \(grouped(bytes)) bytes, more than the limit of \(grouped(limit))"
        }
    }

    /// A number with thousands separators: 1234567 → "1,234,567".
    public static func grouped(_ number: Int) -> String {
        let digits = Array(String(number.magnitude))
        var out = number < 0 ? "-" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}

/// Turns the raw bytes of a bulletin into numbered lines of text.
public enum TextDecoder {
    /// The default limit on the size of a file: 16 MiB.
    public static let defaultMaxBytes = 16 << 20

    /// Detects the encoding (unless `forced`) and decodes.
    ///
    /// Order of checks: empty (no bytes, or only ASCII whitespace and a BOM) → `.empty`; more
    /// than `maxBytes` → `.tooLarge`; a BOM (EF BB BF, FF FE, FE FF) decides the encoding;
    /// without one, NUL bytes or more than 10% C0 control characters (other than tab, LF, CR,
    /// form feed) → `.binary`; then valid UTF-8 → UTF-8, else GB18030 (through glibc's iconv),
    /// whose failure is reported as `.undecodable(encoding: .gb18030, …)`.
    ///
    /// `forced` skips detection, but a matching BOM is still removed, and a forced UTF-16 of
    /// either byte order follows a UTF-16 BOM when there is one. The binary check applies to
    /// forced UTF-8 and GB18030 as well; in UTF-16 text a U+0000 character counts as binary.
    /// A U+FEFF at the very start of the decoded text is removed too. If only whitespace is
    /// left after decoding (e.g. ideographic spaces), the result is `.empty`.
    public static func decode(_ bytes: [UInt8], forced: DocumentEncoding? = nil, maxBytes: Int = defaultMaxBytes) throws(TextDecodingError) -> DecodedText {
        let mark = byteOrderMark(of: bytes)
        if isBlank(bytes, mark: mark) { throw TextDecodingError(.empty) }
        guard bytes.count <= maxBytes else {
            throw TextDecodingError(.tooLarge(bytes: bytes.count, limit: maxBytes))
        }
        let (encoding, markLength) = plan(mark: mark, forced: forced)
        if encoding?.isUTF16 != true { try rejectBinary(bytes) }
        let body = bytes[markLength...]
        let (found, text) = try transcode(body, as: encoding)
        return try document(from: text, encoding: found, hadMark: markLength > 0)
    }
}

// MARK: - Detection

extension TextDecoder {
    private static let asciiWhitespace: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x0B]

    /// The encoding named by a byte order mark at the start, and the mark's length.
    static func byteOrderMark(of bytes: [UInt8]) -> (encoding: DocumentEncoding, length: Int)? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
        if bytes.starts(with: [0xFF, 0xFE]) { return (.utf16LE, 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (.utf16BE, 2) }
        return nil
    }

    /// True when nothing but ASCII whitespace follows the mark, in the mark's code unit size.
    private static func isBlank(_ bytes: [UInt8], mark: (encoding: DocumentEncoding, length: Int)?) -> Bool {
        let start = mark?.length ?? 0
        guard let encoding = mark?.encoding, encoding.isUTF16 else {
            return bytes[start...].allSatisfy { asciiWhitespace.contains($0) }
        }
        guard (bytes.count - start) % 2 == 0 else { return false }
        let (high, low) = encoding == .utf16BE ? (0, 1) : (1, 0)
        return stride(from: start, to: bytes.count, by: 2).allSatisfy { index in
            bytes[index + high] == 0 && asciiWhitespace.contains(bytes[index + low])
        }
    }

    /// The encoding to decode with (nil: detect) and how many BOM bytes to skip.
    private static func plan(mark: (encoding: DocumentEncoding, length: Int)?, forced: DocumentEncoding?) -> (DocumentEncoding?, Int) {
        guard let forced else { return (mark?.encoding, mark?.length ?? 0) }
        guard let mark else { return (forced, 0) }
        if mark.encoding == forced || (forced.isUTF16 && mark.encoding.isUTF16) {
            return (mark.encoding, mark.length)
        }
        return (forced, 0)
    }

    /// Throws `.binary` for a NUL byte, or when over 10% of the bytes are C0 controls
    /// other than tab, LF, CR and form feed.
    private static func rejectBinary(_ bytes: [UInt8]) throws(TextDecodingError) {
        if let nul = bytes.firstIndex(of: 0) {
            let offset = TextDecodingError.grouped(nul)
            throw TextDecodingError(.binary(byteOffset: nul),
                                        description: "the file looks binary (a NUL byte at offset \(offset)), not a text bulletin",
                                        binaryEvidence: .nulByte)
        }
        var controls = 0
        var first: Int?
        for (index, byte) in bytes.enumerated() where byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C {
            controls += 1
            if first == nil { first = index }
        }
        guard let first, controls * 10 > bytes.count else { return }
        let share = "\(TextDecodingError.grouped(controls)) of \(TextDecodingError.grouped(bytes.count)) bytes"
        throw TextDecodingError(.binary(byteOffset: first),
                                    description: "the file looks binary (\(share) are control characters, the first at offset \(TextDecodingError.grouped(first))), not a text bulletin",
                                    binaryEvidence: .controlCharacters(count: controls, bytes: bytes.count))
    }

    /// Decodes `body` to UTF-8 bytes; a nil encoding means: UTF-8 if valid, else GB18030.
    private static func transcode(_ body: ArraySlice<UInt8>, as encoding: DocumentEncoding?) throws(TextDecodingError) -> (DocumentEncoding, [UInt8]) {
        switch encoding {
        case nil:
            if firstInvalidUTF8(body) == nil { return (.utf8, Array(body)) }
            return (.gb18030, try decodeGB18030(body))
        case .utf8:
            if let bad = firstInvalidUTF8(body) {
                throw undecodable(.utf8, at: bad, line: lineNumber(before: bad - body.startIndex) { UInt16(body[body.startIndex + $0]) })
            }
            return (.utf8, Array(body))
        case .utf16LE, .utf16BE:
            return (encoding ?? .utf16LE, try decodeUTF16(body, bigEndian: encoding == .utf16BE))
        case .gb18030:
            return (.gb18030, try decodeGB18030(body))
        }
    }

    /// Drops a leading U+FEFF, splits the lines and rejects text that is only whitespace.
    private static func document(from text: [UInt8], encoding: DocumentEncoding, hadMark: Bool) throws(TextDecodingError) -> DecodedText {
        let skip = text.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let (lines, ending) = splitLines(text, from: skip)
        let blank = lines.allSatisfy { line in line.unicodeScalars.allSatisfy { $0.properties.isWhitespace } }
        if blank { throw TextDecodingError(.empty) }
        return DecodedText(encoding: encoding, hadByteOrderMark: hadMark || skip > 0, lineEnding: ending, lines: lines)
    }

    private static func undecodable(_ encoding: DocumentEncoding, at offset: Int, line: Int) -> TextDecodingError {
        TextDecodingError(.undecodable(encoding: encoding, byteOffset: offset, line: line))
    }
}

// MARK: - Lines

extension TextDecoder {
    /// Splits valid UTF-8 on CRLF, LF or a lone CR; a final line end adds no empty line.
    static func splitLines(_ text: [UInt8], from start: Int) -> ([String], LineEnding) {
        var lines: [String] = []
        var seen: (lf: Bool, crlf: Bool, cr: Bool) = (false, false, false)
        var lineStart = start
        var index = start
        while index < text.count {
            let byte = text[index]
            guard byte == 0x0A || byte == 0x0D else { index += 1; continue }
            lines.append(String(decoding: text[lineStart..<index], as: UTF8.self))
            if byte == 0x0A {
                seen.lf = true
                index += 1
            } else if index + 1 < text.count && text[index + 1] == 0x0A {
                seen.crlf = true
                index += 2
            } else {
                seen.cr = true
                index += 1
            }
            lineStart = index
        }
        if lineStart < text.count { lines.append(String(decoding: text[lineStart...], as: UTF8.self)) }
        switch seen {
        case (false, false, false): return (lines, .none)
        case (true, false, false): return (lines, .lf)
        case (false, true, false): return (lines, .crlf)
        case (false, false, true): return (lines, .cr)
        default: return (lines, .mixed)
        }
    }

    /// The 1-based line of the code unit at `end`, counting line ends in units `0..<end`
    /// the way ``splitLines(_:from:)`` does. The unit at `end` is a bad one, never an LF.
    static func lineNumber(before end: Int, unit: (Int) -> UInt16) -> Int {
        var line = 1
        for index in 0..<max(end, 0) {
            let value = unit(index)
            if value == 0x0A || (value == 0x0D && (index + 1 == end || unit(index + 1) != 0x0A)) {
                line += 1
            }
        }
        return line
    }
}

// MARK: - UTF-8 and UTF-16

extension TextDecoder {
    /// The index of the first byte of the first ill-formed UTF-8 sequence, or nil if all is
    /// valid. Strict: overlongs, surrogates, values above U+10FFFF and truncated sequences fail.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            var (length, low, high): (Int, UInt8, UInt8) = (0, 0x80, 0xBF)
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: (length, low) = (3, 0xA0)
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: (length, high) = (3, 0x9F)
            case 0xF0: (length, low) = (4, 0x90)
            case 0xF1...0xF3: length = 4
            case 0xF4: (length, high) = (4, 0x8F)
            default: return index
            }
            guard bytes.endIndex - index >= length, (low...high).contains(bytes[index + 1]) else { return index }
            for next in (index + 2)..<(index + length) where bytes[next] & 0xC0 != 0x80 {
                return index
            }
            index += length
        }
        return nil
    }

    /// Decodes UTF-16 to UTF-8, rejecting lone surrogates, an odd trailing byte and U+0000.
    private static func decodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) throws(TextDecodingError) -> [UInt8] {
        let encoding: DocumentEncoding = bigEndian ? .utf16BE : .utf16LE
        let start = bytes.startIndex
        let count = bytes.count / 2
        let unit = { (index: Int) -> UInt16 in
            let first = UInt16(bytes[start + 2 * index]), second = UInt16(bytes[start + 2 * index + 1])
            return bigEndian ? first << 8 | second : second << 8 | first
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 3 / 2)
        var index = 0
        while index < count {
            let value = unit(index)
            var scalar = UInt32(value)
            switch value {
            case 0:
                throw TextDecodingError(.binary(byteOffset: start + 2 * index),
                                            description: "the file looks binary (a NUL character at offset \(TextDecodingError.grouped(start + 2 * index))), not a text bulletin",
                                            binaryEvidence: .nulCharacter)
            case 0xD800...0xDBFF where index + 1 < count && (0xDC00...0xDFFF).contains(unit(index + 1)):
                scalar = 0x10000 + (UInt32(value - 0xD800) << 10 | UInt32(unit(index + 1) - 0xDC00))
                index += 2
            case 0xD800...0xDFFF:
                throw undecodable(encoding, at: start + 2 * index, line: lineNumber(before: index, unit: unit))
            default:
                index += 1
            }
            appendUTF8(scalar, to: &out)
        }
        if bytes.count % 2 == 1 {
            throw undecodable(encoding, at: bytes.endIndex - 1, line: lineNumber(before: count, unit: unit))
        }
        return out
    }

    /// Appends the UTF-8 form of a scalar value (not a surrogate, at most U+10FFFF).
    private static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(contentsOf: [UInt8(0xC0 | scalar >> 6), UInt8(0x80 | scalar & 0x3F)])
        case 0x800..<0x10000:
            out.append(contentsOf: [UInt8(0xE0 | scalar >> 12), UInt8(0x80 | scalar >> 6 & 0x3F), UInt8(0x80 | scalar & 0x3F)])
        default:
            out.append(contentsOf: [UInt8(0xF0 | scalar >> 18), UInt8(0x80 | scalar >> 12 & 0x3F),
                                    UInt8(0x80 | scalar >> 6 & 0x3F), UInt8(0x80 | scalar & 0x3F)])
        }
    }
}

// MARK: - GB18030 through iconv

extension TextDecoder {
    /// Decodes GB18030 to UTF-8 with glibc's iconv. `initialCapacity` (tests only) sizes the
    /// first output buffer; it grows whenever iconv reports E2BIG.
    static func decodeGB18030(_ bytes: ArraySlice<UInt8>, initialCapacity: Int? = nil) throws(TextDecodingError) -> [UInt8] {
        // iconv_open reports failure as (iconv_t)-1, not NULL.
        guard let descriptor = iconv_open("UTF-8", "GB18030"), descriptor != iconv_t(bitPattern: -1) else {
            return try asciiOnly(bytes)
        }
        defer { iconv_close(descriptor) }
        // A 2-byte GB18030 character becomes 3 bytes of UTF-8, the worst case.
        var output = [UInt8](repeating: 0, count: max(initialCapacity ?? bytes.count + bytes.count / 2 + 16, 1))
        var read = 0
        var written = 0
        while read < bytes.count {
            let step = bytes.withUnsafeBytes { input in
                output.withUnsafeMutableBytes { out in
                    iconvStep(descriptor, input: UnsafeRawBufferPointer(rebasing: input[read...]),
                              output: UnsafeMutableRawBufferPointer(rebasing: out[written...]))
                }
            }
            read += step.read
            written += step.written
            switch step.error {
            case 0:
                continue
            case E2BIG:
                output.append(contentsOf: repeatElement(0, count: output.count))
            default:
                // EILSEQ (invalid) or EINVAL (truncated at the end): iconv stopped at the bad sequence.
                let offset = bytes.startIndex + read
                throw undecodable(.gb18030, at: offset, line: lineNumber(before: read) { UInt16(bytes[bytes.startIndex + $0]) })
            }
        }
        // GB18030 is stateless, so there is no shift state to flush.
        output.removeSubrange(written...)
        return output
    }

    /// One call of iconv: bytes consumed, bytes produced, and errno (0 once all input is converted).
    private static func iconvStep(_ descriptor: iconv_t, input: UnsafeRawBufferPointer, output: UnsafeMutableRawBufferPointer) -> (read: Int, written: Int, error: Int32) {
        guard let inBase = input.baseAddress, let outBase = output.baseAddress else { return (0, 0, EINVAL) }
        var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutablePointer(mutating: inBase.assumingMemoryBound(to: CChar.self))
        var outPointer: UnsafeMutablePointer<CChar>? = outBase.assumingMemoryBound(to: CChar.self)
        var inLeft = input.count
        var outLeft = output.count
        let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
        return (input.count - inLeft, output.count - outLeft, result == -1 ? errno : 0)
    }

    /// Without a GB18030 converter (no gconv modules), only ASCII, which GB18030 shares, can be read.
    private static func asciiOnly(_ bytes: ArraySlice<UInt8>) throws(TextDecodingError) -> [UInt8] {
        guard let bad = bytes.firstIndex(where: { $0 >= 0x80 }) else { return Array(bytes) }
        throw undecodable(.gb18030, at: bad, line: lineNumber(before: bad - bytes.startIndex) { UInt16(bytes[bytes.startIndex + $0]) })
    }
}
