/// Marks page furniture: lines in the top or bottom margin that repeat on most pages (running
/// headers and footers, digits aside), and lone page numbers (`—2—`, `- 2 -`, `2`, `第 2 页 共 5 页`)
/// at the top or bottom of a page. Their text stays; only `isFurniture` is set.
enum PDFFurniture {
    /// The share of the page's height, from the top and from the bottom, counted as margin.
    static let marginShare = 0.15
    /// How many lines from each end of a page may be a page number.
    static let edgeLines = 2

    /// Sets `isFurniture` on the furniture of `pages` (each page's lines top to bottom).
    static func mark(_ pages: inout [[DocumentLine]], pageHeights: [Double]) {
        var seen: [String: Set<Int>] = [:]
        for (index, lines) in pages.enumerated() {
            let height = index < pageHeights.count ? pageHeights[index] : 842
            for line in lines where inMargin(line, height: height) {
                seen[key(line.text), default: []].insert(index)
            }
        }
        let repeatedThreshold = max(2, (pages.count + 1) / 2)
        for index in pages.indices {
            let height = index < pageHeights.count ? pageHeights[index] : 842
            let count = pages[index].count
            for position in pages[index].indices {
                let line = pages[index][position]
                let atEdge = position < edgeLines || position >= count - edgeLines
                let repeated = pages.count >= 2 && inMargin(line, height: height) && (seen[key(line.text)]?.count ?? 0) >= repeatedThreshold
                let pageNumber = atEdge && (isPageNumber(line.text) && (inMargin(line, height: height) || position == 0 || position == count - 1)
                    || inMargin(line, height: height) && hasPageNumberCell(line.text))
                if repeated || pageNumber { pages[index][position].isFurniture = true }
            }
        }
    }

    /// True when the line stands in the top or bottom margin.
    private static func inMargin(_ line: DocumentLine, height: Double) -> Bool {
        guard let y = line.position?.y, height > 0 else { return false }
        return y < height * marginShare || y > height * (1 - marginShare)
    }

    /// The text with digits and blanks removed, so that "Page 1" and "Page 2" repeat.
    static func key(_ text: String) -> String {
        String(text.unicodeScalars.filter { !("0"..."9").contains($0) && $0 != " " && $0 != "\t" && $0 != "\u{3000}" }.map(Character.init))
    }

    /// True when the first or last cell of a row is a page number that says so (`1/5`, `第 2 页`,
    /// `Page 2`, `—2—`), as in the footer `file:///… ⇥ 1/5` headless Chromium prints or the
    /// header `窗口工作周报 ⇥ —2—`; bare digits do not count.
    static func hasPageNumberCell(_ text: String) -> Bool {
        let cells = text.split(separator: "\t")
        guard cells.count >= 2, let first = cells.first, let last = cells.last else { return false }
        return [first, last].contains { cell in
            isPageNumber(String(cell)) && cell.contains { "/页Pp-—–－".contains($0) }
        }
    }

    /// True for a page number standing alone: `2`, `—2—`, `- 2 -`, `第 2 页`, `第2页 共5页`, `2/5`, `Page 2 of 5`.
    static func isPageNumber(_ text: String) -> Bool {
        let compact = text.filter { $0 != " " && $0 != "\t" && $0 != "\u{3000}" }
        guard !compact.isEmpty, compact.count <= 24, compact.contains(where: \.isASCIIDigit) else { return false }
        let dashes: Set<Character> = ["-", "—", "–", "－", "―", "─", "·", "•", "~", "_", "[", "]", "(", ")", "（", "）"]
        if compact.allSatisfy({ $0.isASCIIDigit || dashes.contains($0) }) {
            return compact.filter(\.isASCIIDigit).count <= 4
        }
        var rest = compact.lowercased()
        for word in ["page", "第", "共", "页", "of", "/"] { rest = rest.replacing(word, with: "") }
        return rest.allSatisfy(\.isASCIIDigit) && rest.count <= 8
    }
}

extension Character {
    /// True for 0–9.
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
