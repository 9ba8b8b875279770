import Foundation
import Testing
@testable import LedgerDocuments

/// Documents written by real producers, committed under Fixtures/docx/ (see make-bulletin.py
/// there): read back as the lines their makers meant.
@Suite("Docx from real producers")
struct DocxProducerTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/docx")

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    @Test("LibreOffice Writer's bulletin 2023-06: automatic 一、（一）1. numbers, a table, every line")
    func libreOfficeBulletin() throws {
        let document = try DocxReader.read(try Self.bytes("bulletin-2023-06.docx"))
        let expected = try String(contentsOf: Self.directory.appendingPathComponent("bulletin-2023-06.expected.txt"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        let lines = document.lines.map(\.text)
        #expect(lines.count == expected.count)
        for (index, (line, wanted)) in zip(lines, expected).enumerated() where line != wanted {
            Issue.record("line \(index + 1): \(line.debugDescription) is not \(wanted.debugDescription)")
        }
        #expect(lines.contains("四、大厅巡查情况"))
        #expect(lines.contains("（一）按时到岗情况。总体情况良好。"))
        #expect(lines.contains("受理（件）\t116\t1156"))
        #expect(document.format == .docx && document.lines.allSatisfy { $0.page == nil && $0.position == nil })
    }

    @Test("LibreOffice Writer's conversion of the 2023-02 text: exactly the text file's lines")
    func libreOfficeFromText() throws {
        let document = try DocxReader.read(try Self.bytes("bulletin-2023-02-from-text.docx"))
        let text = try String(contentsOf: Self.directory.appendingPathComponent("../../../LedgerParserTests/Fixtures/2023-02.txt"),
                              encoding: .utf8)
        var expected = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if expected.last == "" { expected.removeLast() }
        let lines = document.lines.map(\.text)
        #expect(lines.count == expected.count)
        for (index, (line, wanted)) in zip(lines, expected).enumerated() where line != wanted {
            Issue.record("line \(index + 1): \(line.debugDescription) is not \(wanted.debugDescription)")
        }
    }

    /// The lines a reader must give for the official fixture `name` (Fixtures/README.md): the
    /// clean text, with what the .docx has that the clean text does not: the red masthead
    /// `窗口工作周报` as the first paragraph, the publisher and the date in one paragraph
    /// separated by a tab, and (2023-06 with lists) the week's counts as a table.
    static func officialExpectation(_ name: String) throws -> [String] {
        let issue = String(name.prefix(7))
        let clean = try String(contentsOf: directory.appendingPathComponent("../\(issue).clean.txt"), encoding: .utf8)
        var lines = clean.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        lines[1] += "\t" + lines[2]
        lines.remove(at: 2)
        if name == "2023-06.lo-lists.docx", let sentence = lines.firstIndex(where: { $0.hasPrefix("本周，共计咨询") }) {
            lines.replaceSubrange(sentence...sentence, with: [
                "\t咨询（人次）\t受理（件）\t颁发（件）\t流转（件）", "本周\t618\t116\t3189\t6346", "今年以来\t1748\t1156\t4110\t8406",
            ])
        }
        return ["窗口工作周报"] + lines
    }

    @Test("the official fixtures (LibreOffice, automatic 一、（一） lists, a table) give the clean text's lines",
          arguments: ["2023-02.lo-lists.docx", "2023-02.lo-plain.docx", "2023-06.lo-lists.docx", "2023-06.lo-plain.docx"])
    func officialFixture(_ name: String) throws {
        let url = Self.directory.appendingPathComponent("../\(name)")
        guard FileManager.default.fileExists(atPath: url.path) else {
            print("SKIPPED: \(name) is not in Tests/LedgerDocumentsTests/Fixtures")
            return
        }
        let document = try DocxReader.read(Array(try Data(contentsOf: url)))
        let expected = try Self.officialExpectation(name)
        let lines = document.lines.map(\.text)
        #expect(lines.count == expected.count)
        for (index, (line, wanted)) in zip(lines, expected).enumerated() where line != wanted {
            Issue.record("line \(index + 1): \(line.debugDescription) is not \(wanted.debugDescription)")
        }
        #expect(document.notes == ["the document's 3 header and footer parts are page furniture and were not read"])
    }
}
