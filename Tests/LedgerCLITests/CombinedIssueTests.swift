import Foundation
import Testing

/// A combined issue (`2023年第 5-6期（总第 425-426期）`) is one document covering two numbers:
/// the numbering knows it, and an issue it covers cannot come in again alone.
@Suite("A combined issue")
struct CombinedIssueTests {
    static func issue(_ masthead: String, published: String, period: String) -> String {
        """
        \(masthead)
        四川省政府政务服务和公共资源交易服务中心 \(published)
        政务服务工作
        （\(period)）
        一、大厅巡查情况
        （一）按时到岗情况。总体情况良好。
        （二）着装情况。总体情况良好。
        报：中心领导。
        送：各相关省级部门（单位）。
        （共印 60份）
        """
    }

    static let four = issue("2023年第 4期（总第 424期）", published: "2023年 2月 6日", period: "1月 30日—2月 3日")
    static let fiveSix = issue("2023年第 5-6期（总第 425-426期）", published: "2023年 2月 20日", period: "2月 6日—2月 17日")
    static let five = issue("2023年第 5期（总第 425期）", published: "2023年 2月 13日", period: "2月 6日—2月 10日")
    static let six = issue("2023年第 6期（总第 426期）", published: "2023年 2月 20日", period: "2月 13日—2月 17日")
    static let seven = issue("2023年第 7期（总第 427期）", published: "2023年 2月 27日", period: "2月 20日—2月 24日")

    static func ledger() -> TemporaryDirectory {
        let ledger = TemporaryDirectory()
        for (name, text) in [("4.txt", four), ("5-6.txt", fiveSix), ("5.txt", five), ("6.txt", six), ("7.txt", seven)] {
            ledger.write(name, Data(text.utf8))
        }
        return ledger
    }

    @Test("4, then 5-6, then 7: no gap in the numbering; the combined issue shown as 2023-05–06")
    func noGap() throws {
        let ledger = Self.ledger()
        for name in ["4.txt", "5-6.txt", "7.txt"] {
            let result = try LedgerProcess.run(["ingest", name], in: ledger.path)
            #expect(result.status == 0, "\(name): \(result.stderr)")
        }
        let text = try LedgerProcess.run(["project", "issues"], in: ledger.path)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("No gaps in the numbering"), "\(text.stdout)")
        #expect(text.stdout.contains("2023-05–06"))
        let json = try LedgerProcess.run(["project", "issues", "--json"], in: ledger.path)
        #expect(json.stdout.contains(#""gaps": []"#), "\(json.stdout)")
        #expect(json.stdout.contains(#""throughNumber": 6"#))
        #expect(try LedgerProcess.run(["verify"], in: ledger.path).status == 0)
    }

    @Test("4 then 7 without the combined issue: 5 and 6 are missing")
    func gapWithout() throws {
        let ledger = Self.ledger()
        for name in ["4.txt", "7.txt"] { try LedgerProcess.run(["ingest", name], in: ledger.path) }
        let text = try LedgerProcess.run(["project", "issues"], in: ledger.path)
        #expect(text.stdout.contains("Missing from the numbering: 2023-05, 2023-06"), "\(text.stdout)")
    }

    @Test("5 alone after 5-6, or 6 alone: refused as a duplicate, the ledger unchanged",
          arguments: ["5.txt", "6.txt"])
    func singleAfterCombined(_ name: String) throws {
        let ledger = Self.ledger()
        #expect(try LedgerProcess.run(["ingest", "5-6.txt"], in: ledger.path).status == 0)
        let before = IngestTests.snapshot(ledger)
        let refused = try LedgerProcess.run(["ingest", name], in: ledger.path)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("is a duplicate"), "\(refused.stderr)")
        #expect(refused.stderr.contains("2023-05 (第5-6期"), "\(refused.stderr)")
        #expect(IngestTests.snapshot(ledger) == before)
    }

    @Test("5-6 after 6 alone: refused too; after 5 alone, --supersede replaces it")
    func combinedAfterSingle() throws {
        let ledger = Self.ledger()
        try LedgerProcess.run(["ingest", "6.txt"], in: ledger.path)
        let refused = try LedgerProcess.run(["ingest", "5-6.txt"], in: ledger.path)
        #expect(refused.status == 65 && refused.stderr.contains("2023-06 (第6期"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("--supersede"))

        let other = Self.ledger()
        try LedgerProcess.run(["ingest", "5.txt"], in: other.path)
        let plain = try LedgerProcess.run(["ingest", "5-6.txt"], in: other.path)
        #expect(plain.status == 65 && plain.stderr.contains("--supersede"), "\(plain.stderr)")
        let replaced = try LedgerProcess.run(["ingest", "5-6.txt", "--supersede", "--reason", "the combined issue replaces 5"], in: other.path)
        #expect(replaced.status == 0, "\(replaced.stderr)")
        let json = try LedgerProcess.run(["project", "issues", "--json"], in: other.path)
        #expect(json.stdout.contains(#""throughNumber": 6"#), "\(json.stdout)")
    }

    @Test("a combined issue misread as single: correcting throughNumber closes the gap and makes 6 a duplicate")
    func correctThroughNumber() throws {
        let ledger = Self.ledger()
        // Written as 第5期 though it covers two weeks: read as issue 5 alone.
        ledger.write("5-as-one.txt", Data(Self.fiveSix.replacingOccurrences(of: "第 5-6期（总第 425-426期）", with: "第 5期（总第 425期）").utf8))
        for name in ["4.txt", "5-as-one.txt", "7.txt"] { try LedgerProcess.run(["ingest", name], in: ledger.path) }
        #expect(try LedgerProcess.run(["project", "issues"], in: ledger.path).stdout.contains("Missing from the numbering: 2023-06"))
        // Issue 5's issue.published is seq 4 (issue 4 gave seqs 1-3).
        let corrected = try LedgerProcess.run(["correct", "4", "--set", "throughNumber=6", "--reason", "a combined issue"], in: ledger.path)
        #expect(corrected.status == 0, "\(corrected.stderr)")
        #expect(try LedgerProcess.run(["project", "issues"], in: ledger.path).stdout.contains("No gaps in the numbering"))
        let refused = try LedgerProcess.run(["ingest", "6.txt"], in: ledger.path)
        #expect(refused.status == 65 && refused.stderr.contains("is a duplicate"), "\(refused.stderr)")
    }
}
