import Testing
@testable import LedgerBench
import LedgerDomain

@Suite("Generated prose never looks like the document's structure")
struct PhrasebookTests {
    /// Every paragraph of a few hundred issues, as the parser sees it (no spaces, ASCII digits).
    static let paragraphs: [String] = BulletinGenerator.issues(200, seed: 5).flatMap { issue -> [String] in
        var texts = (issue.news?.business ?? []) + (issue.news?.efficiency ?? []) + (issue.window?.progress ?? [])
        texts += (issue.news?.visits ?? []).map(\.account)
        texts += (issue.inspection?.items ?? []).map(\.verdict)
        return texts.map(\.plain)
    } + [Phrasebook.inspectionIntroduction.plain]

    @Test("no marker a line break could expose", arguments: [
        ("a section 二、 or 三，", "[二三四五六七八九十][、.，]"),
        ("a sub-section （一）", "（[一二三四五六七八九十]+）"),
        ("an item (1) or （1）", "[（(][0-9]+[）)]"),
        ("an item 2. or 2、 before a word", "[0-9][.、][^0-9]"),
        ("the footer 报： 送： 发：", "(?:报|送|发)：|共印"),
        ("the running title", "周报"),
        ("a space", " "),
    ] as [(String, String)])
    func noStructure(_ what: String, _ pattern: String) throws {
        let pattern = try Regex(pattern)
        for text in Self.paragraphs {
            #expect(text.firstMatch(of: pattern) == nil, "\(what) in: \(text)")
        }
    }

    @Test func shareIsHalfUpToOneDecimal() {
        let status = BulletinModel.Authorization(stationed: 45, authorized: 37, newlyAuthorized: [])
        #expect(status.authorizedShare == "82.2")
        #expect(status.unauthorizedShare == "17.8")
        #expect(BulletinModel.Authorization(stationed: 44, authorized: 44, newlyAuthorized: []).unauthorizedShare == "0.0")
    }

    @Test func splitMixIsTheReferenceSequence() {
        // The first outputs of SplitMix64 seeded with 1234567 (Vigna's reference implementation).
        var rng = SplitMix64(seed: 1_234_567)
        #expect([rng.next(), rng.next(), rng.next()] == [6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423])
    }
}
