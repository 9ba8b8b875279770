import Testing
import LedgerDomain
@testable import LedgerParser

/// Rewritings of the two real issues that another week, writer or PDF tool could produce, each
/// derived in code from the fixture text: every one must give exactly the original's facts.
@Suite("Variants of the real issues give the same facts")
struct VariantTests {
    static let seeds = ["2023-02.txt", "2023-06.txt"]

    /// The summary of each real issue as it stands, read once.
    static let originals: [String: [String]] = Dictionary(uniqueKeysWithValues: seeds.compactMap { seed in
        (try? Fixtures.bulletin(seed)).map { (seed, summary($0)) }
    })

    @Test("a rewritten real issue gives the original's facts", arguments: seeds, Variant.all)
    func sameFacts(seed: String, variant: Variant) throws {
        let original = try Fixtures.text(seed)
        let rewritten = variant.rewrite(original)
        #expect(rewritten != original, "the variant changed nothing")
        let outcome = Fixtures.parse(rewritten)
        #expect(outcome.diagnostics.filter { $0.severity >= .warning }.isEmpty, "\(outcome.diagnostics)")
        let bulletin = try #require(outcome.bulletin)
        expectSame(Self.summary(bulletin), try #require(Self.originals[seed]))
    }

    @Test("an issue without one of its sections lacks exactly that section's facts", arguments: Omission.all)
    func missingSection(omission: Omission) throws {
        let layout = Layout(try Fixtures.text(omission.seed))
        let kept = layout.sections.filter { !$0[0].contains(omission.title) }
        #expect(kept.count == layout.sections.count - 1)
        let outcome = Fixtures.parse(layout.text(sections: kept))
        #expect(outcome.diagnostics.filter { $0.severity >= .warning }.isEmpty, "\(outcome.diagnostics)")
        let bulletin = try #require(outcome.bulletin)
        var expected = try Fixtures.bulletin(omission.seed)
        omission.clear(&expected)
        expectSame(Self.summary(bulletin), Self.summary(expected))
    }

    @Test("new issues, not derived from the seeds, give their own facts", arguments: NewIssue.all)
    func newIssue(issue: NewIssue) throws {
        let outcome = BulletinParser.parse(lines: Fixtures.lines(issue.text))
        #expect(outcome.diagnostics.filter { $0.severity >= .warning }.isEmpty, "\(outcome.diagnostics)")
        let bulletin = try #require(outcome.bulletin)
        expectSame(Self.summary(bulletin), issue.summary)
    }

    @Test("page headers and numbers are removed wherever they stand, every one", arguments: VariantTests.seeds)
    func pageMarkersRemoved(seed: String) throws {
        let markers: @Sendable (Int) -> [String] = { ["窗 口 工 作 周 报", "- \($0) -", "第 \($0) 页", "\($0)/9"] }
        let rewritten = Rewrite.pageBreaks(try Fixtures.text(seed), every: 1, marker: markers)
        let inserted = Set((1...500).flatMap(markers))
        let bulletin = try #require(Fixtures.parse(rewritten).bulletin)
        #expect(bulletin.artefactLines.count == Rewrite.lines(rewritten).filter(inserted.contains).count)
    }

    @Test("a bulletin whose sections cannot be found says so")
    func noSections() throws {
        let layout = Layout(try Fixtures.text("2023-06.txt"))
        let unnumbered = layout.sections.map { [$0[0].replacing(#/^\s*[一二三四五六七八九十]、/#, with: "")] + $0.dropFirst() }
        let outcome = Fixtures.parse((layout.header + unnumbered.flatMap { $0 } + layout.footer).joined(separator: "\n"))
        #expect(outcome.diagnostics.contains { $0.severity == .warning && $0.kind == .unreadable })
    }

    /// Every fact of a bulletin in one canonical form, independent of line numbers and of the
    /// order of sections: two readings with the same summary hold the same facts.
    static func summary(_ bulletin: Bulletin) -> [String] {
        let issue = bulletin.issue
        var lines = [
            "issue \(issue.key) serial \(issue.serial.map(String.init) ?? "-")",
            "published \(issue.published) period \(issue.from?.description ?? "-")…\(issue.through)",
            "print run \(issue.printRun.map(String.init) ?? "-") to \(issue.distribution.map(\.key).joined(separator: ","))",
        ]
        if let window = bulletin.window {
            lines.append("window week \(quantities(window.week))")
            lines.append("window year \(quantities(window.yearToDate))")
        }
        if let status = bulletin.authorization {
            lines.append("authorization stationed \(quantity(status.stationed))"
                + " authorized \(quantity(status.authorized)) \(status.authorizedShare ?? "-")%"
                + " not \(quantity(status.unauthorized)) \(status.unauthorizedShare ?? "-")%"
                + " new \(status.increase.map(String.init) ?? "-")")
        }
        lines += bulletin.newlyAuthorized.map { "newly \($0.department.canonical)\($0.partial ? " partial" : "")" }
        lines += bulletin.serviceItems.sorted { $0.category.rawValue < $1.category.rawValue }.map {
            "items \($0.category.rawValue) \(quantity($0.accepted))/\(quantity($0.completed))"
                + " \($0.from?.description ?? "-")…\($0.through)"
        }
        lines += bulletin.visits.map { "visit \($0.date) \($0.department.canonical) \($0.person) \($0.titles.joined(separator: "、"))" }
        lines += bulletin.inspections.map { "inspection \($0.ordinal) \($0.item) \($0.verdict == .satisfactory ? "good" : $0.verdict.rawValue)" }
        lines.append("news \(bulletin.news.count) progress \(bulletin.progress.count) unplaced \(bulletin.unplaced.count)")
        lines += (bulletin.news + bulletin.progress).map {
            "note \($0.ordinal) \($0.date?.description ?? "-") \($0.departments.map(\.canonical).joined(separator: ","))"
        }.sorted()
        return lines
    }

    static func quantity(_ quantity: Quantity?) -> String {
        guard let quantity else { return "-" }
        return quantity.qualifier == .exact ? "\(quantity.value)" : "\(quantity.value)(\(quantity.qualifier.rawValue))"
    }

    static func quantities(_ quantities: [String: Quantity]) -> String {
        quantities.sorted { $0.key < $1.key }.map { "\($0.key)=\(quantity($0.value))" }.joined(separator: " ")
    }

    /// Compares summaries and, when they differ, says which lines.
    func expectSame(_ actual: [String], _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let missing = expected.filter { !actual.contains($0) }
        let extra = actual.filter { !expected.contains($0) }
        #expect(missing == [], sourceLocation: sourceLocation)
        #expect(extra == [], sourceLocation: sourceLocation)
        if missing.isEmpty && extra.isEmpty { #expect(actual.sorted() == expected.sorted(), sourceLocation: sourceLocation) }
    }
}
