import LedgerFormats
import Testing
@testable import LedgerDocuments

/// The file structure: cross-reference tables and streams, object streams, updates, repairs.
@Suite("PDF file structure")
struct PDFStructureTests {
    static let hello = "BT /F1 12 Tf 72 700 Td (Hello World) Tj ET"

    static func texts(_ bytes: [UInt8]) throws -> [String] {
        try PDFTextReader.read(bytes).lines.map(\.text)
    }

    @Test("a classic cross-reference table")
    func classicTable() throws {
        let document = try PDFTextReader.read(PDFTestWriter.simple(pages: [Self.hello]))
        #expect(document.lines.map(\.text) == ["Hello World"])
        #expect(document.format == .pdf)
        #expect(document.pageCount == 1)
        #expect(document.notes.isEmpty)
        let line = try #require(document.lines.first)
        #expect(line.page == 1)
        #expect(abs((line.position?.x ?? 0) - 72) < 0.01)
        #expect(abs((line.position?.y ?? 0) - 142) < 0.01)
    }

    @Test("a cross-reference stream with a PNG predictor")
    func crossReferenceStream() throws {
        let document = try PDFTextReader.read(PDFTestWriter.simple(pages: [Self.hello], xref: .stream))
        #expect(document.lines.map(\.text) == ["Hello World"])
        #expect(document.notes.isEmpty)
    }

    @Test("objects inside an object stream, found through a cross-reference stream")
    func objectStream() throws {
        let objects = ["<< /Type /Catalog /Pages 2 0 R >>",
                       "<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 200 200] >>",
                       "<< /Type /Page /Parent 2 0 R /Contents 5 0 R /Resources << /Font << /F1 6 0 R >> >> >>"]
        var header = ""
        var body = ""
        for (index, object) in objects.enumerated() {
            header += "\(index + 1) \(body.utf8.count) "
            body += object + "\n"
        }
        let stream = PDFTestWriter.deflate(Array((header + "\n" + body).utf8))
        var writer = PDFTestWriter()
        writer.addStream(4, "/Type /ObjStm /N 3 /First \(header.utf8.count + 1) /Filter /FlateDecode", data: stream)
        writer.addStream(5, data: Array("BT /F1 10 Tf 10 100 Td (Packed) Tj ET".utf8))
        writer.add(6, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        var file = writer.build(xref: .none)
        let start = file.count
        var rows: [UInt8] = [0, 0, 0, 0, 0, 0, 0]
        for index in 0..<3 { rows += [2] + PDFTestWriter.bigEndian(4, 4) + [0, UInt8(index)] }
        let offsetOf = { (number: Int) in Self.offset(of: "\(number) 0 obj", in: file) }
        rows += [1] + PDFTestWriter.bigEndian(offsetOf(4), 4) + [0, 0]
        rows += [1] + PDFTestWriter.bigEndian(offsetOf(5), 4) + [0, 0]
        rows += [1] + PDFTestWriter.bigEndian(offsetOf(6), 4) + [0, 0]
        rows += [1] + PDFTestWriter.bigEndian(start, 4) + [0, 0]
        file += Array("7 0 obj\n<< /Type /XRef /Size 8 /W [1 4 2] /Root 1 0 R /Length \(rows.count) >>\nstream\n".utf8)
        file += rows + Array("\nendstream\nendobj\nstartxref\n\(start)\n%%EOF\n".utf8)
        let document = try PDFTextReader.read(file)
        #expect(document.lines.map(\.text) == ["Packed"])
        #expect(document.notes.isEmpty)
        // Without its startxref, the rebuild finds the packed objects and the /Root of the
        // cross-reference stream's dictionary.
        let cut = Array(file.prefix(upTo: Self.offset(of: "startxref", in: file)))
        let rebuilt = try PDFTextReader.read(cut)
        #expect(rebuilt.lines.map(\.text) == ["Packed"])
        #expect(rebuilt.notes.contains { $0.contains("scanning") })
    }

    static func offset(of text: String, in file: [UInt8]) -> Int {
        PDFIndirectObjectReader.find(Array(text.utf8), in: file, from: 0) ?? 0
    }

    @Test("an incremental update: the newest revision of an object wins")
    func incrementalUpdate() throws {
        var file = PDFTestWriter.simple(pages: [Self.hello])
        let firstXref = Self.lastStartxref(file)
        let offset = file.count
        let content = "BT /F1 12 Tf 72 700 Td (Updated) Tj ET"
        file += Array("11 0 obj\n<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream\nendobj\n".utf8)
        let xref = file.count
        file += Array("xref\n11 1\n\(String(repeating: "0", count: 10 - String(offset).count))\(offset) 00000 n \ntrailer\n<< /Size 101 /Prev \(firstXref) >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        let document = try PDFTextReader.read(file)
        #expect(document.lines.map(\.text) == ["Updated"])
        #expect(document.notes.isEmpty)
    }

    static func lastStartxref(_ file: [UInt8]) -> Int {
        let text = String(decoding: file.suffix(40), as: UTF8.self)
        let parts = text.split(whereSeparator: \.isWhitespace)
        return parts.firstIndex(of: "startxref").flatMap { Int(parts[$0 + 1]) } ?? 0
    }

    @Test("a hybrid file: the /XRefStm stream lists what the table leaves out")
    func hybrid() throws {
        var writer = PDFTestWriter()
        writer.add(1, "<< /Type /Catalog /Pages 2 0 R >>")
        writer.add(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 /Resources << /Font << /F1 5 0 R >> >> >>")
        writer.add(3, "<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>")
        writer.addStream(4, data: Array("BT /F1 12 Tf 72 700 Td (Hybrid) Tj ET".utf8))
        writer.add(5, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        var file = writer.build(xref: .none)
        let offsets = (1...5).map { Self.offset(of: "\($0) 0 obj", in: file) }
        let streamStart = file.count
        var rows: [UInt8] = []
        for number in 0...5 { rows += number == 4 ? [1] + PDFTestWriter.bigEndian(offsets[3], 4) + [0, 0] : [0, 0, 0, 0, 0, 0, 0] }
        file += Array("6 0 obj\n<< /Type /XRef /Size 7 /W [1 4 2] /Length \(rows.count) >>\nstream\n".utf8) + rows + Array("\nendstream\nendobj\n".utf8)
        let tableStart = file.count
        let listed = [1: offsets[0], 2: offsets[1], 3: offsets[2], 5: offsets[4]]
        file += Array(PDFTestWriter.table(listed, size: 6).utf8)
        file += Array("trailer\n<< /Size 7 /Root 1 0 R /XRefStm \(streamStart) >>\nstartxref\n\(tableStart)\n%%EOF\n".utf8)
        let document = try PDFTextReader.read(file)
        #expect(document.lines.map(\.text) == ["Hybrid"])
        #expect(document.notes.isEmpty)
    }

    @Test("a damaged cross-reference is rebuilt by scanning",
          arguments: ["offsets shifted", "no startxref", "truncated", "startxref points nowhere", "xref numbered from 1"])
    func rebuilt(_ damage: String) throws {
        let file = PDFTestWriter.simple(pages: [Self.hello])
        let damaged: [UInt8]
        switch damage {
        case "offsets shifted": damaged = Array("%PDF-1.4\n% padding that moves every object\n".utf8) + file.dropFirst(9)
        case "no startxref": damaged = Array(file.prefix(upTo: Self.offset(of: "xref\n", in: file)))
        case "truncated": damaged = Array(file.prefix(upTo: Self.offset(of: "trailer", in: file) - 30))
        case "startxref points nowhere": damaged = Array(file.prefix(file.count - 12)) + Array("99\n%%EOF\n".utf8)
        default:
            // A common writer's bug: the table's first subsection starts at 1 instead of 0.
            let text = String(decoding: file, as: UTF8.self).replacing("xref\n0 ", with: "xref\n1 ")
            damaged = Array(text.utf8)
        }
        let document = try PDFTextReader.read(damaged)
        #expect(document.lines.map(\.text) == ["Hello World"], "\(damage)")
        if damage != "xref numbered from 1" {
            #expect(document.notes.contains { $0.contains("scanning") }, "\(damage)")
        }
    }

    @Test("a stream whose /Length lies is read up to endstream", arguments: [5, 500, -3])
    func lyingLength(_ length: Int) throws {
        var writer = PDFTestWriter()
        writer.add(1, "<< /Type /Catalog /Pages 2 0 R >>")
        writer.add(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 /Resources << /Font << /F1 5 0 R >> >> >>")
        writer.add(3, "<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>")
        writer.add(4, "<< /Length \(length) >>\nstream\n\(Self.hello)\nendstream")
        writer.add(5, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        #expect(try Self.texts(writer.build()) == ["Hello World"])
    }

    @Test("an indirect /Length, and one that refers to its own stream")
    func indirectLength() throws {
        for lengthObject in ["\(Self.hello.utf8.count)", "4 0 R"] {
            var writer = PDFTestWriter()
            writer.add(1, "<< /Type /Catalog /Pages 2 0 R >>")
            writer.add(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 /Resources << /Font << /F1 5 0 R >> >> >>")
            writer.add(3, "<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>")
            writer.add(4, "<< /Length 6 0 R >>\nstream\n\(Self.hello)\nendstream")
            writer.add(5, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
            writer.add(6, lengthObject)
            #expect(try Self.texts(writer.build()) == ["Hello World"])
        }
    }

    @Test("pages in the tree's order, inheriting resources and boxes")
    func pageTree() throws {
        var writer = PDFTestWriter()
        writer.add(1, "<< /Type /Catalog /Pages 2 0 R >>")
        writer.add(2, "<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 3 /MediaBox [0 0 300 400] /Resources << /Font << /F1 9 0 R >> >> >>")
        writer.add(3, "<< /Type /Pages /Parent 2 0 R /Kids [4 0 R 5 0 R] /Count 2 >>")
        writer.add(4, "<< /Type /Page /Parent 3 0 R /Contents 7 0 R >>")
        writer.add(5, "<< /Type /Page /Parent 3 0 R /Contents 8 0 R /MediaBox [0 0 300 500] >>")
        writer.add(6, "<< /Type /Page /Parent 2 0 R /Contents [10 0 R 11 0 R] >>")
        writer.addStream(7, data: Array("BT /F1 10 Tf 10 300 Td (one) Tj ET".utf8))
        writer.addStream(8, data: Array("BT /F1 10 Tf 10 300 Td (two) Tj ET".utf8))
        writer.add(9, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        writer.addStream(10, data: Array("BT /F1 10 Tf 10 300 Td".utf8))
        writer.addStream(11, data: Array("(three) Tj ET".utf8))
        let document = try PDFTextReader.read(writer.build())
        #expect(document.lines.map(\.text) == ["one", "two", "three"])
        #expect(document.lines.map(\.page) == [1, 2, 3])
        #expect(document.lines.map { $0.position?.y } == [100, 200, 100])
        #expect(document.pageCount == 3)
    }

    @Test("a page tree whose kids loop is cut, not followed forever")
    func pageTreeCycle() throws {
        var writer = PDFTestWriter()
        writer.add(1, "<< /Type /Catalog /Pages 2 0 R >>")
        writer.add(2, "<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 1 /Resources << /Font << /F1 5 0 R >> >> >>")
        writer.add(3, "<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>")
        writer.addStream(4, data: Array(Self.hello.utf8))
        writer.add(5, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        #expect(try Self.texts(writer.build()) == ["Hello World"])
    }
}
