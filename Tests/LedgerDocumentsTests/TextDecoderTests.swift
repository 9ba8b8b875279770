import Foundation
import Testing
import LedgerDomain
@testable import LedgerDocuments

/// Fixtures for the decoder tests, built in code from one short bulletin sample.
enum DocumentDecoderFixtures {
    static let sample = "2023年第 2期（总第 422期）\n\n四川省政府政务服务和公共资源交易服务中心 2023年 2月 2 7日\n司法厅王飙 ２６６４１ 件\n"
    static let sampleLines = [
        "2023年第 2期（总第 422期）",
        "",
        "四川省政府政务服务和公共资源交易服务中心 2023年 2月 2 7日",
        "司法厅王飙 ２６６４１ 件",
    ]

    /// "司法厅王飙２６６４１（总第" in GB18030, checked by hand against `iconv -f UTF-8 -t GB18030`.
    static let verifiedGB: (text: String, bytes: [UInt8]) = (
        "司法厅王飙２６６４１（总第",
        [0xCB, 0xBE, 0xB7, 0xA8, 0xCC, 0xFC, 0xCD, 0xF5, 0xEC, 0xAD,
         0xA3, 0xB2, 0xA3, 0xB6, 0xA3, 0xB6, 0xA3, 0xB4, 0xA3, 0xB1,
         0xA3, 0xA8, 0xD7, 0xDC, 0xB5, 0xDA]
    )

    static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]
    /// U+FEFF in GB18030.
    static let gbBOM: [UInt8] = [0x84, 0x31, 0x95, 0x33]

    /// The text in GB18030, converted by the system's iconv command.
    static func gb18030(_ text: String) -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", "GB18030"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        do { try process.run() } catch { Issue.record("cannot run iconv: \(error)"); return [] }
        input.fileHandleForWriting.write(Data(text.utf8))
        try? input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return Array(data)
    }

    static func utf16(_ text: String, bigEndian: Bool, mark: Bool = true) -> [UInt8] {
        let units = (mark ? [0xFEFF] : []) + Array(text.utf16)
        return units.flatMap { unit in
            bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
    }

    /// The sample in one of the supported forms, with what decoding must report.
    enum Form: String, CaseIterable, Sendable {
        case utf8, utf8WithBOM, utf16LE, utf16BE, gb18030, gb18030WithBOM

        func bytes(_ text: String = DocumentDecoderFixtures.sample) -> [UInt8] {
            switch self {
            case .utf8: Array(text.utf8)
            case .utf8WithBOM: DocumentDecoderFixtures.utf8BOM + Array(text.utf8)
            case .utf16LE: DocumentDecoderFixtures.utf16(text, bigEndian: false)
            case .utf16BE: DocumentDecoderFixtures.utf16(text, bigEndian: true)
            case .gb18030: DocumentDecoderFixtures.gb18030(text)
            case .gb18030WithBOM: DocumentDecoderFixtures.gbBOM + DocumentDecoderFixtures.gb18030(text)
            }
        }

        var encoding: DocumentEncoding {
            switch self {
            case .utf8, .utf8WithBOM: .utf8
            case .utf16LE: .utf16LE
            case .utf16BE: .utf16BE
            case .gb18030, .gb18030WithBOM: .gb18030
            }
        }

        var hasBOM: Bool { self != .utf8 && self != .gb18030 }
    }

    /// The error `decode` throws, or nil when it succeeds.
    static func failure(_ bytes: [UInt8], forced: DocumentEncoding? = nil, maxBytes: Int = TextDecoder.defaultMaxBytes) -> TextDecodingError? {
        do {
            _ = try TextDecoder.decode(bytes, forced: forced, maxBytes: maxBytes)
            return nil
        } catch {
            return error
        }
    }
}

@Suite struct TextDecoderTests {
    typealias F = DocumentDecoderFixtures

    // MARK: Encodings

    @Test func plainUTF8() throws {
        let document = try TextDecoder.decode(Array(F.sample.utf8))
        #expect(document == DecodedText(encoding: .utf8, hadByteOrderMark: false, lineEnding: .lf, lines: F.sampleLines))
    }

    @Test func utf8WithByteOrderMark() throws {
        let document = try TextDecoder.decode(F.utf8BOM + Array(F.sample.utf8))
        #expect(document == DecodedText(encoding: .utf8, hadByteOrderMark: true, lineEnding: .lf, lines: F.sampleLines))
    }

    @Test(arguments: [false, true]) func utf16WithByteOrderMark(bigEndian: Bool) throws {
        let document = try TextDecoder.decode(F.utf16(F.sample, bigEndian: bigEndian))
        #expect(document.encoding == (bigEndian ? .utf16BE : .utf16LE))
        #expect(document.hadByteOrderMark)
        #expect(document.lines == F.sampleLines)
    }

    @Test func utf16SurrogatePairs() throws {
        let document = try TextDecoder.decode(F.utf16("表情 😀\n𠀀", bigEndian: false))
        #expect(document.lines == ["表情 😀", "𠀀"])
    }

    @Test func gb18030IsDetected() throws {
        let bytes = F.gb18030(F.sample)
        #expect(String(validating: bytes, as: UTF8.self) == nil)
        let document = try TextDecoder.decode(bytes)
        #expect(document == DecodedText(encoding: .gb18030, hadByteOrderMark: false, lineEnding: .lf, lines: F.sampleLines))
    }

    @Test func gb18030FromHandCheckedBytes() throws {
        #expect(F.gb18030(F.verifiedGB.text) == F.verifiedGB.bytes)
        let document = try TextDecoder.decode(F.verifiedGB.bytes)
        #expect(document.encoding == .gb18030)
        #expect(document.lines == [F.verifiedGB.text])
        #expect(document.lineEnding == LineEnding.none)
    }

    @Test func gb18030FourByteSequences() throws {
        // U+0080, "€" (two bytes) and an emoji (four bytes), as the iconv command writes them.
        let bytes: [UInt8] = [0x81, 0x30, 0x81, 0x30, 0xA2, 0xE3, 0x94, 0x39, 0xFC, 0x36]
        #expect(F.gb18030("\u{80}€😀") == bytes)
        #expect(try TextDecoder.decode(bytes).lines == ["\u{80}€😀"])
    }

    @Test func gb18030ByteOrderMarkIsRemoved() throws {
        let document = try TextDecoder.decode(F.gbBOM + F.gb18030(F.sample))
        #expect(document.encoding == .gb18030)
        #expect(document.hadByteOrderMark)
        #expect(document.lines == F.sampleLines)
    }

    @Test(arguments: F.Form.allCases) func everyFormGivesTheSameLines(form: F.Form) throws {
        let document = try TextDecoder.decode(form.bytes())
        #expect(document.lines == F.sampleLines)
        #expect(document.encoding == form.encoding)
        #expect(document.hadByteOrderMark == form.hasBOM)
        #expect(document.lineEnding == .lf)
    }

    @Test func growingTheIconvOutputBufferGivesTheSameText() throws {
        let bytes = F.gb18030(String(repeating: F.sample, count: 50))
        let small = try TextDecoder.decodeGB18030(bytes[...], initialCapacity: 1)
        let usual = try TextDecoder.decodeGB18030(bytes[...])
        #expect(small == usual)
        #expect(small == Array(String(repeating: F.sample, count: 50).utf8))
    }

    // MARK: Line ends

    static let endings: [(String, LineEnding)] = [("\n", .lf), ("\r\n", .crlf), ("\r", .cr)]

    @Test(arguments: endings) func lineEndsGiveTheSameLines(end: String, kind: LineEnding) throws {
        let text = F.sample.replacingOccurrences(of: "\n", with: end)
        for form in F.Form.allCases {
            let document = try TextDecoder.decode(form.bytes(text))
            #expect(document.lines == F.sampleLines, "\(form)")
            #expect(document.lineEnding == kind, "\(form)")
        }
    }

    @Test func mixedLineEnds() throws {
        let document = try TextDecoder.decode(F.gb18030("一\r\n二\n\r三\r四"))
        #expect(document.lines == ["一", "二", "", "三", "四"])
        #expect(document.lineEnding == .mixed)
    }

    @Test func finalLineEndAddsNoLine() throws {
        #expect(try TextDecoder.decode(Array("a\n".utf8)).lines == ["a"])
        #expect(try TextDecoder.decode(Array("a\n\n".utf8)).lines == ["a", ""])
        #expect(try TextDecoder.decode(Array("\na".utf8)).lines == ["", "a"])
        #expect(try TextDecoder.decode(Array("a\r\n\r\n".utf8)).lines == ["a", ""])
        let single = try TextDecoder.decode(Array("a".utf8))
        #expect(single.lines == ["a"])
        #expect(single.lineEnding == LineEnding.none)
    }

    @Test(arguments: endings) func badByteIsReportedOnItsLine(end: String, kind: LineEnding) {
        // Line 5 starts after the sample's four lines; the bad byte is its third byte.
        let text = F.sample.replacingOccurrences(of: "\n", with: end)
        let bytes = F.gb18030(text) + [0x41, 0x42, 0xFF]
        let expected = TextDecodingError.Reason.undecodable(encoding: .gb18030, byteOffset: bytes.count - 1, line: 5)
        #expect(F.failure(bytes)?.reason == expected)
    }

    @Test(arguments: endings) func lineNumbersMatchTheOriginalLines(end: String, kind: LineEnding) throws {
        let original = ["第一行", "", "第三行", "", "", "第六行"]
        let document = try TextDecoder.decode(F.gb18030(original.joined(separator: end)))
        for (number, line) in original.enumerated() {
            #expect(document.lines[number] == line, "line \(number + 1)")
        }
    }

    // MARK: Forced encodings

    @Test func forcedGB18030() throws {
        let document = try TextDecoder.decode(F.gb18030(F.sample), forced: .gb18030)
        #expect(document.encoding == .gb18030)
        #expect(document.lines == F.sampleLines)
        #expect(try TextDecoder.decode(Array("plain\n".utf8), forced: .gb18030).lines == ["plain"])
    }

    @Test func forcingUTF8OnGB18030Fails() {
        let bytes = F.gb18030("plain ascii line\n\n王飙\n")  // CD F5: F5 is no continuation byte
        let expected = TextDecodingError.Reason.undecodable(encoding: .utf8, byteOffset: 18, line: 3)
        #expect(F.failure(bytes, forced: .utf8)?.reason == expected)
    }

    @Test func forcedEncodingStillStripsItsMark() throws {
        let utf8 = try TextDecoder.decode(F.utf8BOM + Array("文本".utf8), forced: .utf8)
        #expect(utf8.lines == ["文本"])
        #expect(utf8.hadByteOrderMark)
        // "utf-16" parses as .utf16LE; the BOM decides the byte order.
        let big = try TextDecoder.decode(F.utf16("文本", bigEndian: true), forced: .utf16LE)
        #expect(big == DecodedText(encoding: .utf16BE, hadByteOrderMark: true, lineEnding: .none, lines: ["文本"]))
    }

    @Test(arguments: [false, true]) func forcedUTF16WithoutMark(bigEndian: Bool) throws {
        let bytes = F.utf16(F.sample, bigEndian: bigEndian, mark: false)
        let document = try TextDecoder.decode(bytes, forced: bigEndian ? .utf16BE : .utf16LE)
        #expect(document.lines == F.sampleLines)
        #expect(!document.hadByteOrderMark)
        #expect(F.failure(bytes)?.reason == .binary(byteOffset: bigEndian ? 0 : 1))
    }

    // MARK: Empty, binary, too large

    static let blanks: [[UInt8]] = [
        [], [0x20], [0x0A, 0x0D, 0x09, 0x20, 0x0C, 0x0B],
        [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF],
        [0xEF, 0xBB, 0xBF, 0x20, 0x0A], [0xFF, 0xFE, 0x20, 0x00, 0x0A, 0x00], [0xFE, 0xFF, 0x00, 0x0D],
        [0xA1, 0xA1, 0x0A, 0xA1, 0xA1], // ideographic spaces in GB18030
        [0x84, 0x31, 0x95, 0x33, 0x20], // a GB18030 BOM and a space
    ]

    @Test(arguments: blanks) func blankInputIsEmpty(bytes: [UInt8]) {
        #expect(F.failure(bytes)?.reason == .empty)
    }

    @Test func emptyIsCheckedBeforeSize() {
        #expect(F.failure([UInt8](repeating: 0x20, count: 100), maxBytes: 10)?.reason == .empty)
        #expect(F.failure(F.utf16(" \n", bigEndian: false, mark: false), forced: .utf16LE)?.reason == .empty)
    }

    @Test func tooLarge() throws {
        let bytes = Array("0123456789\n".utf8)
        #expect(F.failure(bytes, maxBytes: 10)?.reason == .tooLarge(bytes: 11, limit: 10))
        #expect(try TextDecoder.decode(bytes, maxBytes: 11).lines == ["0123456789"])
    }

    @Test func nulByteIsBinary() {
        #expect(F.failure([0x41, 0x0A, 0x00, 0x42])?.reason == .binary(byteOffset: 2))
        #expect(F.failure(F.utf8BOM + [0x41, 0x00])?.reason == .binary(byteOffset: 4))
        #expect(F.failure([0x41, 0x00], forced: .gb18030)?.reason == .binary(byteOffset: 1))
        // A UTF-16 file has zero bytes; only a U+0000 character counts there.
        #expect(F.failure(F.utf16("a\u{0}", bigEndian: false))?.reason == .binary(byteOffset: 4))
    }

    @Test func manyControlCharactersAreBinary() throws {
        let heavy = Array("abcdefghijklmnopq".utf8) + [0x1B, 0x01, 0x02]  // 3 of 20 bytes
        #expect(F.failure(heavy)?.reason == .binary(byteOffset: 17))
        // Exactly 10% is still text; tab, LF, CR and form feed never count.
        let light = [UInt8](repeating: 0x41, count: 90) + [UInt8](repeating: 0x1B, count: 10) + [0x09, 0x0C, 0x0D, 0x0A]
        #expect(try TextDecoder.decode(light).lines.count == 1)
    }

    @Test(arguments: 1...24) func randomBytesAreBinaryOrUndecodable(seed: Int) {
        var generator = SplitMix64(seed: UInt64(seed))
        let count = 256 + seed * 97
        let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
        switch F.failure(bytes)?.reason {
        case .binary(let offset)?: #expect(bytes.indices.contains(offset))
        case .undecodable(.gb18030, let offset, _)?: #expect(bytes.indices.contains(offset))
        default: Issue.record("random bytes were not rejected")
        }
    }

    @Test(arguments: 1...24) func randomHighBytesAreUndecodable(seed: Int) {
        var generator = SplitMix64(seed: UInt64(seed))
        let bytes = (0..<(512 + seed)).map { _ in UInt8.random(in: 0x80...0xFF, using: &generator) }
        guard case .undecodable(.gb18030, let offset, let line)? = F.failure(bytes)?.reason else {
            Issue.record("random high bytes were not rejected")
            return
        }
        #expect(bytes.indices.contains(offset))
        #expect(line == 1)
    }

    @Test(arguments: 1...40) func damagedGB18030ReportsTheRightLine(seed: Int) {
        var generator = SplitMix64(seed: UInt64(seed))
        var bytes = F.gb18030(String(repeating: F.sample, count: 3))
        for _ in 0..<3 {
            bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0x80...0xFF, using: &generator)
        }
        guard case .undecodable(.gb18030, let offset, let line)? = F.failure(bytes)?.reason else { return }
        #expect(bytes.indices.contains(offset))
        #expect(line == 1 + bytes[..<offset].filter { $0 == 0x0A }.count)
    }

    // MARK: Invalid text

    @Test func invalidInBothEncodingsNamesGB18030() {
        let ascii = Array("line one\r\nline two\r\nthree ".utf8)
        let bytes = ascii + [0xFF] + Array(" end\r\n".utf8)
        #expect(F.failure(bytes)?.reason == .undecodable(encoding: .gb18030, byteOffset: ascii.count, line: 3))
        let gb = F.gb18030("第一行\n第二行\n第三")
        #expect(F.failure(gb + [0xFF])?.reason == .undecodable(encoding: .gb18030, byteOffset: gb.count, line: 3))
        // A lead byte at the very end (iconv's EINVAL).
        #expect(F.failure(gb + [0x81])?.reason == .undecodable(encoding: .gb18030, byteOffset: gb.count, line: 3))
    }

    static let badUTF8: [([UInt8], Int)] = [
        ([0x41, 0xC0, 0x80], 1),              // overlong two-byte NUL
        ([0xE0, 0x80, 0xAF], 0),              // overlong three-byte
        ([0xF0, 0x80, 0x80, 0xAF], 0),        // overlong four-byte
        ([0xED, 0xA0, 0x80], 0),              // a surrogate
        ([0xF4, 0x90, 0x80, 0x80], 0),        // above U+10FFFF
        ([0xF5, 0x80, 0x80, 0x80], 0),
        ([0x41, 0x42, 0xE4, 0xB8], 2),        // truncated at the end
        ([0xE4, 0xB8, 0x41], 0),              // truncated inside
        ([0x41, 0x80], 1),                    // a lone continuation byte
        ([0x41, 0x0A, 0x42, 0xFE], 3),
    ]

    @Test(arguments: badUTF8) func strictUTF8(bytes: [UInt8], offset: Int) {
        let line = bytes[..<offset].contains(0x0A) ? 2 : 1
        #expect(F.failure(bytes, forced: .utf8)?.reason == .undecodable(encoding: .utf8, byteOffset: offset, line: line))
    }

    @Test func utf8ValidatorAgreesWithTheStandardLibrary() {
        var generator = SplitMix64(seed: 42)
        let pools: [ClosedRange<UInt8>] = [0x20...0x7F, 0x80...0xBF, 0xC0...0xFF, 0xE0...0xF4]
        for _ in 0..<5000 {
            let count = Int.random(in: 1...8, using: &generator)
            let bytes = (0..<count).map { _ in
                UInt8.random(in: pools[Int.random(in: 0..<pools.count, using: &generator)], using: &generator)
            }
            let valid = String(validating: bytes, as: UTF8.self) != nil
            #expect((TextDecoder.firstInvalidUTF8(bytes[...]) == nil) == valid, "\(bytes)")
        }
    }

    @Test func loneSurrogatesAreUndecodable() {
        // Line 3 starts after "a\nb\n"; each unit is two bytes after the two-byte mark.
        let prefix = F.utf16("a\nb\n", bigEndian: false)
        let high: [UInt8] = [0x00, 0xD8], low: [UInt8] = [0x00, 0xDC], letter: [UInt8] = [0x63, 0x00]
        let expected = TextDecodingError.Reason.undecodable(encoding: .utf16LE, byteOffset: 10, line: 3)
        #expect(F.failure(prefix + high + letter)?.reason == expected)
        #expect(F.failure(prefix + high)?.reason == expected)
        #expect(F.failure(prefix + low + letter)?.reason == expected)
        let big = F.utf16("a\r\nb", bigEndian: true) + [0xDC, 0x00]
        #expect(F.failure(big)?.reason == .undecodable(encoding: .utf16BE, byteOffset: 10, line: 2))
    }

    @Test func oddUTF16LengthIsUndecodable() {
        let bytes = F.utf16("a\nb", bigEndian: false) + [0x41]
        #expect(F.failure(bytes)?.reason == .undecodable(encoding: .utf16LE, byteOffset: 8, line: 2))
    }

    // MARK: Names and messages

    static let spellings: [(String, DocumentEncoding?)] = [
        ("utf8", .utf8), ("UTF-8", .utf8), ("utf_8", .utf8), (" Utf-8 ", .utf8), ("ascii", .utf8),
        ("utf-16", .utf16LE), ("UTF16", .utf16LE), ("utf16le", .utf16LE), ("UTF-16LE", .utf16LE),
        ("utf-16be", .utf16BE), ("UTF16BE", .utf16BE),
        ("gb18030", .gb18030), ("GB18030", .gb18030), ("gbk", .gb18030), ("GBK", .gb18030),
        ("gb2312", .gb18030), ("GB-2312", .gb18030), ("cp936", .gb18030), ("euc-cn", .gb18030),
        ("big5", nil), ("latin1", nil), ("", nil), ("utf-32", nil), ("gb", nil),
    ]

    @Test(arguments: spellings) func userSpellings(input: String, expected: DocumentEncoding?) {
        #expect(DocumentEncoding(userInput: input) == expected)
    }

    @Test(arguments: DocumentEncoding.allCases) func rawValuesParse(encoding: DocumentEncoding) {
        #expect(DocumentEncoding(userInput: encoding.rawValue) == encoding)
    }

    @Test func descriptions() {
        let undecodable = TextDecodingError(.undecodable(encoding: .gb18030, byteOffset: 1234, line: 17))
        #expect(undecodable.description == "the file is not valid GB18030 text: byte 1,234 (line 17) cannot be decoded")
        let noLine = TextDecodingError(.undecodable(encoding: .utf16BE, byteOffset: 7, line: nil))
        #expect(noLine.description == "the file is not valid UTF-16BE text: byte 7 cannot be decoded")
        let binary = F.failure(Array("twelve bytes".utf8) + [0x00])
        #expect(binary?.description == "the file looks binary (a NUL byte at offset 12), not a text bulletin")
        #expect(F.failure([0x01, 0x02, 0x41])?.description.hasPrefix("the file looks binary (2 of 3 bytes") == true)
        #expect(TextDecodingError(.tooLarge(bytes: 20_000_000, limit: 16 << 20)).description.contains("20,000,000 bytes"))
        #expect(TextDecodingError(.empty).description.hasPrefix("the file is empty"))
    }

    @Test(arguments: [(0, "0"), (999, "999"), (1000, "1,000"), (1_234_567, "1,234,567"), (-1234, "-1,234")])
    func groupedNumbers(number: Int, text: String) {
        #expect(TextDecodingError.grouped(number) == text)
    }
}
