import Foundation
import Testing
import LedgerCLI
import LedgerDomain

/// `ledger report`, and the terminal's bar and sparklines, run as a user runs them.
@Suite("The HTML report from the command line")
struct ReportTests {
    @Test("--out writes the page, says what it holds, and leaves the ledger as it was")
    func writesPage() throws {
        let ledger = try ProjectTests.ledger()
        let before = HostileInputTests.files(ledger)
        let result = try LedgerProcess.run(["report", "--out", "week.html"], in: ledger.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let verify = try ProjectTests.json(try LedgerProcess.run(["verify", "--json"], in: ledger.path))
        let head = try #require(verify["head"] as? [String: Any])
        let hash = try #require(head["hash"] as? String), seq = try #require(head["seq"] as? Int)
        #expect(result.stdout.hasPrefix("wrote week.html ("))
        #expect(result.stdout.contains("2 issues through 2023-02-17, head seq \(seq) \(hash.prefix(12))…, ledger intact\n"))
        let page = String(decoding: ledger.read("week.html"), as: UTF8.self)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<span class=\"card-value\">37 / 45</span>"))
        #expect(page.contains("占比 <strong>82.2%</strong>"))
        #expect(page.contains("<code class=\"hash\">\(hash)</code>"))
        #expect(page.contains("<dd>seq \(seq)</dd>"))
        #expect(page.contains("台账校验：<strong>完整</strong>"))
        #expect(page.contains("期号缺 3 期：2023年第3期、2023年第4期、2023年第5期"))
        #expect(HostileInputTests.files(ledger) == before, "the report changed the ledger")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: ledger.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test("an existing file is replaced whole")
    func replaces() throws {
        let ledger = try ProjectTests.ledger()
        try Data(String(repeating: "old report ", count: 100_000).utf8).write(to: URL(fileURLWithPath: ledger.file("r.html")))
        #expect(try LedgerProcess.run(["report", "--out", "r.html"], in: ledger.path).status == 0)
        let page = String(decoding: ledger.read("r.html"), as: UTF8.self)
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.hasSuffix("</html>\n") && !page.contains("old report"))
    }

    @Test("without --out the page goes to standard output")
    func standardOutput() throws {
        let ledger = try ProjectTests.ledger()
        let result = try LedgerProcess.run(["report", "--year", "2023"], in: ledger.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("<!DOCTYPE html>") && result.stdout.hasSuffix("</html>\n"))
        #expect(result.stdout.contains("<title>窗口工作周报台账报告 · 2023年 · 截至2023年2月17日</title>"))
    }

    @Test("--as-of a past date shows the hall as it stood then")
    func asOf() throws {
        let ledger = try ProjectTests.ledger()
        let result = try LedgerProcess.run(["report", "--as-of", "2023-01-20"], in: ledger.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("数据截至 <strong>2023年1月13日</strong>（2023年第2期，总第422期）"))
        #expect(result.stdout.contains("按 2023年1月20日 及以前的事实（--as-of 2023-01-20）"))
        #expect(!result.stdout.contains("2023年第6期"))
        let before = try LedgerProcess.run(["report", "--as-of", "2022-06-01"], in: ledger.path)
        #expect(before.status == 0)
        #expect(before.stdout.contains("台账中尚无周报（截至2022年6月1日）"))
    }

    @Test("bad values are usage errors, and nothing is written", arguments: [
        (["report", "--year", "23", "--out", "r.html"], "Invalid value '23' for '--year': expected a year like 2023"),
        (["report", "--as-of", "2023-02-30", "--out", "r.html"], "Invalid value '2023-02-30' for '--as-of'"),
        (["report", "--out", "EventLog/r.html"], "EventLog/r.html: is inside a ledger's EventLog/ or Snapshots/"),
        (["report", "--out", "Snapshots/../EventLog/HEAD"], "is inside a ledger's EventLog/ or Snapshots/"),
        (["report", "--out", ""], "--out needs the path of a file to write (or - for standard output)"),
        (["report", "--bogus"], "Unknown option '--bogus'"),
    ])
    func usage(_ arguments: [String], _ message: String) throws {
        let ledger = try ProjectTests.ledger()
        let before = HostileInputTests.files(ledger)
        let result = try LedgerProcess.run(arguments, in: ledger.path)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: ledger.file("r.html")))
        #expect(HostileInputTests.files(ledger) == before)
    }

    @Test("an output that cannot be written says where and why", arguments: [
        ("missing/r.html", "missing/r.html: its directory does not exist"),
        ("EventLog", "EventLog: is inside a ledger's EventLog/"),
        (".", ".: is a directory; give the path of a file to write"),
    ])
    func unwritable(_ out: String, _ message: String) throws {
        let ledger = try ProjectTests.ledger()
        let result = try LedgerProcess.run(["report", "--out", out], in: ledger.path)
        #expect(result.status != 0)
        #expect(result.stderr.contains("the report was not written: \(message)"), "\(result.stderr)")
        #expect(result.stderr.contains("The ledger was not changed."))
    }

    @Test("no symbolic link or other ledger leads the page into a log")
    func links() throws {
        let ledger = try ProjectTests.ledger(), other = try ProjectTests.ledger(), outside = TemporaryDirectory()
        let before = HostileInputTests.files(ledger), otherBefore = HostileInputTests.files(other)
        try FileManager.default.createSymbolicLink(atPath: outside.file("to-ledger"), withDestinationPath: ledger.path)
        try FileManager.default.createSymbolicLink(atPath: outside.file("to-log"), withDestinationPath: ledger.file("EventLog"))
        for out in [outside.file("to-ledger/EventLog/events.jsonl"), outside.file("to-log/HEAD"), outside.file("to-ledger/Snapshots/hall.snapshot"),
                    other.file("EventLog/events.jsonl"), other.file("Snapshots/r.html")] {
            let result = try LedgerProcess.run(["report", "--out", out], in: ledger.path)
            #expect(result.status == 64, "\(out): \(result.stderr)")
            #expect(result.stderr.contains("is inside a ledger's EventLog/ or Snapshots/"), "\(result.stderr)")
        }
        #expect(HostileInputTests.files(ledger) == before)
        #expect(HostileInputTests.files(other) == otherBefore)
        // A symbolic link to an ordinary directory is an ordinary directory.
        try FileManager.default.createDirectory(atPath: outside.file("reports"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: outside.file("to-reports"), withDestinationPath: outside.file("reports"))
        let written = try LedgerProcess.run(["report", "--out", outside.file("to-reports/r.html")], in: ledger.path)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(FileManager.default.fileExists(atPath: outside.file("reports/r.html")))
        let dash = try LedgerProcess.run(["report", "--out", "-"], in: ledger.path)
        #expect(dash.status == 0 && dash.stdout.hasPrefix("<!DOCTYPE html>"))
    }

    @Test("no ledger: the same message as every reader")
    func noLedger() throws {
        let empty = TemporaryDirectory()
        let result = try LedgerProcess.run(["report", "--out", "r.html"], in: empty.path)
        #expect(result.status == 66)
        #expect(result.stderr.contains("there is no ledger in"))
        #expect(!FileManager.default.fileExists(atPath: empty.file("r.html")))
    }

    @Test("a damaged ledger: the page is written and says so, and the exit code is 65")
    func damaged() throws {
        let ledger = try ProjectTests.ledger()
        var log = String(decoding: ledger.read("EventLog/events.jsonl"), as: UTF8.self)
        let target = try #require(log.range(of: "周彤"))
        log.replaceSubrange(target, with: "周同")
        try Data(log.utf8).write(to: URL(fileURLWithPath: ledger.file("EventLog/events.jsonl")))
        let result = try LedgerProcess.run(["report", "--out", "r.html"], in: ledger.path)
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("ledger: warning: the ledger did not verify"))
        #expect(result.stdout.contains("ledger NOT intact"))
        let page = String(decoding: ledger.read("r.html"), as: UTF8.self)
        #expect(page.contains("台账校验：<strong>未通过"))
    }

    /// Runs the tool in-process with a standard output that claims to be a terminal.
    static func inTerminal(_ arguments: [String], in directory: String) -> (status: Int32, stdout: String) {
        let stdout = CapturedOutput(isTerminal: true), stderr = CapturedOutput()
        let status = LedgerTool.run(Invocation(arguments: arguments, environment: [:], workingDirectory: directory,
                                               stdout: stdout, stderr: stderr, now: { Instant(millisecondsSinceEpoch: 0) }))
        return (status, stdout.text)
    }

    @Test("report refuses to pour HTML into a terminal")
    func terminalRefused() throws {
        let ledger = try ProjectTests.ledger()
        let stderr = CapturedOutput()
        let status = LedgerTool.run(Invocation(arguments: ["report"], environment: [:], workingDirectory: ledger.path,
                                               stdout: CapturedOutput(isTerminal: true), stderr: stderr, now: { Instant(millisecondsSinceEpoch: 0) }))
        #expect(status == 64)
        #expect(stderr.text.contains("give --out FILE (for example --out report.html), or redirect standard output"))
    }

    @Test("in a terminal: a bar of the share, and a sparkline per category; plain text when piped")
    func terminalFigures() throws {
        let ledger = try ProjectTests.ledger()
        let authorization = Self.inTerminal(["project", "authorization"], in: ledger.path)
        #expect(authorization.status == 0)
        // 82.2% of 30 cells is 24.66: 25 filled.
        #expect(authorization.stdout.contains("82.2%  [" + String(repeating: "█", count: 25) + String(repeating: "·", count: 5) + "]\n"))
        let totals = Self.inTerminal(["project", "totals"], in: ledger.path)
        #expect(totals.stdout.contains("trend"))
        // Two reports of 2023, each rising: the lowest and the highest block.
        #expect(totals.stdout.components(separatedBy: "▁█").count - 1 == 3, "\(totals.stdout)")
        let piped = try LedgerProcess.run(["project", "authorization"], in: ledger.path)
        #expect(!piped.stdout.contains("█") && !piped.stdout.contains("["))
        let pipedTotals = try LedgerProcess.run(["project", "totals"], in: ledger.path)
        #expect(!pipedTotals.stdout.contains("trend") && !pipedTotals.stdout.contains("▁"))
        let json = Self.inTerminal(["project", "totals", "--json"], in: ledger.path)
        #expect(!json.stdout.contains("▁") && !json.stdout.contains("trend"))
        let jsonAuthorization = Self.inTerminal(["project", "authorization", "--json"], in: ledger.path)
        #expect(!jsonAuthorization.stdout.contains("█"))
    }

    @Test("through a real terminal (a pty from script(1)), the built binary draws the bar",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func realTerminal() throws {
        let ledger = try ProjectTests.ledger()
        let result = try LedgerProcess.runProgram("/usr/bin/script", ["-qec", "\(LedgerProcess.executable) project authorization", "/dev/null"],
                                                  in: ledger.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("82.2%  [█"), "\(result.stdout)")
    }
}
