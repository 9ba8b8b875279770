/// The text transformations the variants are made of.
enum Rewrite {
    /// The text's lines, the last one too even when empty: joining them gives the text back.
    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    static func trimmed(_ line: String) -> Substring {
        let start = line.drop { $0.isWhitespace }
        guard let last = start.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return start[...last]
    }

    static func fullWidthDigits(_ text: String, marks: Bool = false) -> String {
        var scalars = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            if ("0"..."9").contains(scalar), let wide = Unicode.Scalar(scalar.value + 0xFEE0) {
                scalars.append(wide)
            } else if marks, scalar == "%" {
                scalars.append("％")
            } else if marks, scalar == ".", let previous, ("0"..."9").contains(previous) {
                scalars.append("．")
            } else {
                scalars.append(scalar)
            }
            previous = scalar
        }
        return String(scalars)
    }

    /// Groups the digits of every count of four digits or more (a number before 件 or 人次).
    static func thousands(_ text: String, separator: String) -> String {
        text.replacing(#/([0-9]{4,})(?=\s*(?:件|人次))/#) { match in
            var digits = String(match.output.1)
            var groups: [String] = []
            while digits.count > 3 {
                groups.insert(String(digits.suffix(3)), at: 0)
                digits.removeLast(3)
            }
            return ([digits] + groups).joined(separator: separator)
        }
    }

    /// Breaks the line in the middle of every number of two digits or more, or after `mark`
    /// when it stands between digits.
    static func splitNumbers(_ text: String, after mark: Character? = nil) -> String {
        if let mark {
            return text.replacing(String(mark), with: "\(mark)\n")
        }
        return text.replacing(#/[0-9]{2,}/#) { match in
            let digits = match.output
            let half = digits.index(digits.startIndex, offsetBy: digits.count / 2)
            return String(digits[..<half]) + "\n" + String(digits[half...])
        }
    }

    /// Puts `marks` (characters that print as nothing) in the middle of every number of two
    /// digits or more.
    static func invisible(_ text: String, _ marks: String) -> String {
        text.replacing(#/[0-9]{2,}/#) { match in
            let digits = match.output
            let half = digits.index(digits.startIndex, offsetBy: digits.count / 2)
            return String(digits[..<half]) + marks + String(digits[half...])
        }
    }

    static func splitUnits(_ text: String) -> String {
        text.replacing(#/([0-9])(\s*)(件|人次|个|份|日|月|年|%|期|名)/#) { "\($0.output.1)\n\($0.output.3)" }
    }

    static func splitDates(_ text: String) -> String {
        text.replacing(#/([0-9]\s*[年月])/#) { "\($0.output.1)\n" }
    }

    /// Joins each paragraph and breaks it anew every `width` characters, as another PDF tool or
    /// page width would. A paragraph runs from a line-start marker, or the line after a sentence
    /// ends, to the next; a heading (a paragraph's first line without `，` or `。`) stays whole.
    static func rewrap(_ text: String, width: Int) -> String {
        var paragraphs: [(text: String, isHeading: Bool)] = []
        var isOpen = false
        for line in lines(text) {
            let content = String(trimmed(line))
            guard !content.isEmpty, !isPageArtefact(content) else { continue }
            if !isOpen || content.firstMatch(of: paragraphStart) != nil {
                let isHeading = !content.contains("，") && !content.contains("。")
                paragraphs.append((content, isHeading))
                isOpen = !isHeading
            } else {
                paragraphs[paragraphs.count - 1].text += content
            }
            if content.hasSuffix("。") || content.hasSuffix("：") { isOpen = false }
        }
        return paragraphs.flatMap { paragraph in
            paragraph.isHeading ? [paragraph.text] : stride(from: 0, to: paragraph.text.count, by: width).map { start in
                String(paragraph.text.dropFirst(start).prefix(width))
            }
        }.joined(separator: "\n")
    }

    nonisolated(unsafe) static let paragraphStart =
        #/^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]{1,2}[）)]|[0-9]{1,2}[.、]|(?:报|送|发)：|（共印)/#

    static func isPageArtefact(_ line: String) -> Bool {
        line == "窗 口 工 作 周 报" || line.wholeMatch(of: #/—[0-9]+—/#) != nil
    }

    /// Removes the page headers and numbers and puts `marker(page)` after every `every`-th
    /// non-blank line instead (none when `every` is 0).
    static func pageBreaks(_ text: String, every: Int, marker: (Int) -> [String]) -> String {
        var output: [String] = []
        var count = 0
        for line in lines(text) where !isPageArtefact(String(trimmed(line))) {
            output.append(line)
            guard every > 0, !trimmed(line).isEmpty else { continue }
            count += 1
            if count % every == 0 { output += marker(count / every + 1) }
        }
        return output.joined(separator: "\n")
    }

    static func itemMarkers(_ text: String, from pattern: Regex<(Substring, Substring, Substring)>,
                            to open: String, _ close: String) -> String {
        lines(text).map { line in
            line.replacing(pattern, maxReplacements: 1) { "\($0.output.1)\(open)\($0.output.2)\(close)" }
        }.joined(separator: "\n")
    }
}

/// A real issue split at its section headings, so that sections can be moved or dropped.
struct Layout {
    var header: [String] = []
    var sections: [[String]] = []
    var footer: [String] = []

    init(_ text: String) {
        for line in Rewrite.lines(text) {
            let content = Rewrite.trimmed(line)
            if !footer.isEmpty || content.hasPrefix("报：") {
                footer.append(line)
            } else if content.firstMatch(of: #/^[一二三四五六七八九十]、/#) != nil {
                sections.append([line])
            } else if sections.isEmpty {
                header.append(line)
            } else {
                sections[sections.count - 1].append(line)
            }
        }
    }

    /// The document with the sub-section markers `（一）` of the section titled with `word` written
    /// as `marker(1)`, `marker(2)`…
    func renumberingSubsections(of word: String, marker: (Int) -> String) -> String {
        let rewritten = sections.map { lines in
            guard lines[0].contains(word) else { return lines }
            var ordinal = 0
            return lines.map { line in
                line.replacing(#/^(\s*)（[一二三四五六七八九十]{1,2}）/#, maxReplacements: 1) { match in
                    ordinal += 1
                    return "\(match.output.1)\(marker(ordinal))"
                }
            }
        }
        return text(sections: rewritten)
    }

    /// The document with the sub-section `（N）厅（局）长进大厅` moved out of its section into a
    /// section of its own, right after it.
    func promotingVisits() -> String {
        var result: [[String]] = []
        for lines in sections {
            guard let start = lines.firstIndex(where: { $0.contains("）厅（局）长进大厅") }) else {
                result.append(lines)
                continue
            }
            let end = lines[(start + 1)...].firstIndex { $0.firstMatch(of: #/^\s*（[一二三四五六七八九十]）/#) != nil } ?? lines.endIndex
            result.append(Array(lines[..<start] + lines[end...]))
            result.append(["一、厅（局）长进大厅"] + lines[(start + 1)..<end])
        }
        return text(sections: result)
    }

    /// The document with these sections, numbered 一、二、… in their new order.
    func text(sections chosen: [[String]]) -> String {
        let numerals = ["一", "二", "三", "四", "五", "六"]
        let renumbered = chosen.enumerated().flatMap { index, lines in
            [lines[0].replacing(#/^(\s*)[一二三四五六七八九十]、/#, maxReplacements: 1) { "\($0.output.1)\(numerals[index])、" }]
                + lines.dropFirst()
        }
        return (header + renumbered + footer).joined(separator: "\n")
    }
}
