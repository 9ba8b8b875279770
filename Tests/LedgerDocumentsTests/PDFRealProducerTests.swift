import Foundation
import Testing
@testable import LedgerDocuments

/// PDFs written by real producers (headless Chromium, LibreOffice) read back into the bulletin's lines.
@Suite("PDF from real producers")
struct PDFRealProducerTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/pdf")
    static let bulletin = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("LedgerParserTests/Fixtures/2023-06.txt")

    /// The bulletin's non-blank lines.
    static func bulletinLines() throws -> [String] {
        try String(contentsOf: bulletin, encoding: .utf8).split(separator: "\n").map(String.init)
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    static func read(_ name: String) throws -> ExtractedDocument {
        try PDFTextReader.read([UInt8](try Data(contentsOf: directory.appendingPathComponent(name))))
    }

    /// `expected` appear in `lines` in order (whitespace aside), each as a whole line.
    static func missing(_ expected: [String], in lines: [DocumentLine]) -> [String] {
        let squeeze = { (text: String) in text.filter { !$0.isWhitespace } }
        var remaining = lines.map { squeeze($0.text) }[...]
        var missing: [String] = []
        for line in expected {
            if let found = remaining.firstIndex(of: squeeze(line)) {
                remaining = remaining[(found + 1)...]
            } else {
                missing.append(line)
            }
        }
        return missing
    }

    @Test("Chromium (CID TrueType, Identity-H): the bulletin's lines and a table row by row")
    func chromium() throws {
        let document = try Self.read("chromium-excerpt.pdf")
        #expect(Self.missing(Array(try Self.bulletinLines().prefix(24)), in: document.lines) == [])
        #expect(document.lines.map(\.text).contains("部门\t受理\t办结"))
        #expect(document.lines.map(\.text).contains("省公安厅\t12\t34"))
        #expect(document.lines.contains { $0.text.hasPrefix("2023年第 6期（总第 426期）") && $0.page == 1 })
        #expect(document.notes.isEmpty)
    }

    @Test("Chromium with a CFF CJK font writes Type3 fonts with /ToUnicode")
    func chromiumType3() throws {
        let document = try Self.read("chromium-type3-excerpt.pdf")
        let expected = try Self.bulletinLines()
        #expect(Self.missing([expected[0], expected[1], expected[2], expected[3], expected[6], expected[7]], in: document.lines) == [])
        #expect(document.lines.map(\.text).suffix(2) == ["部门\t受理\t办结", "省公安厅\t12\t34"])
    }

    @Test("LibreOffice from text and from HTML: lines in order, the table's rows on the next page")
    func libreOffice() throws {
        let text = try Self.read("libreoffice-excerpt.pdf")
        #expect(Self.missing(Array(try Self.bulletinLines().prefix(24)), in: text.lines) == [])
        let html = try Self.read("libreoffice-html-excerpt.pdf")
        #expect(Self.missing(Array(try Self.bulletinLines().prefix(24)), in: html.lines) == [])
        #expect(html.pageCount == 2)
        #expect(html.lines.filter { $0.page == 2 }.map(\.text) == ["省公安厅\t12\t34", "自然资源厅\t5\t6"])
    }

    /// The path of `tool` on PATH, nil when it is not installed.
    static func tool(_ name: String) -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let path = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Runs a tool, waiting at most two minutes.
    static func run(_ path: String, _ arguments: [String], in directory: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning { process.terminate() }
    }

    static func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test("the whole bulletin printed by headless Chromium now reads back line for line")
    func chromiumNow() throws {
        guard let chromium = Self.tool("chromium") ?? Self.tool("chromium-browser") else {
            print("SKIPPED: chromium is not installed")
            return
        }
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let lines = try Self.bulletinLines()
        let body = lines.map { "<p>\($0.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;"))</p>" }.joined()
        try "<html><head><meta charset=\"utf-8\"></head><body>\(body)</body></html>".write(
            to: directory.appendingPathComponent("b.html"), atomically: true, encoding: .utf8)
        try Self.run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(directory.path)/profile",
                                "--print-to-pdf=\(directory.path)/b.pdf", "\(directory.path)/b.html"], in: directory)
        guard let bytes = try? Data(contentsOf: directory.appendingPathComponent("b.pdf")) else {
            Issue.record("chromium wrote no PDF")
            return
        }
        let document = try PDFTextReader.read([UInt8](bytes))
        #expect(Self.missing(lines, in: document.lines) == [])
        #expect((document.pageCount ?? 0) >= 2)
        // Chromium's own header (date, title) and footer (address, n/m) repeat on every page.
        #expect(document.lines.filter(\.isFurniture).count >= 2 * (document.pageCount ?? 0))
    }

    @Test("the whole bulletin converted by LibreOffice now reads back line for line")
    func libreOfficeNow() throws {
        guard let soffice = Self.tool("soffice") ?? Self.tool("libreoffice") else {
            print("SKIPPED: LibreOffice (soffice) is not installed")
            return
        }
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(at: Self.bulletin, to: directory.appendingPathComponent("b.txt"))
        try Self.run(soffice, ["-env:UserInstallation=file://\(directory.path)/profile", "--headless", "--convert-to", "pdf",
                               "--outdir", directory.path, "\(directory.path)/b.txt"], in: directory)
        guard let bytes = try? Data(contentsOf: directory.appendingPathComponent("b.pdf")) else {
            Issue.record("LibreOffice wrote no PDF")
            return
        }
        let document = try PDFTextReader.read([UInt8](bytes))
        #expect(Self.missing(try Self.bulletinLines(), in: document.lines) == [])
    }
}
