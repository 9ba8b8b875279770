import Foundation
import Testing

/// `ledger ingest` of the bulletin as the hall publishes it (PDF) and as its staff write it
/// (.docx), through the built binary: the same facts as the text, pages cited by `show`; and
/// every document it cannot read refused in one paragraph, exit 65, the ledger as it was.
@Suite("Ingesting PDF and Word documents")
struct PublishedDocumentTests {
    static let documents = LedgerProcess.repositoryRoot + "/Tests/LedgerDocumentsTests/Fixtures"

    /// The ledger's JSON answer to `project NAME`, without the head (seqs and hashes differ).
    static func answer(_ name: String, in ledger: TemporaryDirectory) throws -> String {
        let result = try LedgerProcess.run(["project", name, "--json"], in: ledger.path)
        return result.stdout.split(separator: "\n").filter { !$0.contains("\"seq\"") && !$0.contains("\"hash\"") }.joined(separator: "\n")
    }

    @Test("a PDF and a .docx of each issue: the same projections as the text; show quotes the page")
    func sameAsText() throws {
        let text = TemporaryDirectory(), published = TemporaryDirectory()
        let fixtures = IngestTests.fixtures
        let fromText = try LedgerProcess.run(["ingest", fixtures + "/2023-02.txt", fixtures + "/2023-06.txt"], in: text.path)
        #expect(fromText.status == 0, "\(fromText.stderr)")
        let fromPublished = try LedgerProcess.run(["ingest", Self.documents + "/2023-02.lo-lists.docx", Self.documents + "/2023-06.chromium-a4.pdf"],
                                                  in: published.path)
        #expect(fromPublished.status == 0, "\(fromPublished.stderr)")
        #expect(fromPublished.stdout.contains("appended 2023-02") && fromPublished.stdout.contains("appended 2023-06"))
        for projection in ["authorization", "totals", "window", "visits", "inspections", "issues"] {
            #expect(try Self.answer(projection, in: published) == Self.answer(projection, in: text), "\(projection)")
        }
        let visits = try LedgerProcess.run(["project", "visits", "--json"], in: published.path).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(visits.utf8)) as? [String: Any])
        let visit = try #require((object["visits"] as? [[String: Any]])?.first { $0["person"] as? String == "王飙" })
        let seq = try #require(visit["seq"] as? Int)
        let show = try LedgerProcess.run(["show", String(seq)], in: published.path)
        #expect(show.status == 0)
        #expect(show.stdout.contains("pages 4–5") && show.stdout.contains("reader pdf "), "\(show.stdout.prefix(400))")
        #expect(show.stdout.contains(" p4 ") && show.stdout.contains("司法厅党委委员、副厅长王飙"), "\(show.stdout)")
        #expect(try LedgerProcess.run(["verify"], in: published.path).status == 0)
    }

    /// A document that is not one `ledger` can read, and the words its refusal must say.
    struct Unreadable: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: @Sendable () throws -> Data
        var says: String
        var testDescription: String { name }
    }

    static func fixture(_ name: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: documents + "/" + name)) }

    static let unreadable: [Unreadable] = [
        Unreadable(name: "a scan: a PDF with no text layer", bytes: { try fixture("2023-06.scan.pdf") }, says: "looks like a scan"),
        Unreadable(name: "a PDF cut in half", bytes: { let data = try fixture("2023-06.lo-b5.pdf"); return data.prefix(data.count / 2) },
                   says: "PDF"),
        Unreadable(name: "a Word 97–2003 .doc", bytes: { Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 600)) },
                   says: ".docx"),
        Unreadable(name: "RTF", bytes: { Data("{\\rtf1\\ansi 2023年第6期}".utf8) }, says: "Rich Text Format"),
        Unreadable(name: "a .docx cut in half", bytes: { let data = try fixture("2023-06.lo-lists.docx"); return data.prefix(data.count / 2) },
                   says: "Word"),
    ]

    @Test("each is refused in one paragraph, exit 65, the ledger byte for byte as it was", arguments: unreadable)
    func refused(document: Unreadable) throws {
        let ledger = TemporaryDirectory()
        let seeded = try LedgerProcess.run(["ingest", IngestTests.fixtures + "/2023-02.txt"], in: ledger.path)
        #expect(seeded.status == 0)
        let before = HostileInputTests.files(ledger)
        ledger.write("document", try document.bytes())
        let result = try LedgerProcess.run(["ingest", "document"], in: ledger.path)
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("ledger: error: document: "), "\(result.stderr)")
        #expect(result.stderr.contains(document.says), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
        #expect(HostileInputTests.files(ledger) == before)
        let extract = try LedgerProcess.run(["extract", "document"], in: ledger.path)
        #expect(extract.status == 65 && extract.stderr.contains(document.says), "\(extract.stderr)")
    }
}
