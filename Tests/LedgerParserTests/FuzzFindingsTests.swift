import Testing
import LedgerDomain
@testable import LedgerParser
import LedgerFormats

/// Inputs the libFuzzer targets (Tests/Reliability/fuzz.sh) found trapping, kept fixed.
@Suite("Fuzz findings")
struct FuzzFindingsTests {
    @Test("a footer given twice: both lists kept, no duplicate key in the payload (it trapped in JSONObject)")
    func footerTwice() throws {
        let text = try Fixtures.text("2023-06.txt")
        let footer = try #require(text.range(of: "报：中心领导"))
        let twice = text + "\n" + text[footer.lowerBound...]
        let outcome = Fixtures.parse(twice)
        let bulletin = try #require(outcome.bulletin)
        #expect(bulletin.issue.distribution.map(\.key) == ["报", "送", "发"])
        #expect(bulletin.issue.distribution.first?.text == "中心领导。中心领导。")
        #expect(outcome.diagnostics.contains { $0.message.contains("gives the 报： list twice") })
        let events = bulletin.events(document: SHA256.hash([]), encoding: "utf-8", partial: false)
        #expect(events.first?.payload["distribution"]?.object?.fields.count == 3)
    }

    @Test("the inputs the fuzzer found trapping parse without trapping", arguments: ["newly-authorized-after-the-status.txt"])
    func savedCrash(name: String) throws {
        let text = try Fixtures.text("fuzz/" + name)
        let outcome = Fixtures.parse(text)
        let bulletin = try #require(outcome.bulletin)
        _ = bulletin.events(document: SHA256.hash([]), encoding: "utf-8", partial: false)
        #expect(outcome.diagnostics.allSatisfy { ($0.lines?.count ?? 1) >= 1 })
    }
}
