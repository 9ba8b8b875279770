import Foundation
import Testing

/// `ledger extract FILE`: the lines ledger reads, numbered as facts cite them; writes nothing.
@Suite("Extracting a document's lines")
struct ExtractTests {
    @Test("a text bulletin: every line numbered as ingest numbers it, nothing written")
    func text() throws {
        let directory = TemporaryDirectory()
        let file = IngestTests.fixtures + "/2023-06.txt"
        let result = try LedgerProcess.run(["extract", file], in: directory.path)
        #expect(result.status == 0, "\(result.stderr)")
        let expected = try IngestTests.fixture("2023-06.txt").split(separator: "\n", omittingEmptySubsequences: false)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == expected.count - (expected.last == "" ? 1 : 0))
        #expect(lines.first?.hasPrefix("  1 | ") == true && lines.first?.hasSuffix("2023年第 6期（总第 426期）") == true, "\(lines.first ?? "")")
        #expect(!FileManager.default.fileExists(atPath: directory.file("EventLog")))
    }

    @Test("--json: the format, how it was decoded, each line with its number and text")
    func json() throws {
        let directory = TemporaryDirectory()
        let result = try LedgerProcess.run(["extract", "--json", IngestTests.fixtures + "/2023-02.txt"], in: directory.path)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["format"] as? String == "text" && object["decodedAs"] as? String == "utf-8")
        let lines = try #require(object["lines"] as? [[String: Any]])
        #expect(lines.first?["line"] as? Int == 1 && lines.first?["page"] is NSNull)
        #expect((lines.first?["text"] as? String)?.contains("2023年第 2期") == true)
    }

    @Test("a missing file is 66, an empty one 65, each one paragraph", arguments: [("missing.txt", Int32(66)), ("empty.txt", 65)])
    func refused(file: String, status: Int32) throws {
        let directory = TemporaryDirectory()
        directory.write("empty.txt", Data())
        let result = try LedgerProcess.run(["extract", file], in: directory.path)
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("ledger: error: \(file)"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}
