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
    }
}
