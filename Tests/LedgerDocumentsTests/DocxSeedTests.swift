import Foundation
import Testing
@testable import LedgerDocuments

/// The test cases as whole documents: each must read, and with `LEDGER_WRITE_DOCX_SEEDS=1` they
/// are written to Fixtures/docx/seeds/, where the fuzz target (Tests/Reliability/fuzz.sh) takes
/// its seeds from.
@Suite("Docx seeds")
struct DocxSeedTests {
    static let seedDirectory = DocxProducerTests.directory.appendingPathComponent("seeds")

    static func documents() -> [(String, [UInt8])] {
        let numbering = DocxNumberingTests.bulletinLevels + TestDocx.num(7, 1)
            + DocxNumberingTests.formats.enumerated().map { index, format in
                TestDocx.abstractNum(100 + index, [(format.format, format.lvlText, format.start)]) + TestDocx.num(100 + index, 100 + index)
            }.joined()
        let listBody = [0, 1, 1, 2, 3, 2, 0, 1].map { TestDocx.p("段", TestDocx.numPr(7, $0)) }.joined()
            + DocxNumberingTests.formats.indices.map { TestDocx.p("项", TestDocx.numPr(100 + $0, 0)) }.joined()
            + TestDocx.p("标题", "<w:pStyle w:val=\"1\"/>") + TestDocx.p("小标题", "<w:pStyle w:val=\"2\"/>")
        return [
            ("text", TestDocx.make(DocxReaderTests.textCases.map(\.body).joined())),
            ("tables", TestDocx.make(DocxReaderTests.tableCases.map(\.body).joined(), deflated: false)),
            ("lists", TestDocx.make(listBody, numbering: numbering + TestDocx.num(3, 1), styles: DocxNumberingTests.styles)),
        ]
    }

    @Test("every seed document reads, and is written when asked")
    func seeds() throws {
        let write = ProcessInfo.processInfo.environment["LEDGER_WRITE_DOCX_SEEDS"] == "1"
        if write { try FileManager.default.createDirectory(at: Self.seedDirectory, withIntermediateDirectories: true) }
        for (name, bytes) in Self.documents() {
            let document = try DocxReader.read(bytes)
            #expect(!document.lines.isEmpty, "\(name)")
            if write { try Data(bytes).write(to: Self.seedDirectory.appendingPathComponent("\(name).docx")) }
            let committed = Self.seedDirectory.appendingPathComponent("\(name).docx")
            if let data = try? Data(contentsOf: committed) {
                #expect((try? DocxReader.read(Array(data))) != nil, "the committed seed \(name).docx reads")
            }
        }
    }
}
