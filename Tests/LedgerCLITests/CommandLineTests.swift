import Foundation
import Testing

@Suite("The ledger command, run as a user runs it")
struct CommandLineTests {
    @Test("help goes to stdout with exit 0", arguments: [["--help"], ["-h"], ["help"], ["help", "verify"], ["log", "--help"], ["verify", "-h"]])
    func help(arguments: [String]) throws {
        let result = try LedgerProcess.run(arguments, in: NSTemporaryDirectory())
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: ledger"))
        #expect(result.stderr.isEmpty)
    }

    @Test("usage errors: a short error and the usage on stderr, exit 64", arguments: [
        (["frobnicate"], "Unknown subcommand 'frobnicate'"),
        (["verfy"], "did you mean 'verify'?"),
        (["log", "--frm", "3"], "Unknown option '--frm'"),
        (["log", "--from"], "Missing value for '--from <seq>'"),
        (["log", "--from", "zero"], "Invalid value 'zero' for '--from'"),
        (["verify", "extra"], "Unexpected argument 'extra'"),
        (["--bogus", "verify"], "Unknown option '--bogus'"),
        (["help", "nothing"], "Unknown subcommand 'nothing'"),
    ])
    func usageErrors(arguments: [String], message: String) throws {
        let result = try LedgerProcess.run(arguments, in: NSTemporaryDirectory())
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(message))
        #expect(result.stderr.contains("Usage: ledger"))
    }

    @Test func noCommandShowsHelpAndFails() throws {
        let result = try LedgerProcess.run([], in: NSTemporaryDirectory())
        #expect(result.status == 64)
        #expect(result.stderr.contains("SUBCOMMANDS:"))
    }

    @Test func version() throws {
        let result = try LedgerProcess.run(["--version"], in: NSTemporaryDirectory())
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("ledger "))
    }

    @Test func verifyAnIntactLedger() throws {
        let ledger = try TemporaryDirectory.ledger(batches: [2, 3])
        let result = try LedgerProcess.run(["verify"], in: ledger.path)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("ledger verify: intact"))
        #expect(result.stdout.contains("5 records"))
    }

    @Test("verify names the first bad seq and line, exit 65")
    func verifyADamagedLedger() throws {
        let ledger = try TemporaryDirectory.ledger(batches: [2, 3])
        var lines = ledger.read("EventLog/events.jsonl").split(separator: 0x0A, omittingEmptySubsequences: false)
        lines.remove(at: 2)
        ledger.write("EventLog/events.jsonl", Data(lines.joined(separator: [0x0A])))
        let result = try LedgerProcess.run(["verify"], in: ledger.path)
        #expect(result.status == 65)
        #expect(result.stdout.contains("DAMAGED"))
        #expect(result.stdout.contains("line 3, seq 3: deleted"))

        let json = try LedgerProcess.run(["verify", "--json"], in: ledger.path)
        #expect(json.status == 65)
        let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(document?["intact"] as? Bool == false)
        let first = (document?["problems"] as? [[String: Any]])?.first
        #expect(first?["kind"] as? String == "deleted")
        #expect(first?["seq"] as? Int == 3)
        #expect(first?["line"] as? Int == 3)
    }

    @Test("other commands refuse a damaged ledger and point to verify")
    func logRefusesADamagedLedger() throws {
        let ledger = try TemporaryDirectory.ledger(batches: [2, 3])
        let log = ledger.read("EventLog/events.jsonl")
        ledger.write("EventLog/events.jsonl", log.prefix(log.count - 300))
        let result = try LedgerProcess.run(["log"], in: ledger.path)
        #expect(result.status == 65)
        #expect(result.stderr.contains("ledger verify"))
    }

    @Test func logListsEventsOldestFirst() throws {
        let ledger = try TemporaryDirectory.ledger(batches: [2, 3])
        let result = try LedgerProcess.run(["log"], in: ledger.path)
        #expect(result.status == 0)
        let seqs = result.stdout.split(separator: "\n").filter { $0.hasPrefix("#") }.map { $0.split(separator: " ")[0] }
        #expect(seqs == ["#1", "#2", "#3", "#4", "#5"])
        #expect(result.stdout.contains("省地震局"))

        let filtered = try LedgerProcess.run(["log", "--type", "test.other", "--from", "4"], in: ledger.path)
        #expect(filtered.stdout.split(separator: "\n").filter { $0.hasPrefix("#") }.count == 2)
    }

    @Test("log --json prints the stored lines byte for byte")
    func logJSONIsTheStoredBytes() throws {
        let ledger = try TemporaryDirectory.ledger(batches: [2, 3])
        let result = try LedgerProcess.run(["log", "--json"], in: ledger.path)
        #expect(result.status == 0)
        #expect(Data(result.stdout.utf8) == ledger.read("EventLog/events.jsonl"))
    }

    @Test("the ledger is found from a subdirectory, from --ledger and from LEDGER_HOME")
    func locatingTheLedger() throws {
        let ledger = try TemporaryDirectory.ledger(batches: [1])
        let nested = ledger.file("reports/2023")
        try FileManager.default.createDirectory(atPath: nested, withIntermediateDirectories: true)
        #expect(try LedgerProcess.run(["verify"], in: nested).stdout.contains("1 records"))
        let elsewhere = TemporaryDirectory()
        #expect(try LedgerProcess.run(["--ledger", ledger.path, "verify"], in: elsewhere.path).stdout.contains("1 records"))
        #expect(try LedgerProcess.run(["verify", "--ledger=\(ledger.path)"], in: elsewhere.path).stdout.contains("1 records"))
        #expect(try LedgerProcess.run(["verify"], in: elsewhere.path, environment: ["LEDGER_HOME": ledger.path]).stdout.contains("1 records"))
    }
}
