/// Refuses a document that is not one bulletin's text, before anything is read from it: a web
/// page or XML file (markup), or two issues pasted into one file (two mastheads).
///
/// Both are told by the document's structure, never by its wording: markup by where its tags
/// stand (the first line opens a page or an XML file, or tags fill a large share of the lines),
/// two issues by two masthead lines. A bulletin with a stray `<` (`办结时限<3天`) is no markup; a
/// combined issue (`第5-6期`) has one masthead; the same masthead repeated on its own, with no
/// publication date after it and no second footer, is a running header and is left to the
/// parser (its line is kept like any other).
enum DocumentKindCheck {
    /// The error that refuses the document, or nil when it reads as one bulletin's text.
    static func refusal(_ lines: [SourceLine]) -> Diagnostic? {
        markup(lines) ?? twoMastheads(lines)
    }

    // MARK: - Markup

    /// Tags that make a page HTML rather than some other XML.
    private static let htmlTags: Set<String> = [
        "html", "head", "body", "meta", "title", "div", "p", "span", "br", "table", "tr", "td", "a", "script", "style", "font", "b",
    ]
    /// A document with at least this many tags, on at least a third of its lines, is markup.
    static let minTags = 10

    // Regexes are immutable once built; Regex is just not marked Sendable.
    /// `<p>`, `</div>`, `<w:t xml:space="preserve">`, `<br/>`: a tag's name and what follows it.
    nonisolated(unsafe) static let tagPattern = #/<(/?)([A-Za-z][A-Za-z0-9:_.\-]*)(?:\s[^<>]*)?/?>/#

    static func markup(_ lines: [SourceLine]) -> Diagnostic? {
        let nonBlank = lines.filter { !$0.raw.allSatisfy(isBlank) }
        guard let first = nonBlank.first else { return nil }
        let opening = first.raw.drop(while: isBlank).prefix(20).lowercased()
        var kind: String?
        if opening.hasPrefix("<!doctype") || opening.hasPrefix("<html") {
            kind = opening.hasPrefix("<!doctype") && !opening.hasPrefix("<!doctype html") ? "xml" : "html"
        } else if opening.hasPrefix("<?xml") {
            kind = "xml"
        }
        var tags = 0
        var tagLines = 0
        var names: Set<String> = []
        for line in nonBlank where line.raw.contains("<") {
            let found = line.raw.matches(of: tagPattern)
            guard !found.isEmpty else { continue }
            tags += found.count
            tagLines += 1
            for tag in found { names.insert(tag.output.2.lowercased()) }
        }
        if kind == nil, tags >= minTags, tagLines * 3 >= nonBlank.count {
            kind = names.isDisjoint(with: htmlTags) ? "xml" : "html"
        }
        if kind == "xml", names.contains("html") { kind = "html" }
        guard let kind else { return nil }
        let quoted = String(first.raw.drop(while: isBlank).prefix(40)) + (first.raw.count > 40 ? "…" : "")
        let detail = Diagnostic.Detail.markup(html: kind == "html", line: first.number, quoted: quoted, tags: tags, tagLines: tagLines,
                                              linesWithText: nonBlank.count)
        return Diagnostic(.error, .notOneBulletin, detail,
            lines: first.number...first.number)
    }

    private static func isBlank(_ character: Character) -> Bool {
        character.isWhitespace || character == "\u{FEFF}"
    }

    // MARK: - Two mastheads

    /// A masthead line: `2023年第 6期（总第 426期）` opening the line, and after it no sentence
    /// (a clause mark), at most a publisher and a date.
    struct MastheadLine {
        var line: Int
        /// `2023年第6期`, as the masthead names the issue.
        var issue: String
        var dated: Bool
    }

    /// Marks that end a clause: a line holding one after its issue number is prose quoting it.
    private static let clauseMarks: Set<Character> = ["，", "。", "；", "：", "！", "？", "、"]
    /// How many lines with text after a masthead line its publication date may stand.
    static let mastheadBlockLines = 6

    static func mastheadLines(_ lines: [SourceLine]) -> [MastheadLine] {
        let withText = lines.filter { !$0.text.isEmpty }
        var found: [MastheadLine] = []
        for (index, line) in withText.enumerated() where line.text.first?.isASCII == true && line.text.contains("期") {
            guard let match = line.text.prefixMatch(of: HeaderReader.mastheadPattern) else { continue }
            let rest = line.text[match.range.upperBound...]
            guard !rest.contains(where: clauseMarks.contains), rest.count <= 60 else { continue }
            let block = withText[index..<min(withText.count, index + mastheadBlockLines + 1)]
            let dated = block.enumerated().contains { offset, next in
                let text = offset == 0 ? rest : next.text[...]
                return text.contains(HeaderReader.datePattern)
            }
            found.append(MastheadLine(line: line.number, issue: "\(match.output.1)年第\(match.output.2)期", dated: dated))
        }
        return found
    }

    static func twoMastheads(_ lines: [SourceLine]) -> Diagnostic? {
        let mastheads = mastheadLines(lines)
        guard let first = mastheads.first, mastheads.count > 1 else { return nil }
        let footerLines = lines.filter { !$0.text.isEmpty && Markers.isFooter($0.text) }.map(\.number)
        // A repeat of the same masthead is a second copy only with a masthead's block (its
        // date) or a footer both before and after it; alone, it is a running header.
        let others = mastheads.dropFirst().filter { masthead in
            masthead.issue != first.issue || masthead.dated
                || (footerLines.contains { $0 < masthead.line } && footerLines.contains { $0 > masthead.line })
        }
        guard let last = others.last else { return nil }
        let all = [first] + others
        let places = all.map { Diagnostic.MastheadPlace(issue: $0.issue, line: $0.line) }
        let detail: Diagnostic.Detail = Set(all.map(\.issue)).count == 1
            ? .sameIssueRepeated(issue: first.issue, places: places) : .severalIssues(places: places)
        return Diagnostic(.error, .notOneBulletin, detail, lines: first.line...last.line)
    }
}
