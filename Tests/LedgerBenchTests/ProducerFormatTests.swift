import Foundation
import Testing
import LedgerBench
import LedgerDomain

/// `generate --format pdf|docx`: the issues rendered by the real producers.
@Suite("ledger-bench generate --format")
struct ProducerFormatTests {
    /// The caller's PATH, so that the producers are found as a user's shell finds them.
    static var path: [String: String] { ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"] }

    static func installed(_ names: [String]) -> Bool {
        let directories = (path["PATH"] ?? "").split(separator: ":")
        return names.contains { name in directories.contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") } }
    }

    @Test("--format: a clear message and exit 64 for a wrong value or with --ledger", arguments: [
        (["generate", "--issues", "2", "--out", "x", "--format", "odt"], "expected text, pdf or docx"),
        (["generate", "--issues", "2", "--ledger", "x", "--format", "pdf"], "'--format' applies to '--out' only"),
    ] as [([String], String)])
    func usageErrors(_ arguments: [String], _ message: String) {
        let result = runBench(arguments)
        #expect(result.code == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func aMissingProducerIsNamedWithItsPackage() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let pdf = runBench(["generate", "--issues", "1", "--out", directory + "/out", "--format", "pdf"], environment: ["PATH": directory])
        #expect(pdf.code == 69)
        #expect(pdf.stderr.contains("install the package 'chromium'"), "\(pdf.stderr)")
        let docx = runBench(["generate", "--issues", "1", "--out", directory + "/out", "--format", "docx"], environment: ["PATH": directory])
        #expect(docx.code == 69)
        #expect(docx.stderr.contains("install the package 'libreoffice-writer'"), "\(docx.stderr)")
    }

    @Test func theCleanTextHasNoExtractionArtefacts() {
        var generator = BulletinGenerator(seed: 3)
        for _ in 0..<20 {
            let issue = generator.next()
            let text = ProducerRendering.cleanText(issue, seed: 3).text
            #expect(!text.contains("窗 口 工 作 周 报") && !text.contains("\r") && !text.contains("\n\n") && !text.contains("\u{FEFF}"))
            #expect(text.contains("报：") || text.contains("报:"))
            let html = ProducerRendering.html(clean: text)
            #expect(html.contains("<h1>") && html.contains("class=\"copies\""))
            let odt = ProducerRendering.flatODT(clean: text, published: issue.published)
            #expect(odt.contains("text:style-name=\"Sections\"") && odt.hasSuffix("</office:document>\n"))
        }
    }

    @Test func pdfWritesOnePDFPerIssueWhenChromiumIsInstalled() throws {
        guard Self.installed(["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]) else {
            print("SKIPPED: generate --format pdf needs headless Chromium (package chromium)")
            return
        }
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = runBench(["generate", "--issues", "2", "--seed", "4", "--out", directory + "/issues", "--format", "pdf"],
                              environment: Self.path)
        #expect(result.code == 0, "\(result.stderr)")
        for key in ["2023-01", "2023-02"] {
            let bytes = FileManager.default.contents(atPath: "\(directory)/issues/\(key).pdf").map { [UInt8]($0) } ?? []
            #expect(bytes.starts(with: Array("%PDF-".utf8)), "\(key).pdf")
        }
        #expect(!FileManager.default.fileExists(atPath: "\(directory)/issues/2023-01.txt"))
        // The same seed, the same bytes: the date Chromium stamps in is the publication date.
        let again = runBench(["generate", "--issues", "1", "--seed", "4", "--out", directory + "/again", "--format", "pdf"],
                             environment: Self.path)
        #expect(again.code == 0, "\(again.stderr)")
        #expect(FileManager.default.contents(atPath: "\(directory)/again/2023-01.pdf") == FileManager.default.contents(atPath: "\(directory)/issues/2023-01.pdf"))
    }

    @Test func docxWritesOneWordFilePerIssueWhenLibreOfficeIsInstalled() throws {
        guard Self.installed(["soffice", "libreoffice"]) else {
            print("SKIPPED: generate --format docx needs LibreOffice Writer (package libreoffice-writer)")
            return
        }
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = runBench(["generate", "--issues", "2", "--seed", "4", "--out", directory + "/issues", "--format", "docx"],
                              environment: Self.path)
        #expect(result.code == 0, "\(result.stderr)")
        for key in ["2023-01", "2023-02"] {
            let bytes = FileManager.default.contents(atPath: "\(directory)/issues/\(key).docx").map { [UInt8]($0) } ?? []
            #expect(bytes.starts(with: Array("PK\u{3}\u{4}".utf8)), "\(key).docx")
            #expect(bytes.count > 4000 && bytes.count < 60_000, "\(key).docx: \(bytes.count) bytes")
        }
    }

    @Test func theProducersDatesBecomeThePublicationDate() throws {
        let date = try #require(CalendarDate(year: 2023, month: 2, day: 27))
        let pdf = Array("<< /CreationDate (D:20261207004630+00'00')\n/ModDate (D:20261207004631+00'00')>>".utf8)
        let fixed = String(decoding: ProducerOutput.fixingPDFDates(pdf, to: date), as: UTF8.self)
        #expect(fixed == "<< /CreationDate (D:20230227000000+00'00')\n/ModDate (D:20230227000000+00'00')>>")
        // A zip of one stored entry "a" holding "x", made at 2026-12-07 00:46:30.
        let zip: [UInt8] = [
            0x50, 0x4B, 0x03, 0x04, 0x0A, 0x00, 0x00, 0x00, 0x00, 0x00, 0xCF, 0x05, 0x87, 0x5D, 0x83, 0x16, 0xDC, 0x8C,
            0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x61, 0x78,
            0x50, 0x4B, 0x01, 0x02, 0x14, 0x03, 0x0A, 0x00, 0x00, 0x00, 0x00, 0x00, 0xCF, 0x05, 0x87, 0x5D, 0x83, 0x16,
            0xDC, 0x8C, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x00, 0xA4, 0x81, 0x00, 0x00, 0x00, 0x00, 0x61,
            0x50, 0x4B, 0x05, 0x06, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x2F, 0x00, 0x00, 0x00, 0x20, 0x00,
            0x00, 0x00, 0x00, 0x00,
        ]
        let dosDate: [UInt8] = [0x5B, 0x56]  // (2023 - 1980) << 9 | 2 << 5 | 27 = 0x565B, little-endian
        var expected = zip
        expected.replaceSubrange(10..<14, with: [0, 0] + dosDate)  // the local header's time and date
        expected.replaceSubrange(44..<48, with: [0, 0] + dosDate)  // the central directory's
        #expect(ProducerOutput.fixingZipTimes(zip, to: date) == expected)
        #expect(ProducerOutput.fixingZipTimes(Array("not a zip at all, just some text".utf8), to: date) == Array("not a zip at all, just some text".utf8))
    }
}
