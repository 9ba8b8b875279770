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
}
