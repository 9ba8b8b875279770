import Foundation
import Testing

/// Several files in one `ledger ingest`: each is planned against the ledger and the files
/// before it, and each is a batch of its own, though a few are appended together.
@Suite("Ingesting several files at once")
struct IngestManyFilesTests {
    @Test("each file sees the ones before it; a rejected file stops none of the others")
    func eachFileSeesTheOnesBeforeIt() throws {
        let ledger = TemporaryDirectory()
        let corrected = try IngestTests.fixture("2023-06.txt").replacingOccurrences(of: "受理 62827件", with: "受理 62828件")
        ledger.write("corrected.txt", Data(corrected.utf8))
        ledger.write("empty.txt", Data())
        let fixtures = IngestTests.fixtures
        let result = try LedgerProcess.run(["ingest", fixtures + "/2023-02.txt", "empty.txt", fixtures + "/2023-06.txt",
                                            fixtures + "/2023-06.txt", "corrected.txt"], in: ledger.path)
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stdout.contains("2023-02.txt: appended 2023-02 as seq 1–15"), "\(result.stdout)")
        #expect(result.stderr.contains("empty.txt") && result.stderr.contains("empty"), "\(result.stderr)")
        #expect(result.stdout.contains("2023-06.txt: appended 2023-06 as seq 16–"), "\(result.stdout)")
        #expect(result.stdout.contains("2023-06.txt: already ingested as 2023-06 (seq 16–"), "\(result.stdout)")
        #expect(result.stderr.contains("changed: items.counted administrativeLicensing: accepted 62827 → 62828"), "\(result.stderr)")
        #expect(try LedgerProcess.run(["verify"], in: ledger.path).status == 0)
        // Two batches, each with its own header; one append, so the command line is written once,
        // on the first batch's header, and the second batch's header leaves its stamp to it.
        let lines = String(decoding: ledger.read("EventLog/events.jsonl"), as: UTF8.self).split(separator: "\n")
        #expect(lines.filter { $0.contains(#""command":"ledger ingest "#) }.count == 1)
        #expect(lines[0].contains(#""batch":{"count":15,"recordedAt":"#), "\(lines[0])")
        #expect(lines[15].contains(#""batch":{"count":"#) && !lines[15].contains(#""recordedAt""#), "\(lines[15])")
        #expect(lines.filter { $0.contains(#""batch":"#) }.count == 2)

        // The same files again, as one run: nothing new.
        let again = try LedgerProcess.run(["ingest", fixtures + "/2023-02.txt", fixtures + "/2023-06.txt"], in: ledger.path)
        #expect(again.status == 0 && again.stdout.components(separatedBy: "already ingested").count == 3, "\(again.stdout)")
    }
}
