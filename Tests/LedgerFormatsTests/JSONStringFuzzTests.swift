import Testing
import LedgerDomain
@testable import LedgerFormats

/// The string reader against a byte-by-byte model of RFC 8259 strings and Unicode's Table 3-7:
/// random runs of ASCII, quotes, escapes, control bytes and valid and broken UTF-8 must give
/// the model's string, or its error at the model's offset.
@Suite("JSON strings, fuzzed against a model")
struct JSONStringFuzzTests {
    typealias Random = JSONTests.SplitMix64

    enum Outcome: Equatable {
        case text([UInt8])
        case error(offset: Int, message: String)
    }

    /// What the parser must answer for `"` + `body` (+ `"` unless `open`).
    static func model(_ input: [UInt8]) -> Outcome {
        var out: [UInt8] = []
        var index = 1
        let escapes: [UInt8: UInt8] = [0x22: 0x22, 0x5C: 0x5C, 0x2F: 0x2F, 0x62: 0x08, 0x66: 0x0C, 0x6E: 0x0A, 0x72: 0x0D, 0x74: 0x09]
        while index < input.count {
            let byte = input[index]
            switch byte {
            case 0x22:
                // After the value only JSON whitespace may follow.
                let rest = input[(index + 1)...].firstIndex { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }
                return rest.map { .error(offset: $0, message: "trailing characters after the value") } ?? .text(out)
            case 0x5C:
                guard index + 1 < input.count else { return .error(offset: 0, message: "unterminated string") }
                guard let decoded = escapes[input[index + 1]] else { return .error(offset: index, message: "invalid escape sequence") }
                out.append(decoded)
                index += 2
            case 0..<0x20:
                return .error(offset: index, message: "control character")
            case 0x20..<0x80:
                out.append(byte)
                index += 1
            default:
                guard let length = sequenceLength(input, at: index) else { return .error(offset: index, message: "invalid UTF-8") }
                out += input[index..<index + length]
                index += length
            }
        }
        return .error(offset: 0, message: "unterminated string")
    }

    /// Table 3-7 of the Unicode standard, spelled out.
    static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int? {
        func byte(_ offset: Int, in range: ClosedRange<UInt8>) -> Bool {
            index + offset < bytes.count && range.contains(bytes[index + offset])
        }
        let tail: ClosedRange<UInt8> = 0x80...0xBF
        switch bytes[index] {
        case 0xC2...0xDF: return byte(1, in: tail) ? 2 : nil
        case 0xE0: return byte(1, in: 0xA0...0xBF) && byte(2, in: tail) ? 3 : nil
        case 0xE1...0xEC, 0xEE...0xEF: return byte(1, in: tail) && byte(2, in: tail) ? 3 : nil
        case 0xED: return byte(1, in: 0x80...0x9F) && byte(2, in: tail) ? 3 : nil
        case 0xF0: return byte(1, in: 0x90...0xBF) && byte(2, in: tail) && byte(3, in: tail) ? 4 : nil
        case 0xF1...0xF3: return byte(1, in: tail) && byte(2, in: tail) && byte(3, in: tail) ? 4 : nil
        case 0xF4: return byte(1, in: 0x80...0x8F) && byte(2, in: tail) && byte(3, in: tail) ? 4 : nil
        default: return nil
        }
    }

    static func parsed(_ input: [UInt8]) -> Outcome {
        do {
            guard case .string(let text) = try JSONParser.parse(input) else { return .error(offset: -1, message: "not a string") }
            return .text(Array(text.utf8))
        } catch {
            // The model names control characters without the scalar; compare the phrase's start.
            let message = error.message.hasPrefix("control character") ? "control character" : error.message
            return .error(offset: error.offset, message: message)
        }
    }

    @Test("20,000 random strings: the parser gives the model's string or the model's error")
    func randomStrings() {
        var random = Random(state: 7)
        let pieces: [[UInt8]] = [
            Array("abc".utf8), Array("司法厅".utf8), Array("😀".utf8), [0x22], [0x5C], [0x5C, 0x6E], [0x5C, 0x22], [0x5C, 0x78],
            [0x0A], [0x1F], [0xFF], [0xC0, 0xAF], [0xE5, 0x8F], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80],
            [0xE5], [0xF0, 0x9F, 0x98], Array("01234567".utf8), [0x20],
        ]
        var texts = 0
        var errors: Set<String> = []
        for _ in 0..<20_000 {
            var input: [UInt8] = [0x22]
            for _ in 0..<random.below(12) {
                // Mostly plain runs, long enough for the eight-byte scan, with a few hard bytes.
                input += random.below(3) == 0 ? random.pick(pieces) : Array(repeating: UInt8(0x61 + random.below(3)), count: random.below(20))
            }
            if random.below(6) != 0 { input.append(0x22) }
            let expected = Self.model(input)
            #expect(Self.parsed(input) == expected, "\(input)")
            switch expected {
            case .text: texts += 1
            case .error(_, let message): errors.insert(message)
            }
        }
        #expect(texts > 2000)
        #expect(errors.isSuperset(of: ["invalid UTF-8", "control character", "unterminated string", "invalid escape sequence"]))
    }
}
