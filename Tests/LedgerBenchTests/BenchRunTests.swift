import Foundation
import Testing
@testable import LedgerBench
import LedgerCLI
import LedgerDomain
import LedgerStore
import LedgerFormats

/// The `ledger` binary `swift test` built beside the test bundle (the test target depends on it).
let builtLedger: String = {
    var candidate = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    // The test bundle may be a directory (…/debug/ledgerPackageTests.xctest) or a file in debug/.
    for _ in 0..<3 {
        let path = candidate.appendingPathComponent("ledger").path
        if FileManager.default.isExecutableFile(atPath: path) { return path }
        candidate = candidate.deletingLastPathComponent()
    }
    let selfPath = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
    return URL(fileURLWithPath: selfPath).deletingLastPathComponent().appendingPathComponent("ledger").path
}()

/// A shell script standing in for `ledger`: it fails the one subcommand `failing`, saying why
/// on standard error, and hands every other command to the built binary.
func ledgerFailing(_ failing: String, in directory: String) throws -> String {
    let path = directory + "/ledger-failing-\(failing)"
    let script = """
        #!/bin/sh
        for argument in "$@"; do
          if [ "$argument" = \(failing) ]; then echo "ledger: \(failing) found the disk on fire" >&2; exit 65; fi
        done
        exec '\(builtLedger)' "$@"

        """
    try script.write(toFile: path, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    return path
}

/// The entries of a directory (none for a missing one).
func entries(_ directory: String) -> [String] {
    (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
}

@Suite("ledger-bench run: builds a ledger and measures the built binary on it")
struct BenchRunTests {
    /// Every key the report must have, and whether it must be a positive number.
    static let requiredNumbers: [[String]] = [
        ["events"], ["logBytes"], ["logFormat"], ["bytesPerEvent"],
        ["ingest", "issuesPerSecond"], ["ingest", "eventsPerSecond"],
        ["replay", "eventsPerSecond"], ["replay", "megabytesPerSecond"], ["replay", "peakResidentBytes"],
        ["verify", "megabytesPerSecond"],
        ["query", "withSnapshotMilliseconds"], ["query", "withoutSnapshotMilliseconds"],
        ["limits", "readMegabytesPerSecond"], ["limits", "sha256sumMegabytesPerSecond"],
    ]

    static func value(_ json: JSONValue, _ path: [String]) -> JSONValue? {
        path.reduce(Optional(json)) { value, key in value?[key] }
    }

    static func isPositive(_ value: JSONValue?) -> Bool {
        switch value {
        case .int(let number)?: return number > 0
        case .number(let literal)?: return (Double(literal) ?? 0) > 0
        default: return false
        }
    }

    @Test("--json at 300 events: every figure, events = the head's seq, the scratch ledger removed")
    func jsonReport() throws {
        let temporary = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let result = runBench(["run", "--events", "300", "--json", "--ledger-binary", builtLedger],
                              environment: ["TMPDIR": temporary, "PATH": "/usr/bin:/bin"])
        #expect(result.code == 0, "\(result.stderr)")
        let json = try JSONParser.parse(result.stdout)
        let sha256sumMissing = json["notes"]?.array?.contains { $0.string?.contains("sha256sum is not installed") == true } ?? false
        for path in Self.requiredNumbers {
            let value = Self.value(json, path)
            if path.last == "sha256sumMegabytesPerSecond" && sha256sumMissing {
                #expect(value?.isNull == true)
            } else {
                #expect(Self.isPositive(value), "\(path.joined(separator: ".")) = \(String(describing: value))")
            }
        }
        let events = try #require(json["events"]?.int)
        #expect(events >= 300)
        #expect(json["head"]?["seq"]?.int == events)
        #expect(json["machine"]?["logicalCPUs"]?.int ?? 0 >= 1)
        #expect(json["keptLedger"]?.isNull == true)
        #expect(entries(temporary).isEmpty, "left behind in $TMPDIR: \(entries(temporary))")
        #expect(result.stdout.hasPrefix("{") && !result.stdout.contains("ledger-bench:"), "only the report on stdout")
        #expect(result.stderr.contains("ledger-bench: ingested"), "progress on stderr")
    }

    @Test("--dir keeps the ledger: its head is the report's, Snapshots/ as the build left it")
    func keptLedger() throws {
        let temporary = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let hall = temporary + "/hall"
        try FileManager.default.createDirectory(atPath: hall + "/EventLog", withIntermediateDirectories: true)
        let result = runBench(["run", "--events", "100", "--batch", "3", "--dir", "hall", "--ledger-binary", builtLedger],
                              workingDirectory: temporary, environment: ["TMPDIR": temporary])
        #expect(result.code == 0, "\(result.stderr)")
        let head = try #require(try EventStore(layout: LedgerLayout(root: hall)).readHeadFile())
        #expect(head.head.seq.value >= 100)
        #expect(result.stdout.contains("ledger-bench run: \(head.head.seq) events"), "\(result.stdout)")
        #expect(result.stdout.contains("× cat") && result.stdout.contains("× sha256sum") && result.stdout.contains("The ledger is kept in \(hall)"))
        // Fewer than 1,000 events: ingest wrote no snapshot, so the benchmark's own is gone again.
        #expect(entries(hall).sorted() == ["EventLog"])
        #expect(entries(temporary).sorted() == ["hall"])
    }

    @Test("a directory holding a ledger with events is refused, untouched")
    func refusesALedger() throws {
        let temporary = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        #expect(runBench(["generate", "--issues", "2", "--ledger", "hall"], workingDirectory: temporary).code == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: temporary + "/hall/EventLog/events.jsonl"))
        let result = runBench(["run", "--events", "10", "--dir", "hall", "--ledger-binary", builtLedger],
                              workingDirectory: temporary, environment: ["TMPDIR": temporary])
        #expect(result.code == 64)
        #expect(result.stderr.contains("'--dir hall' already holds a ledger of") && result.stderr.contains("will not append"), "\(result.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: temporary + "/hall/EventLog/events.jsonl")) == before)
        #expect(entries(temporary).sorted() == ["hall"])
    }

    @Test func missingBinary() throws {
        let result = runBench(["run", "--events", "10", "--ledger-binary", "/nonexistent/ledger"])
        #expect(result.code == 66)
        #expect(result.stderr.contains("/nonexistent/ledger is not an executable file"), "\(result.stderr)")
    }

    @Test("a measured command that fails ends the run with its stderr, exit 70, nothing left behind")
    func failingStep() throws {
        let temporary = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let scripts = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: scripts) }
        let result = runBench(["run", "--events", "50", "--json", "--ledger-binary", try ledgerFailing("verify", in: scripts)],
                              environment: ["TMPDIR": temporary])
        #expect(result.code == 70)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("verify` failed (exit 65)") && result.stderr.contains("verify found the disk on fire"), "\(result.stderr)")
        #expect(entries(temporary).isEmpty)
    }

    @Test("Snapshots/ is put back byte for byte, also when a step with it moved aside fails")
    func snapshotsRestored() throws {
        let temporary = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        // 70 issues pass 1,000 records, so ingest writes a snapshot (behind the head or at it).
        #expect(runBench(["generate", "--issues", "70", "--ledger", "hall", "--batch", "25"], workingDirectory: temporary).code == 0)
        let hall = temporary + "/hall"
        let snapshot = hall + "/Snapshots/hall.snapshot"
        let before = try Data(contentsOf: URL(fileURLWithPath: snapshot))
        for binary in [builtLedger, try ledgerFailing("snapshot", in: temporary)] {
            let scratch = try temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: scratch) }
            let measurer = LedgerMeasurer(ledger: hall, binary: binary, scratch: scratch, environment: [:], clock: .system)
            do {
                let measured = try measurer.measure()
                #expect(binary == builtLedger)
                #expect(measured.replayNanoseconds > 0 && measured.queryWithSnapshotNanoseconds > 0)
            } catch {
                #expect(binary != builtLedger, "\(error.message)")
                #expect(error.exitCode == 70 && error.message.contains("snapshot found the disk on fire"), "\(error.message)")
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: snapshot)) == before, "\(binary)")
            #expect(entries(hall).sorted() == ["EventLog", "Snapshots"], "\(binary)")
        }
    }
}

@Suite("ledger-bench run: the figures' arithmetic and text")
struct RunFiguresTests {
    @Test("fixed decimals", arguments: [
        (0.0, 1, "0.0"), (1234567.891, 1, "1234567.9"), (0.04216, 4, "0.0422"), (2.5, 0, "3"),
        (0.0004, 3, "0.000"), (-1.25, 1, "-1.3"), (9.9996, 3, "10.000"),
    ] as [(Double, Int, String)])
    func fixed(_ value: Double, _ decimals: Int, _ expected: String) {
        #expect(NumberText.fixed(value, decimals: decimals) == expected)
    }

    @Test func notFiniteIsNull() {
        #expect(NumberText.json(.infinity, decimals: 1) == .null)
        #expect(NumberText.json(nil, decimals: 1) == .null)
        #expect(NumberText.json(3.14159, decimals: 2) == .number("3.14"))
    }

    @Test("grouped thousands", arguments: [
        (1234567.89, 1, "1,234,567.9"), (999.0, 0, "999"), (1000.0, 0, "1,000"), (-12345.0, 0, "-12,345"),
    ] as [(Double, Int, String)])
    func grouped(_ value: Double, _ decimals: Int, _ expected: String) {
        #expect(NumberText.grouped(value, decimals: decimals) == expected)
    }

    @Test func median() {
        #expect(LedgerMeasurer.median([5]) == 5)
        #expect(LedgerMeasurer.median([9, 1, 5]) == 5)
        #expect(LedgerMeasurer.median([4, 1, 3, 2]) == 2)
    }

    @Test func cpuModel() {
        let cpuinfo = "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 7B13\nprocessor\t: 1\nmodel name\t: other\n"
        #expect(Machine.cpuModel(in: cpuinfo) == "AMD EPYC 7B13")
        #expect(Machine.cpuModel(in: "processor\t: 0\nBogoMIPS\t: 50.00\n") == nil)
    }
}
