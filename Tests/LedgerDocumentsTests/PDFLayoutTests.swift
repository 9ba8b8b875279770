import LedgerFormats
import Testing
@testable import LedgerDocuments

/// Lines from glyph positions: spaces and cells, ordering, forms, inline images, rotation, furniture.
@Suite("PDF layout")
struct PDFLayoutTests {
    static func texts(_ pages: [String], mediaBox: String = "[0 0 595 842]", pageExtra: String = "",
                      extra: [(Int, String)] = []) throws -> [String] {
        try PDFTextReader.read(PDFTestWriter.simple(pages: pages, mediaBox: mediaBox, pageExtra: pageExtra, extraObjects: extra))
            .lines.map(\.text)
    }

    @Test("TJ numbers: a kern is nothing, a quarter em is a space, two ems is a cell", arguments: [
        ("[(W) 80 (A)] TJ", "WA"),
        ("[(Hello) -300 (World)] TJ", "Hello World"),
        ("[(A) -2500 (B) -2500 (C)] TJ", "A\tB\tC"),
        ("(one) Tj 40 0 Td (two) Tj", "one\ttwo"),
        ("(one) Tj 30 0 Td (two) Tj", "one two"),
        ("(a) Tj 10 Tw ( b) Tj", "a b"),
    ])
    func spacing(_ operators: String, _ expected: String) throws {
        #expect(try Self.texts(["BT /F1 10 Tf 72 700 Td \(operators) ET"]) == [expected])
    }

    @Test("a vertical rule between two glyphs is a cell break, even when they are close")
    func rule() throws {
        let content = "0.5 w 84 690 m 84 712 l S BT /F1 10 Tf 72 700 Td (ab) Tj 14 0 Td (cd) Tj ET"
        #expect(try Self.texts([content]) == ["ab\tcd"])
        let filled = "83.75 690 0.5 22 re f BT /F1 10 Tf 72 700 Td (ab) Tj 14 0 Td (cd) Tj ET"
        #expect(try Self.texts([filled]) == ["ab\tcd"])
        #expect(try Self.texts(["BT /F1 10 Tf 72 700 Td (ab) Tj 14 0 Td (cd) Tj ET"]) == ["ab cd"])
    }

    @Test("lines top to bottom whatever the drawing order; a superscript (Ts) stays on its line")
    func ordering() throws {
        let content = "BT /F1 10 Tf 72 600 Td (second) Tj ET BT /F1 10 Tf 72 700 Td (x) Tj 5 Ts (2) Tj 0 Ts ( first) Tj ET"
        #expect(try Self.texts([content]) == ["x2 first", "second"])
    }

    @Test("right to left drawing of one line comes out left to right")
    func leftToRight() throws {
        #expect(try Self.texts(["BT /F1 10 Tf 200 700 Td (right) Tj -128 0 Td (left) Tj ET"]) == ["left\tright"])
    }

    @Test("CJK characters tracked apart (Tc) stay together; CJK next to Latin keeps its space")
    func cjkTracking() throws {
        let file = PDFFontTests.document(font: PDFFontTests.type0, content: "BT /F2 12 Tf 4 Tc 72 700 Td <00030004> Tj 40 0 Td <0010> Tj ET",
                                         extra: [PDFFontTests.descendant], streams: [(8, "", PDFFontTests.toUnicode)])
        #expect(try PDFTextReader.read(file).lines.map(\.text) == ["中文 A"])
    }

    @Test("a Form XObject's text, placed by its /Matrix; a form that draws itself is cut")
    func forms() throws {
        let form = (20, "<< /Type /XObject /Subtype /Form /BBox [0 0 500 500] /Matrix [1 0 0 1 100 0] /Resources << /Font << /F1 100 0 R >> /XObject << /Me 20 0 R >> >> /Length 44 >>\nstream\nBT /F1 10 Tf 0 700 Td (in form) Tj ET /Me Do\nendstream")
        let document = try PDFTextReader.read(PDFTestWriter.simple(
            pages: ["BT /F1 10 Tf 0 600 Td (page) Tj ET /X Do"], pageExtra: "/Resources << /Font << /F1 100 0 R >> /XObject << /X 20 0 R >> >>",
            extraObjects: [form]))
        #expect(document.lines.map(\.text) == ["in form", "page"])
        #expect(document.lines.first?.position?.x == 100)
        #expect(document.notes.contains { $0.contains("draws itself") })
    }

    @Test("an inline image is skipped, even when its data holds EI")
    func inlineImage() throws {
        let content = "BT /F1 10 Tf 72 700 Td (before) Tj ET BI /W 4 /H 1 /CS /G /BPC 8 ID EI x\nEI BI /W 2 /H 2 /F /AHx ID 00 E I ff00ffEI\nEI BT /F1 10 Tf 72 680 Td (after) Tj ET"
        #expect(try Self.texts([content]) == ["before", "after"])
    }

    @Test("a page rotated 90 degrees whose content is drawn turned reads upright")
    func rotation() throws {
        let content = "q 0 1 -1 0 595 0 cm BT /F1 10 Tf 72 500 Td (upright) Tj ET Q"
        let document = try PDFTextReader.read(PDFTestWriter.simple(pages: [content], pageExtra: "/Rotate 90"))
        #expect(document.lines.map(\.text) == ["upright"])
        #expect(document.notes.isEmpty)
        let sideways = try PDFTextReader.read(PDFTestWriter.simple(pages: ["BT /F1 10 Tf 72 500 Td (sideways) Tj ET"], pageExtra: "/Rotate 90"))
        #expect(sideways.lines.map(\.text) == ["sideways"])
        #expect(sideways.notes.contains { $0.contains("sideways") })
    }

    @Test("/ActualText replaces the glyphs it covers")
    func actualText() throws {
        let content = "BT /F1 10 Tf 72 700 Td (a) Tj /Span << /ActualText <FEFF0066006C> >> BDC (X) Tj EMC (ag) Tj ET"
        #expect(try Self.texts([content]) == ["aflag"])
    }

    @Test("running headers and footers that repeat, and lone page numbers, are furniture")
    func furniture() throws {
        let pages = (1...3).map { number in
            "BT /F1 9 Tf 72 820 Td (Weekly bulletin of the hall) Tj ET BT /F1 12 Tf 72 600 Td (Body text \(number)) Tj ET BT /F1 9 Tf 290 30 Td (- \(number) -) Tj ET"
        }
        let document = try PDFTextReader.read(PDFTestWriter.simple(pages: pages))
        let marks = document.lines.map { "\($0.isFurniture ? "F" : "-") \($0.text)" }
        #expect(marks == ["F Weekly bulletin of the hall", "- Body text 1", "F - 1 -",
                          "F Weekly bulletin of the hall", "- Body text 2", "F - 2 -",
                          "F Weekly bulletin of the hall", "- Body text 3", "F - 3 -"])
    }

    @Test("a footer row ending in a page number of the form n/m is furniture, even on a single page")
    func footerCell() throws {
        let content = "BT /F1 12 Tf 72 600 Td (Body) Tj ET BT /F1 8 Tf 20 20 Td (file:///tmp/b.html) Tj 520 0 Td (1/1) Tj ET BT /F1 8 Tf 20 40 Td (Total) Tj 500 0 Td (12) Tj ET"
        let document = try PDFTextReader.read(PDFTestWriter.simple(pages: [content]))
        #expect(document.lines.map { "\($0.isFurniture ? "F" : "-") \($0.text)" } == ["- Body", "- Total\t12", "F file:///tmp/b.html\t1/1"])
    }

    @Test("page numbers recognised", arguments: ["2", "—2—", "- 2 -", "第 2 页", "第2页 共5页", "2/5", "Page 2 of 5", "（2）"])
    func pageNumbers(_ text: String) {
        #expect(PDFFurniture.isPageNumber(text))
    }

    @Test("not page numbers", arguments: ["2023年", "共计 12 件", "受理\t12", "", "一、综窗改革"])
    func notPageNumbers(_ text: String) {
        #expect(!PDFFurniture.isPageNumber(text))
    }

    @Test("a body line that merely repeats is not furniture, nor is a number in the middle of a page")
    func notFurniture() throws {
        let pages = (1...2).map { _ in "BT /F1 12 Tf 72 500 Td (Same line) Tj 0 -20 Td (7) Tj 0 -20 Td (More) Tj ET" }
        let document = try PDFTextReader.read(PDFTestWriter.simple(pages: pages))
        #expect(document.lines.allSatisfy { !$0.isFurniture })
    }
}
