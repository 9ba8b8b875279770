import Testing
import LedgerDomain
@testable import LedgerParser
import LedgerFormats

/// An inspection verdict is a finding only on wording that reports a problem, satisfactory only
/// on wording that says so, and unclassified otherwise.
@Suite("Inspection verdicts never guess")
struct InspectionVerdictTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let entry: String
        let item: String
        let verdict: InspectionVerdict
        var testDescription: String { entry }
    }

    static let cases: [Case] = [
        Case(entry: "按时到岗情况。总体情况良好。", item: "按时到岗情况", verdict: .satisfactory),
        Case(entry: "按时到岗情况：总体良好", item: "按时到岗情况", verdict: .satisfactory),
        Case(entry: "按时到岗情况，各窗口人员均按时到岗。", item: "按时到岗情况", verdict: .satisfactory),
        Case(entry: "一是按时到岗情况良好。", item: "按时到岗情况", verdict: .satisfactory),
        Case(entry: "着装情况；均按规定着装。", item: "着装情况", verdict: .satisfactory),
        Case(entry: "工作牌佩戴情况。未发现未佩戴工作牌现象。", item: "工作牌佩戴情况", verdict: .satisfactory),
        Case(entry: "大厅防控情况。大厅人员管控到位，大厅运行保障有序。", item: "大厅防控情况", verdict: .satisfactory),
        Case(entry: "纪律秩序。无违规违纪问题。", item: "纪律秩序", verdict: .satisfactory),
        Case(entry: "按时到岗情况。发现 2名工作人员迟到。", item: "按时到岗情况", verdict: .finding),
        Case(entry: "着装情况：个别工作人员未按规定着装，已提醒。", item: "着装情况", verdict: .finding),
        Case(entry: "工作区域标准化执行情况。总体良好，但 3个窗口桌面物品摆放不规范，已督促整改。", item: "工作区域标准化执行情况", verdict: .finding),
        Case(entry: "纪律秩序，有工作人员上班时间玩手机。", item: "纪律秩序", verdict: .finding),
        // A problem word denied in its clause reports no problem (found by a new user's trial:
        // each was recorded as a finding).
        Case(entry: "离岗情况。未出现脱岗现象。", item: "离岗情况", verdict: .satisfactory),
        Case(entry: "按时到岗情况。全体人员均按时到岗，无一迟到。", item: "按时到岗情况", verdict: .satisfactory),
        Case(entry: "按时到岗情况。不存在迟到现象。", item: "按时到岗情况", verdict: .satisfactory),
        Case(entry: "着装情况。无工作人员未按规定着装。", item: "着装情况", verdict: .satisfactory),
        // A denial clears only its own clause; one with no problem word after it clears nothing.
        Case(entry: "按时到岗情况。未出现脱岗现象，发现 1名工作人员迟到。", item: "按时到岗情况", verdict: .finding),
        Case(entry: "在岗情况。无人员在岗。", item: "在岗情况", verdict: .unclassified),
        Case(entry: "着装情况。详见附件。", item: "着装情况", verdict: .unclassified),
        Case(entry: "大厅防控情况。本周开展消杀 3次。", item: "大厅防控情况", verdict: .unclassified),
        Case(entry: "工作牌佩戴情况。", item: "工作牌佩戴情况", verdict: .unclassified),
    ]

    @Test("item and verdict, however numbered and punctuated", arguments: cases)
    func classify(_ example: Case) {
        let (item, verdict) = InspectionReader.split(example.entry[...])
        #expect(item == example.item)
        #expect(InspectionReader.classify(verdict) == example.verdict, "“\(verdict)”")
    }

    /// 2023 No. 6 with its inspection items rewritten by `rewrite`.
    static func rewritten(_ rewrite: (String) -> String) throws -> (String, BulletinParser.Outcome) {
        let text = rewrite(try Fixtures.text("2023-06.txt"))
        return (text, Fixtures.parse(text))
    }

    @Test("items numbered 1. with item and verdict after a colon: six satisfactory, no invented finding")
    func otherNumbering() throws {
        let (text, outcome) = try Self.rewritten { text in
            var result = text
            for (index, numeral) in ["一", "二", "三", "四", "五"].enumerated() {
                result = result.replacingOccurrences(of: "（\(numeral)）", with: "\(index + 1).", options: [], range: result.range(of: "四、大厅巡查情况").map { $0.upperBound..<result.endIndex })
            }
            return result.replacingOccurrences(of: "（六）大厅防控情况。", with: "6.大厅防控情况：")
                .replacingOccurrences(of: "情况。总体情况良好。", with: "情况：总体良好。")
        }
        let bulletin = try #require(outcome.bulletin)
        #expect(bulletin.inspections.count == 6)
        #expect(bulletin.inspections.allSatisfy { $0.verdict == .satisfactory }, "\(bulletin.inspections.map(\.text))")
        LineAccountTests.expectWhole(text, outcome, "numbered 1.")
    }

    @Test("a verdict that says neither: kept as unclassified, with a warning naming its item and lines")
    func unclassifiedWarns() throws {
        let (text, outcome) = try Self.rewritten { $0.replacingOccurrences(of: "（三）着装情况。总体情况良好。", with: "（三）着装情况。详见附件。") }
        let bulletin = try #require(outcome.bulletin)
        let item = try #require(bulletin.inspections.first { $0.ordinal == 3 })
        #expect(item.verdict == .unclassified && item.text == "详见附件。")
        let warning = try #require(outcome.diagnostics.first { $0.kind == .unclassified })
        #expect(warning.severity == .warning && warning.message.contains("着装情况"))
        let line = try #require(Fixtures.lines(text).firstIndex(of: "（三）着装情况。详见附件。")) + 1
        #expect(warning.lines == line...line)
        let events = bulletin.events(document: SHA256.hash([]), encoding: "utf-8", partial: false)
        #expect(events.contains { $0.payload["verdict"]?.string == "unclassified" })
    }
}
