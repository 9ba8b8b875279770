import Testing
import LedgerBench
import LedgerDomain

/// The generator writes the authorization and masthead families, so the property test reads them.
@Suite("The generator writes the authorization and masthead families")
struct FormFamiliesTests {
    static let texts: [String] = BulletinGenerator.issues(150, seed: 5).map { issue in
        BulletinRenderer.render(issue, seed: 5).filter { !$0.isWhitespace }
    }

    @Test("every authorization wording appears", arguments: ["占比为", "尚未授权的", "全部授权", "，占比"])
    func authorization(_ wording: String) {
        #expect(Self.texts.contains { $0.contains(wording) }, "\(wording)")
    }

    @Test("every period dash appears", arguments: ["—", "－", "-", "~", "～", "〜", "至"])
    func dash(_ dash: String) throws {
        let period = try Regex("政务服务工作（[0-9]+月[0-9]+日" + dash + "[0-9]+月")
        #expect(Self.texts.contains { $0.firstMatch(of: period) != nil }, "\(dash)")
    }

    @Test("the serial and the publication date stand on lines of their own in some issues")
    func mastheadLines() {
        let lines = BulletinGenerator.issues(60, seed: 5).map { BulletinRenderer.render($0, seed: 5).split(separator: "\n").prefix(8) }
        #expect(lines.contains { $0.contains { $0.filter { !$0.isWhitespace }.hasPrefix("（总第") } })
        #expect(lines.contains { $0.contains { $0.filter { !$0.isWhitespace }.wholeMatch(of: /[0-9]{4}年[0-9]+月[0-9]+日/) != nil } })
    }
}
