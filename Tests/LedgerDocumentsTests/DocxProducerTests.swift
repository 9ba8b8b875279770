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
}
