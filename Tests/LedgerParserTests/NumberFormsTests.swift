import Testing
@testable import LedgerParser

/// One normalisation of digits: separators and invisible characters inside a number, `万`/`亿`
/// with decimals, and column gaps that keep two numbers two.
@Suite("Number forms")
struct NumberFormsTests {
    /// The value read from the start of `raw` once normalized.
    static func value(_ raw: String) -> Int? {
        Quantity.read(TextNormalizer.normalize(raw)[...])?.0.value
    }

    @Test("one number however grouped or marked inside", arguments: [
        ("109\u{2009}240件", 109_240), ("109\u{00A0}240件", 109_240), ("109\u{202F}240件", 109_240),
        ("109,240件", 109_240), ("109，240件", 109_240), ("１０９，２４０件", 109_240),
        ("1\u{2009}502\u{2009}330件", 1_502_330), ("62\u{200B}827件", 62_827), ("62\u{00AD}827件", 62_827),
        ("62\u{FEFF}827件", 62_827), ("62\u{2060}827件", 62_827), ("62\u{200D}8\u{200C}27件", 62_827),
        ("6282 7件", 62_827), ("147.23万件", 1_472_300), ("1.2亿件", 120_000_000), ("２６万余件", 260_000),
    ])
    func oneNumber(raw: String, expected: Int) {
        #expect(Self.value(raw) == expected, "\(raw) → \(TextNormalizer.normalize(raw))")
    }

    @Test("a column gap keeps two numbers two", arguments: [
        "26641  27287  157350", "26641\t27287\t157350", "26641\u{3000}27287\u{3000}157350", "26641 | 27287 | 157350",
        "26641│27287│157350",
    ])
    func columnGap(raw: String) {
        #expect(Self.value(raw) == 26641, "\(raw) → \(TextNormalizer.normalize(raw))")
    }

    @Test("a fraction of a unit is refused, never rounded", arguments: ["1.23456万件", "0.5件", "62827.5件"])
    func inexact(raw: String) {
        #expect(Self.value(raw) == nil)
    }

    static func items(_ sentence: String) -> BulletinParser.Outcome {
        Fixtures.parse("""
            2024年第 15期（总第 470期）
            四川省政府政务服务和公共资源交易服务中心 2024年 4月 22日
            政务服务工作
            （4月 15日—4月 19日）
            一、省级政务服务事项受理办理情况
            \(sentence)
            报：中心领导。
            （共印 60份）
            """)
    }

    static func counts(_ outcome: BulletinParser.Outcome) -> [String] {
        (outcome.bulletin?.serviceItems ?? []).map {
            "\($0.category.rawValue) \(VariantTests.quantity($0.accepted))/\(VariantTests.quantity($0.completed)) \($0.from?.description ?? "-")…\($0.through)"
        }
    }

    @Test("totals as 截至…累计…: to that day, start unsaid")
    func untilTotals() {
        let outcome = Self.items("截至4月19日，省本级行政许可事项累计受理62827件，累计办结63468件；公共服务事项累计受理147.23万件，累计办结1\u{2009}498\u{2009}012件。")
        #expect(Self.counts(outcome) == [
            "administrativeLicensing 62827/63468 -…2024-04-19", "publicService 1472300/1498012 -…2024-04-19",
        ])
        #expect(!outcome.diagnostics.contains { $0.severity >= .warning }, "\(outcome.diagnostics)")
    }

    @Test("periods with any dash, tilde or 至", arguments: ["—", "－", "-", "~", "～", "至", "——", "–"])
    func periods(dash: String) {
        let outcome = Self.items("2024年1月1日\(dash)2024年4月19日，省本级行政许可事项受理18204件，办结17950件。")
        #expect(Self.counts(outcome) == ["administrativeLicensing 18204/17950 2024-01-01…2024-04-19"])
    }

    @Test("measures written with synonyms: 办理完结, 办毕; 颁发证照 in the window")
    func synonyms() {
        let outcome = Self.items("2024年1月1日至4月19日，省本级行政许可事项受理18204件，办理完结17950件；公共服务事项受理2600件，办毕2500件。")
        #expect(Self.counts(outcome) == [
            "administrativeLicensing 18204/17950 2024-01-01…2024-04-19", "publicService 2600/2500 2024-01-01…2024-04-19",
        ])
        let window = CountsReader.window(SourceText([SourceLine(number: 1, raw: "本周，共计咨询 618 人次、受理 116 件、颁发证照 3189 件、流转 6346 件。")]))
        #expect(window?.week["issued"]?.value == 3189)
    }

    @Test("a figure after a word that is no known measure (办理): not read, warned about")
    func unknownMeasure() {
        let outcome = Self.items("2024年1月1日至4月19日，省本级行政许可事项受理18204件，办理17950件。")
        #expect(Self.counts(outcome) == ["administrativeLicensing 18204/- 2024-01-01…2024-04-19"])
        #expect(outcome.diagnostics.contains { $0.severity == .warning && $0.message.contains("17950件") && $0.lines == 6...6 })
    }

    @Test("a 万 figure that is no whole count: not read, warned about")
    func inexactWarned() {
        let outcome = Self.items("2024年1月1日至4月19日，省本级行政许可事项受理1.23456万件，办结17950件。")
        #expect(Self.counts(outcome) == ["administrativeLicensing -/17950 2024-01-01…2024-04-19"])
        #expect(outcome.diagnostics.contains { $0.severity == .warning && $0.message.contains("1.23456万") })
    }

    @Test("a row of figures is never one long number")
    func rowNotJoined() {
        let outcome = Self.items("行政许可事项  26641  27287  157350")
        #expect(!outcome.has(.unreadable))
    }
}
