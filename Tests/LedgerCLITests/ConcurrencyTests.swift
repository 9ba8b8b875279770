import Foundation
import Glibc
import Testing

/// Many `ledger` processes on one ledger at once: writers of different issues, two writers of
/// the same issue, and readers running all the while.
@Suite("Concurrent processes")
struct ConcurrencyTests {
    /// A `ledger` process started and not yet waited for, its output going to files.
    final class Child {
        let process = Process()
        let output: String

        init(_ arguments: [String], in directory: String) throws {
            output = directory + "/.child-\(UUID().uuidString)"
            process.executableURL = URL(fileURLWithPath: LedgerProcess.executable)
            process.arguments = arguments
            process.currentDirectoryURL = URL(fileURLWithPath: directory)
            var environment = ProcessInfo.processInfo.environment
            environment.removeValue(forKey: "LEDGER_HOME")
            // Ten writers of a debug build on a shared machine: never "busy", however slow.
            environment["LEDGER_LOCK_TIMEOUT_MS"] = "300000"
            process.environment = environment
            _ = FileManager.default.createFile(atPath: output + ".out", contents: nil)
            _ = FileManager.default.createFile(atPath: output + ".err", contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: output + ".out"))
            process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: output + ".err"))
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }

        func wait() -> LedgerProcess.Result {
            process.waitUntilExit()
            let read = { (suffix: String) in
                String(decoding: FileManager.default.contents(atPath: self.output + suffix) ?? Data(), as: UTF8.self)
            }
            defer {
                try? FileManager.default.removeItem(atPath: output + ".out")
                try? FileManager.default.removeItem(atPath: output + ".err")
            }
            return LedgerProcess.Result(stdout: read(".out"), stderr: read(".err"), status: process.terminationStatus)
        }
    }

    /// The real 2023-06 issue, renumbered as issue `number` of 2023.
    static func issue(_ number: Int) throws -> Data {
        let text = try IngestTests.fixture("2023-06.txt")
            .replacingOccurrences(of: "2023年第 6期（总第 426期）", with: "2023年第 \(number)期（总第 \(number + 420)期）")
        return Data(text.utf8)
    }

    /// Tells the readers to stop, from another thread.
    final class StopFlag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false

        var isSet: Bool {
            lock.lock()
            defer { lock.unlock() }
            return value
        }

        func set() {
            lock.lock()
            defer { lock.unlock() }
            value = true
        }
    }

    /// What one reader saw: problems found, and how many reads it made.
    final class ReaderLog: @unchecked Sendable {
        private let lock = NSLock()
        private var problems: [String] = []
        private(set) var reads = 0
        private(set) var heads = Set<Int>()

        func record(head: Int, problems found: [String]) {
            lock.lock()
            defer { lock.unlock() }
            reads += 1
            heads.insert(head)
            problems += found
        }

        var all: [String] {
            lock.lock()
            defer { lock.unlock() }
            return problems
        }
    }

    /// The batches in `ledger log --json`'s lines that are not whole, or whose seqs do not run on.
    static func brokenBatches(_ stdout: String) -> (head: Int, problems: [String]) {
        var problems: [String] = []
        var expectedSeq = 1
        var open: (first: Int, count: Int)?
        for line in stdout.split(separator: "\n") {
            // Format 2: a batch's first line says how many records it holds; the others say nothing.
            guard let record = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let seq = record["seq"] as? Int else {
                problems.append("an undecodable line: \(line.prefix(80))")
                continue
            }
            if seq != expectedSeq { problems.append("seq \(seq) where \(expectedSeq) was due") }
            expectedSeq = seq + 1
            if let batch = record["batch"] as? [String: Any] {
                guard let count = batch["count"] as? Int else {
                    problems.append("a batch header without its count at seq \(seq)")
                    continue
                }
                if let open { problems.append("batch \(open.first) ended before its \(open.count) records") }
                open = (seq, count)
            } else if open == nil {
                problems.append("seq \(seq) belongs to no batch")
            }
            if let batch = open, seq == batch.first + batch.count - 1 { open = nil }
        }
        if let open { problems.append("the read ended inside batch \(open.first) of \(open.count) records") }
        return (expectedSeq - 1, problems)
    }

    /// Reads the log again and again until told to stop, checking every read.
    static func read(_ root: String, into log: ReaderLog, until stop: @escaping @Sendable () -> Bool) -> Thread {
        let thread = Thread {
            // At least one read, however fast the writers are.
            repeat {
                guard let result = try? LedgerProcess.run(["log", "--json"], in: root) else { continue }
                // Before the first writer made EventLog/ there is nothing to read.
                if result.status == 66 { continue }
                if result.status != 0 {
                    log.record(head: -1, problems: ["log exited \(result.status): \(result.stderr)"])
                    continue
                }
                let (head, problems) = brokenBatches(result.stdout)
                log.record(head: head, problems: problems)
            } while !stop()
        }
        thread.start()
        return thread
    }

    @Test("eight writers of different issues, two of the same, readers all the while: every issue once, every read whole batches",
          arguments: ["waiting on a held lock", "racing to create the ledger"])
    func writersAndReaders(start: String) throws {
        let ledger = TemporaryDirectory()
        var lockHolder: Int32 = -1
        if start == "waiting on a held lock" {
            #expect(try LedgerProcess.run(["ingest", IngestTests.fixtures + "/2023-02.txt"], in: ledger.path).status == 0)
            lockHolder = open(ledger.file("EventLog/lock"), O_RDWR)
            #expect(flock(lockHolder, LOCK_EX) == 0)
        }
        // Eight writers of three issues each (7–30); two writers of issue 31, the same document.
        var writers: [[String]] = []
        for writer in 0..<8 {
            let numbers = (0..<3).map { 7 + writer * 3 + $0 }
            for number in numbers { ledger.write("issue-\(number).txt", try Self.issue(number)) }
            writers.append(["ingest"] + numbers.map { "issue-\($0).txt" })
        }
        ledger.write("issue-31.txt", try Self.issue(31))
        writers += [["ingest", "issue-31.txt"], ["ingest", "issue-31.txt"]]

        let done = StopFlag()
        let stop: @Sendable () -> Bool = { done.isSet }
        let readerLog = ReaderLog()
        let readers = (0..<2).map { _ in Self.read(ledger.path, into: readerLog, until: stop) }
        let children = try writers.map { try Child($0, in: ledger.path) }
        if lockHolder >= 0 {
            // Let all ten reach the lock, then let them go at once.
            usleep(300_000)
            close(lockHolder)
        }
        let results = children.map { $0.wait() }
        done.set()
        while readers.contains(where: { !$0.isFinished }) { usleep(10_000) }

        for (arguments, result) in zip(writers, results) {
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        let sameIssue = results.suffix(2).map(\.stdout)
        #expect(sameIssue.filter { $0.contains("appended 2023-31") }.count == 1, "\(sameIssue)")
        #expect(sameIssue.filter { $0.contains("already ingested as 2023-31") }.count == 1, "\(sameIssue)")

        let log = try LedgerProcess.run(["log", "--json"], in: ledger.path)
        #expect(Self.brokenBatches(log.stdout).problems.isEmpty)
        let published = log.stdout.split(separator: "\n").filter { $0.contains(#""type":"issue.published""#) }
        let issues = published.compactMap { line -> String? in
            guard let range = line.range(of: #""issue":"2023-[0-9]+""#, options: .regularExpression) else { return nil }
            return String(line[range])
        }
        let expected = (start == "waiting on a held lock" ? 26 : 25)
        #expect(issues.count == expected)
        #expect(Set(issues).count == expected, "an issue landed twice")
        let verify = try LedgerProcess.run(["verify"], in: ledger.path)
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")

        #expect(readerLog.all.isEmpty, "\(readerLog.all.prefix(5))")
        #expect(readerLog.reads > 0)
        print("concurrency (\(start)): \(writers.count) writers, \(readerLog.reads) reads of \(readerLog.heads.count) distinct heads, all whole batches")
    }
}

@Suite("Concurrent processes: the readers' check")
struct ReaderCheckTests {
    @Test("a read that ends inside a batch, or skips a seq, is caught")
    func halfBatchIsCaught() throws {
        let ledger = try TemporaryDirectory.ledger(batches: [2, 3])
        let lines = String(decoding: ledger.read("EventLog/events.jsonl"), as: UTF8.self).split(separator: "\n")
        #expect(ConcurrencyTests.brokenBatches(lines.joined(separator: "\n")).problems.isEmpty)
        #expect(ConcurrencyTests.brokenBatches(lines.joined(separator: "\n")).head == 5)
        let half = ConcurrencyTests.brokenBatches(lines.dropLast().joined(separator: "\n"))
        #expect(half.problems == ["the read ended inside batch 3 of 3 records"])
        var skipped = Array(lines)
        skipped.remove(at: 1)
        #expect(ConcurrencyTests.brokenBatches(skipped.joined(separator: "\n")).problems.contains("seq 3 where 2 was due"))
    }
}
