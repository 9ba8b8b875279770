import LedgerFormats

/// Tables: one line per row, cells separated by a tab.
extension DocxBodyWalker {
    /// The lines of a table: each row's cells joined by a tab, a cell's paragraphs joined by a
    /// space; a cell continuing a vertical merge (`w:vMerge` without `restart`) is empty, as
    /// Word shows it; a horizontally merged cell (`w:gridSpan`) is one cell. A table nested in
    /// a cell is flattened into that cell's text, its cells and rows joined by spaces.
    mutating func table(_ table: XMLElement) -> [String] {
        tableDepth += 1
        defer { tableDepth -= 1 }
        var lines: [String] = []
        for row in Self.descendants(of: table, named: "w:tr", through: ["w:tbl", "w:tr", "w:tc"]) {
            var cells: [String] = []
            for cell in Self.descendants(of: row, named: "w:tc", through: ["w:tbl", "w:tr", "w:tc"]) {
                cells.append(cellText(cell))
            }
            if tableDepth > 1 {
                lines.append(cells.filter { !$0.isEmpty }.joined(separator: " "))
            } else {
                lines.append(cells.allSatisfy(\.isEmpty) ? "" : cells.joined(separator: "\t"))
            }
        }
        return tableDepth > 1 ? [lines.filter { !$0.isEmpty }.joined(separator: " ")] : lines
    }

    private mutating func cellText(_ cell: XMLElement) -> String {
        if let merge = cell.firstElement("w:tcPr")?.firstElement("w:vMerge"), merge.attribute("w:val") != "restart" {
            return ""
        }
        let lines = blockLines(cell).map { $0.replacingTabs }
        return lines.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// The elements named `name` inside `element`, looking through wrappers (`w:sdt`,
    /// `w:customXml`, revisions) but not into the elements named in `opaque`.
    static func descendants(of element: XMLElement, named name: String, through opaque: Set<String>) -> [XMLElement] {
        var found: [XMLElement] = []
        for case .element(let child) in element.children {
            if child.name == name {
                found.append(child)
            } else if !opaque.contains(child.name) && !skipped.contains(child.name) {
                found += descendants(of: child, named: name, through: opaque)
            }
        }
        return found
    }
}

extension String {
    /// The string with its tabs as spaces (inside a table cell, a tab would read as a new cell).
    var replacingTabs: String {
        contains("\t") ? String(map { $0 == "\t" ? " " : $0 }) : self
    }
}
