import Testing
import LedgerDomain
import LedgerFormats
@testable import LedgerParser

/// A fact read from a PDF cites its pages beside its lines, and the reader beside the parser; a
/// fact read from text cites neither, so its record is what it was before there were readers.
@Suite("Pages and reader in a fact's provenance")
struct SourceLayoutTests {
    @Test("the pages of a range of lines, first to last; none where no line has a page", arguments: [
        (1...2, 1...1), (2...4, 1...2), (4...4, 2...2), (3...6, 2...3), (7...9, nil), (0...0, nil),
    ] as [(ClosedRange<Int>, ClosedRange<Int>?)])
    func pages(lines: ClosedRange<Int>, pages: ClosedRange<Int>?) {
        let layout = SourceLayout(reader: "pdf 1.0.0", linePages: [1, 1, nil, 2, 3, 3])
        #expect(layout.pages(of: lines) == pages)
    }

    @Test("every event of a bulletin read from a PDF cites its page and the reader")
    func eventsCitePages() throws {
        let text = try Fixtures.text("2023-06.txt")
        let lines = Fixtures.lines(text)
        let bulletin = try #require(BulletinParser.parse(lines: lines).bulletin)
        // Pretend the lines stood two pages to a page break halfway.
        let half = lines.count / 2
        let layout = SourceLayout(reader: "pdf 1.0.0", linePages: lines.indices.map { $0 < half ? 1 : 2 })
        let events = bulletin.events(document: SHA256.hash("x"), encoding: "pdf", partial: false, layout: layout)
        for event in events {
            let source = try #require(event.source)
            let lineRange = try #require(source.lines)
            #expect(source.reader == "pdf 1.0.0")
            #expect(source.pages == layout.pages(of: lineRange), "\(event.type) at \(lineRange)")
        }
        #expect(Set(events.compactMap(\.source?.pages)).count >= 2, "the events should span both pages")
    }

    @Test("a bulletin read from text: no pages, no reader, the records as before")
    func textHasNone() throws {
        let bulletin = try #require(BulletinParser.parse(lines: Fixtures.lines(Fixtures.text("2023-02.txt"))).bulletin)
        for event in bulletin.events(document: SHA256.hash("x"), encoding: "utf-8", partial: false) {
            #expect(event.source?.pages == nil && event.source?.reader == nil)
        }
    }
}
