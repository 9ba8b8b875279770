import Foundation
import Testing

/// What the lower layers say, through the CLI, under a Chinese locale: the parser's
/// diagnostics, the store's errors, the document readers' refusals and notes, verify's problems,
/// audit's entries and the rare usage errors. Each in Chinese under `LANG=zh_CN.UTF-8`, in
/// English as before under `LANG=C`, with the same exit code.
@Suite("The lower layers' messages in Chinese")
struct ChineseMessagesTests {
    static let chinese = ChineseInterfaceTests.chinese
    static let english = ChineseInterfaceTests.english

    static func run(_ arguments: [String], _ environment: [String: String], in directory: String) throws -> LedgerProcess.Result {
        try LedgerProcess.run(arguments, in: directory, environment: environment)
    }

    @Test("the parser's diagnostic (a web page refused) is Chinese; --json keeps the English")
    func parserDiagnostic() throws {
        let ledger = TemporaryDirectory()
        ledger.write("page.html", Data("<!DOCTYPE html>\n<html><head><title>周报</title></head>\n<body><p>2023年第6期</p></body></html>\n".utf8))
        let zh = try Self.run(["ingest", "page.html"], Self.chinese, in: ledger.path)
        #expect(zh.status == 65)
        #expect(zh.stderr.hasPrefix("ledger：错误：page.html:1：这是 HTML 网页，是连同标记一起保存的网页（第 1 行为“<!DOCTYPE html>”；"), "\(zh.stderr)")
        #expect(zh.stderr.hasSuffix("再导入该文件。未写入任何内容。\n"), "\(zh.stderr)")
        let en = try Self.run(["ingest", "page.html"], Self.english, in: ledger.path)
        #expect(en.status == 65)
        #expect(en.stderr.hasPrefix("ledger: error: page.html:1: this is an HTML page, a web page saved with its markup (line 1 reads"), "\(en.stderr)")
        let zhJSON = try Self.run(["ingest", "page.html", "--json"], Self.chinese, in: ledger.path)
        let enJSON = try Self.run(["ingest", "page.html", "--json"], Self.english, in: ledger.path)
        #expect(zhJSON.stdout == enJSON.stdout)
        #expect(zhJSON.stdout.contains("this is an HTML page"))
    }

    @Test("a warning of the parser is Chinese, like a compiler's: place, severity and sentence; --json keeps the English")
    func parserWarning() throws {
        let ledger = TemporaryDirectory()
        let text = try IngestTests.fixture("2023-06.txt").replacingOccurrences(of: "（2月 13日—2月 17日）\n", with: "")
        ledger.write("y.txt", Data(text.utf8))
        let zh = try Self.run(["ingest", "--dry-run", "y.txt"], Self.chinese, in: ledger.path)
        #expect(zh.status == 0, "\(zh.stderr)")
        #expect(zh.stdout.contains("y.txt:1：警告：报头中没有统计期间（如 （1月 9日—1月 13日））：事实按印发日期 2023-02-27 记日期\n"), "\(zh.stdout)")
        let en = try Self.run(["ingest", "--dry-run", "y.txt"], Self.english, in: ledger.path)
        #expect(en.stdout.contains("y.txt:1: warning: no reporting period (like （1月 9日—1月 13日）) in the masthead: the facts are dated by the publication date 2023-02-27\n"), "\(en.stdout)")
        let zhJSON = try Self.run(["ingest", "--dry-run", "--json", "y.txt"], Self.chinese, in: ledger.path)
        let enJSON = try Self.run(["ingest", "--dry-run", "--json", "y.txt"], Self.english, in: ledger.path)
        #expect(zhJSON.stdout == enJSON.stdout)
    }

    /// A ledger of one issue (seqs 1–25) whose record at seq 5 was edited by hand.
    static func damagedLedger() throws -> TemporaryDirectory {
        let ledger = TemporaryDirectory()
        #expect(try Self.run(["ingest", IngestTests.fixtures + "/2023-06.txt"], Self.english, in: ledger.path).status == 0)
        var lines = TamperCLITests.lines(ledger)
        var line = String(decoding: lines[4], as: UTF8.self)
        let type = try #require(line.range(of: "\"type\":\""))
        line.replaceSubrange(type.upperBound..<line.index(after: type.upperBound), with: "Z")
        lines[4] = Data(line.utf8)
        TamperCLITests.write(ledger, lines)
        return ledger
    }

    @Test("the store's error (a damaged log) is Chinese, exit 65")
    func storeError() throws {
        let ledger = try Self.damagedLedger()
        let zh = try Self.run(["project", "authorization"], Self.chinese, in: ledger.path)
        #expect(zh.status == 65)
        #expect(zh.stderr == "ledger：错误：账本已损坏：EventLog/events.jsonl:5：序号 5 的字节与其哈希不符：记录被改动过。完整报告请运行 `ledger verify`。\n", "\(zh.stderr)")
        let en = try Self.run(["project", "authorization"], Self.english, in: ledger.path)
        #expect(en.status == 65)
        #expect(en.stderr == "ledger: error: the ledger is damaged: EventLog/events.jsonl:5: seq 5's bytes do not match its hash: the record was edited. Run `ledger verify` for the full report.\n", "\(en.stderr)")
    }

    @Test("verify's problem lines and notes are Chinese; --json keeps the English")
    func verifyProblems() throws {
        let ledger = try Self.damagedLedger()
        let zh = try Self.run(["verify"], Self.chinese, in: ledger.path)
        #expect(zh.status == 65)
        #expect(zh.stdout.hasPrefix("ledger verify：已损坏：1 处问题；第一处：第 5 行，序号 5：被改动：该记录的字节与其哈希不符：写入后被改动过\n"), "\(zh.stdout)")
        #expect(zh.stdout.contains("\n  第 5 行，序号 5：被改动：该记录的字节与其哈希不符：写入后被改动过\n"))
        #expect(zh.stdout.contains("提示：已按 SHA-256 核对 1 份原始文档\n"))
        let en = try Self.run(["verify"], Self.english, in: ledger.path)
        #expect(en.status == 65)
        #expect(en.stdout.contains("\n  line 5, seq 5: edited: the record's bytes do not match its hash: it was changed after it was written\n"), "\(en.stdout)")
        #expect(en.stdout.contains("note: 1 source document checked against their SHA-256\n"))
        let zhJSON = try Self.run(["verify", "--json"], Self.chinese, in: ledger.path)
        let enJSON = try Self.run(["verify", "--json"], Self.english, in: ledger.path)
        #expect(zhJSON.stdout == enJSON.stdout)
        #expect(zhJSON.stdout.contains("the record's bytes do not match its hash"))
    }

    @Test("the PDF reader's refusal of a scan is Chinese in ingest and extract; a Word document's note too")
    func documentReaders() throws {
        let ledger = TemporaryDirectory()
        let scan = PublishedDocumentTests.documents + "/2023-06.scan.pdf"
        let zh = try Self.run(["ingest", scan], Self.chinese, in: ledger.path)
        #expect(zh.status == 65)
        #expect(zh.stderr == "ledger：错误：\(scan)：此 PDF 看来是扫描件（1 页，1 张图片，没有文字）；ledger 读取的是 PDF 的文字层，不读图片；请索取 Word 文件或导出的 PDF。未写入任何内容。\n", "\(zh.stderr)")
        let en = try Self.run(["ingest", scan], Self.english, in: ledger.path)
        #expect(en.status == 65)
        #expect(en.stderr == "ledger: error: \(scan): this PDF looks like a scan (1 page, 1 image, no text); ledger reads the text layer of PDFs, not images; ask for the Word file or an exported PDF. Nothing was written.\n", "\(en.stderr)")
        let extract = try Self.run(["extract", scan], Self.chinese, in: ledger.path)
        #expect(extract.status == 65)
        #expect(extract.stderr.contains("此 PDF 看来是扫描件"), "\(extract.stderr)")
        let docx = PublishedDocumentTests.documents + "/2023-02.lo-lists.docx"
        let note = try Self.run(["extract", docx], Self.chinese, in: ledger.path)
        #expect(note.status == 0)
        #expect(note.stderr == "\(docx)：提示：文档的 3 个页眉页脚部分属于版面装饰，未读取\n", "\(note.stderr)")
        let english = try Self.run(["extract", docx], Self.english, in: ledger.path)
        #expect(english.stderr == "\(docx): note: the document's 3 header and footer parts are page furniture and were not read\n", "\(english.stderr)")
        let json = try Self.run(["extract", docx, "--json"], Self.chinese, in: ledger.path)
        #expect(json.stdout == (try Self.run(["extract", docx, "--json"], Self.english, in: ledger.path)).stdout)
    }

    @Test("an old Word file is refused in Chinese")
    func legacyWord() throws {
        let ledger = TemporaryDirectory()
        ledger.write("old.doc", Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0x61, count: 600)))
        let zh = try Self.run(["ingest", "old.doc"], Self.chinese, in: ledger.path)
        #expect(zh.status == 65)
        #expect(zh.stderr.hasPrefix("ledger：错误：old.doc：这是 Word 97–2003（.doc）或 WPS 文件"), "\(zh.stderr)")
        let en = try Self.run(["ingest", "old.doc"], Self.english, in: ledger.path)
        #expect(en.stderr.hasPrefix("ledger: error: old.doc: this is a Word 97–2003 (.doc) or WPS file"), "\(en.stderr)")
    }

    @Test("audit's entry lines are Chinese; audit --json does not change")
    func audit() throws {
        let ledger = TemporaryDirectory()
        #expect(try Self.run(["ingest", IngestTests.fixtures + "/2023-06.txt"], Self.english, in: ledger.path).status == 0)
        #expect(try Self.run(["retract", "6", "--reason", "重复"], Self.english, in: ledger.path).status == 0)
        let zh = try Self.run(["audit"], Self.chinese, in: ledger.path)
        #expect(zh.status == 0, "\(zh.stderr)")
        let lines = zh.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(zh.stdout)")
        #expect(lines.first?.hasPrefix("序号 1  ") == true && lines.first?.hasSuffix("  导入 2023-06：24 条事实") == true, "\(zh.stdout)")
        #expect(lines.dropFirst().first?.hasSuffix("  撤回 2023-06 序号 6（items.counted）") == true, "\(zh.stdout)")
        #expect(lines.last == "    原因：重复")
        let en = try Self.run(["audit"], Self.english, in: ledger.path)
        let english = en.stdout.split(separator: "\n").map(String.init)
        #expect(english.first?.hasSuffix("  ingest 2023-06: 24 facts") == true, "\(en.stdout)")
        #expect(english.dropFirst().first?.hasSuffix("  retract 2023-06 seq 6 (items.counted)") == true)
        #expect(english.last == "    reason: 重复")
        #expect(try Self.run(["audit", "--json"], Self.chinese, in: ledger.path).stdout == (try Self.run(["audit", "--json"], Self.english, in: ledger.path)).stdout)
    }

    struct Usage: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        var chinese: String
        var english: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    @Test("the rarer usage errors say what is expected in Chinese, exit 64", arguments: [
        Usage(arguments: ["project", "totals", "--year", "abc"], chinese: "错误：'--year' 的值 'abc' 无效：应为 年份，如 2023\n",
              english: "Error: Invalid value 'abc' for '--year': expected a year like 2023\n"),
        Usage(arguments: ["project", "window", "--as-of", "2023-02-30"],
              chinese: "错误：'--as-of' 的值 '2023-02-30' 无效：应为 实际存在的日期，写作 2023-02-20、2023-2-20、2023/2/20、2023.2.20 或 2023年2月20日\n",
              english: "Error: Invalid value '2023-02-30' for '--as-of': expected a date that exists, written 2023-02-20, 2023-2-20, 2023/2/20, 2023.2.20 or 2023年2月20日\n"),
        Usage(arguments: ["export", "totals", "--format", "ods"], chinese: "错误：'--format' 的值 'ods' 无效：应为 csv、tsv 或 xlsx\n",
              english: "Error: Invalid value 'ods' for '--format': expected csv, tsv or xlsx\n"),
        // --year applies to every projection with weeks now: --department is the option of one.
        Usage(arguments: ["project", "totals", "--department", "司法厅"], chinese: "错误：--department 只适用于 `project visits`，不适用于 `project totals`\n",
              english: "Error: --department applies to `project visits`, not `project totals`\n"),
        Usage(arguments: ["completions", "tcsh"], chinese: "错误：未知的 shell 'tcsh'：应为 bash、zsh 或 fish\n",
              english: "Error: Unknown shell 'tcsh': expected bash, zsh or fish\n"),
        Usage(arguments: ["register", "某某局"], chinese: "错误：需要 --reason 原因：说明为什么，它随登记一并记录\n",
              english: "Error: --reason TEXT is required: say why, it is recorded with the registration\n"),
    ])
    func usage(_ usage: Usage) throws {
        let zh = try Self.run(usage.arguments, Self.chinese, in: LedgerProcess.repositoryRoot)
        #expect(zh.status == 64)
        #expect(zh.stderr.hasPrefix(usage.chinese), "\(zh.stderr)")
        #expect(zh.stderr.contains("\n用法：ledger "))
        let en = try Self.run(usage.arguments, Self.english, in: LedgerProcess.repositoryRoot)
        #expect(en.status == 64)
        #expect(en.stderr.hasPrefix(usage.english), "\(en.stderr)")
    }

    @Test("a value that is not one for the field, and a retracted fact, are refused in Chinese")
    func correctRefusals() throws {
        let ledger = TemporaryDirectory()
        #expect(try Self.run(["ingest", IngestTests.fixtures + "/2023-06.txt"], Self.english, in: ledger.path).status == 0)
        #expect(try Self.run(["retract", "6", "--reason", "重复"], Self.english, in: ledger.path).status == 0)
        let again = try Self.run(["retract", "6", "--reason", "再次"], Self.chinese, in: ledger.path)
        #expect(again.status == 65)
        #expect(again.stderr == "ledger：错误：序号 6（items.counted）不能再改：它已被撤回，见序号 26（重复）。未写入任何内容。\n", "\(again.stderr)")
        let english = try Self.run(["retract", "6", "--reason", "again"], Self.english, in: ledger.path)
        #expect(english.stderr == "ledger: error: seq 6 (items.counted) cannot be changed: it was retracted at seq 26 (重复). Nothing was written.\n", "\(english.stderr)")
    }
}
