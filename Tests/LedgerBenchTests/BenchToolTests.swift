import Foundation
import Testing
import LedgerBench
import LedgerCLI
import LedgerDomain
import LedgerProjections
import LedgerStore

/// Runs `ledger-bench` in-process: exit code, stdout, stderr.
func runBench(_ arguments: [String], workingDirectory: String = NSTemporaryDirectory(),
              environment: [String: String] = [:]) -> (code: Int32, stdout: String, stderr: String) {
    let stdout = CapturedOutput()
    let stderr = CapturedOutput()
    let code = BenchTool.run(Invocation(
        arguments: arguments, environment: environment.merging(["USER": "test"]) { given, _ in given }, workingDirectory: workingDirectory,
        stdout: stdout, stderr: stderr, now: { Instant(millisecondsSinceEpoch: 1_795_319_400_000) }))
    return (code, stdout.text, stderr.text)
}

/// A new empty directory, removed by the caller.
func temporaryDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "ledger-bench-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

@Suite("ledger-bench on the command line")
struct BenchToolTests {
    @Test("argument errors: a clear message and exit 64", arguments: [
        ([], "no command"),
        (["frobnicate"], "unknown command"),
        (["generate", "--out", "x"], "missing '--issues"),
        (["generate", "--issues", "0", "--out", "x"], "'--issues'"),
        (["generate", "--issues", "ten", "--out", "x"], "'--issues'"),
        (["generate", "--issues", "3", "--seed", "-1", "--out", "x"], "'--seed'"),
        (["generate", "--issues", "3"], "missing '--out <dir>' or '--ledger <dir>'"),
        (["generate", "--issues", "3", "--out", "x", "--ledger", "y"], "not both"),
        (["generate", "--issues", "3", "--out"], "missing value for '--out'"),
        (["generate", "--issues", "3", "--out", "x", "--colour"], "unknown option '--colour'"),
        (["generate", "--issues", "3", "--out", "x", "--batch", "5"], "'--batch' applies to '--ledger' only"),
        (["generate", "--issues", "3", "--issues", "4", "--out", "x"], "given twice"),
    ] as [([String], String)])
    func usageErrors(_ arguments: [String], _ message: String) {
        let result = runBench(arguments)
        #expect(result.code == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.contains("Usage: ledger-bench generate"))
    }

    @Test func helpGoesToStandardOutput() {
        let result = runBench(["--help"])
        #expect(result.code == 0 && result.stdout.contains("USAGE: ledger-bench generate") && result.stderr.isEmpty)
        #expect(runBench(["generate", "--help"]).code == 0)
    }

    @Test func outWritesOneFilePerIssue() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = runBench(["generate", "--issues", "6", "--seed", "9", "--out", directory + "/issues"])
        #expect(result.code == 0, "\(result.stderr)")
        for issue in BulletinGenerator.issues(6, seed: 9) {
            let written = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/issues/\(issue.key).txt"))
            #expect(written == Data(BulletinRenderer.render(issue, seed: 9).utf8), "\(issue.key)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory + "/issues").count == 6)
        var houses = HouseStyle.Tally()
        for issue in BulletinGenerator.issues(6, seed: 9) { houses.add(BulletinRenderer.document(issue, seed: 9).house) }
        #expect(result.stdout.contains("house styles: \(houses)\n"), "\(result.stdout)")
    }

    @Test("--ledger ingests through `ledger ingest`; the projections show the generated facts")
    func ledgerIngest() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = runBench(["generate", "--issues", "12", "--seed", "4", "--ledger", "hall", "--batch", "5"],
                              workingDirectory: directory)
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "warnings: \(result.stderr)")
        #expect(result.stdout.contains("ingested 12 of 12 issues") && result.stdout.contains("head: seq "))
        #expect(result.stdout.contains("house styles: classic "), "\(result.stdout)")
        let store = EventStore(layout: LedgerLayout(root: directory + "/hall"))
        let head = try #require(try store.readHeadFile())
        var state = HallState()
        try store.forEachRecord(upTo: head) { record, _ in state.apply(record) }
        let mismatches = ProjectionCheck.mismatches(ExpectedFacts(BulletinGenerator.issues(12, seed: 4)), in: state)
        #expect(mismatches.isEmpty, "seed 4: \(mismatches.joined(separator: "\n"))")
    }
}
