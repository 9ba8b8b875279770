import LedgerDomain

extension ProducerRendering {
    /// The clean text as a flat ODT for LibreOffice Writer, as the fixtures' `lists` variant:
    /// A4, the masthead, sections `一、` and sub-sections `（一）` (and inspection items) as
    /// automatic list numbering (LibreOffice writes it to the `.docx`'s `numbering.xml`), items
    /// typed, tab-separated rows as a table with a header row, the footer lines; the running
    /// header `窗口工作周报` on the pages after the first and the page number `—N—` in the footer.
    public static func flatODT(clean text: String, published: CalendarDate) -> String {
        var body = ["<text:p text:style-name=\"Masthead\">\(mastheadTitle)</text:p>"]
        var publisher: [String] = []
        var rows: [[String]] = []
        var firstDistribution = true
        var tables = 0
        func flushRows() {
            guard !rows.isEmpty else { return }
            tables += 1
            body.append(odtTable(rows, number: tables))
            rows = []
        }
        func flushPublisher() {
            if !publisher.isEmpty { body.append("<text:p text:style-name=\"Publisher\">" + publisher.joined(separator: "<text:tab/>") + "</text:p>") }
            publisher = []
        }
        for (kind, line) in classify(lines(text)) {
            if kind != .row { flushRows() }
            if kind != .publisher && kind != .date { flushPublisher() }
            switch kind {
            case .issue: body.append("<text:p text:style-name=\"Issue\">\(escaped(line))</text:p>")
            case .publisher, .date: publisher.append(escaped(line))
            case .title: body.append("<text:p text:style-name=\"Title\">\(escaped(line))</text:p>")
            case .period: body.append("<text:p text:style-name=\"Period\">\(escaped(line))</text:p>")
            case .section, .subsection, .item:
                let level = kind == .section ? 1 : 2
                let marker = (kind == .section ? sectionNumber(line) : subsectionNumber(line)) ?? 0
                let rest = escaped(String(line.dropFirst(marker)))
                let paragraph = kind == .item ? "<text:p text:style-name=\"List_20_Item\">\(rest)</text:p>"
                    : "<text:h text:style-name=\"Heading_20_\(level)\" text:outline-level=\"\(level)\">\(rest)</text:h>"
                let inner = level == 1 ? paragraph : "<text:list><text:list-item>\(paragraph)</text:list-item></text:list>"
                body.append("<text:list text:style-name=\"Sections\" text:continue-numbering=\"true\"><text:list-item>\(inner)</text:list-item></text:list>")
            case .row: rows.append(line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init))
            case .distribution:
                body.append("<text:p text:style-name=\"\(firstDistribution ? "Distribution_20_First" : "Distribution")\">\(escaped(line))</text:p>")
                firstDistribution = false
            case .copies: body.append("<text:p text:style-name=\"Copies\">\(escaped(line))</text:p>")
            case .paragraph: body.append("<text:p text:style-name=\"Text_20_body\">\(escaped(line))</text:p>")
            }
        }
        flushRows()
        flushPublisher()
        let date = String(published.year) + "-" + twoDigits(published.month) + "-" + twoDigits(published.day)
        return odtHead(date: date) + body.joined(separator: "\n") + "\n</office:text></office:body></office:document>\n"
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// A table whose first row is its header row.
    static func odtTable(_ rows: [[String]], number: Int) -> String {
        let width = rows.map(\.count).max() ?? 1
        func row(_ cells: [String], _ style: String) -> String {
            "<table:table-row>" + (cells + Array(repeating: "", count: width - cells.count)).map {
                "<table:table-cell table:style-name=\"Cell\" office:value-type=\"string\"><text:p text:style-name=\"\(style)\">\(escaped($0))</text:p></table:table-cell>"
            }.joined() + "</table:table-row>"
        }
        return "<table:table table:name=\"Table\(number)\" table:style-name=\"Tbl\"><table:table-column table:style-name=\"Col\(min(max(width, 2), 8))\" table:number-columns-repeated=\"\(width)\"/>"
            + "<table:table-header-rows>" + row(rows[0], "Table_20_Heading") + "</table:table-header-rows>"
            + rows.dropFirst().map { row($0, "Table_20_Contents") }.joined() + "</table:table>"
    }

    /// Everything before the body: metadata, fonts, styles, the list style, the page and its header and footer.
    static func odtHead(date: String) -> String {
        let columnStyles = (2...8).map { n in
            "<style:style style:name=\"Col\(n)\" style:family=\"table-column\"><style:table-column-properties style:column-width=\"\(146 / n)mm\"/></style:style>"
        }.joined(separator: "\n ")
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
         xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
         xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
         xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
         xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
        <office:meta><dc:title>窗口工作周报</dc:title><meta:initial-creator>窗口工作周报</meta:initial-creator><dc:creator>窗口工作周报</dc:creator>
        <meta:creation-date>\(date)T09:00:00</meta:creation-date><dc:date>\(date)T09:00:00</dc:date><dc:language>zh-CN</dc:language></office:meta>
        <office:font-face-decls>
         <style:font-face style:name="Noto Sans CJK SC" svg:font-family="&apos;Noto Sans CJK SC&apos;" style:font-family-generic="swiss"/>
         <style:font-face style:name="Noto Sans CJK SC" svg:font-family="&apos;Noto Sans CJK SC&apos;" style:font-family-generic="swiss"/>
        </office:font-face-decls>
        <office:styles>
         <style:default-style style:family="paragraph">
          <style:paragraph-properties fo:line-height="28pt" style:writing-mode="lr-tb"/>
          <style:text-properties style:font-name="Noto Sans CJK SC" fo:font-size="16pt" fo:language="zh" fo:country="CN"
           style:font-name-asian="Noto Sans CJK SC" style:font-size-asian="16pt" style:language-asian="zh" style:country-asian="CN"/>
         </style:default-style>
         <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
         <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
          <style:paragraph-properties fo:text-indent="2em" fo:text-align="justify" fo:margin-top="0cm" fo:margin-bottom="0cm"/>
         </style:style>
         <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text">
          <style:paragraph-properties fo:text-indent="2em" fo:margin-top="0cm" fo:margin-bottom="0cm" fo:keep-with-next="always"/>
         </style:style>
         <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="1" style:class="text">
          <style:text-properties style:font-name="Noto Sans CJK SC" style:font-name-asian="Noto Sans CJK SC"/>
         </style:style>
         <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="2" style:class="text"/>
         <style:style style:name="List_20_Item" style:display-name="List Item" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="list"/>
         <style:style style:name="Masthead" style:family="paragraph" style:parent-style-name="Standard" style:master-page-name="First_20_Page">
          <style:paragraph-properties fo:text-align="center" fo:line-height="150%" fo:margin-bottom="0.2cm"/>
          <style:text-properties fo:color="#c00000" fo:font-size="32pt" style:font-size-asian="32pt" fo:letter-spacing="0.3cm" fo:font-weight="bold" style:font-weight-asian="bold"/>
         </style:style>
         <style:style style:name="Issue" style:family="paragraph" style:parent-style-name="Standard">
          <style:paragraph-properties fo:text-align="center"/>
         </style:style>
         <style:style style:name="Publisher" style:family="paragraph" style:parent-style-name="Standard">
          <style:text-properties fo:font-size="85%" style:font-size-asian="85%"/>
          <style:paragraph-properties fo:padding-bottom="0.1cm" fo:border-bottom="1.5pt solid #c00000" fo:margin-bottom="0.4cm">
           <style:tab-stops><style:tab-stop style:position="156mm" style:type="right"/></style:tab-stops>
          </style:paragraph-properties>
         </style:style>
         <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard">
          <style:paragraph-properties fo:text-align="center" fo:line-height="150%"/>
          <style:text-properties fo:font-size="22pt" style:font-size-asian="22pt" fo:font-weight="bold" style:font-weight-asian="bold"/>
         </style:style>
         <style:style style:name="Period" style:family="paragraph" style:parent-style-name="Standard">
          <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.4cm"/>
         </style:style>
         <style:style style:name="Distribution" style:family="paragraph" style:parent-style-name="Standard">
          <style:paragraph-properties fo:margin-top="0cm"/>
         </style:style>
         <style:style style:name="Distribution_20_First" style:display-name="Distribution First" style:family="paragraph" style:parent-style-name="Distribution">
          <style:paragraph-properties fo:margin-top="1cm" fo:padding-top="0.1cm" fo:border-top="0.5pt solid #000000"/>
         </style:style>
         <style:style style:name="Copies" style:family="paragraph" style:parent-style-name="Standard">
          <style:paragraph-properties fo:text-align="end" fo:padding-bottom="0.1cm" fo:border-bottom="0.5pt solid #000000"/>
         </style:style>
         <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
          <style:paragraph-properties fo:padding-bottom="0.05cm" fo:border-bottom="0.5pt solid #c00000"/>
          <style:text-properties fo:color="#c00000" fo:letter-spacing="0.2cm" fo:font-size="12pt" style:font-size-asian="12pt"/>
         </style:style>
         <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
          <style:paragraph-properties fo:text-align="center"/>
          <style:text-properties fo:font-size="12pt" style:font-size-asian="12pt"/>
         </style:style>
         <style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
          <style:paragraph-properties fo:text-align="center"/>
         </style:style>
         <style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra">
          <style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/>
         </style:style>
         <text:list-style style:name="Sections">
          <text:list-level-style-number text:level="1" style:num-suffix="、" style:num-format="一, 二, 三, ...">
           <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
            <style:list-level-label-alignment text:label-followed-by="nothing" fo:text-indent="2em" fo:margin-left="0cm"/>
           </style:list-level-properties>
          </text:list-level-style-number>
          <text:list-level-style-number text:level="2" style:num-prefix="（" style:num-suffix="）" style:num-format="一, 二, 三, ...">
           <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
            <style:list-level-label-alignment text:label-followed-by="nothing" fo:text-indent="2em" fo:margin-left="0cm"/>
           </style:list-level-properties>
          </text:list-level-style-number>
         </text:list-style>
        </office:styles>
        <office:automatic-styles>
         <style:page-layout style:name="pm1">
          <style:page-layout-properties fo:page-width="210mm" fo:page-height="297mm" style:print-orientation="portrait"
           fo:margin-top="25mm" fo:margin-bottom="20mm" fo:margin-left="28mm" fo:margin-right="26mm"/>
          <style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.5cm"/></style:header-style>
          <style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.5cm"/></style:footer-style>
         </style:page-layout>
         <style:style style:name="Tbl" style:family="table">
          <style:table-properties style:width="146mm" table:align="center" fo:margin-top="0.2cm" fo:margin-bottom="0.2cm"/>
         </style:style>
         \(columnStyles)
         <style:style style:name="Cell" style:family="table-cell">
          <style:table-cell-properties fo:padding="0.05cm" fo:border="0.5pt solid #000000"/>
         </style:style>
        </office:automatic-styles>
        <office:master-styles>
         <style:master-page style:name="Standard" style:page-layout-name="pm1">
          <style:header><text:p text:style-name="Header">窗口工作周报</text:p></style:header>
          <style:footer><text:p text:style-name="Footer">—<text:page-number text:select-page="current">1</text:page-number>—</text:p></style:footer>
         </style:master-page>
         <style:master-page style:name="First_20_Page" style:display-name="First Page" style:page-layout-name="pm1" style:next-style-name="Standard">
          <style:footer><text:p text:style-name="Footer">—<text:page-number text:select-page="current">1</text:page-number>—</text:p></style:footer>
         </style:master-page>
        </office:master-styles>
        <office:body><office:text>

        """
    }
}
