import CZlib
import Testing
@testable import LedgerFormats

/// Stream filters and predictors.
@Suite("PDF filters")
struct PDFFilterTests {
    static func decode(_ data: [UInt8], _ dictionary: String) throws -> [UInt8] {
        var parser = PDFObjectParser(Array(dictionary.utf8))
        let parsed = try #require(try parser.parseObject().dictionary)
        var budget = 1 << 30
        return try PDFFilterChain.decode(data, dictionary: parsed, limits: .standard, budget: &budget)
    }

    @Test("ASCIIHexDecode")
    func hex() throws {
        #expect(try Self.decode(Array("48 65 6c6C 6f>".utf8), "<< /Filter /ASCIIHexDecode >>") == Array("Hello".utf8))
        #expect(try Self.decode(Array("414>".utf8), "<< /Filter /AHx >>") == [0x41, 0x40])
    }

    @Test("ASCII85Decode, with z and a short final group")
    func base85() throws {
        #expect(try Self.decode(Array("<~87cURD_*#-6q/;CDfTZ)+T~>".utf8), "<< /Filter /ASCII85Decode >>") == Array("Hello, PDF world!".utf8))
        #expect(try Self.decode(Array("z~>".utf8), "<< /Filter /A85 >>") == [0, 0, 0, 0])
        #expect(throws: PDFError.self) { try Self.decode(Array("87c{URD~>".utf8), "<< /Filter /A85 >>") }
    }

    @Test("LZWDecode: the specification's example, with and without EarlyChange")
    func lzw() throws {
        let example: [UInt8] = [0x80, 0x0B, 0x60, 0x50, 0x22, 0x0C, 0x0C, 0x85, 0x01]
        #expect(try Self.decode(example, "<< /Filter /LZWDecode >>") == Array("-----A---B".utf8))
        #expect(try Self.decode(example, "<< /Filter /LZW /DecodeParms << /EarlyChange 0 >> >>") == Array("-----A---B".utf8))
    }

    @Test("LZW with many codes widens to 12 bits and back after a clear")
    func lzwLong() throws {
        let text = (0..<3000).map { UInt8(truncatingIfNeeded: $0 * 7 % 251) }
        #expect(PDFLZWDecoder.roundTrip(text) == text)
    }

    @Test("RunLengthDecode")
    func runLength() throws {
        #expect(try Self.decode([2, 0x41, 0x42, 0x43, 254, 0x2D, 128], "<< /Filter /RunLengthDecode >>") == Array("ABC---".utf8))
    }

    @Test("FlateDecode alone, in a chain after ASCIIHex, and with PNG predictors 10–15 and TIFF 2")
    func flate() throws {
        let rows: [[UInt8]] = [[1, 2, 3, 250, 5, 6], [7, 8, 9, 10, 11, 12], [200, 100, 50, 25, 12, 6]]
        for type: UInt8 in 0...4 {
            let encoded = PNGEncoder.encode(rows, type: type, pixelBytes: 2)
            let data = Self.deflate(encoded)
            let decoded = try Self.decode(data, "<< /Filter /FlateDecode /DecodeParms << /Predictor \(10 + Int(type)) /Colors 2 /Columns 3 >> >>")
            #expect(decoded == rows.flatMap { $0 }, "PNG type \(type)")
        }
        let tiff = try Self.decode(Self.deflate([10, 1, 1, 1, 20, 2, 2, 2]), "<< /Filter /Fl /DecodeParms << /Predictor 2 /Columns 4 >> >>")
        #expect(tiff == [10, 11, 12, 13, 20, 22, 24, 26])
        let hexed = Array(Self.deflate(Array("chained".utf8)).map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined().utf8)
        #expect(try Self.decode(hexed, "<< /Filter [/ASCIIHexDecode /FlateDecode] >>") == Array("chained".utf8))
    }

    @Test("image filters and unknown ones are refused by name", arguments: ["DCTDecode", "JBIG2Decode", "CCITTFaxDecode", "JPXDecode", "Bogus"])
    func unsupported(_ name: String) {
        #expect(throws: PDFError.unsupportedFilter(name)) { try Self.decode([1, 2, 3], "<< /Filter /\(name) >>") }
    }

    @Test("the document's decode budget is shared by all streams")
    func budget() throws {
        var budget = 10
        let dictionary = PDFDictionary()
        _ = try PDFFilterChain.decode([UInt8](repeating: 1, count: 6), dictionary: dictionary, limits: .standard, budget: &budget)
        #expect(budget == 4)
        #expect(throws: PDFError.self) {
            try PDFFilterChain.decode([UInt8](repeating: 1, count: 6), dictionary: dictionary, limits: .standard, budget: &budget)
        }
    }

    static func deflate(_ data: [UInt8]) -> [UInt8] {
        var size = compressBound(uLong(data.count))
        var out = [UInt8](repeating: 0, count: Int(size))
        _ = out.withUnsafeMutableBufferPointer { buffer in
            data.withUnsafeBufferPointer { input in compress2(buffer.baseAddress, &size, input.baseAddress, uLong(data.count), 9) }
        }
        return Array(out.prefix(Int(size)))
    }
}

/// A PNG row filter encoder, to test the decoder against.
enum PNGEncoder {
    static func encode(_ rows: [[UInt8]], type: UInt8, pixelBytes: Int) -> [UInt8] {
        var out: [UInt8] = []
        var previous = [UInt8](repeating: 0, count: rows.first?.count ?? 0)
        for row in rows {
            out.append(type)
            for index in row.indices {
                let left = index >= pixelBytes ? row[index - pixelBytes] : 0
                let up = previous[index]
                let upLeft = index >= pixelBytes ? previous[index - pixelBytes] : 0
                let predicted: UInt8
                switch type {
                case 1: predicted = left
                case 2: predicted = up
                case 3: predicted = UInt8((Int(left) + Int(up)) / 2)
                case 4:
                    let p = Int(left) + Int(up) - Int(upLeft)
                    let (pa, pb, pc) = (abs(p - Int(left)), abs(p - Int(up)), abs(p - Int(upLeft)))
                    predicted = pa <= pb && pa <= pc ? left : (pb <= pc ? up : upLeft)
                default: predicted = 0
                }
                out.append(row[index] &- predicted)
            }
            previous = row
        }
        return out
    }
}

extension PDFLZWDecoder {
    /// Encodes with LZW (EarlyChange 1) and decodes again: a test of the decoder across code widths.
    static func roundTrip(_ data: [UInt8]) -> [UInt8]? {
        var table: [[UInt8]: Int] = [:]
        for byte in 0..<256 { table[[UInt8(byte)]] = byte }
        var next = 258
        var width = 9
        var bits: [Bool] = []
        func put(_ code: Int) { for shift in (0..<width).reversed() { bits.append(code >> shift & 1 == 1) } }
        put(256)
        var current: [UInt8] = []
        for byte in data {
            let candidate = current + [byte]
            if table[candidate] != nil {
                current = candidate
                continue
            }
            put(table[current] ?? 0)
            table[candidate] = next
            next += 1
            if next + 1 > (1 << width) && width < 12 { width += 1 }
            if next >= 4094 {
                put(256)
                table = [:]
                for value in 0..<256 { table[[UInt8(value)]] = value }
                next = 258
                width = 9
            }
            current = [byte]
        }
        if !current.isEmpty { put(table[current] ?? 0) }
        put(257)
        var bytes: [UInt8] = []
        var index = 0
        while index < bits.count {
            var byte: UInt8 = 0
            for offset in 0..<8 { byte = byte << 1 | (index + offset < bits.count && bits[index + offset] ? 1 : 0) }
            bytes.append(byte)
            index += 8
        }
        return try? decode(bytes, earlyChange: true, maxOutputBytes: 1 << 20)
    }
}
