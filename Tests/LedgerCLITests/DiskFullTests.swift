import Foundation
import Testing

/// A write the file system refuses, through the built binary: `ulimit -f` makes every write past
/// a size fail with EFBIG, as a full disk fails with ENOSPC, without root or a small file system.
@Suite("Refused writes, from the command line")
struct DiskFullTests {
    @Test("a write refused at any size: exit 74, a clear error, the log and HEAD as they were; then the ingest goes through")
    func refusedWriteAtEverySize() throws {
        let ledger = try ProjectTests.ledger()
        let text = try IngestTests.fixture("2023-06.txt").replacingOccurrences(of: "2023年第 6期（总第 426期）", with: "2023年第 7期（总第 427期）")
        ledger.write("2023-07.txt", Data(text.utf8))
        let before = IngestTests.snapshot(ledger)
        let logKilobytes = before[0].count / 1024
        var refused = 0
        // From below the log's own size (the document is refused) to past the whole batch.
        for limit in stride(from: 6, through: logKilobytes + 28, by: 2) {
            let script = "trap '' XFSZ; ulimit -f \(limit); exec '\(LedgerProcess.executable)' --ledger . ingest 2023-07.txt"
            let result = try LedgerProcess.runProgram("/bin/bash", ["-c", script], in: ledger.path)
            if result.status == 0 {
                #expect(result.stdout.contains("appended 2023-07"), "\(result.stdout)")
                break
            }
            refused += 1
            #expect(result.status == 74, "limit \(limit) KiB: \(result.stderr)")
            #expect(result.stderr.contains("I/O error: write") && result.stderr.contains("File too large"), "limit \(limit) KiB: \(result.stderr)")
            #expect(result.stderr.contains("The ledger is as it was before this command."))
            #expect(IngestTests.snapshot(ledger) == before, "limit \(limit) KiB")
        }
        #expect(refused >= 10)
        print("refused writes: \(refused) file-size limits, each exit 74 with the ledger unchanged")
        let verify = try LedgerProcess.run(["verify"], in: ledger.path)
        #expect(verify.status == 0, "\(verify.stdout)")
        let ingest = try LedgerProcess.run(["ingest", "2023-07.txt"], in: ledger.path)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(ingest.stdout.contains("2023-07"))
        // A refused write leaves no temporary file behind.
        let documents = try FileManager.default.contentsOfDirectory(atPath: ledger.file("EventLog/documents"))
        #expect(documents.allSatisfy { !$0.hasSuffix(".tmp") }, "\(documents)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: ledger.file("EventLog")).allSatisfy { !$0.hasSuffix(".tmp") })
        #expect(try LedgerProcess.run(["verify"], in: ledger.path).status == 0)
    }
}
