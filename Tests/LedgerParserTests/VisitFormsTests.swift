import Testing
import LedgerDomain
@testable import LedgerParser

/// Visit forms other staff write, and the visits no form of the reader knows: kept, never lost.
@Suite("Leader-visit forms")
struct VisitFormsTests {
    static let reference = CalendarDate(year: 2023, month: 2, day: 17)!

    static func source(_ lines: [String]) -> SourceText {
        SourceText(lines.enumerated().map { SourceLine(number: $0.offset + 1, raw: $0.element) })
    }

    @Test("a date with its year, with the weekday in brackets, broken over lines: read", arguments: [
        ["2023年2月15日，司法厅党委委员、副厅长王飙来到司法窗口调研。"],
        ["2月15日（星期三），司法厅党委委员、副厅长王飙来到司法窗口调研。"],
        ["2月15日（周三）上午，司法厅党委委员、副厅长王飙来到司法窗口调研。"],
        ["2月", "15日，司法厅党委委员、副厅长王飙来到司法窗口调研。"],
        ["司法厅党委委员、副厅长王飙于2月15日来到司法窗口调研。"],
        ["司法厅党委委员、副厅长王飙于2023年2月15日（星期三）上午督导司法窗口。"],
    ])
    func datedForms(lines: [String]) throws {
        let (visits, unread) = VisitReader.readAll(Self.source(lines), reference: Self.reference, registry: .standard)
        let visit = try #require(visits.first)
        #expect(visits.count == 1 && unread.isEmpty)
        #expect(visit.date == CalendarDate(year: 2023, month: 2, day: 15))
        #expect(visit.department.canonical == "司法厅" && visit.department.isRegistered)
        #expect(visit.person == "王飙" && visit.titles == ["党委委员", "副厅长"])
    }

    @Test("the title after the name, and a 省 prefix: read")
    func titleAfterName() throws {
        for line in ["2月15日，省司法厅王飙副厅长来到司法窗口调研。", "2月15日，司法厅王飙党委委员、副厅长走进司法窗口。"] {
            let (visits, unread) = VisitReader.readAll(Self.source([line]), reference: Self.reference, registry: .standard)
            #expect(visits.map(\.person) == ["王飙"] && unread.isEmpty, "\(line)")
            #expect(visits.first?.department.canonical == "司法厅" && visits.first?.titles.last == "副厅长", "\(line)")
        }
    }

    @Test("several leaders in one sentence: one visit each, no name inside another's titles, 一行 never a person")
    func severalLeaders() throws {
        let text = Self.source(["2月16日，应急厅厅长张三、党委委员、副厅长李四一行来到应急窗口调研。"])
        let (visits, unread) = VisitReader.readAll(text, reference: Self.reference, registry: .standard)
        #expect(visits.map(\.person) == ["张三", "李四"] && unread.isEmpty)
        #expect(visits.map(\.titles) == [["厅长"], ["党委委员", "副厅长"]])
        #expect(visits.allSatisfy { $0.department.canonical == "应急管理厅" && $0.provenance.lines == 1...1 })
    }

    @Test("a title with no name, or a collective where a name should be: no visit, the sentence reported unread", arguments: [
        ("2月16日，应急厅副厅长一行来到应急窗口调研。", 1),
        ("2月16日，应急厅副厅长等来到应急窗口调研。", 1),
        ("2月16日，应急厅党委委员、副厅长来到应急窗口调研。", 1),
        // The undated visit (近日) and the dated sentence that is none: both reported.
        ("近日，应急厅副厅长李四来到应急窗口调研。2月16日，窗口开展培训。", 2),
    ])
    func refused(line: String, unreadSentences: Int) {
        let (visits, unread) = VisitReader.readAll(Self.source([line]), reference: Self.reference, registry: .standard)
        #expect(visits.isEmpty, "\(line): \(visits.map(\.person))")
        #expect(unread.count == unreadSentences, "\(line)")
    }

    @Test("a sentence naming a leader and a visit but no date, beside a read visit: reported, never left in the other's account")
    func undatedBesideRead() {
        let text = Self.source(["2月15日上午，交通运输厅副厅长张勇来到交通运输窗口调研指导工作。人力资源社会保障厅厅长张三、副厅长李四一行来到人社窗口检查指导工作。"])
        let (visits, unread) = VisitReader.readAll(text, reference: Self.reference, registry: .standard)
        #expect(visits.map(\.person) == ["张勇"])
        #expect(unread.count == 1)
    }

    @Test("a second dated sentence the reader cannot read beside a read visit: reported as unread")
    func unreadBesideRead() {
        let text = Self.source(["2月14日，司法厅副厅长王飙来到司法窗口调研。2月15日，窗口工作人员一行开展培训。"])
        let (visits, unread) = VisitReader.readAll(text, reference: Self.reference, registry: .standard)
        #expect(visits.map(\.person) == ["王飙"])
        #expect(unread.count == 1)
    }

    @Test("a visit item the reader cannot read is kept unplaced with a warning, never folded into another's account")
    func keptWithWarning() throws {
        let original = try Fixtures.text("2023-06.txt")
        // A second dated sentence, in no form the reader knows, after the visit's first sentence.
        let text = original.replacingOccurrences(of: "活动。王飙亲自", with: "活动。2月15日，某某一行来到大厅。王飙亲自")
        let outcome = Fixtures.parse(text)
        let bulletin = try #require(outcome.bulletin)
        #expect(bulletin.visits.map(\.person) == ["王飙"])
        #expect(bulletin.unplaced.contains { $0.text.contains("某某一行") })
        #expect(outcome.diagnostics.contains { $0.severity == .warning && $0.message.contains("某某一行") })
        LineAccountTests.expectWhole(text, outcome, "unread visit sentence")
    }
}
