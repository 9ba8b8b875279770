import Foundation
import Testing

/// Issue 16's small defects, each through the binary.
@Suite("Small defects closed")
struct SmallDefectTests {
    @Test("correct refuses text that is not a share for authorizedShare, naming the valid form", arguments: [
        "八十二", "82,2", "abc", "120", "-1", "82.2.1", "",
    ])
    func shareMustBeANumber(_ value: String) throws {
        let ledger = try ProjectTests.ledger()
        let seq = try #require(try ProjectTests.json(try LedgerProcess.run(["project", "authorization", "--json"], in: ledger.path))["seq"] as? Int)
        let before = ledger.read("EventLog/events.jsonl")
        let result = try LedgerProcess.run(["correct", String(seq), "--set", "authorizedShare=\(value)", "--reason", "r"], in: ledger.path)
        #expect(result.status == 64, "\(value): \(result.stderr)")
        #expect(result.stderr.contains("a share in percent from 0 to 100, like 82.2"), "\(result.stderr)")
        #expect(ledger.read("EventLog/events.jsonl") == before)
    }

    @Test("correct takes a share as printed, with or without %")
    func shareAccepted() throws {
        let ledger = try ProjectTests.ledger()
        let seq = try #require(try ProjectTests.json(try LedgerProcess.run(["project", "authorization", "--json"], in: ledger.path))["seq"] as? Int)
        let result = try LedgerProcess.run(["correct", String(seq), "--set", "authorizedShare=82.3%", "--set", "unauthorizedShare=17.7",
                                            "--reason", "misprint"], in: ledger.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("authorizedShare: 82.2 → 82.3; unauthorizedShare: 17.8 → 17.7"), "\(result.stdout)")
    }

    @Test("verify on an overwritten log reports it as damage, and does not send the user to verify")
    func overwrittenLog() throws {
        let ledger = try ProjectTests.ledger()
        try Data(count: 3_000_000).write(to: URL(fileURLWithPath: ledger.file("EventLog/events.jsonl")))
        let result = try LedgerProcess.run(["verify"], in: ledger.path)
        #expect(result.status == 65)
        #expect(result.stdout.hasPrefix("ledger verify: DAMAGED"), "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("the log was overwritten"))
        #expect(result.stdout.contains("restore EventLog/events.jsonl from a backup"))
        #expect(!(result.stdout + result.stderr).contains("Run `ledger verify`"))
        let json = try ProjectTests.json(try LedgerProcess.run(["verify", "--json"], in: ledger.path))
        #expect(json["intact"] as? Bool == false)
    }

    @Test("--ledger naming a symbolic link to a directory follows it; a dangling link says so")
    func symbolicLink() throws {
        let ledger = try ProjectTests.ledger()
        let links = TemporaryDirectory()
        try FileManager.default.createSymbolicLink(atPath: links.file("hall"), withDestinationPath: ledger.path)
        let expected = try LedgerProcess.run(["project", "authorization"], in: ledger.path)
        let linked = try LedgerProcess.run(["--ledger", links.file("hall"), "project", "authorization"], in: links.path)
        #expect(linked.status == 0, "\(linked.stderr)")
        #expect(linked.stdout == expected.stdout)
        let relative = try LedgerProcess.run(["--ledger", "hall", "verify"], in: links.path)
        #expect(relative.status == 0, "\(relative.stderr)")
        let appended = try LedgerProcess.run(["--ledger", "hall", "retract", "5", "--reason", "through a link"], in: links.path)
        #expect(appended.status == 0, "\(appended.stderr)")
        try FileManager.default.createSymbolicLink(atPath: links.file("gone"), withDestinationPath: links.file("nowhere"))
        let dangling = try LedgerProcess.run(["--ledger", "gone", "project", "issues"], in: links.path)
        #expect(dangling.status == 66)
        #expect(dangling.stderr.contains("is a symbolic link to nothing that exists"), "\(dangling.stderr)")
    }
}
