import Foundation
import Testing
import LedgerDomain
@testable import LedgerParser
import LedgerFormats

/// Every non-blank line of every document ends up in exactly one place, and the check that
/// says so can fail.
@Suite("Line coverage")
struct LineAccountTests {
    /// Every line of `text` that is not blank once normalized.
    static func contentLines(_ text: String) -> [Int] {
        Fixtures.lines(text).enumerated().filter { !SourceLine(number: 0, raw: $0.element).text.isEmpty }.map { $0.offset + 1 }
    }

    /// The account covers every content line, breaks no rule, and names only events that exist.
    static func expectWhole(_ text: String, _ outcome: BulletinParser.Outcome, _ label: String,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        guard let bulletin = outcome.bulletin, let account = outcome.account else {
            Issue.record("\(label): no bulletin", sourceLocation: sourceLocation)
            return
        }
        #expect(account.violations.isEmpty, "\(label): \(account.violations)", sourceLocation: sourceLocation)
        #expect(account.entries.map(\.line) == contentLines(text), "\(label): lines without a place", sourceLocation: sourceLocation)
        let eventCount = bulletin.events(document: SHA256.hash([]), encoding: "utf-8", partial: false).count
        for entry in account.entries {
            if case .event(let index) = entry.place {
                #expect(index >= 1 && index < eventCount, "\(label): line \(entry.line) names event \(index)", sourceLocation: sourceLocation)
            }
        }
    }

    static func needsNoNet(_ outcome: BulletinParser.Outcome) -> Bool {
        !outcome.diagnostics.contains { $0.kind == .unclaimed }
    }

    @Test("the real issues: every line has a place, and the net catches nothing", arguments: VariantTests.seeds)
    func realIssues(name: String) throws {
        let text = try Fixtures.text(name)
        let outcome = Fixtures.parse(text)
        Self.expectWhole(text, outcome, name)
        #expect(Self.needsNoNet(outcome), "\(outcome.diagnostics)")
        let tally = try #require(outcome.account).tally
        // 2023 No. 2 has no page breaks; No. 6 has one.
        #expect(tally.masthead == 4 && tally.footer == 4 && tally.furniture == (name == "2023-06.txt" ? 2 : 0)
                && tally.heading >= 4 && tally.events > 20, "\(tally)")
    }

    @Test("every variant of the real issues: every line has a place, no net", arguments: VariantTests.seeds, Variant.all)
    func variants(seed: String, variant: Variant) throws {
        let text = variant.rewrite(try Fixtures.text(seed))
        let outcome = Fixtures.parse(text)
        Self.expectWhole(text, outcome, "\(seed), \(variant.name)")
        #expect(Self.needsNoNet(outcome), "\(outcome.diagnostics)")
    }

    @Test("the new issues: every line has a place, no net", arguments: NewIssue.all)
    func newIssues(issue: NewIssue) {
        let outcome = Fixtures.parse(issue.text)
        Self.expectWhole(issue.text, outcome, issue.name)
        #expect(Self.needsNoNet(outcome), "\(outcome.diagnostics)")
    }

    @Test("the fuzzer's saved inputs: every line has a place")
    func fuzzInputs() throws {
        let directory = Fixtures.directory.appendingPathComponent("fuzz")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(!names.isEmpty)
        for name in names {
            let text = try Fixtures.text("fuzz/" + name)
            Self.expectWhole(text, Fixtures.parse(text), name)
        }
    }

    @Test("a paragraph no reader reads (before a section's first sub-section): kept by the net, with a warning naming its lines")
    func netCatchesWhatNoReaderClaims() throws {
        let text = try Fixtures.text("2023-06.txt")
        let extra = "本周综窗改革各项工作有序推进，情况如下："
        let marked = text.replacingOccurrences(of: "一、综窗改革攻坚行动\n", with: "一、综窗改革攻坚行动\n\n" + extra + "\n")
        #expect(marked != text)
        let outcome = Fixtures.parse(marked)
        Self.expectWhole(marked, outcome, "extra paragraph")
        let bulletin = try #require(outcome.bulletin)
        let kept = bulletin.unplaced.filter { $0.text == extra }
        #expect(kept.count == 1 && kept.first?.caughtByNet == true && kept.first?.section == "综窗改革攻坚行动")
        let line = try #require(Fixtures.lines(marked).firstIndex(of: extra)) + 1
        #expect(outcome.diagnostics.filter { $0.kind == .unclaimed }.map(\.lines) == [line...line])
    }

    @Test("a sentence after a block's figures is quoted with the last fact read from the block")
    func blockTailGoesToItsFact() throws {
        let text = try Fixtures.text("2023-06.txt")
        let extra = "大厅本周新增自助终端若干台，运行平稳。"
        let marked = text.replacingOccurrences(of: "三、窗口工作动态", with: extra + "\n\n三、窗口工作动态")
        let outcome = Fixtures.parse(marked)
        Self.expectWhole(marked, outcome, "extra sentence")
        #expect(Self.needsNoNet(outcome))
        let bulletin = try #require(outcome.bulletin)
        #expect(bulletin.serviceItems.last?.provenance.text.hasSuffix(extra) == true)
    }

    @Test("the net: a reader that drops lines is caught, and the lines are kept")
    func netKeepsDroppedLines() throws {
        var outcome = Fixtures.parse(try Fixtures.text("2023-06.txt"))
        var bulletin = try #require(outcome.bulletin)
        let dropped = try #require(bulletin.visits.first)
        bulletin.visits.removeAll()
        let lines = Fixtures.lines(try Fixtures.text("2023-06.txt")).enumerated().map { SourceLine(number: $0.offset + 1, raw: $0.element) }
        let outline = OutlineBuilder.build(lines)
        var diagnostics: [Diagnostic] = []
        let account = SafetyNet.account(lines, outline: outline, bulletin: &bulletin, diagnostics: &diagnostics)
        #expect(account.violations.isEmpty)
        let caught = bulletin.unplaced.filter(\.caughtByNet)
        #expect(caught.count == 1)
        #expect(caught.first?.provenance.lines == dropped.provenance.lines)
        #expect(caught.first?.section == "窗口工作动态")
        #expect(diagnostics.map(\.kind) == [.unclaimed])
        #expect(diagnostics.first?.lines == dropped.provenance.lines)
        outcome.bulletin = bulletin
    }

    @Test("the check fails: a line without a claim, and a fact reaching into the footer")
    func checkCanFail() {
        let unclaimed = LineAccount.make(lines: [1, 2, 3, 5], claims: [LineAccount.Claim(1...2, .masthead), LineAccount.Claim(5...5, .footer)])
        #expect(unclaimed.violations == [.unaccounted(line: 3)])
        #expect(unclaimed.entries.map(\.line) == [1, 2, 5])

        let twice = LineAccount.make(lines: [1, 2, 3], claims: [
            LineAccount.Claim(1...1, .masthead), LineAccount.Claim(2...3, .event(1)), LineAccount.Claim(3...3, .footer),
        ])
        #expect(twice.violations == [.claimedTwice(line: 3, places: [.footer, .event(1)])])
    }

    @Test("places: furniture outranks a fact, a fact outranks a heading, two facts share a line")
    func places() {
        let account = LineAccount.make(lines: [1, 2, 3, 4, 5], claims: [
            LineAccount.Claim(1...1, .heading), LineAccount.Claim(1...2, .event(2)), LineAccount.Claim(2...4, .event(1)),
            LineAccount.Claim(3...3, .furniture), LineAccount.Claim(5...5, .heading),
        ])
        #expect(account.violations.isEmpty)
        #expect(account.entries.map(\.place) == [.event(2), .event(1), .furniture, .event(1), .heading])
        #expect(account.entries[1].alsoCitedBy == [2])
        #expect(account.runs.map(\.lines) == [1...1, 2...2, 3...3, 4...4, 5...5])
    }
}
