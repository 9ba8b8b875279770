import Testing
import LedgerTestSupport
@testable import LedgerDocuments
import LedgerFormats

/// Word documents read as Word shows them: runs joined, fields' results, revisions, tables,
/// text boxes; and every file that is not a readable .docx refused with what it is.
@Suite("Docx reader")
struct DocxReaderTests {
    static func lines(_ body: String, numbering: String? = nil, styles: String? = nil) throws -> [String] {
        try DocxReader.read(TestDocx.make(body, numbering: numbering, styles: styles)).lines.map(\.text)
    }

    /// A body and the lines it must give.
    struct Case: CustomTestStringConvertible, Sendable {
        var testDescription: String
        var body: String
        var expected: [String]
    }

    static let textCases: [Case] = [
        .init(testDescription: "runs split mid-word joined back",
              body: "<w:p><w:r><w:t>窗口工</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>作周</w:t></w:r><w:r><w:t>报</w:t></w:r></w:p>",
              expected: ["窗口工作周报"]),
        .init(testDescription: "xml:space: preserved spaces kept, others dropped",
              body: "<w:p><w:r><w:t xml:space=\"preserve\">共计 </w:t><w:t>  618 </w:t><w:t xml:space=\"preserve\"> 人次</w:t></w:r></w:p>",
              expected: ["共计 618 人次"]),
        .init(testDescription: "tab, break, carriage return",
              body: "<w:p><w:r><w:t>A</w:t><w:tab/><w:t>B</w:t><w:br/><w:t>C</w:t><w:cr/><w:t>D</w:t><w:br w:type=\"page\"/></w:r></w:p>",
              expected: ["A\tB", "C", "D", ""]),
        .init(testDescription: "hyphens and symbols",
              body: "<w:p><w:r><w:t>e</w:t><w:noBreakHyphen/><w:t>mail co</w:t><w:softHyphen/><w:t>operate</w:t>"
                  + "<w:sym w:font=\"Symbol\" w:char=\"F0B7\"/><w:sym w:font=\"SimSun\" w:char=\"2605\"/></w:r></w:p>",
              expected: ["e-mail cooperate★"]),
        .init(testDescription: "a complex field shows its result, not its instruction",
              body: "<w:p><w:r><w:t xml:space=\"preserve\">第 </w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                  + "<w:r><w:instrText xml:space=\"preserve\"> PAGE \\* MERGEFORMAT </w:instrText></w:r>"
                  + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>3</w:t></w:r>"
                  + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:t xml:space=\"preserve\"> 页</w:t></w:r></w:p>",
              expected: ["第 3 页"]),
        .init(testDescription: "a field nested in another's instruction shows nothing of it",
              body: "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/><w:instrText>IF </w:instrText>"
                  + "<w:fldChar w:fldCharType=\"begin\"/><w:instrText>PAGE</w:instrText><w:fldChar w:fldCharType=\"separate\"/>"
                  + "<w:t>1</w:t><w:fldChar w:fldCharType=\"end\"/><w:instrText> = 1 \"yes\"</w:instrText>"
                  + "<w:fldChar w:fldCharType=\"separate\"/><w:t>yes</w:t><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>",
              expected: ["yes"]),
        .init(testDescription: "a field's result across paragraphs (a table of contents)",
              body: "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/><w:instrText>TOC \\o</w:instrText><w:fldChar w:fldCharType=\"separate\"/>"
                  + "<w:t>一、综窗改革</w:t></w:r></w:p><w:p><w:r><w:t>二、大厅巡查</w:t><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>",
              expected: ["一、综窗改革", "二、大厅巡查"]),
        .init(testDescription: "a simple field's runs are its result",
              body: "<w:p><w:fldSimple w:instr=\" DATE \\@ &quot;yyyy年M月d日&quot; \"><w:r><w:t>2023年2月27日</w:t></w:r></w:fldSimple></w:p>",
              expected: ["2023年2月27日"]),
        .init(testDescription: "deleted and moved-away text dropped, inserted and moved-to kept",
              body: "<w:p><w:r><w:t>受理</w:t></w:r><w:del w:id=\"1\" w:author=\"a\"><w:r><w:delText>116</w:delText></w:r></w:del>"
                  + "<w:ins w:id=\"2\" w:author=\"a\"><w:r><w:t>118</w:t></w:r></w:ins><w:r><w:t>件</w:t></w:r>"
                  + "<w:moveFrom w:id=\"3\"><w:r><w:t>旧</w:t></w:r></w:moveFrom><w:moveTo w:id=\"4\"><w:r><w:t>。</w:t></w:r></w:moveTo></w:p>",
              expected: ["受理118件。"]),
        .init(testDescription: "hidden text left out",
              body: "<w:p><w:r><w:t>看得见</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>看不见</w:t></w:r>"
                  + "<w:r><w:rPr><w:vanish w:val=\"false\"/></w:rPr><w:t>也看得见</w:t></w:r></w:p>",
              expected: ["看得见也看得见"]),
        .init(testDescription: "a phonetic guide's base text only",
              body: "<w:p><w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>chuāng</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>窗</w:t></w:r></w:rubyBase></w:ruby></w:r></w:p>",
              expected: ["窗"]),
        .init(testDescription: "hyperlinks, content controls, smart tags keep their text",
              body: "<w:p><w:hyperlink r:id=\"rId9\"><w:r><w:t>链接</w:t></w:r></w:hyperlink><w:sdt><w:sdtPr><w:alias w:val=\"x\"/></w:sdtPr>"
                  + "<w:sdtContent><w:r><w:t>控件</w:t></w:r></w:sdtContent></w:sdt><w:smartTag><w:r><w:t>标记</w:t></w:r></w:smartTag></w:p>"
                  + "<w:sdt><w:sdtContent>\(TestDocx.p("块控件"))</w:sdtContent></w:sdt>",
              expected: ["链接控件标记", "块控件"]),
        .init(testDescription: "empty paragraphs are empty lines; entities and references read",
              body: "<w:p/>\(TestDocx.p("A &amp; B &lt;C&gt; &#x4E00;&#19968;"))<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr></w:p>",
              expected: ["", "A & B <C> 一一", ""]),
        .init(testDescription: "a text box's paragraphs where it is anchored, once (choice, not fallback)",
              body: "<w:p><w:r><w:t>前</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:wsp><wps:txbx>"
                  + "<w:txbxContent>\(TestDocx.p("框一"))\(TestDocx.p("框二"))</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>"
                  + "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>\(TestDocx.p("框一"))\(TestDocx.p("框二"))</w:txbxContent>"
                  + "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>后</w:t></w:r></w:p>\(TestDocx.p("下一段"))",
              expected: ["前后", "框一", "框二", "下一段"]),
        .init(testDescription: "a VML text box without alternate content",
              body: "<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent>\(TestDocx.p("旧式文本框"))</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>",
              expected: ["", "旧式文本框"]),
    ]

    @Test("text as Word shows it", arguments: textCases)
    func text(_ test: Case) throws {
        let lines = try Self.lines(test.body)
        #expect(lines == test.expected)
    }

    static func row(_ cells: [String]) -> String {
        "<w:tr>" + cells.map { "<w:tc>\($0)</w:tc>" }.joined() + "</w:tr>"
    }

    static let tableCases: [Case] = [
        .init(testDescription: "one line per row, cells by a tab",
              body: "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid>" + row([TestDocx.p("部门"), TestDocx.p("件数")])
                  + row([TestDocx.p("教育厅"), TestDocx.p("14")]) + "</w:tbl>" + TestDocx.p("表后"),
              expected: ["部门\t件数", "教育厅\t14", "表后"]),
        .init(testDescription: "a cell's paragraphs and breaks joined by a space, its tabs spaces",
              body: "<w:tbl>" + row([TestDocx.p("一") + TestDocx.p("二"), "<w:p><w:r><w:t>a</w:t><w:br/><w:t>b</w:t><w:tab/><w:t>c</w:t></w:r></w:p>"]) + "</w:tbl>",
              expected: ["一 二\ta b c"]),
        .init(testDescription: "merged cells: a span is one cell, a vertical merge's continuation empty",
              body: "<w:tbl>" + row(["<w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>" + TestDocx.p("合并"), TestDocx.p("c")])
                  + row(["<w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>" + TestDocx.p("上"), TestDocx.p("b"), TestDocx.p("c")])
                  + row(["<w:tcPr><w:vMerge/></w:tcPr><w:p/>", TestDocx.p("b2"), TestDocx.p("c2")]) + "</w:tbl>",
              expected: ["合并\tc", "上\tb\tc", "\tb2\tc2"]),
        .init(testDescription: "a nested table flattened into its cell",
              body: "<w:tbl>" + row([TestDocx.p("外"), "<w:tbl>" + row([TestDocx.p("内1"), TestDocx.p("内2")]) + row([TestDocx.p("内3"), "<w:p/>"])
                  + "</w:tbl><w:p/>"]) + "</w:tbl>",
              expected: ["外\t内1 内2 内3"]),
        .init(testDescription: "an empty row is an empty line; rows in a content control read",
              body: "<w:tbl>" + row(["<w:p/>", "<w:p/>"]) + "<w:sdt><w:sdtContent>" + row([TestDocx.p("x"), TestDocx.p("y")]) + "</w:sdtContent></w:sdt></w:tbl>",
              expected: ["", "x\ty"]),
    ]

    @Test("tables", arguments: tableCases)
    func table(_ test: Case) throws {
        let lines = try Self.lines(test.body)
        #expect(lines == test.expected)
    }

    @Test("lines carry no page or position, and the format is .docx; stored entries read too")
    func lineModel() throws {
        let document = try DocxReader.read(TestDocx.make(TestDocx.p("甲") + TestDocx.p("乙"), deflated: false))
        #expect(document.format == .docx && document.pageCount == nil)
        #expect(document.lines == [DocumentLine(text: "甲"), DocumentLine(text: "乙")])
        #expect(document.notes.isEmpty)
    }

    @Test("headers, footers and footnotes are not read, and a note says so")
    func furniture() throws {
        let bytes = TestDocx.make("<w:p><w:r><w:t>正文</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>", extra: [
            .init("word/header1.xml", "<w:hdr \(TestDocx.namespaces)>\(TestDocx.p("窗 口 工 作 周 报"))</w:hdr>"),
            .init("word/footer1.xml", "<w:ftr \(TestDocx.namespaces)>\(TestDocx.p("—2—"))</w:ftr>"),
            .init("word/footnotes.xml", "<w:footnotes \(TestDocx.namespaces)/>"),
        ])
        let document = try DocxReader.read(bytes)
        #expect(document.lines.map(\.text) == ["正文"])
        #expect(document.notes == [
            "the document's 2 header and footer parts are page furniture and were not read",
            "1 footnote or endnote references were met; the notes themselves were not read",
        ])
    }

    @Test("the main document found through the package relationships")
    func mainPartByRelationship() throws {
        let bytes = TestZip.archive([
            .init("_rels/.rels", "<Relationships><Relationship Type=\"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument\" Target=\"/word/main.xml\"/></Relationships>"),
            .init("word/main.xml", "<w:document \(TestDocx.namespaces)><w:body>\(TestDocx.p("严格格式"))</w:body></w:document>"),
        ])
        #expect(try DocxReader.read(bytes).lines.map(\.text) == ["严格格式"])
    }
}
