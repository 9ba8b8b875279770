@testable import LedgerFormats
import Testing
@testable import LedgerDocuments

/// Errors a person can act on, and hostile input refused quickly: never a crash, never a hang.
@Suite("PDF errors and limits")
struct PDFErrorTests {
    static let hello = PDFStructureTests.hello

    @Test("not a PDF")
    func notAPDF() {
        #expect(throws: PDFReadError.notAPDF) { try PDFTextReader.read(Array("2023年第 6期\n".utf8)) }
        #expect(throws: PDFReadError.notAPDF) { try PDFTextReader.read([]) }
    }

    @Test("a header and nothing else is damaged beyond repair")
    func damaged() {
        #expect(throws: PDFReadError.self) { try PDFTextReader.read(Array("%PDF-1.7\ngarbage\n".utf8)) }
        do {
            _ = try PDFTextReader.read(Array("%PDF-1.7\ngarbage\n".utf8))
        } catch {
            guard case .damaged = error else { Issue.record("expected damaged, got \(error)"); return }
            #expect(error.description.contains("damaged"))
        }
    }

    @Test("encrypted with another handler, or needing what this reader cannot do", arguments: ["Adobe.PubSec", "Standard"])
    func encrypted(_ handler: String) {
        let encrypt = (50, "<< /Filter /\(handler) /V 2 /R 3 /Length 128 /O <\(String(repeating: "00", count: 32))> /U <\(String(repeating: "00", count: 32))> /P -4 >>")
        var writer = PDFTestWriter()
        writer.add(1, "<< /Type /Catalog /Pages 2 0 R >>")
        writer.add(2, "<< /Type /Pages /Kids [] /Count 0 >>")
        writer.add(encrypt.0, encrypt.1)
        let file = writer.build(trailerExtra: "/Encrypt 50 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]")
        do {
            _ = try PDFTextReader.read(file)
            Issue.record("an encrypted file was read")
        } catch {
            guard case .encrypted = error else { Issue.record("expected encrypted, got \(error)"); return }
            #expect(error.description.contains("open it with its password and save an unencrypted copy, or use the Word file"))
            if handler != "Standard" { #expect(error.description.contains(handler)) }
        }
    }

    @Test("the encryption dictionary is read into the handler's parameters")
    func encryptionParameters() throws {
        let dictionary: PDFDictionary = PDFDictionary([
            "Filter": .name("Standard"), "V": .integer(4), "R": .integer(4), "O": .string([1]), "U": .string([2]),
            "P": .integer(4_294_967_292), "StmF": .name("StdCF"), "StrF": .name("StdCF"),
            "CF": .dictionary(PDFDictionary(["StdCF": .dictionary(PDFDictionary(["CFM": .name("AESV2"), "Length": .integer(16)]))])),
        ])
        let parameters = try PDFDocument.parameters(dictionary, firstID: [9, 9])
        #expect(parameters.v == 4 && parameters.r == 4)
        #expect(parameters.p == -4)
        #expect(parameters.lengthBits == 128)
        #expect(parameters.streamMethod == .aesV2 && parameters.stringMethod == .aesV2)
        #expect(parameters.encryptMetadata)
        #expect(parameters.firstID == [9, 9])
        var rc4 = dictionary
        rc4["V"] = .integer(2)
        #expect(try PDFDocument.parameters(rc4, firstID: []).streamMethod == .rc4)
    }

    @Test("pages with only images have no text layer: it looks like a scan")
    func scan() {
        let image = (20, "<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length 1 >>\nstream\n\u{0}\nendstream")
        let file = PDFTestWriter.simple(pages: ["q 500 0 0 700 0 0 cm /Im Do Q"], pageExtra: "/Resources << /XObject << /Im 20 0 R >> >>",
                                        extraObjects: [image])
        #expect(throws: PDFReadError.noTextLayer(pageCount: 1, imageCount: 1)) { try PDFTextReader.read(file) }
        #expect(PDFReadError.noTextLayer(pageCount: 1, imageCount: 1).description.contains("looks like a scan"))
    }

    @Test("a scanned page among pages with text is read around, with a note")
    func scannedPage() throws {
        let image = (20, "<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\u{0}\nendstream")
        let file = PDFTestWriter.simple(pages: [Self.hello, "q 500 0 0 700 0 0 cm /Im Do Q"],
                                        pageExtra: "/Resources << /Font << /F1 100 0 R >> /XObject << /Im 20 0 R >> >>", extraObjects: [image])
        let document = try PDFTextReader.read(file)
        #expect(document.lines.map(\.text) == ["Hello World"])
        #expect(document.notes == ["page 2: it has images but no text; it looks scanned, and ledger does not read images"])
    }

    @Test("a content stream compressed with an image filter is refused with its name and page")
    func unsupportedFilter() {
        var writer = PDFTestWriter()
        writer.add(1, "<< /Type /Catalog /Pages 2 0 R >>")
        writer.add(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
        writer.add(3, "<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>")
        writer.addStream(4, "/Filter /DCTDecode", data: [0xFF, 0xD8])
        #expect(throws: PDFReadError.unsupportedFilter(name: "DCTDecode", page: 1)) { try PDFTextReader.read(writer.build()) }
    }

    @Test("a decompression bomb is refused", arguments: [false, true])
    func bomb(_ smallBudget: Bool) {
        let zeros = PDFTestWriter.deflate([UInt8](repeating: 0x20, count: 8 << 20))
        var writer = PDFTestWriter()
        writer.add(1, "<< /Type /Catalog /Pages 2 0 R >>")
        writer.add(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
        writer.add(3, "<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>")
        writer.addStream(4, "/Filter /FlateDecode", data: smallBudget ? PDFTestWriter.deflate(Array(Self.hello.utf8)) : zeros)
        var limits = PDFLimits.standard
        if smallBudget { limits.maxDecodedBytes = 10 }
        do {
            _ = try PDFTextReader.read(writer.build(), limits: limits)
            Issue.record("the bomb was read")
        } catch {
            guard case .tooLarge = error else { Issue.record("expected tooLarge, got \(error)"); return }
        }
    }

    @Test("arrays nested past the limit are refused")
    func deepNesting() {
        let deep = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        let file = PDFTestWriter.simple(pages: [Self.hello], pageExtra: "/Deep \(deep)")
        #expect(throws: PDFReadError.self) { try PDFTextReader.read(file) }
        // In a content stream, reading stops at the over-deep operand; what came before stays.
        let content = PDFTestWriter.simple(pages: [Self.hello + " " + deep])
        #expect((try? PDFTextReader.read(content))?.lines.map(\.text) == ["Hello World"])
    }

    @Test("a reference cycle as the catalog is damage, not a hang")
    func referenceCycle() {
        var writer = PDFTestWriter()
        writer.add(1, "2 0 R")
        writer.add(2, "1 0 R")
        #expect(throws: PDFReadError.self) { try PDFTextReader.read(writer.build()) }
        var selfish = PDFTestWriter()
        selfish.add(1, "1 0 R")
        #expect(throws: PDFReadError.self) { try PDFTextReader.read(selfish.build()) }
    }

    @Test("a /Prev chain that loops is cut and the file rebuilt")
    func prevLoop() throws {
        var file = PDFTestWriter.simple(pages: [Self.hello])
        let xref = file.count
        file += Array("xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 101 /Root 1 0 R /Prev \(xref) >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        let document = try PDFTextReader.read(file)
        #expect(document.lines.map(\.text) == ["Hello World"])
        #expect(document.notes.contains { $0.contains("loops") })
    }

    @Test("too many pages, objects or /Prev sections are refused")
    func counts() {
        var limits = PDFLimits.standard
        limits.maxPages = 2
        #expect(throws: PDFReadError.self) {
            try PDFTextReader.read(PDFTestWriter.simple(pages: [Self.hello, Self.hello, Self.hello]), limits: limits)
        }
        var objects = PDFLimits.standard
        objects.maxObjects = 5
        #expect(throws: PDFReadError.self) { try PDFTextReader.read(PDFTestWriter.simple(pages: [Self.hello]), limits: objects) }
    }

    @Test("forms nested past the limit are cut with a note")
    func formDepth() throws {
        var extra: [(Int, String)] = []
        for level in 0..<20 {
            let inner = level < 19 ? "/Next Do" : "BT /F1 10 Tf 72 700 Td (deep) Tj ET"
            extra.append((200 + level, "<< /Type /XObject /Subtype /Form /BBox [0 0 500 500] /Resources << /Font << /F1 100 0 R >> /XObject << /Next \(201 + level) 0 R >> >> /Length \(inner.utf8.count) >>\nstream\n\(inner)\nendstream"))
        }
        let file = PDFTestWriter.simple(pages: ["BT /F1 10 Tf 72 600 Td (top) Tj ET /Next Do"],
                                        pageExtra: "/Resources << /Font << /F1 100 0 R >> /XObject << /Next 200 0 R >> >>", extraObjects: extra)
        let document = try PDFTextReader.read(file)
        #expect(document.lines.map(\.text) == ["top"])
        #expect(document.notes.contains { $0.contains("nested more than") })
    }

    @Test("hostile content streams: no crash, no trap, finite positions", arguments: [
        String(repeating: "1 ", count: 10_000) + "BT /F1 12 Tf 72 700 Td (x) Tj ET",
        String(repeating: "q ", count: 1_000) + "BT /F1 12 Tf 72 700 Td (x) Tj ET" + String(repeating: " Q", count: 1_001),
        "BT /F1 1e300 Tf 99999999999999999999 0 0 1e300 1e300 -1e300 Tm (x) Tj [(y) -1e300 (z)] TJ ET",
        "BT /F1 12 Tf 72 700 Td 1e300 Tz 1e300 Tc (x) Tj ET",
        "BT /F1 12 Tf 72 700 Td (x) Tj EMC EMC /P << /ActualText (y) >> BDC ET BI /W 1 /H 1",
        "BT /F1 12 Tf 72 700 Td (x) Tj /NoSuchFont 12 Tf (y) Tj /F1 Tf Tj TJ ' \" Td Tm cm ET",
    ])
    func hostileContent(_ content: String) throws {
        let document = try? PDFTextReader.read(PDFTestWriter.simple(pages: [content]))
        for line in document?.lines ?? [] {
            #expect(line.position.map { $0.x.isFinite && $0.y.isFinite } == true)
        }
    }

    @Test("every prefix of a small PDF reads or fails cleanly")
    func everyPrefix() {
        let file = PDFTestWriter.simple(pages: [Self.hello, "BT /F1 12 Tf 72 700 Td [(A) -3000 (B)] TJ ET"], xref: .stream)
        for length in stride(from: 0, through: file.count, by: 3) {
            _ = try? PDFTextReader.read(Array(file.prefix(length)))
        }
    }

    @Test("every byte of a small PDF changed, one at a time, reads or fails cleanly")
    func everyByteFlipped() {
        var writer = PDFTestWriter()
        writer.add(1, "<< /Type /Catalog /Pages 2 0 R >>")
        writer.add(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 /Resources << /Font << /F1 5 0 R >> >> >>")
        writer.add(3, "<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>")
        writer.addStream(4, data: Array("BT /F1 12 Tf 72 700 Td [(Hello) -3000 (World)] TJ ET".utf8))
        writer.add(5, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        let file = writer.build()
        for index in file.indices {
            for value: UInt8 in [0x00, 0x29, 0x39, 0xFF] {
                var damaged = file
                damaged[index] = value
                _ = try? PDFTextReader.read(damaged)
            }
        }
    }

    @Test("messages are sentences for a person")
    func messages() {
        #expect(PDFReadError.encrypted("it needs a password").description.hasPrefix("this PDF is encrypted"))
        #expect(PDFReadError.unreadableFonts(fonts: ["F1 (X)"], pages: [1, 2, 3, 5]).description.contains("pages 1–3, 5"))
    }
}
