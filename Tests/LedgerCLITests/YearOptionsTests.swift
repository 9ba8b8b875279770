import Foundation
import Testing

/// `project` and `replay` show the latest year's weeks by default, `--year` one year, `--all`
/// every year; with a snapshot the answer is the same, read from that year alone.
@Suite("Years shown, from the command line")
struct YearOptionsTests {
    /// 2023 No. 6 rewritten as 2024 No. 2.
    static func issue2024() throws -> String {
        var text = try IngestTests.fixture("2023-06.txt")
        for (old, new) in [("2023年第 6期（总第 426期）", "2024年第 2期（总第 470期）"), ("2023年 2月 2 7日", "2024年 1月 15日"),
                           ("（2月 13日—2月 17日）", "（1月 8日—1月 12日）"), ("2023 年 1 月 1 日至", "2024 年 1 月 1 日至"),
                           ("2023年 2月 17日，", "2024年 1月 12日，")] {
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }

    /// 2023 No. 2 and No. 6, and 2024 No. 2.
    static func ledger() throws -> TemporaryDirectory {
        let ledger = TemporaryDirectory()
        ledger.write("2024-02.txt", Data(try issue2024().utf8))
        let result = try LedgerProcess.run(["ingest", IngestTests.fixtures + "/2023-02.txt", IngestTests.fixtures + "/2023-06.txt",
                                            "2024-02.txt"], in: ledger.path)
        #expect(result.status == 0, "\(result.stderr)")
        return ledger
    }

    static let projections = ["authorization", "totals", "window", "visits", "inspections", "issues"]

    @Test("the latest year by default, with a line saying so; --year another; --all every year, without the line")
    func defaultYearAllAndYear() throws {
        let ledger = try Self.ledger()
        let latest = try LedgerProcess.run(["project", "authorization"], in: ledger.path)
        #expect(latest.status == 0)
        #expect(latest.stdout.contains("Week by week, 2024") && latest.stdout.contains("2024-02"), "\(latest.stdout)")
        #expect(!latest.stdout.contains("2023-02-17  2023-06         45"))
        #expect(latest.stdout.contains("Shown: 2024 only, of 2 years with figures (2023–2024); --all shows every year, --year YYYY another."))
        let all = try LedgerProcess.run(["project", "authorization", "--all"], in: ledger.path)
        #expect(all.stdout.contains("Week by week, every year") && all.stdout.contains("2023-02-17  2023-06         45"), "\(all.stdout)")
        #expect(!all.stdout.contains("Shown:"))
        let year = try LedgerProcess.run(["project", "authorization", "--year", "2023"], in: ledger.path)
        #expect(year.stdout.contains("Week by week, 2023") && year.stdout.contains("2023-02-17  2023-06"))
        #expect(year.stdout.contains("Shown: 2023 only"))
        // The summary is the latest report's whichever year is shown.
        for result in [latest, all, year] { #expect(result.stdout.contains("2024-02, period ending 2024-01-12"), "\(result.stdout)") }
        let window = try LedgerProcess.run(["project", "window", "--year", "2023"], in: ledger.path)
        #expect(window.stdout.contains("Week by week, 2023: the week's counts") && window.stdout.contains("2023-02-17  2023-06"))
        let issues = try LedgerProcess.run(["project", "issues"], in: ledger.path)
        #expect(issues.stdout.contains("2024-02") && !issues.stdout.contains("2023-06"), "\(issues.stdout)")
        let totals = try LedgerProcess.run(["project", "totals", "--all"], in: ledger.path)
        #expect(totals.stdout.contains("year to date 2023-01-01") && totals.stdout.contains("year to date 2024-01-01"))
        let chinese = try LedgerProcess.run(["project", "authorization"], in: ledger.path, environment: ["LANG": "zh_CN.UTF-8"])
        #expect(chinese.stdout.contains("仅显示 2024 年（共 2 个年份有数据，2023–2024 年）"), "\(chinese.stdout)")
    }

    @Test("--json says which years it covers; the history follows the same rule")
    func json() throws {
        let ledger = try Self.ledger()
        let latest = try ProjectTests.json(try LedgerProcess.run(["project", "authorization", "--json"], in: ledger.path))
        let coverage = try #require(latest["coverage"] as? [String: Any])
        #expect(coverage["all"] as? Bool == false && coverage["year"] as? Int == 2024)
        #expect(coverage["firstYear"] as? Int == 2023 && coverage["lastYear"] as? Int == 2024 && coverage["years"] as? Int == 2)
        #expect((latest["history"] as? [[String: Any]])?.map { $0["issue"] as? String } == ["2024-02"])
        #expect(latest["issue"] as? String == "2024-02")
        let all = try ProjectTests.json(try LedgerProcess.run(["project", "authorization", "--json", "--all"], in: ledger.path))
        #expect((all["coverage"] as? [String: Any])?["all"] as? Bool == true)
        #expect((all["history"] as? [[String: Any]])?.count == 2)
        for name in Self.projections {
            let document = try ProjectTests.json(try LedgerProcess.run(["project", name, "--json", "--year", "2023"], in: ledger.path))
            #expect((document["coverage"] as? [String: Any])?["year"] as? Int == 2023, "\(name)")
        }
        let replay = try ProjectTests.json(try LedgerProcess.run(["replay", "--json"], in: ledger.path))
        #expect(((replay["window"] as? [String: Any])?["coverage"] as? [String: Any])?["year"] as? Int == 2024)
        #expect(((replay["window"] as? [String: Any])?["history"] as? [Any])?.count == 1)
        let replayAll = try ProjectTests.json(try LedgerProcess.run(["replay", "--json", "--all"], in: ledger.path))
        #expect(((replayAll["window"] as? [String: Any])?["history"] as? [Any])?.count == 2)
    }

    @Test("--as-of first, then the year: as of March 2023 the latest year is 2023, and no other is there")
    func asOf() throws {
        let ledger = try Self.ledger()
        let result = try LedgerProcess.run(["project", "authorization", "--as-of", "2023-03-01"], in: ledger.path)
        #expect(result.stdout.contains("Week by week, 2023") && result.stdout.contains("2023-02-17  2023-06"), "\(result.stdout)")
        #expect(!result.stdout.contains("Shown:") && !result.stdout.contains("2024"))
        let json = try ProjectTests.json(try LedgerProcess.run(["project", "window", "--json", "--as-of", "2023-03-01"], in: ledger.path))
        #expect((json["coverage"] as? [String: Any])?["years"] as? Int == 1)
        let before = try LedgerProcess.run(["project", "issues", "--as-of", "2024-12-31", "--year", "2023"], in: ledger.path)
        #expect(before.stdout.contains("2023-06") && before.stdout.contains("Shown: 2023 only"), "\(before.stdout)")
    }

    @Test("with a snapshot every answer is the one the log gives, read from the year it shows")
    func snapshotAnswersTheSame() throws {
        let ledger = try Self.ledger()
        try? FileManager.default.removeItem(atPath: ledger.file("Snapshots"))
        var questions: [[String]] = []
        for name in Self.projections {
            for years in [[], ["--all"], ["--year", "2023"]] { questions.append(["project", name] + years) }
        }
        questions += [["project", "visits", "--department", "应急厅"], ["project", "departments"], ["replay"], ["replay", "--all"]]
        let fromLog = try questions.map { try LedgerProcess.run($0, in: ledger.path).stdout }
        #expect(try LedgerProcess.run(["snapshot"], in: ledger.path).status == 0)
        for (question, expected) in zip(questions, fromLog) {
            let result = try LedgerProcess.run(question, in: ledger.path)
            #expect(result.stdout == expected, "\(question)")
            #expect(result.stderr.isEmpty, "\(question): \(result.stderr)")
        }
        // A correction after the snapshot may move a fact between years: every year is read.
        let visits = try ProjectTests.json(try LedgerProcess.run(["project", "visits", "--json", "--all"], in: ledger.path))
        let seq = try #require(((visits["visits"] as? [[String: Any]])?.first { ($0["date"] as? String)?.hasPrefix("2023") == true })?["seq"] as? Int)
        #expect(try LedgerProcess.run(["correct", String(seq), "--set", "date=2024-01-10", "--reason", "r"], in: ledger.path).status == 0)
        let corrected = try LedgerProcess.run(["project", "visits"], in: ledger.path)
        try FileManager.default.removeItem(atPath: ledger.file("Snapshots"))
        #expect(corrected.stdout == (try LedgerProcess.run(["project", "visits"], in: ledger.path)).stdout)
        #expect(corrected.stdout.contains("2024-01-10"), "\(corrected.stdout)")
    }

    @Test("a snapshot of the former format or version is not read but rebuilt, with a note")
    func oldSnapshotRebuilt() throws {
        let ledger = try Self.ledger()
        #expect(try LedgerProcess.run(["snapshot"], in: ledger.path).status == 0)
        let expected = try LedgerProcess.run(["project", "authorization"], in: ledger.path).stdout
        let current = String(decoding: ledger.read("Snapshots/hall.snapshot"), as: UTF8.self)
        for (from, to, note) in [(#"{"format":3,"#, #"{"format":2,"#, "it is of snapshot format 2, written by an earlier build (this build: 3)"),
                                 (#""version":7,"#, #""version":6,"#, "it was written by another version of the projections (6, this build: 7)")] {
            #expect(current.contains(from))
            ledger.write("Snapshots/hall.snapshot", Data(current.replacingOccurrences(of: from, with: to).utf8))
            let ignored = try LedgerProcess.run(["project", "authorization"], in: ledger.path)
            #expect(ignored.stdout == expected)
            #expect(ignored.stderr.contains("ignoring Snapshots/hall.snapshot: \(note)"), "\(ignored.stderr)")
            // An earlier build's snapshot is no damage: verify passes and says it will be rebuilt.
            let verify = try LedgerProcess.run(["verify"], in: ledger.path)
            #expect(verify.status == 0 && verify.stdout.contains(note), "\(verify.stdout)")
            #expect(try LedgerProcess.run(["snapshot"], in: ledger.path).status == 0)
            let rebuilt = try LedgerProcess.run(["project", "authorization"], in: ledger.path)
            #expect(rebuilt.stdout == expected && rebuilt.stderr.isEmpty, "\(rebuilt.stderr)")
            #expect(try LedgerProcess.run(["verify"], in: ledger.path).status == 0)
        }
    }

    @Test("usage errors: --year with --all, either with departments; export keeps every year")
    func usageAndExport() throws {
        let ledger = try Self.ledger()
        for arguments in [["project", "authorization", "--year", "2023", "--all"], ["project", "departments", "--all"],
                          ["project", "departments", "--year", "2023"], ["replay", "--all", "--year", "2024"]] {
            let result = try LedgerProcess.run(arguments, in: ledger.path)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stderr.contains("--year"), "\(arguments): \(result.stderr)")
        }
        let export = try LedgerProcess.run(["export", "authorization", "--format", "tsv", "--no-bom"], in: ledger.path)
        #expect(export.status == 0)
        #expect(export.stdout.contains("2023-06") && export.stdout.contains("2024-02"), "\(export.stdout)")
    }
}
