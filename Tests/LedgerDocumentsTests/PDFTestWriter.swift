import CZlib
import LedgerFormats

/// A tiny PDF writer for tests: objects with correct offsets, a classic cross-reference table or
/// a cross-reference stream, and helpers for pages of text.
struct PDFTestWriter {
    /// How the cross-reference is written.
    enum CrossReference { case table, stream, none }

    /// Object bodies by number (without `n 0 obj` and `endobj`).
    var objects: [(number: Int, body: [UInt8])] = []

    /// Adds an object.
    mutating func add(_ number: Int, _ body: String) {
        objects.append((number, Array(body.utf8)))
    }

    /// Adds a stream object with a correct `/Length` (extra dictionary entries in `dictionary`).
    mutating func addStream(_ number: Int, _ dictionary: String = "", data: [UInt8]) {
        objects.append((number, Array("<< /Length \(data.count) \(dictionary) >>\nstream\n".utf8) + data + Array("\nendstream".utf8)))
    }

    /// The file: header, objects, cross-reference, trailer, `startxref`.
    func build(xref: CrossReference = .table, root: Int = 1, trailerExtra: String = "") -> [UInt8] {
        var file = Array("%PDF-1.7\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
        var offsets: [Int: Int] = [:]
        for (number, body) in objects {
            offsets[number] = file.count
            file += Array("\(number) 0 obj\n".utf8) + body + Array("\nendobj\n".utf8)
        }
        let size = (offsets.keys.max() ?? 0) + 2
        switch xref {
        case .table:
            let start = file.count
            file += Array(Self.table(offsets, size: size - 1).utf8)
            file += Array("trailer\n<< /Size \(size - 1) /Root \(root) 0 R \(trailerExtra) >>\nstartxref\n\(start)\n%%EOF\n".utf8)
        case .stream:
            let number = size - 1
            let start = file.count
            var rows: [UInt8] = []
            for object in 0...number {
                let offset = object == number ? start : offsets[object] ?? 0
                rows += [offset == 0 && object != number ? 0 : 1] + Self.bigEndian(offset, 4) + [0, 0]
            }
            let data = Self.deflate(Self.pngUp(rows, columns: 7))
            file += Array("\(number) 0 obj\n<< /Type /XRef /Size \(number + 1) /W [1 4 2] /Root \(root) 0 R /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 7 >> /Length \(data.count) \(trailerExtra) >>\nstream\n".utf8)
            file += data + Array("\nendstream\nendobj\nstartxref\n\(start)\n%%EOF\n".utf8)
        case .none:
            break
        }
        return file
    }

    /// A classic table for `offsets` (object 0 free).
    static func table(_ offsets: [Int: Int], size: Int) -> String {
        var text = "xref\n0 \(size)\n0000000000 65535 f \n"
        for number in 1..<max(size, 1) {
            if let offset = offsets[number] {
                text += String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n"
            } else {
                text += "0000000000 00000 f \n"
            }
        }
        return text
    }

    /// `value` as `count` big-endian bytes.
    static func bigEndian(_ value: Int, _ count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: value >> (8 * (count - 1 - $0))) }
    }

    /// Rows of `columns` bytes, each prefixed with PNG filter 2 (Up).
    static func pngUp(_ data: [UInt8], columns: Int) -> [UInt8] {
        var out: [UInt8] = []
        var previous = [UInt8](repeating: 0, count: columns)
        var index = 0
        while index < data.count {
            let row = Array(data[index..<min(index + columns, data.count)])
            out.append(2)
            for (column, byte) in row.enumerated() { out.append(byte &- previous[column]) }
            previous = row + [UInt8](repeating: 0, count: columns - row.count)
            index += columns
        }
        return out
    }

    /// zlib-compressed bytes.
    static func deflate(_ data: [UInt8]) -> [UInt8] {
        var size = compressBound(uLong(data.count))
        var out = [UInt8](repeating: 0, count: Int(size))
        let status = out.withUnsafeMutableBufferPointer { buffer in
            data.withUnsafeBufferPointer { input in compress2(buffer.baseAddress, &size, input.baseAddress, uLong(data.count), 9) }
        }
        precondition(status == Z_OK)
        return Array(out.prefix(Int(size)))
    }

    /// A PDF string literal's bytes with `(`, `)` and `\` escaped.
    static func literal(_ text: String) -> String {
        "(" + text.replacing("\\", with: "\\\\").replacing("(", with: "\\(").replacing(")", with: "\\)") + ")"
    }

    /// A one-font document (Helvetica, WinAnsi) whose pages have the given content streams.
    static func simple(pages contents: [String], mediaBox: String = "[0 0 595 842]", pageExtra: String = "",
                       fonts: String = "/F1 100 0 R", extraObjects: [(Int, String)] = [], xref: CrossReference = .table) -> [UInt8] {
        var writer = PDFTestWriter()
        writer.add(1, "<< /Type /Catalog /Pages 2 0 R >>")
        let kids = contents.indices.map { "\(10 + $0 * 2) 0 R" }.joined(separator: " ")
        writer.add(2, "<< /Type /Pages /Kids [\(kids)] /Count \(contents.count) /MediaBox \(mediaBox) /Resources << /Font << \(fonts) >> >> >>")
        for (index, content) in contents.enumerated() {
            writer.add(10 + index * 2, "<< /Type /Page /Parent 2 0 R /Contents \(11 + index * 2) 0 R \(pageExtra) >>")
            writer.addStream(11 + index * 2, data: Array(content.utf8))
        }
        writer.add(100, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        for (number, body) in extraObjects { writer.add(number, body) }
        return writer.build(xref: xref)
    }
}
