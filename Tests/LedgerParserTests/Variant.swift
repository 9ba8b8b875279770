import Testing
@testable import LedgerParser

/// A rewriting of a whole document's text.
struct Variant: Sendable, CustomTestStringConvertible {
    let name: String
    let rewrite: @Sendable (String) -> String

    var testDescription: String { name }

    static let all: [Variant] = digits + breaks + pages + spacing + order + punctuation + numbering + [everything]

    static let digits: [Variant] = [
        Variant(name: "full-width digits") { Rewrite.fullWidthDigits($0) },
        Variant(name: "full-width digits, ％ and ．") { Rewrite.fullWidthDigits($0, marks: true) },
        Variant(name: "thousands separators (62,827)") { Rewrite.thousands($0, separator: ",") },
        Variant(name: "full-width digits, full-width separators (５０３，９７０)") {
            Rewrite.fullWidthDigits(Rewrite.thousands($0, separator: "，"))
        },
        Variant(name: "ASCII digits, full-width separators (503，970)") { Rewrite.thousands($0, separator: "，") },
        Variant(name: "full-width digits, ASCII separators (５０３,９７０)") {
            Rewrite.fullWidthDigits(Rewrite.thousands($0, separator: ","))
        },
        Variant(name: "thin-space thousands (503\u{2009}970)") { Rewrite.thousands($0, separator: "\u{2009}") },
        Variant(name: "no-break-space thousands (503\u{00A0}970)") { Rewrite.thousands($0, separator: "\u{00A0}") },
        Variant(name: "narrow no-break-space thousands, full-width digits") {
            Rewrite.fullWidthDigits(Rewrite.thousands($0, separator: "\u{202F}"))
        },
        Variant(name: "a zero-width space inside every number (628\u{200B}27)") { Rewrite.invisible($0, "\u{200B}") },
        Variant(name: "a soft hyphen inside every number, a word joiner after it") { Rewrite.invisible($0, "\u{00AD}\u{2060}") },
    ]

    static let breaks: [Variant] = [
        Variant(name: "every number broken in its middle (受理 6282 / 7件)") { Rewrite.splitNumbers($0) },
        Variant(name: "every number apart from its unit (62827 / 件)") { Rewrite.splitUnits($0) },
        Variant(name: "dates broken after 年 and 月 (2023年 / 2月 / 17日)") { Rewrite.splitDates($0) },
        Variant(name: "thousands separators broken after the comma (62, / 827件)") {
            Rewrite.splitNumbers(Rewrite.thousands($0, separator: ","), after: ",")
        },
    ] + [7, 11, 17, 23, 29].map { width in
        Variant(name: "paragraphs rewrapped at \(width) characters") { Rewrite.rewrap($0, width: width) }
    }

    static let pages: [Variant] = [
        Variant(name: "page header and —N— after every line") {
            Rewrite.pageBreaks($0, every: 1) { ["窗 口 工 作 周 报", "", "—\($0)—"] }
        },
        Variant(name: "- N - then the page header after every 2nd line") {
            Rewrite.pageBreaks($0, every: 2) { ["- \($0) -", "", "窗 口 工 作 周 报"] }
        },
        Variant(name: "第 N 页 after every 3rd line") { Rewrite.pageBreaks($0, every: 3) { ["", "第 \($0) 页", ""] } },
        Variant(name: "第 N 页，共 9 页 and header after every 5th line") {
            Rewrite.pageBreaks($0, every: 5) { ["  第 \($0) 页，共 9 页", "　窗　口　工　作　周　报　"] }
        },
        Variant(name: "N/9 and — N — after every 4th line") { Rewrite.pageBreaks($0, every: 4) { ["\($0)/9", "— \($0) —"] } },
        Variant(name: "numbers broken in their middle, page header and number after every line") {
            Rewrite.pageBreaks(Rewrite.splitNumbers($0), every: 1) { ["窗 口 工 作 周 报", "— \($0) —"] }
        },
    ]

    static let spacing: [Variant] = [
        Variant(name: "no blank lines") { Rewrite.lines($0).filter { !Rewrite.trimmed($0).isEmpty }.joined(separator: "\n") },
        Variant(name: "three blank lines after every line, some of spaces") {
            Rewrite.lines($0).map { $0 + "\n\n \n　" }.joined(separator: "\n")
        },
        Variant(name: "lines indented with ideographic spaces, trailing ASCII spaces") {
            Rewrite.lines($0).map { "　　" + $0 + "  " }.joined(separator: "\n")
        },
        Variant(name: "lines indented with ASCII spaces and tabs, trailing ideographic spaces") {
            Rewrite.lines($0).map { " \t  " + $0 + "　\u{3000}" }.joined(separator: "\n")
        },
    ]

    static let order: [Variant] = [
        Variant(name: "sections in reverse order, renumbered") {
            let layout = Layout($0)
            return layout.text(sections: layout.sections.reversed())
        },
        Variant(name: "inspection first, news last, renumbered") {
            let layout = Layout($0)
            func rank(_ section: [String]) -> Int { section[0].contains("巡查") ? 0 : section[0].contains("动态") ? 2 : 1 }
            return layout.text(sections: layout.sections.enumerated()
                .sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element))
        },
    ]

    static let punctuation: [Variant] = [
        Variant(name: "(1) instead of （1）") { Rewrite.itemMarkers($0, from: #/^(\s*)（([0-9]{1,2})）/#, to: "(", ")") },
        Variant(name: "（1） and (1) swapped") {
            let swapped = Rewrite.itemMarkers($0, from: #/^(\s*)\(([0-9]{1,2})\)/#, to: "〔", "〕")
            return Rewrite.itemMarkers(Rewrite.itemMarkers(swapped, from: #/^(\s*)（([0-9]{1,2})）/#, to: "(", ")"),
                                       from: #/^(\s*)〔([0-9]{1,2})〕/#, to: "（", "）")
        },
        Variant(name: "(一) instead of （一）") {
            Rewrite.itemMarkers($0, from: #/^(\s*)（([一二三四五六七八九十]{1,2})）/#, to: "(", ")")
        },
        Variant(name: "1、 instead of 1. and （1） (1、1月 11日)") {
            Rewrite.itemMarkers($0, from: #/^(\s*)[（(]?([0-9]{1,2})(?:[）)]|\.)/#, to: "", "、")
        },
        Variant(name: "ASCII colons") { $0.replacing("：", with: ":") },
        Variant(name: "ASCII commas") { $0.replacing("，", with: ",") },
    ]

    static let numbering: [Variant] = [
        Variant(name: "（1） items numbered 1. followed by a space (1. 1月 11日)") {
            Rewrite.itemMarkers($0, from: #/^(\s*)[（(]([0-9]{1,2})[）)]/#, to: "", ". ")
        },
        Variant(name: "inspection items numbered （1） instead of （一）") {
            Layout($0).renumberingSubsections(of: "巡查") { "（\($0)）" }
        },
        Variant(name: "inspection items numbered 1. instead of （一）") {
            Layout($0).renumberingSubsections(of: "巡查") { "\($0)." }
        },
        Variant(name: "the period's line before the publisher's") {
            var layout = Layout($0)
            let period = layout.header.firstIndex { $0.contains("日—") } ?? 0
            layout.header.insert(layout.header.remove(at: period), at: 1)
            return layout.text(sections: layout.sections)
        },
        Variant(name: "publisher and date before the issue line") {
            var layout = Layout($0)
            let publisher = layout.header.firstIndex { $0.contains("中心") } ?? 0
            layout.header.insert(layout.header.remove(at: publisher), at: 0)
            return layout.text(sections: layout.sections)
        },
        Variant(name: "the leaders' visits as a section of their own") { Layout($0).promotingVisits() },
        Variant(name: "every marker alone on its line (（一） / 按时到岗情况…)") {
            $0.replacing(#/(?m)^(\s*(?:[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十0-9]{1,2}[）)]|[0-9]{1,2}[.、]))/#) {
                "\($0.output.1)\n"
            }
        },
    ]

    static let everything = Variant(name: "all at once: full-width digits, separators, ASCII marks, pages, no blanks") {
        var text = Rewrite.thousands($0, separator: ",")
        text = Rewrite.fullWidthDigits(text).replacing("：", with: ":").replacing("，", with: ",")
        text = Rewrite.itemMarkers(text, from: #/^(\s*)（([0-9]{1,2})）/#, to: "(", ")")
        text = Rewrite.lines(text).filter { !Rewrite.trimmed($0).isEmpty }.map { "　　" + $0 }.joined(separator: "\n")
        return Rewrite.pageBreaks(text, every: 6) { ["- \($0) -", "窗 口 工 作 周 报"] }
    }
}

/// A real issue without one section, and the facts that section held.
struct Omission: Sendable, CustomTestStringConvertible {
    let seed: String
    let title: String
    let clear: @Sendable (inout Bulletin) -> Void

    var testDescription: String { "\(seed) without “\(title)”" }

    static let all: [Omission] = VariantTests.seeds.flatMap { seed in [
        Omission(seed: seed, title: "受理办理") { $0.serviceItems = [] },
        Omission(seed: seed, title: "动态") { $0.news = []; $0.visits = [] },
        Omission(seed: seed, title: "巡查") { $0.inspections = [] },
    ] } + [
        Omission(seed: "2023-06.txt", title: "综窗") {
            $0.window = nil; $0.authorization = nil; $0.newlyAuthorized = []; $0.progress = []
        },
    ]
}
