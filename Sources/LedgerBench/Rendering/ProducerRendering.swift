import LedgerDomain

/// A generated issue as its author wrote it, made ready for a real producer: an HTML page for
/// headless Chromium to print to PDF, or a flat ODT for LibreOffice Writer to save as Word
/// `.docx`. The same rules as the fixtures' `Tests/LedgerDocumentsTests/Fixtures/tools/render_bulletin.py`
/// (Chromium's `a4` layout, LibreOffice's `lists` variant), so that a generated PDF or `.docx`
/// looks like the committed fixtures.
///
/// Pure: the processes that turn these into documents are started by ``Producers``.
public enum ProducerRendering {
    /// The issue's text without the artefacts of PDF extraction, one paragraph a line: the
    /// house style drawn as ``BulletinRenderer/document(_:seed:)`` draws it (its numbering,
    /// punctuation, digits, wordings), but no hard line breaks, blank lines, page headers,
    /// extraction spaces, invisible characters, CRLF or byte-order mark; a counts table as
    /// tab-separated rows (``ArtefactStyle/CountsForm/tabbedTable``), which both renderings turn
    /// into a real table.
    public static func cleanText(_ issue: BulletinModel, seed: UInt64) -> (house: HouseStyle, text: String) {
        var rng = SplitMix64(seed: seed, stream: UInt64(issue.serial))
        let house = HouseStyle.draw(&rng)
        var style = house.artefacts(&rng)
        style.paragraphs = .unbroken
        style.blankLines = .none
        style.pages = .none
        style.linesPerPage = Int.max
        style.firstLineIndent = ""
        style.centredIn = nil
        style.leadingSpace = 0
        style.trailingSpace = 0
        style.spaceAroundNumber = 0
        style.spaceInsideNumber = 0
        style.noBreakSpaces = false
        style.invisibles = 0
        style.crlf = false
        style.byteOrderMark = false
        if let separator = style.thousandsSeparator, separator != "," && separator != "，" { style.thousandsSeparator = nil }
        if style.countsForm != .prose && style.countsForm != .untilTotals { style.countsForm = .tabbedTable }
        return (house, BulletinRenderer.render(issue, style: style, seed: rng.next()))
    }

    // MARK: - What each line is

    /// What a line of a clean bulletin is, from the line alone.
    enum Kind: Equatable {
        case issue, publisher, date, title, period, section, subsection, item, paragraph, row, distribution, copies
    }

    static let numerals: Set<Character> = Set("一二三四五六七八九十")

    /// `一、` `一．` `一.`: the length of the section number, if the line starts with one.
    static func sectionNumber(_ line: String) -> Int? {
        let numeral = line.prefix(while: { numerals.contains($0) })
        guard !numeral.isEmpty, let mark = line.dropFirst(numeral.count).first, "、．.".contains(mark) else { return nil }
        return numeral.count + 1
    }

    /// `（一）` `(一)`: the length of the sub-section number, if the line starts with one.
    static func subsectionNumber(_ line: String) -> Int? {
        guard let open = line.first, "（(".contains(open) else { return nil }
        let numeral = line.dropFirst().prefix(while: { numerals.contains($0) })
        guard !numeral.isEmpty, let close = line.dropFirst(1 + numeral.count).first, "）)".contains(close) else { return nil }
        return numeral.count + 2
    }

    /// `2023年2月27日` (any digits).
    static func isDate(_ text: Substring) -> Bool {
        guard text.hasSuffix("日"), let first = text.first, first.isNumber else { return false }
        return text.allSatisfy { $0.isNumber || "年月日".contains($0) }
    }

    /// Each line with what it is; a line holding the publisher and the date becomes two.
    static func classify(_ lines: [String]) -> [(kind: Kind, text: String)] {
        let firstSection = lines.firstIndex { sectionNumber($0) != nil && $0.count < 30 && !$0.contains("。") } ?? lines.count
        var result: [(kind: Kind, text: String)] = []
        for (index, line) in lines.enumerated() {
            if index < firstSection {
                if line.contains("年第") || line.hasPrefix("（总第") || line.hasPrefix("(总第") {
                    result.append((.issue, line))
                } else if let centre = line.range(of: "中心") {
                    result.append((.publisher, String(line[..<centre.upperBound])))
                    let rest = line[centre.upperBound...].drop(while: { $0 == " " })
                    if isDate(rest) { result.append((.date, String(rest))) }
                } else if isDate(line[...]) {
                    result.append((.date, line))
                } else if line.hasPrefix("（") || line.hasPrefix("(") {
                    result.append((.period, line))
                } else {
                    result.append((.title, line))
                }
            } else if sectionNumber(line) != nil && line.count < 30 && !line.contains("。") {
                result.append((.section, line))
            } else if subsectionNumber(line) != nil {
                result.append((line.count < 30 && !line.contains("。") ? .subsection : .item, line))
            } else if line.hasPrefix("（共印") {
                result.append((.copies, line))
            } else if let first = line.first, "报送发".contains(first), let second = line.dropFirst().first, "：:".contains(second) {
                result.append((.distribution, line))
            } else if line.contains("\t") {
                result.append((.row, line))
            } else {
                result.append((.paragraph, line))
            }
        }
        return result
    }

    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            .filter { !$0.allSatisfy { $0 == " " || $0 == "\t" } }
    }

    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }

    static let mastheadTitle = "窗口工作周报"

    // MARK: - HTML for Chromium

    /// The clean text as an A4 HTML page that lays out its own pages (a script pours the blocks
    /// into pages with the running header and the page number `—N—` on each page after the
    /// first), for `chromium --headless --print-to-pdf`.
    public static func html(clean text: String) -> String {
        var blocks: [String] = []
        var masthead = ["<div class=\"name\">\(mastheadTitle)</div>"]
        var publisher: [String] = []
        var footer: [String] = []
        var rows: [String] = []
        func flushRows() {
            if !rows.isEmpty { blocks.append("<table>" + rows.joined() + "</table>"); rows = [] }
        }
        func flushMasthead() {
            if !publisher.isEmpty { masthead.append("<div class=\"pubdate\">" + publisher.joined() + "</div>"); publisher = [] }
            if !masthead.isEmpty { blocks.append("<div class=\"masthead\">" + masthead.joined() + "</div>"); masthead = [] }
        }
        for (kind, line) in classify(lines(text)) {
            let e = escaped(line)
            if kind != .row { flushRows() }
            switch kind {
            case .issue: masthead.append("<div class=\"issue\">\(e)</div>")
            case .publisher, .date: publisher.append("<span>\(e)</span>")
            case .title, .period:
                flushMasthead()
                blocks.append("<div class=\"\(kind == .title ? "title" : "period")\">\(e)</div>")
            case .section: flushMasthead(); blocks.append("<h1>\(e)</h1>")
            case .subsection: blocks.append("<h2>\(e)</h2>")
            case .row: rows.append("<tr>" + line.split(separator: "\t", omittingEmptySubsequences: false).map { "<td>\(escaped(String($0)))</td>" }.joined() + "</tr>")
            case .distribution: footer.append("<p>\(e)</p>")
            case .copies: footer.append("<p class=\"copies\">\(e)</p>")
            case .item, .paragraph: blocks.append("<p>\(e)</p>")
            }
        }
        flushRows()
        flushMasthead()
        if !footer.isEmpty { blocks.append("<div class=\"footer\">" + footer.joined() + "</div>") }
        return "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>\(mastheadTitle)</title><style>"
            + htmlStyle + "</style></head><body><div id=\"src\">\n" + blocks.joined(separator: "\n")
            + "\n</div><script>" + htmlScript + "</script></body></html>\n"
    }

    static let htmlStyle = """
        @page { size: A4; margin: 0; }
        html, body { margin: 0; padding: 0; }
        body { font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; font-size: 16pt; line-height: 28pt; color: #000; }
        .page { width: 210mm; height: 297mm; box-sizing: border-box; padding: 30mm 26mm 28mm 28mm; position: relative;
                display: flex; flex-direction: column; page-break-after: always; break-after: page; overflow: hidden; }
        .page:last-child { page-break-after: auto; break-after: auto; }
        .head { height: 2.2em; display: flex; justify-content: space-between; align-items: flex-end;
                border-bottom: 1px solid #c00; font-size: 0.8em; margin-bottom: 0.8em; flex: none; }
        .head .running { letter-spacing: 1em; color: #c00; }
        .body { flex: 1; overflow: hidden; }
        .masthead .name { text-align: center; color: #c00; font-size: 2.6em; line-height: 1.4; letter-spacing: 0.3em; margin: 0.2em 0 0.3em; }
        .masthead .issue { text-align: center; }
        .masthead .pubdate { display: flex; justify-content: space-between; white-space: nowrap; font-size: 0.85em; border-bottom: 2px solid #c00; padding-bottom: 0.3em; margin-bottom: 0.8em; }
        .title { text-align: center; font-size: 1.35em; margin: 0.6em 0 0; line-height: 1.6; }
        .period { text-align: center; margin: 0 0 0.8em; }
        h1 { font-size: 1em; font-weight: normal; margin: 0; text-indent: 2em; }
        h2 { font-size: 1em; font-weight: normal; margin: 0; text-indent: 2em; }
        p { margin: 0; text-indent: 2em; text-align: justify; }
        p.cont { text-indent: 0; }
        p.split { text-align-last: justify; }
        table { border-collapse: collapse; margin: 0.3em auto; }
        td, th { border: 1px solid #000; padding: 0 0.5em; text-align: center; }
        .footer { border-top: 1px solid #000; border-bottom: 1px solid #000; margin-top: 1.5em; }
        .footer p { text-indent: 0; }
        .copies { text-align: right; text-indent: 0; }
        """

    /// Pours the blocks of `#src` into pages, splitting a paragraph at the last character that fits.
    static let htmlScript = """
        (function () {
          var src = document.getElementById('src');
          var blocks = Array.prototype.slice.call(src.children);
          var pages = 0, body = null;
          function newPage() {
            var page = document.createElement('div'); page.className = 'page';
            pages += 1;
            if (pages > 1) { page.innerHTML = '<div class="head"><span class="running">\(mastheadTitle)</span><span>—' + pages + '—</span></div>'; }
            body = document.createElement('div'); body.className = 'body'; page.appendChild(body);
            document.body.insertBefore(page, src);
          }
          function overflows() { return body.scrollHeight > body.clientHeight + 1; }
          newPage();
          while (blocks.length > 0) {
            var block = blocks.shift();
            body.appendChild(block);
            if (!overflows()) continue;
            if (block.tagName === 'P') {
              var text = block.textContent, lo = 0, hi = text.length;
              while (lo < hi) { var mid = Math.ceil((lo + hi) / 2); block.textContent = text.slice(0, mid); if (overflows()) hi = mid - 1; else lo = mid; }
              if (lo > 0) {
                block.textContent = text.slice(0, lo); block.classList.add('split');
                var rest = document.createElement('p'); rest.className = 'cont'; rest.textContent = text.slice(lo);
                blocks.unshift(rest); newPage(); continue;
              }
              block.textContent = text;
            }
            body.removeChild(block); newPage(); body.appendChild(block);
          }
          src.parentNode.removeChild(src);
        })();
        """
}
