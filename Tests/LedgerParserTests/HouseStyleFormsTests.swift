import Testing
import LedgerDomain
@testable import LedgerParser

/// The forms of other house styles (layout-preserving extraction, word-processor text, other
/// numbering and punctuation), each rewritten in code from a new issue: the same facts, every
/// line accounted for, nothing for the safety net; and the look-alikes they must not take.
@Suite("House styles: layout, word-processor text, other numbering")
struct HouseStyleFormsTests {
    static let base = NewIssue.spring2024

    static func lines(_ text: String) -> [String] { Fixtures.lines(text) }

    /// `pdftotext -layout`: first lines indented with spaces, the masthead centred, trailing
    /// spaces, a page number at each page's end (`第 N 页 共 M 页` or `- N -`) and a form feed
    /// before the next page's first line, and one after the last page.
    static func layout(_ text: String, pageNumber: @escaping (Int, Int) -> String) -> String {
        let source = lines(text)
        var output: [String] = []
        let perPage = 12
        let pages = (source.count + perPage - 1) / perPage
        for (index, line) in source.enumerated() {
            var written = index < 4 ? String(repeating: " ", count: 24) + line : "    " + line
            if index % 3 == 0 { written += "   " }
            if index > 0 && index % perPage == 0 {
                output += ["", String(repeating: " ", count: 30) + pageNumber(index / perPage, pages)]
                written = "\u{0C}" + written
            }
            output.append(written)
        }
        output += ["", String(repeating: " ", count: 30) + pageNumber(pages, pages), "\u{0C}"]
        return output.joined(separator: "\n") + "\n"
    }

    /// Text saved from a word processor: `　　` indents, no-break spaces, a soft hyphen and a
    /// zero-width space between characters, items `①`, sections `一．`, CRLF and a BOM.
    static func wordProcessor(_ text: String) -> String {
        var result = "\u{FEFF}" + lines(text).map { "　　" + $0 }.joined(separator: "\r\n") + "\r\n"
        result = result.replacing(" ", with: "\u{00A0}")
        result = result.replacing(#/([0-9])\.(\p{Han})/#) { match in
            let circled = Character(Unicode.Scalar(0x245F + UInt32(Int(match.output.1)!))!)
            return "\(circled)\(match.output.2)"
        }
        result = result.replacing(#/([一二三四五六七八九十])、/#) { "\($0.output.1)．" }
        result = result.replacing("副局长李明", with: "副局长\u{00AD}李明")
        result = result.replacing("王芳", with: "王\u{200B}芳")
        return result
    }

    /// Sub-sections `一是` (titles) and `(一)` (inspection items), ASCII colons and
    /// semicolons, the period with `-`.
    static func otherNumbering(_ text: String) -> String {
        lines(text).map { line in
            var line = line
            if let match = line.wholeMatch(of: #/（([一二三四五六七八九十])）([^，。；：]+)/#) {
                line = "\(match.output.1)是\(match.output.2)"
            }
            line = line.replacing(#/（([一二三四五六七八九十])）/#) { "(\($0.output.1))" }
            return line.replacing("：", with: ":").replacing("；", with: ";").replacing("日—", with: "日-")
        }.joined(separator: "\n") + "\n"
    }

    static let forms: [(String, String)] = [
        ("layout, 第 N 页 共 M 页", layout(base.text) { "第 \($0) 页 共 \($1) 页" }),
        ("layout, - N -", layout(base.text) { page, _ in "- \(page) -" }),
        ("word processor", wordProcessor(base.text)),
        ("other numbering and punctuation", otherNumbering(base.text)),
    ]

    @Test("a house style's rewriting gives the issue's own facts, every line placed, no net", arguments: 0..<4)
    func sameFacts(form: Int) throws {
        let (name, text) = Self.forms[form]
        #expect(text != Self.base.text)
        let outcome = BulletinParser.parse(lines: Self.lines(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text))
        #expect(outcome.diagnostics.filter { $0.severity >= .warning }.isEmpty, "\(name): \(outcome.diagnostics)")
        let bulletin = try #require(outcome.bulletin)
        let summary = VariantTests.summary(bulletin)
        #expect(Self.base.summary.filter { !summary.contains($0) } == [], "\(name): missing")
        #expect(summary.filter { !Self.base.summary.contains($0) } == [], "\(name): extra")
        LineAccountTests.expectWhole(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, outcome, name)
        #expect(LineAccountTests.needsNoNet(outcome), "\(name)")
    }

    @Test("page numbers at a page's end and form feeds are furniture and blanks")
    func pageFurniture() {
        for text in ["第 2 页 共 3 页", "\u{0C}第 2 页 共 3 页   ", "  - 2 -  ", "第2页，共3页"] {
            #expect(PageArtefacts.isArtefact(SourceLine(number: 1, raw: text)), "\(text)")
        }
        #expect(SourceLine(number: 1, raw: "\u{0C}").text.isEmpty)
        #expect(SourceLine(number: 1, raw: "\u{0C}（二）着装情况。  ").text == "（二）着装情况。")
        #expect(SourceLine(number: 1, raw: "副局长\u{00AD}李\u{200D}明").text == "副局长李明")
        // A running header and its page number on one baseline, as a PDF's header row is read.
        for text in ["窗口工作周报\t—2—", "窗 口 工 作 周 报        — 2 —", "—3—\t窗口工作周报", "政务服务周报\t第 2 页 共 5 页"] {
            #expect(PageArtefacts.isArtefact(SourceLine(number: 1, raw: text)), "\(text)")
        }
        // Not furniture: a sentence that names a page; a row of figures; a header beside text.
        #expect(!PageArtefacts.isArtefact(SourceLine(number: 1, raw: "详见第 2 页共 3 页的清单。")))
        #expect(!PageArtefacts.isArtefact(SourceLine(number: 1, raw: "本周\t618\t116")))
        #expect(!PageArtefacts.isArtefact(SourceLine(number: 1, raw: "窗口工作周报\t（一）按时到岗情况。")))
    }

    @Test("`一是` heads a sub-section only as a title, next in turn; in prose it stays prose")
    func ordinalShi() {
        #expect(Markers.subsection("一是省本级综窗办件情况", after: 0)! == (1, "省本级综窗办件情况"))
        #expect(Markers.subsection("二是推进情况", after: 1)! == (2, "推进情况"))
        // A clause of prose, not a title.
        #expect(Markers.subsection("一是加强窗口管理，提升服务水平。", after: 0) == nil)
        // Out of turn: `三是` after `一是`, or `一是` again.
        #expect(Markers.subsection("三是推进情况", after: 1) == nil)
        #expect(Markers.subsection("一是推进情况", after: 1) == nil)
        // `（一）` keeps its rule: any higher number.
        #expect(Markers.subsection("（三）推进情况", after: 1)! == (3, "推进情况"))
    }

    @Test("`①` numbers items, in turn; out of turn it stays text")
    func circledItems() throws {
        #expect(Markers.item("①修订综合窗口工作规范。")! == (1, "修订综合窗口工作规范。"))
        #expect(Markers.item("⑳修订。")! == (20, "修订。"))
        #expect(Markers.isBare("②"))
        let text = Self.base.text.replacing("1.组织", with: "①组织").replacing("2.修订", with: "②修订")
            .replacing("3.梳理", with: "⑤梳理")
        let outcome = Fixtures.parse(text)
        let bulletin = try #require(outcome.bulletin)
        // ⑤ after ② is not the next item: its text belongs to item 2.
        #expect(bulletin.progress.count == 2)
        #expect(bulletin.progress.last?.text.contains("⑤梳理") == true)
        LineAccountTests.expectWhole(text, outcome, "circled")
    }
}
