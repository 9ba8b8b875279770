import Foundation
import Glibc
import Testing

/// `ledger ingest`, run as the hall's staff run it.
@Suite("Ingesting bulletins")
struct IngestTests {
    static let fixtures = LedgerProcess.repositoryRoot + "/Tests/LedgerParserTests/Fixtures"

    static func fixture(_ name: String) throws -> String {
        try String(contentsOfFile: fixtures + "/" + name, encoding: .utf8)
    }

    /// The ledger's files, to prove a command left them byte for byte as they were.
    static func snapshot(_ ledger: TemporaryDirectory) -> [Data] {
        [ledger.read("EventLog/events.jsonl"), ledger.read("EventLog/HEAD")]
    }

    @Test func ingestBothRealIssues() throws {
        let ledger = TemporaryDirectory()
        let result = try LedgerProcess.run(["ingest", Self.fixtures + "/2023-02.txt", Self.fixtures + "/2023-06.txt", "--actor", "王@hall"], in: ledger.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("appended 2023-02 as seq 1–15"))
        #expect(result.stdout.contains("appended 2023-06 as seq 16–"))
        #expect(try LedgerProcess.run(["verify"], in: ledger.path).status == 0)
        let log = String(decoding: ledger.read("EventLog/events.jsonl"), as: UTF8.self)
        #expect(log.contains(#""person":"王飙""#))
        #expect(log.contains(#""actor":"王@hall""#))
        #expect(log.contains(#""command":"ledger ingest "#))
        // Both documents are kept, named by their SHA-256.
        let documents = try FileManager.default.contentsOfDirectory(atPath: ledger.file("EventLog/documents"))
        #expect(documents.count == 2)
        #expect(documents.allSatisfy { $0.count == 64 })
    }

    @Test("the same document again is a no-op that says so")
    func sameDocumentAgain() throws {
        let ledger = TemporaryDirectory()
        try LedgerProcess.run(["ingest", Self.fixtures + "/2023-06.txt"], in: ledger.path)
        let before = Self.snapshot(ledger)
        let again = try LedgerProcess.run(["ingest", Self.fixtures + "/2023-06.txt"], in: ledger.path)
        #expect(again.status == 0)
        #expect(again.stdout.contains("already ingested as 2023-06"))
        #expect(Self.snapshot(ledger) == before)
    }

    @Test("another document for the same issue is a conflict naming the facts that differ; --supersede replaces it")
    func conflictAndSupersede() throws {
        let ledger = TemporaryDirectory()
        try LedgerProcess.run(["ingest", Self.fixtures + "/2023-06.txt"], in: ledger.path)
        let corrected = try Self.fixture("2023-06.txt").replacingOccurrences(of: "受理 62827件", with: "受理 62828件")
        ledger.write("corrected.txt", Data(corrected.utf8))
        let before = Self.snapshot(ledger)
        let conflict = try LedgerProcess.run(["ingest", "corrected.txt"], in: ledger.path)
        #expect(conflict.status == 65)
        #expect(conflict.stderr.contains("2023-06 is already in the ledger from another document"))
        #expect(conflict.stderr.contains("changed: items.counted administrativeLicensing: accepted 62827 → 62828"))
        #expect(Self.snapshot(ledger) == before)

        let noReason = try LedgerProcess.run(["ingest", "corrected.txt", "--supersede"], in: ledger.path)
        #expect(noReason.status == 64)
        #expect(noReason.stderr.contains("--supersede needs --reason"))

        let superseded = try LedgerProcess.run(["ingest", "corrected.txt", "--supersede", "--reason", "typo in the printed count"], in: ledger.path)
        #expect(superseded.status == 0, "\(superseded.stderr)")
        #expect(superseded.stdout.contains("superseded the earlier document of 2023-06"))
        let log = String(decoding: ledger.read("EventLog/events.jsonl"), as: UTF8.self)
        #expect(log.contains(#""type":"issue.superseded""#))
        #expect(log.contains(#""reason":"typo in the printed count""#))
        #expect(try LedgerProcess.run(["verify"], in: ledger.path).status == 0)
    }

    @Test("bad input: a clear message, a non-zero exit, the ledger byte for byte as it was", arguments: [
        BadInput(name: "empty file", contents: Data(), status: 65, message: "empty"),
        BadInput(name: "binary", contents: Data([0x7F, 0x45, 0x4C, 0x46, 0, 0, 1, 2, 0, 0]), status: 65, message: "binary"),
        BadInput(name: "undecodable", contents: Data([0x32, 0x30, 0xFF, 0xFF, 0xFF, 0x0A, 0x80, 0x80]), status: 65, message: "cannot be decoded"),
        BadInput(name: "no masthead", contents: Data("一、大厅巡查情况\n（一）按时到岗情况。总体情况良好。\n报：中心领导。\n".utf8), status: 65, message: "no masthead"),
    ])
    func badInput(_ input: BadInput) throws {
        let ledger = TemporaryDirectory()
        try LedgerProcess.run(["ingest", Self.fixtures + "/2023-02.txt"], in: ledger.path)
        let before = Self.snapshot(ledger)
        ledger.write("input.txt", input.contents)
        let result = try LedgerProcess.run(["ingest", "input.txt"], in: ledger.path)
        #expect(result.status == input.status, "\(result.stderr)")
        #expect(result.stderr.contains(input.message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(Self.snapshot(ledger) == before)
    }

    @Test func missingDirectoryAndFIFOInputs() throws {
        let ledger = TemporaryDirectory()
        let missing = try LedgerProcess.run(["ingest", "nowhere.txt"], in: ledger.path)
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("nowhere.txt: no such file"))
        try FileManager.default.createDirectory(atPath: ledger.file("folder"), withIntermediateDirectories: false)
        let folder = try LedgerProcess.run(["ingest", "folder"], in: ledger.path)
        #expect(folder.status == 66)
        #expect(folder.stderr.contains("is a directory"))
        #expect(mkfifo(ledger.file("pipe"), 0o644) == 0)
        let fifo = try LedgerProcess.run(["ingest", "pipe"], in: ledger.path)
        #expect(fifo.status == 66)
        #expect(fifo.stderr.contains("FIFO"))
        #expect(!FileManager.default.fileExists(atPath: ledger.file("EventLog/events.jsonl")))
    }

    @Test func oversizedInput() throws {
        let ledger = TemporaryDirectory()
        ledger.write("huge.txt", Data(repeating: 0x41, count: (16 << 20) + 1))
        let result = try LedgerProcess.run(["ingest", "huge.txt"], in: ledger.path)
        #expect(result.status == 65)
        #expect(result.stderr.contains("more than the limit of 16,777,216"), "\(result.stderr)")
    }

    @Test("a document without its footer is rejected as truncated unless --allow-partial")
    func truncatedDocument() throws {
        let ledger = TemporaryDirectory()
        let text = try Self.fixture("2023-06.txt")
        let footer = try #require(text.range(of: "报：中心领导"))
        let cut = String(text[..<footer.lowerBound])
        ledger.write("cut.txt", Data(cut.utf8))
        let rejected = try LedgerProcess.run(["ingest", "cut.txt"], in: ledger.path)
        #expect(rejected.status == 65)
        #expect(rejected.stderr.contains("looks truncated"))
        #expect(!FileManager.default.fileExists(atPath: ledger.file("EventLog/events.jsonl")))
        let accepted = try LedgerProcess.run(["ingest", "cut.txt", "--allow-partial"], in: ledger.path)
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(String(decoding: ledger.read("EventLog/events.jsonl"), as: UTF8.self).contains(#""partial":true"#))
    }

    @Test("figures that contradict each other are rejected with their numbers and lines")
    func inconsistentIssue() throws {
        let ledger = TemporaryDirectory()
        let text = try Self.fixture("2023-06.txt").replacingOccurrences(of: "无差别综合窗口的 8个", with: "无差别综合窗口的 9个")
        ledger.write("wrong.txt", Data(text.utf8))
        let rejected = try LedgerProcess.run(["ingest", "wrong.txt"], in: ledger.path)
        #expect(rejected.status == 65)
        #expect(rejected.stderr.contains("37 + 9 = 46, but 45 departments are stationed"))
        #expect(rejected.stderr.contains("wrong.txt:21: error:"), "\(rejected.stderr)")
        #expect(rejected.stderr.contains("    33 | 无差别综合窗口的 9个，占比为 17.8%。"))
        #expect(!FileManager.default.fileExists(atPath: ledger.file("EventLog/events.jsonl")))
        let accepted = try LedgerProcess.run(["ingest", "wrong.txt", "--accept-inconsistent", "--reason", "as printed"], in: ledger.path)
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(String(decoding: ledger.read("EventLog/events.jsonl"), as: UTF8.self).contains(#""type":"inconsistency.accepted""#))
    }

    @Test("--dry-run --json prints the events and writes nothing")
    func dryRun() throws {
        let ledger = TemporaryDirectory()
        let result = try LedgerProcess.run(["ingest", "--dry-run", "--json", Self.fixtures + "/2023-06.txt"], in: ledger.path)
        #expect(result.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let file = try #require((document["files"] as? [[String: Any]])?.first)
        #expect(file["result"] as? String == "dryRun")
        let events = try #require(file["events"] as? [[String: Any]])
        #expect(events.first?["type"] as? String == "issue.published")
        #expect(events.contains { ($0["payload"] as? [String: Any])?["person"] as? String == "王飙" })
        #expect(!FileManager.default.fileExists(atPath: ledger.file("EventLog")))
        // The account: every line with text in one run, the runs in order, each event named by its index.
        let account = try #require(file["account"] as? [String: Any])
        let runs = try #require(account["runs"] as? [[String: Any]])
        let content = try Self.fixture("2023-06.txt").split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated().filter { !$0.element.allSatisfy(\.isWhitespace) }.count
        #expect(account["lines"] as? Int == content)
        #expect(runs.first?["place"] as? String == "masthead" && runs.last?["place"] as? String == "footer")
        let visit = try #require(runs.first { $0["type"] as? String == "visit.recorded" })
        let index = try #require(visit["event"] as? Int)
        #expect((events[index]["payload"] as? [String: Any])?["person"] as? String == "王飙")
        let text = try LedgerProcess.run(["ingest", "--dry-run", Self.fixtures + "/2023-06.txt"], in: ledger.path)
        #expect(text.stdout.contains("lines: \(content) with text: 4 masthead, 4 footer, 2 page headers and numbers"))
    }

    @Test("standard input, GB18030 and CRLF read as the same issue")
    func encodingsAndStandardInput() throws {
        let ledger = TemporaryDirectory()
        let text = try Self.fixture("2023-06.txt")
        let fromStandardInput = try LedgerProcess.run(["ingest", "-", "--dry-run", "--json"], in: ledger.path, stdin: Data(text.utf8))
        #expect(fromStandardInput.stdout.contains(#""issue": "2023-06""#))
        let gb = try LedgerProcess.runProgram("/bin/bash", ["-c", "iconv -f UTF-8 -t GB18030 < '\(Self.fixtures)/2023-06.txt' | sed 's/$/\\r/' > gb.txt"], in: ledger.path)
        #expect(gb.status == 0)
        let result = try LedgerProcess.run(["ingest", "gb.txt"], in: ledger.path)
        #expect(result.status == 0, "\(result.stderr)")
        let log = String(decoding: ledger.read("EventLog/events.jsonl"), as: UTF8.self)
        #expect(log.contains(#""encoding":"gb18030""#))
        #expect(log.contains(#""person":"王飙""#))
    }

    @Test("show prints an event with the lines it was read from")
    func showSourceLines() throws {
        let ledger = TemporaryDirectory()
        try LedgerProcess.run(["ingest", Self.fixtures + "/2023-06.txt"], in: ledger.path)
        let log = try LedgerProcess.run(["log", "--type", "visit.recorded"], in: ledger.path)
        let seq = try #require(log.stdout.split(separator: " ").first).dropFirst()
        let shown = try LedgerProcess.run(["show", String(seq)], in: ledger.path)
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("visit.recorded  valid 2023-02-14"))
        #expect(shown.stdout.contains("| 2 月 14 日下午，司法厅党委委员、副厅长王飙来到省政务服"))
        let missing = try LedgerProcess.run(["show", "9999"], in: ledger.path)
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("there is no seq 9999"))
    }

    @Test("eight writers at once, and the same issue from two: each issue lands exactly once")
    func concurrentIngests() async throws {
        let ledger = TemporaryDirectory()
        let base = try Self.fixture("2023-06.txt")
        var files: [String] = []
        for number in 7...14 {
            let text = base.replacingOccurrences(of: "2023年第 6期（总第 426期）", with: "2023年第 \(number)期（总第 \(number + 420)期）")
            ledger.write("issue-\(number).txt", Data(text.utf8))
            files.append("issue-\(number).txt")
        }
        files.append("issue-7.txt")
        let root = ledger.path
        let statuses = try await withThrowingTaskGroup(of: Int32.self) { group in
            for file in files { group.addTask { try LedgerProcess.run(["ingest", file], in: root).status } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses.allSatisfy { $0 == 0 })
        let log = String(decoding: ledger.read("EventLog/events.jsonl"), as: UTF8.self)
        let published = log.split(separator: "\n").filter { $0.contains(#""type":"issue.published""#) }
        #expect(published.count == 8)
        #expect(try LedgerProcess.run(["verify"], in: root).status == 0)
    }
}

struct BadInput: CustomTestStringConvertible, Sendable {
    var name: String
    var contents: Data
    var status: Int32
    var message: String
    var testDescription: String { name }
}

@Suite("Checks across issues")
struct CrossIssueTests {
    @Test("last week's issue in the ledger: this week must add up; mismatches are kept as check.failed events")
    func weekAddsUp() throws {
        let ledger = TemporaryDirectory()
        let previous = try IngestTests.fixture("2023-06.txt")
            .replacingOccurrences(of: "2023年第 6期（总第 426期）", with: "2023年第 5期（总第 425期）")
            .replacingOccurrences(of: "2023年 2月 2 7日", with: "2023年 2月 20日")
            .replacingOccurrences(of: "（2月 13日—2月 17日）", with: "（2月 6日—2月 10日）")
            .replacingOccurrences(of: "累计咨询 1748 人次", with: "累计咨询 1000 人次")
            .replacingOccurrences(of: "受理 62827件", with: "受理 60000件")
        ledger.write("2023-05.txt", Data(previous.utf8))
        #expect(try LedgerProcess.run(["ingest", "2023-05.txt"], in: ledger.path).status == 0)
        let result = try LedgerProcess.run(["ingest", IngestTests.fixtures + "/2023-06.txt"], in: ledger.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("window consultations: last week's year to date 1000 (2023-05) + this week's 618 = 1618, but this issue prints 1748"))
        #expect(result.stdout.contains("authorized departments went from 37 (2023-05) to 37, a change of 0, but the issue states an increase of 2"))
        let log = String(decoding: ledger.read("EventLog/events.jsonl"), as: UTF8.self)
        // The four window metrics (last week's year to date is this week's in the copy) and the increase.
        #expect(log.components(separatedBy: #""type":"check.failed""#).count - 1 == 5)

        // A year-to-date count that falls within the year is a warning too, whichever came first.
        let falling = try IngestTests.fixture("2023-02.txt")
            .replacingOccurrences(of: "2023年第 2期（总第 422期）", with: "2023年第 8期（总第 428期）")
            .replacingOccurrences(of: "2023年 1月 31日", with: "2023年 3月 6日")
            .replacingOccurrences(of: "（1月 9日—1月 13日）", with: "（2月 27日—3月 3日）")
            .replacingOccurrences(of: "2023年 1月 13日，", with: "2023年 3月 3日，")
        ledger.write("2023-08.txt", Data(falling.utf8))
        let fell = try LedgerProcess.run(["ingest", "2023-08.txt"], in: ledger.path)
        #expect(fell.stdout.contains("行政许可事项 accepted (受理) falls from 62827 (2023-06) to 26641 (2023-08)"), "\(fell.stdout)")
    }
}

@Suite("The writer lock, from the command line")
struct BusyTests {
    @Test("a second writer waits a bounded time, then says ledger is busy, exit 75, nothing written")
    func busy() throws {
        let ledger = try ProjectTests.ledger()
        let before = IngestTests.snapshot(ledger)
        let holder = open(ledger.file("EventLog/lock"), O_RDWR)
        defer { close(holder) }
        let locked: Int32 = flock(holder, LOCK_EX)
        #expect(locked == 0)
        let text = try IngestTests.fixture("2023-06.txt").replacingOccurrences(of: "2023年第 6期（总第 426期）", with: "2023年第 7期（总第 427期）")
        ledger.write("next.txt", Data(text.utf8))
        let result = try LedgerProcess.run(["ingest", "next.txt"], in: ledger.path, environment: ["LEDGER_LOCK_TIMEOUT_MS": "150"])
        #expect(result.status == 75)
        #expect(result.stderr.contains("ledger is busy"), "\(result.stderr)")
        #expect(IngestTests.snapshot(ledger) == before)
        // Readers do not wait for the writer.
        #expect(try LedgerProcess.run(["project", "authorization"], in: ledger.path).status == 0)
    }
}
