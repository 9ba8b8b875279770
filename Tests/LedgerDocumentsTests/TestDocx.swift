import LedgerTestSupport

/// Small .docx files made in the tests: a body, and optionally numbering, styles and more parts.
enum TestDocx {
    static let namespaces = """
        xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
        xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" \
        xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" \
        xmlns:v="urn:schemas-microsoft-com:vml" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        """

    /// A .docx whose `w:body` holds `body`; `numbering` and `styles` are the inner XML of their
    /// parts' roots. Entries are deflated unless `deflated` is false.
    static func make(_ body: String, numbering: String? = nil, styles: String? = nil,
                     extra: [TestZip.Entry] = [], deflated: Bool = true) -> [UInt8] {
        var entries: [TestZip.Entry] = [
            .init("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/></Types>
                """, deflated: deflated),
            .init("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
                Target="word/document.xml"/></Relationships>
                """, deflated: deflated),
            .init("word/document.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:document \(namespaces)><w:body>\(body)<w:sectPr/></w:body></w:document>
                """, deflated: deflated),
        ]
        var relationships = ""
        if let numbering {
            entries.append(.init("word/numbering.xml", "<w:numbering \(namespaces)>\(numbering)</w:numbering>", deflated: deflated))
            relationships += "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/>"
        }
        if let styles {
            entries.append(.init("word/styles.xml", "<w:styles \(namespaces)>\(styles)</w:styles>", deflated: deflated))
            relationships += "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"/word/styles.xml\"/>"
        }
        entries.append(.init("word/_rels/document.xml.rels", """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(relationships)</Relationships>
            """, deflated: deflated))
        return TestZip.archive(entries + extra)
    }

    /// A paragraph of one run of `text`, with paragraph properties `properties`.
    static func p(_ text: String, _ properties: String = "") -> String {
        "<w:p>\(properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>")<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
    }

    /// Paragraph properties naming list `numID` at `level`.
    static func numPr(_ numID: Int, _ level: Int) -> String {
        "<w:numPr><w:ilvl w:val=\"\(level)\"/><w:numId w:val=\"\(numID)\"/></w:numPr>"
    }

    /// An abstract list definition with the levels given as (format, lvlText, start).
    static func abstractNum(_ id: Int, _ levels: [(String, String, Int)], extra: [Int: String] = [:]) -> String {
        let body = levels.enumerated().map { index, level in
            "<w:lvl w:ilvl=\"\(index)\"><w:start w:val=\"\(level.2)\"/><w:numFmt w:val=\"\(level.0)\"/>"
                + "<w:lvlText w:val=\"\(level.1)\"/>\(extra[index] ?? "")</w:lvl>"
        }.joined()
        return "<w:abstractNum w:abstractNumId=\"\(id)\">\(body)</w:abstractNum>"
    }

    /// A list instance of `abstractID`, with `overrides` inside it.
    static func num(_ id: Int, _ abstractID: Int, overrides: String = "") -> String {
        "<w:num w:numId=\"\(id)\"><w:abstractNumId w:val=\"\(abstractID)\"/>\(overrides)</w:num>"
    }
}
