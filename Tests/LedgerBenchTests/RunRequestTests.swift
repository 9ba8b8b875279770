import Testing
import LedgerBench

@Suite("ledger-bench run: its command line")
struct RunRequestTests {
    typealias RunOptions = BenchRequest.RunOptions

    @Test func defaults() throws {
        let request = try BenchRequest.parse(["run"])
        #expect(request == .run(RunOptions(events: 1_000_000, seed: 1, json: false, directory: nil, batch: 50, ledgerBinary: nil)))
    }

    @Test("each option", arguments: [
        ("--events", ["--events", "300"], RunOptions(events: 300)),
        ("--events=", ["--events=2000"], RunOptions(events: 2000)),
        ("--events at its limit", ["--events", "1500000"], RunOptions(events: 1_500_000)),
        ("--seed", ["--seed", "18446744073709551615"], RunOptions(seed: .max)),
        ("--json", ["--json"], RunOptions(json: true)),
        ("--dir", ["--dir", "/tmp/hall"], RunOptions(directory: "/tmp/hall")),
        ("--batch", ["--batch", "1000"], RunOptions(batch: 1000)),
        ("--ledger-binary", ["--ledger-binary", ".build/release/ledger"], RunOptions(ledgerBinary: ".build/release/ledger")),
        ("all, in another order", ["--json", "--batch=7", "--dir", "d", "--seed", "3", "--events", "40", "--ledger-binary", "l"],
         RunOptions(events: 40, seed: 3, json: true, directory: "d", batch: 7, ledgerBinary: "l")),
    ] as [(String, [String], RunOptions)])
    func option(_ name: String, _ arguments: [String], _ expected: RunOptions) throws {
        #expect(try BenchRequest.parse(["run"] + arguments) == .run(expected), "\(name)")
    }

    @Test("argument errors: a clear message, the usage, exit 64", arguments: [
        (["--events", "0"], "invalid value '0' for '--events'"),
        (["--events", "-5"], "invalid value '-5' for '--events'"),
        (["--events", "1500001"], "from 1 to 1500000"),
        (["--events", "1e6"], "invalid value '1e6' for '--events'"),
        (["--events"], "missing value for '--events'"),
        (["--events", "5", "--events", "6"], "'--events' given twice"),
        (["--seed", "-1"], "'--seed'"),
        (["--batch", "0"], "'--batch'"),
        (["--batch", "1001"], "'--batch'"),
        (["--json=yes"], "'--json' takes no value"),
        (["--json", "--json"], "'--json' given twice"),
        (["--dir"], "missing value for '--dir'"),
        (["--issues", "3"], "unknown option '--issues'"),
        (["--colour"], "unknown option '--colour'"),
        (["extra"], "unexpected argument 'extra'"),
    ] as [([String], String)])
    func usageErrors(_ arguments: [String], _ message: String) {
        let result = runBench(["run"] + arguments)
        #expect(result.code == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.contains("ledger-bench run [--events <n>]"), "\(result.stderr)")
    }

    @Test func helpDocumentsRun() {
        for arguments in [["--help"], ["run", "--help"], ["run", "--events", "3", "-h"]] {
            let result = runBench(arguments)
            #expect(result.code == 0 && result.stderr.isEmpty, "\(arguments)")
            #expect(result.stdout.contains("USAGE: ledger-bench generate") && result.stdout.contains("ledger-bench run [--events <n>]"))
            #expect(result.stdout.contains("RUN OPTIONS:") && result.stdout.contains("--ledger-binary <path>"))
        }
    }
}
