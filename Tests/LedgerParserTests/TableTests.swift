import Testing
@testable import LedgerParser

/// Counts written as a table give the same facts as the prose form; a table that cannot be read
/// whole is kept unplaced with a warning, never read in part.
@Suite("Tables of counts")
struct TableTests {
    /// An issue whose window and service-item counts are given by `window` and `items`.
    static func issue(window: String, items: String) -> String {
        """
        2024年第 15期（总第 470期）
        四川省政府政务服务和公共资源交易服务中心 2024年 4月 22日
        政务服务工作
        （4月 15日—4月 19日）
        一、综窗改革攻坚行动
        （一）省本级综窗办件情况
        \(window)
        二、省级政务服务事项受理办理情况
        据统计，2024年 1月 1日至 2024年 4月 19日，省本级政务服务事项受理办理情况如下：
        \(items)
        三、大厅巡查情况
        （一）按时到岗情况。总体情况良好。
        报：中心领导。
        送：各相关省级部门（单位）。
        （共印 60份）
        """
    }

    static let proseWindow = "本周，共计咨询 702 人次、受理 98 件、颁发 2041 件、流转 5120 件；今年以来，累计咨询 11230 人次、受理 2460 件、颁发 30518 件、流转 61002 件。"
    static let proseItems = "省本级行政许可事项受理 18204件，办结 17950件；公共服务事项受理 260731件，办结 251000件；其它九类行权事项受理 1502件，办结 1498件。"

    struct Layout: Sendable, CustomTestStringConvertible {
        let name: String
        let window: String
        let items: String
        var testDescription: String { name }
    }

    static let layouts = [
        Layout(name: "spaces, units in the header", window: """
            时段      咨询（人次）   受理（件）   颁发证照（件）   流转（件）
            本周      702           98          2041            5120
            本年累计   11230         2460        30518           61002
            """, items: """
            类别              受理（件）    办结（件）
            行政许可事项        18204        17950
            公共服务事项        260 731      251 000
            其它九类行权事项     1502         1498
            """),
        Layout(name: "tabs", window: "\t咨询\t受理\t颁发\t流转\n本周\t702\t98\t2041\t5120\n本年累计\t11230\t2460\t30518\t61002",
               items: "事项\t受理\t办结\n行政许可事项\t18204\t17950\n公共服务事项\t260,731\t251,000\n其它九类行权事项\t1502\t1498"),
        Layout(name: "bars and box drawing", window: """
            ┌────┬────┬────┬────┬────┐
            │    │咨询│受理│颁发│流转│
            ├────┼────┼────┼────┼────┤
            │本周│702 │98  │2041│5120│
            │本年累计│11230│2460│30518│61002│
            └────┴────┴────┴────┴────┘
            """, items: """
            | 类别 | 受理 | 办结 |
            |------|------|------|
            | 行政许可事项 | 18204 | 17950 |
            | 公共服务事项 | 260731 | 251000 |
            | 其它九类行权事项 | 1502 | 1498 |
            """),
        Layout(name: "bars with padded cells, indented, thousands grouped by spaces inside a cell", window: """
            　　|  时段 |  咨询  |  受理 |  颁发  |  流转  |
            　　|---|---|---|---|---|
            　　| 本周 |  702  |  98  |  2 041  |  5 120 |
            　　| 本年累计 |  11 230 |  2 460  |  ３０ ５１８  |  61 002  |
            """, items: """
            　　| 类别 | 受理（件） | 办结（件） |
            　　|------|------|------|
            　　| 行政许可事项 |  18 204 |  17 950 |
            　　| 公共服务事项 |  260 731  |  251 000 |
            　　| 其它九类行权事项 | １ ５０２ |  1 498 |
            """),
        Layout(name: "header cells wrapped onto a second line, as a PDF lays a narrow column out", window: """
            咨询（人	受理（件）	颁发	流转（件）
            次）	（件）
            本周	702	98	2041	5120
            本年累计	11230	2460	30518	61002
            """, items: """
            类别    受理（件    办结（件
                    ）          ）
            行政许可事项        18204        17950
            公共服务事项        260 731      251 000
            其它九类行权事项     1502         1498
            """),
        Layout(name: "transposed", window: """
                  本周    本年累计
            咨询   702     11230
            受理   98      2460
            颁发   2041    30518
            流转   5120    61002
            """, items: """
                  行政许可事项   公共服务事项   其它九类行权事项
            受理   18204         260731        1502
            办结   17950         251000        1498
            """),
        Layout(name: "rows wrapped: a label broken, figures on the next line", window: proseWindow, items: """
            类别    受理（件）    办结（件）
            行政许可事项
                    18204        17950
            公共服务事项   260731   251000
            其它九类行
            权事项
                    1502         1498
            """),
        Layout(name: "full-width digits, 件 in cells", window: proseWindow, items: """
            类别　受理　办结
            行政许可事项　１８２０４件　１７９５０件
            公共服务事项　２６０７３１件　２５１０００件
            其它九类行权事项　１５０２件　１４９８件
            """),
    ]

    static func facts(_ text: String) -> [String] {
        guard let bulletin = Fixtures.parse(text).bulletin else { return ["no bulletin"] }
        return VariantTests.summary(bulletin).filter { $0.hasPrefix("items") || $0.hasPrefix("window") || $0.hasPrefix("news") }
    }

    @Test("the prose form reads the expected facts")
    func prose() {
        #expect(Self.facts(Self.issue(window: Self.proseWindow, items: Self.proseItems)) == [
            "window week accepted=98 consultations=702 issued=2041 transferred=5120",
            "window year accepted=2460 consultations=11230 issued=30518 transferred=61002",
            "items administrativeLicensing 18204/17950 2024-01-01…2024-04-19",
            "items otherPowers 1502/1498 2024-01-01…2024-04-19",
            "items publicService 260731/251000 2024-01-01…2024-04-19",
            "news 0 progress 0 unplaced 0",
        ])
    }

    @Test("a table in any layout gives exactly the prose form's facts, every line placed, no warning", arguments: layouts)
    func table(layout: Layout) {
        let text = Self.issue(window: layout.window, items: layout.items)
        let outcome = Fixtures.parse(text)
        #expect(Self.facts(text) == Self.facts(Self.issue(window: Self.proseWindow, items: Self.proseItems)))
        #expect(!outcome.diagnostics.contains { $0.severity >= .warning }, "\(outcome.diagnostics)")
        LineAccountTests.expectWhole(text, outcome, layout.name)
        #expect(LineAccountTests.needsNoNet(outcome))
    }

    @Test("the facts cite the table's lines")
    func provenance() throws {
        let layout = Self.layouts[0]
        let bulletin = try #require(Fixtures.parse(Self.issue(window: layout.window, items: layout.items)).bulletin)
        let licensing = try #require(bulletin.serviceItems.first { $0.category == .administrativeLicensing })
        // The window's table at 7…9, the heading at 10, the dating sentence at 11, the table 12…15.
        #expect(licensing.provenance.lines.contains(12) && licensing.provenance.lines.contains(15), "\(licensing.provenance.lines)")
    }

    @Test("a table that cannot be read whole: no figure read, kept unplaced, warned about with its lines", arguments: [
        ("a row short of a cell", "类别  受理  办结\n行政许可事项  18204\n公共服务事项  260731  251000"),
        ("a header word it does not know", "类别  受理  办理\n行政许可事项  18204  17950"),
        ("a row label it does not know", "类别  受理  办结\n行政许可事项  18204  17950\n合计  19000  18000"),
        ("a cell that is not a figure", "类别  受理  办结\n行政许可事项  18204  约两万"),
        ("a header mixing measures and categories", "受理  公共服务事项\n行政许可事项  18204  17950"),
        ("periods where categories belong", "时段  受理  办结\n本周  120  110\n本年累计  18204  17950"),
        ("a wrapped header fragment that fits none", "类别  受理（件  办结\n人次）\n行政许可事项  18204  17950"),
    ])
    func refused(name: String, items: String) {
        let text = Self.issue(window: Self.proseWindow, items: items)
        let outcome = Fixtures.parse(text)
        #expect(outcome.bulletin?.serviceItems.isEmpty == true, "\(name)")
        #expect(outcome.bulletin?.unplaced.count == 1, "\(name)")
        #expect(outcome.diagnostics.contains { $0.severity == .warning && $0.message.contains("table") && ($0.lines?.lowerBound ?? 0) >= 10 },
                "\(name): \(outcome.diagnostics)")
        LineAccountTests.expectWhole(text, outcome, name)
    }

    @Test("a window table with a measure it does not know: no window counts, kept unplaced, warned about")
    func refusedWindow() {
        let text = Self.issue(window: "时段  咨询  受理  办理\n本周  702  98  2041\n本年累计  11230  2460  30518", items: Self.proseItems)
        let outcome = Fixtures.parse(text)
        #expect(outcome.bulletin?.window == nil)
        #expect(outcome.bulletin?.serviceItems.count == 3)
        #expect(outcome.diagnostics.contains { $0.severity == .warning && $0.message.contains("办理") && $0.lines == 7...7 }, "\(outcome.diagnostics)")
        LineAccountTests.expectWhole(text, outcome, "window")
    }
}
