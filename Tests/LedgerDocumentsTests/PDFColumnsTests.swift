import LedgerFormats
import Testing
@testable import LedgerDocuments

/// Text in two columns side by side is read one column after the other (a new user's trial:
/// a two-column bulletin was read across the gutter, line by line, and lost its visits).
@Suite("PDF columns")
struct PDFColumnsTests {
    /// A line of prose about 200 points wide in 10-point Helvetica.
    static func prose(_ label: String) -> String { "\(label) the quick brown fox jumps over dogs" }

    /// `BT … ET` drawing `text` at (x, y).
    static func draw(_ text: String, x: Int, y: Int) -> String { "BT /F1 10 Tf \(x) \(y) Td (\(text)) Tj ET" }

    @Test("a title across the page, then two columns whose baselines do not line up: title, left column, right column")
    func twoColumns() throws {
        var content = [Self.draw("A TITLE ACROSS THE WHOLE PAGE, ABOVE BOTH COLUMNS OF THE TEXT", x: 72, y: 760)]
        for line in 0..<6 {
            content.append(Self.draw(Self.prose("L\(line)"), x: 72, y: 720 - 14 * line))
            content.append(Self.draw(Self.prose("R\(line)"), x: 320, y: 713 - 14 * line))
        }
        content.append(Self.draw("A FOOTER ACROSS THE WHOLE PAGE, BELOW BOTH COLUMNS OF THE TEXT", x: 72, y: 600))
        let lines = try PDFLayoutTests.texts([content.joined(separator: " ")])
        let expected = ["A TITLE ACROSS THE WHOLE PAGE, ABOVE BOTH COLUMNS OF THE TEXT"]
            + (0..<6).map { Self.prose("L\($0)") } + (0..<6).map { Self.prose("R\($0)") }
            + ["A FOOTER ACROSS THE WHOLE PAGE, BELOW BOTH COLUMNS OF THE TEXT"]
        #expect(lines == expected)
    }

    @Test("columns whose baselines line up are not read across the gutter")
    func alignedColumns() throws {
        let content = (0..<5).map { Self.draw(Self.prose("L\($0)"), x: 72, y: 720 - 14 * $0) + " " + Self.draw(Self.prose("R\($0)"), x: 320, y: 720 - 14 * $0) }
        let lines = try PDFLayoutTests.texts([content.joined(separator: " ")])
        #expect(lines == (0..<5).map { Self.prose("L\($0)") } + (0..<5).map { Self.prose("R\($0)") })
    }

    @Test("a table's rows (cells apart) and a header beside its page number stay rows")
    func notColumns() throws {
        var content = [Self.draw("RUNNING HEADER OF THE BULLETIN", x: 72, y: 800) + " " + Self.draw("- 2 -", x: 480, y: 800)]
        for row in 0..<6 {
            content.append(Self.draw("label \(row)", x: 72, y: 720 - 14 * row) + " " + Self.draw("\(100 + row)", x: 300, y: 720 - 14 * row)
                           + " " + Self.draw("\(200 + row)", x: 400, y: 720 - 14 * row))
        }
        let lines = try PDFLayoutTests.texts([content.joined(separator: " ")])
        #expect(lines.first == "RUNNING HEADER OF THE BULLETIN\t- 2 -")
        #expect(Array(lines.dropFirst()) == (0..<6).map { "label \($0)\t\(100 + $0)\t\(200 + $0)" })
    }

    @Test("short lines beside prose are no column: a list of short items keeps its rows")
    func shortRightSide() throws {
        let content = (0..<6).map { Self.draw(Self.prose("L\($0)"), x: 72, y: 720 - 14 * $0) + " " + Self.draw("n\($0)", x: 330, y: 720 - 14 * $0) }
        let lines = try PDFLayoutTests.texts([content.joined(separator: " ")])
        #expect(lines == (0..<6).map { Self.prose("L\($0)") + "\tn\($0)" })
    }
}

/// The fuzzer's find (kept in Tests/Reliability/Fuzz/PDFSeeds/columns-wide-page.pdf): glyphs a
/// million points apart made the gutter search step 2 points across the claimed width, for 47 s.
/// The search now tries a fixed number of places, whatever the width.
@Suite("PDF columns on a crafted page")
struct PDFColumnsCraftedTests {
    @Test("glyphs spread over a billion points: read, no columns made up")
    func hugeWidth() throws {
        let content = (0..<8).map { PDFColumnsTests.draw("row \($0) text", x: 72 + $0 * 100_000_000, y: 720 - 14 * $0) }
        let lines = try PDFLayoutTests.texts([content.joined(separator: " ")])
        #expect(lines == (0..<8).map { "row \($0) text" })
    }
}
