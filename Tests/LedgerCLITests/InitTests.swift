import Foundation
import Testing

/// `ledger init`, and the hint `ingest` gives when it starts a ledger itself.
@Suite("Making an empty ledger")
struct InitTests {
    @Test("init makes EventLog/ with an empty log and HEAD, Snapshots/ and README.txt; the ledger verifies and answers")
    func makesEmptyLedger() throws {
        let directory = TemporaryDirectory()
        let result = try LedgerProcess.run(["init", "hall"], in: directory.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("made an empty ledger in \(directory.file("hall")): "))
        #expect(result.stderr.isEmpty)
        let head = String(decoding: directory.read("hall/EventLog/HEAD"), as: UTF8.self)
        #expect(head.contains("\"seq\":0") && head.contains("\"bytes\":0"))
        #expect(directory.read("hall/EventLog/events.jsonl").isEmpty)
        #expect(FileManager.default.fileExists(atPath: directory.file("hall/EventLog/events.jsonl")))
        #expect(FileManager.default.fileExists(atPath: directory.file("hall/Snapshots")))
        #expect(String(decoding: directory.read("hall/README.txt"), as: UTF8.self).contains("ledger"))
        let verify = try LedgerProcess.run(["verify"], in: directory.file("hall"))
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        #expect(verify.stdout.hasPrefix("ledger verify: intact"))
        let answer = try LedgerProcess.run(["project", "authorization"], in: directory.file("hall"))
        #expect(answer.status == 0, "\(answer.stderr)")
        let ingest = try LedgerProcess.run(["ingest", IngestTests.fixtures + "/2023-02.txt"], in: directory.file("hall"))
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(!ingest.stderr.contains("ledger init"), "an initialised ledger needs no hint")
        #expect(try LedgerProcess.run(["verify"], in: directory.file("hall")).status == 0)
    }

    @Test("init in the working directory when it is empty; again on a ledger: nothing changes, exit 0")
    func workingDirectoryAndAgain() throws {
        let directory = TemporaryDirectory()
        #expect(try LedgerProcess.run(["init"], in: directory.path).status == 0)
        let head = directory.read("EventLog/HEAD")
        let again = try LedgerProcess.run(["init"], in: directory.path)
        #expect(again.status == 0)
        #expect(again.stdout.contains("already holds a ledger (head seq 0); nothing was changed"))
        #expect(directory.read("EventLog/HEAD") == head)
    }

    @Test("a directory that holds other files is refused with exit 73, and left as it was")
    func refusesOtherFiles() throws {
        let directory = TemporaryDirectory()
        directory.write("notes.docx", Data("x".utf8))
        let result = try LedgerProcess.run(["init", directory.path], in: "/")
        #expect(result.status == 73)
        #expect(result.stderr.contains("it holds other files (notes.docx)"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["notes.docx"])
        directory.write("plain", Data())
        let file = try LedgerProcess.run(["init", "plain"], in: directory.path)
        #expect(file.status == 73)
        #expect(file.stderr.contains("not a directory"))
    }

    @Test("ingest into a directory that is no ledger still starts one, and says `ledger init` in one note")
    func ingestHints() throws {
        let directory = TemporaryDirectory()
        let result = try LedgerProcess.run(["ingest", IngestTests.fixtures + "/2023-02.txt"], in: directory.path)
        #expect(result.status == 0)
        let notes = result.stderr.split(separator: "\n").filter { $0.contains("ledger init") }
        #expect(notes.count == 1, "\(result.stderr)")
        #expect(notes.first?.hasPrefix("ledger: note: ") == true)
        let none = TemporaryDirectory()
        let reader = try LedgerProcess.run(["project", "issues"], in: none.path)
        #expect(reader.status == 66)
        #expect(reader.stderr.contains("`ledger init` there makes one"))
    }
}
