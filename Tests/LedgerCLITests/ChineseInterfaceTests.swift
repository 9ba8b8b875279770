import Foundation
import Testing

/// The README's main commands under a Chinese locale and under `LANG=C`: Chinese for a person
/// on stdout and stderr, English as before, and `--json` the same in both.
@Suite("The Chinese interface")
struct ChineseInterfaceTests {
    static let chinese = ["LANG": "zh_CN.UTF-8"]
    static let english = ["LANG": "C"]

    static func run(_ arguments: [String], _ environment: [String: String], in directory: String = LedgerProcess.repositoryRoot) throws -> LedgerProcess.Result {
        try LedgerProcess.run(arguments, in: directory, environment: environment)
    }

    @Test("project authorization speaks Chinese under LANG=zh_CN.UTF-8, English under LANG=C")
    func authorization() throws {
        let zh = try Self.run(["project", "authorization"], Self.chinese)
        #expect(zh.status == 0, "\(zh.stderr)")
        #expect(zh.stdout.contains("进驻部门 45 个，已授权 37 个：82.2%"), "\(zh.stdout)")
        #expect(zh.stdout.contains("依据账本头计算：序号 "))
        #expect(!zh.stdout.contains("stationed departments"))
        let en = try Self.run(["project", "authorization"], Self.english)
        #expect(en.stdout.contains("37 of 45 stationed departments have authorized the window: 82.2%"))
        #expect(en.stdout.contains("Computed from the ledger's head: seq "))
    }

    @Test("LC_ALL decides over LANG")
    func lcAllDecides() throws {
        let result = try Self.run(["project", "authorization"], ["LANG": "zh_CN.UTF-8", "LC_ALL": "C"])
        #expect(result.stdout.contains("stationed departments have authorized"))
        let chinese = try Self.run(["project", "authorization"], ["LANG": "C", "LC_MESSAGES": "zh_CN.UTF-8"])
        #expect(chinese.stdout.contains("已授权 37 个"))
    }

    @Test("a table with Chinese headers keeps its columns aligned, a CJK character two columns wide")
    func tableAlignment() throws {
        let zh = try Self.run(["project", "authorization"], Self.chinese)
        let lines = zh.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = try #require(lines.firstIndex { $0.contains("截至") && $0.contains("占比") })
        let row = lines[header + 1]
        // The right-aligned last column ends at the same display column on the header and the row.
        #expect(Self.width(lines[header]) == Self.width(row), "\(lines[header])\n\(row)")
        #expect(lines[header].hasPrefix("  截至        期号"), "\(lines[header])")
    }

    @Test("every projection and replay: Chinese text, the same --json as in English",
          arguments: ["authorization", "totals", "window", "visits", "inspections", "departments", "issues"])
    func projections(name: String) throws {
        let zh = try Self.run(["project", name], Self.chinese)
        #expect(zh.status == 0, "\(zh.stderr)")
        #expect(zh.stdout.contains("依据账本头计算"))
        let en = try Self.run(["project", name], Self.english)
        #expect(zh.stdout != en.stdout)
        let zhJSON = try Self.run(["project", name, "--json"], Self.chinese)
        let enJSON = try Self.run(["project", name, "--json"], Self.english)
        #expect(zhJSON.status == 0)
        #expect(zhJSON.stdout == enJSON.stdout)
    }

    @Test("replay --json and verify --json do not change with the locale")
    func jsonUnchanged() throws {
        for arguments in [["replay", "--json"], ["verify", "--json"], ["log", "--json", "--from", "38"]] {
            let zh = try Self.run(arguments, Self.chinese)
            let en = try Self.run(arguments, Self.english)
            #expect(zh.status == en.status)
            #expect(zh.stdout == en.stdout, "\(arguments)")
        }
    }

    @Test("verify says 完好 of the committed ledger")
    func verify() throws {
        let zh = try Self.run(["verify"], Self.chinese)
        #expect(zh.status == 0)
        #expect(zh.stdout.hasPrefix("ledger verify：完好\n"), "\(zh.stdout)")
        #expect(zh.stdout.contains("条记录"))
        let en = try Self.run(["verify"], Self.english)
        #expect(en.stdout.hasPrefix("ledger verify: intact\n"))
    }

    @Test("usage errors are Chinese, with exit 64")
    func usageErrors() throws {
        let unknown = try Self.run(["projec", "authorization"], Self.chinese)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("错误：未知子命令 'projec'（是否想用 'project'？）"), "\(unknown.stderr)")
        #expect(unknown.stderr.contains("用法：ledger"))
        let option = try Self.run(["project", "authorization", "--bogus"], Self.chinese)
        #expect(option.status == 64)
        #expect(option.stderr.hasPrefix("错误：未知选项 '--bogus'\n用法：ledger project "), "\(option.stderr)")
        #expect(option.stderr.contains("详见 'ledger help project'。"))
        let missing = try Self.run(["show"], Self.chinese)
        #expect(missing.stderr.contains("缺少参数 '<seq>'"), "\(missing.stderr)")
        let english = try Self.run(["project", "authorization", "--bogus"], Self.english)
        #expect(english.stderr.hasPrefix("Error: Unknown option '--bogus'\nUsage: ledger project "))
    }

    @Test("help is Chinese: headings, abstracts, exit codes")
    func help() throws {
        let tool = try Self.run(["--help"], Self.chinese)
        #expect(tool.status == 0)
        #expect(tool.stdout.hasPrefix("概述："))
        for heading in ["用法：", "选项：", "子命令：", "退出码：", "检查每个哈希"] { #expect(tool.stdout.contains(heading), "\(heading)") }
        let command = try Self.run(["help", "verify"], Self.chinese)
        #expect(command.stdout.hasPrefix("概述：检查每个哈希"), "\(command.stdout)")
        #expect(command.stdout.contains("显示帮助信息。"))
    }

    @Test("no ledger here: the failure is Chinese, exit 66")
    func noLedger() throws {
        let empty = TemporaryDirectory()
        let result = try Self.run(["project", "authorization"], Self.chinese, in: empty.path)
        #expect(result.status == 66)
        #expect(result.stderr.hasPrefix("ledger：错误："), "\(result.stderr)")
        #expect(result.stderr.contains("中没有账本"))
    }

    @Test("ingest says per file what happened, in Chinese")
    func ingest() throws {
        let ledger = TemporaryDirectory()
        let first = try Self.run(["ingest", IngestTests.fixtures + "/2023-06.txt"], Self.chinese, in: ledger.path)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("2023-06.txt：已追加 2023-06，序号 1–25（25 个事件）"), "\(first.stdout)")
        let again = try Self.run(["ingest", IngestTests.fixtures + "/2023-06.txt"], Self.chinese, in: ledger.path)
        #expect(again.stdout.contains("已作为 2023-06 导入过"), "\(again.stdout)")
        let english = try Self.run(["ingest", IngestTests.fixtures + "/2023-06.txt"], Self.english, in: ledger.path)
        #expect(english.stdout.contains("already ingested as 2023-06"), "\(english.stdout)")
    }

    @Test("ingest's refusal of a file that is not a bulletin is Chinese, exit 65; --json says it in English")
    func ingestRefusal() throws {
        let ledger = TemporaryDirectory()
        ledger.write("notes.txt", Data("会议纪要\n今天讨论了窗口排班。\n".utf8))
        let zh = try Self.run(["ingest", "notes.txt"], Self.chinese, in: ledger.path)
        #expect(zh.status == 65)
        #expect(zh.stderr.contains("ledger：错误：notes.txt 不是窗口工作周报：没有报头（期号和日期）。未写入任何内容。"), "\(zh.stderr)")
        let json = try Self.run(["ingest", "notes.txt", "--json"], Self.chinese, in: ledger.path)
        #expect(json.stdout.contains("is not a weekly bulletin"), "\(json.stdout)")
    }

    @Test("show and log describe a record in Chinese; their --json does not change")
    func showAndLog() throws {
        let show = try Self.run(["show", "3"], Self.chinese)
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("有效日期 2023-01-13"), "\(show.stdout)")
        #expect(show.stdout.contains("出自 2023-02，第 14–16 行"), "\(show.stdout)")
        let english = try Self.run(["show", "3"], Self.english)
        #expect(english.stdout.contains("from 2023-02, lines 14–16 of document "))
        let log = try Self.run(["log", "--from", "40"], Self.chinese)
        #expect(log.stdout.contains("出自 2023-06，第 "), "\(log.stdout)")
        #expect(try Self.run(["show", "3", "--json"], Self.chinese).stdout == (try Self.run(["show", "3", "--json"], Self.english)).stdout)
    }

    @Test("correct and retract say what they did, and their refusals, in Chinese")
    func correctAndRetract() throws {
        let ledger = TemporaryDirectory()
        #expect(try Self.run(["ingest", IngestTests.fixtures + "/2023-06.txt"], Self.english, in: ledger.path).status == 0)
        let noReason = try Self.run(["retract", "5"], Self.chinese, in: ledger.path)
        #expect(noReason.status == 64)
        #expect(noReason.stderr.hasPrefix("错误：需要 --reason 原因"), "\(noReason.stderr)")
        let retracted = try Self.run(["retract", "5", "--reason", "重复"], Self.chinese, in: ledger.path)
        #expect(retracted.status == 0, "\(retracted.stderr)")
        #expect(retracted.stdout.hasPrefix("序号 26：已撤回序号 5（"), "\(retracted.stdout)")
    }

    /// Display columns, a CJK character two.
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in
            let wide = (0x2E80...0x9FFF).contains(scalar.value) || (0xFF00...0xFF60).contains(scalar.value)
            return total + (wide ? 2 : 1)
        }
    }
}
