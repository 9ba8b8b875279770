import Foundation
import Testing
import LedgerBench
import LedgerDomain

/// The property test through the real producers and readers: the synthetic history rendered
/// by headless Chromium (PDF) and by LibreOffice Writer (.docx), read back by `ledger`'s own
/// readers, gives every projection the model's facts. SKIPPED where a producer is missing.
@Suite("Synthetic history through the real producers and readers")
struct ProducerPropertyTests {
    /// The seeds: 1…2, or 1…N with `LEDGER_BENCH_PRODUCER_SEEDS=N` (each issue costs a producer run).
    static let seeds: [UInt64] = {
        let count = ProcessInfo.processInfo.environment["LEDGER_BENCH_PRODUCER_SEEDS"].flatMap { UInt64($0) } ?? 2
        return Array(1...max(1, count))
    }()

    static let producers: [(format: String, commands: [String], package: String)] = [
        ("pdf", ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"], "chromium"),
        ("docx", ["soffice", "libreoffice"], "libreoffice-writer"),
    ]

    @Test("render with a producer, read with ledger's reader, fold: the projections show the generated facts",
          arguments: ["pdf", "docx"], seeds)
    func roundTrip(format: String, seed: UInt64) throws {
        let producer = try #require(Self.producers.first { $0.format == format })
        guard ProducerFormatTests.installed(producer.commands) else {
            print("SKIPPED: generate --format \(format) needs package \(producer.package)")
            return
        }
        let count = 5
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = runBench(["generate", "--issues", String(count), "--seed", String(seed), "--out", directory, "--format", format],
                              environment: ProducerFormatTests.path)
        #expect(result.code == 0, "\(result.stderr)")
        let issues = BulletinGenerator.issues(count, seed: seed)
        var ledger = InMemoryLedger()
        for issue in issues {
            let bytes = try #require(FileManager.default.contents(atPath: "\(directory)/\(issue.key).\(format)"), "\(issue.key).\(format)")
            let (problems, _) = ledger.ingest(bytes: [UInt8](bytes))
            #expect(problems.isEmpty, "seed \(seed), \(issue.key).\(format): \(problems.joined(separator: "\n"))")
        }
        let mismatches = ProjectionCheck.mismatches(ExpectedFacts(issues), in: ledger.state)
        #expect(mismatches.isEmpty, "seed \(seed), \(format): \(mismatches.joined(separator: "\n"))")
        print("producer property seed \(seed): \(count) issues as \(format) read back")
    }
}
