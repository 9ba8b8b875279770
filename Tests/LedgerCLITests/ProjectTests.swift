import Foundation
import Testing
import LedgerDomain
import LedgerFormats

/// `ledger project`, `replay` and `snapshot`, run as a user runs them.
@Suite("Projections from the command line")
struct ProjectTests {
    static func ledger() throws -> TemporaryDirectory {
        let ledger = TemporaryDirectory()
        let result = try LedgerProcess.run(["ingest", IngestTests.fixtures + "/2023-02.txt", IngestTests.fixtures + "/2023-06.txt"], in: ledger.path)
        #expect(result.status == 0)
        return ledger
    }

    static func json(_ result: LedgerProcess.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test("the README's main command: 37 of 45 from the committed ledger")
    func committedLedgerAnswers() throws {
        let result = try LedgerProcess.run(["project", "authorization"], in: LedgerProcess.repositoryRoot)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("37 of 45 stationed departments have authorized the window: 82.2%"))
        #expect(result.stdout.contains("Computed from the ledger's head: seq "))
        #expect(result.stderr.isEmpty, "the committed snapshot must match: \(result.stderr)")
    }

    @Test func authorizationJSON() throws {
        let ledger = try Self.ledger()
        let document = try Self.json(try LedgerProcess.run(["project", "authorization", "--json"], in: ledger.path))
        #expect(document["stationed"] as? Int == 45)
        #expect(document["authorized"] as? Int == 37)
        #expect(document["unauthorized"] as? Int == 8)
        #expect(document["share"] as? Double == 82.2)
        #expect(document["through"] as? String == "2023-02-17")
        #expect(document["issue"] as? String == "2023-06")
        let newly = try #require(document["newlyAuthorized"] as? [[String: Any]])
        #expect(newly.map { $0["department"] as? String } == ["地震局", "测绘地理信息局"])
        #expect(newly.map { $0["partial"] as? Bool } == [false, true])
        let head = try #require(document["head"] as? [String: Any])
        #expect(head["seq"] as? Int == 40)
        #expect((head["hash"] as? String)?.count == 64)
    }

    @Test("before any report: say so, never print zeros")
    func nothingReportedYet() throws {
        let ledger = try Self.ledger()
        let text = try LedgerProcess.run(["project", "authorization", "--as-of", "2023-01-31"], in: ledger.path)
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("No authorization figures on or before 2023-01-31."))
        let document = try Self.json(try LedgerProcess.run(["project", "authorization", "--as-of", "2023-01-31", "--json"], in: ledger.path))
        #expect(document["authorized"] is NSNull)
        #expect(document["asOf"] as? String == "2023-01-31")
    }

    @Test func visitsByAliasAndTotals() throws {
        let ledger = try Self.ledger()
        let visits = try Self.json(try LedgerProcess.run(["project", "visits", "--department", "应急厅", "--json"], in: ledger.path))
        let list = try #require(visits["visits"] as? [[String: Any]])
        #expect(list.map { $0["person"] as? String } == ["周彤"])
        #expect(list.first?["department"] as? String == "应急管理厅")
        let totals = try Self.json(try LedgerProcess.run(["project", "totals", "--json"], in: ledger.path))
        let categories = try #require(totals["categories"] as? [String: [String: Any]])
        #expect(categories["administrativeLicensing"]?["accepted"] as? Int == 62827)
        let since = try #require(totals["sincePrevious"] as? [String: [String: Any]])
        #expect(since["publicService"]?["completed"] as? Int == 491421 - 155143)
        let text = try LedgerProcess.run(["project", "totals"], in: ledger.path)
        #expect(text.stdout.contains("503,970"))
    }

    @Test func issuesWindowInspectionsDepartments() throws {
        let ledger = try Self.ledger()
        let issues = try Self.json(try LedgerProcess.run(["project", "issues", "--json"], in: ledger.path))
        #expect(issues["gaps"] as? [String] == ["2023-03", "2023-04", "2023-05"])
        let window = try Self.json(try LedgerProcess.run(["project", "window", "--json"], in: ledger.path))
        #expect((window["yearToDate"] as? [String: Int])?["consultations"] == 1748)
        let inspections = try Self.json(try LedgerProcess.run(["project", "inspections", "--json"], in: ledger.path))
        #expect((inspections["inspections"] as? [Any])?.count == 12)
        let departments = try LedgerProcess.run(["project", "departments"], in: ledger.path)
        #expect(departments.stdout.contains("测绘地理信息局"))
        #expect(departments.stdout.contains("2023-02-17 (partial)"))
    }

    @Test func replayEverything() throws {
        let ledger = try Self.ledger()
        let document = try Self.json(try LedgerProcess.run(["replay", "--as-of", "2023-02-01", "--json"], in: ledger.path))
        #expect(document["asOf"] as? String == "2023-02-01")
        for key in ["authorization", "totals", "window", "visits", "inspections", "head"] { #expect(document[key] != nil, "\(key)") }
        #expect((document["totals"] as? [String: Any])?["issue"] as? String == "2023-02")
    }

    @Test func badProjectionArguments() throws {
        let ledger = try Self.ledger()
        let unknown = try LedgerProcess.run(["project", "weather"], in: ledger.path)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("Unknown projection 'weather'"))
        let date = try LedgerProcess.run(["project", "authorization", "--as-of", "2023-02-30"], in: ledger.path)
        #expect(date.status == 64)
        #expect(date.stderr.contains("expected a date that exists"))
    }

    @Test("snapshots change no answer; an edited, stale or foreign one is ignored with a note")
    func snapshots() throws {
        let ledger = try Self.ledger()
        let names = ["authorization", "totals", "window", "visits", "inspections", "departments", "issues"]
        func answers() throws -> [String] { try names.map { try LedgerProcess.run(["project", $0, "--json"], in: ledger.path).stdout } }
        let withoutSnapshot = try answers()
        #expect(try LedgerProcess.run(["snapshot"], in: ledger.path).stdout.contains("at seq 40"))
        #expect(try answers() == withoutSnapshot)
        #expect(try LedgerProcess.run(["verify"], in: ledger.path).stdout.contains("hall.snapshot matches the log at seq 40"))

        let path = "Snapshots/hall.snapshot"
        let original = String(decoding: ledger.read(path), as: UTF8.self)
        for (label, damaged, note) in [
            ("edited", original.replacingOccurrences(of: "王飙", with: "王五"), "does not match its checksum"),
            // Same length, so the parts stay where the header says they are.
            ("wrong version", original.replacing(#/"version":\d/#, with: #""version":9"#), "another version"),
            ("reshaped", original.replacing(#/"version":\d/#, with: #""version":10"#), "not a snapshot this build can read"),
            ("foreign", original.replacingOccurrences(of: #""seq":40"#, with: #""seq":39"#), "not a record of this log"),
        ] {
            ledger.write(path, Data(damaged.utf8))
            let result = try LedgerProcess.run(["project", "visits", "--json"], in: ledger.path)
            #expect(result.stdout == withoutSnapshot[3], "\(label)")
            #expect(result.stderr.contains("ignoring Snapshots/hall.snapshot") && result.stderr.contains(note), "\(label): \(result.stderr)")
            let verify = try LedgerProcess.run(["verify"], in: ledger.path)
            #expect(verify.status == 65, "\(label)")
        }
        try FileManager.default.removeItem(atPath: ledger.file("Snapshots"))
        #expect(try answers() == withoutSnapshot)
    }

    @Test("a snapshot edited with its checksums made to fit is caught by verify, part by part")
    func forgedSnapshotPart() throws {
        let ledger = try Self.ledger()
        #expect(try LedgerProcess.run(["snapshot"], in: ledger.path).status == 0)
        let path = "Snapshots/hall.snapshot"
        var bytes = [UInt8](ledger.read(path))
        let headerEnd = try #require(bytes.firstIndex(of: 0x0A))
        let header = try #require(try JSONSerialization.jsonObject(with: Data(bytes[..<headerEnd])) as? [String: Any])
        let parts = try #require(header["parts"] as? [[String: Any]])
        let visits = try #require(parts.first { $0["name"] as? String == "visits" })
        // The part is kept by year: its index names the one year's segment and its checksum.
        let indexOffset = try #require(visits["offset"] as? Int), indexLength = try #require(visits["length"] as? Int)
        let oldIndexSum = try #require(visits["sha256"] as? String)
        let index = try #require(try JSONSerialization.jsonObject(with: Data(bytes[indexOffset..<indexOffset + indexLength])) as? [[Any]])
        let segment = try #require(index.first { $0[0] as? Int == 2023 })
        let offset = try #require(segment[1] as? Int), length = try #require(segment[2] as? Int)
        let oldSum = try #require(segment[3] as? String)
        // 王飙 → 王五: the same number of bytes, so every offset still holds.
        var part = String(decoding: bytes[offset..<offset + length], as: UTF8.self)
        #expect(part.contains("王飙"))
        part = part.replacingOccurrences(of: "王飙", with: "王五")
        bytes.replaceSubrange(offset..<offset + length, with: Array(part.utf8))
        let newIndex = String(decoding: bytes[indexOffset..<indexOffset + indexLength], as: UTF8.self)
            .replacingOccurrences(of: oldSum, with: SHA256.hash(Array(part.utf8)).hex)
        bytes.replaceSubrange(indexOffset..<indexOffset + indexLength, with: Array(newIndex.utf8))
        var text = String(decoding: bytes, as: UTF8.self)
        text = text.replacingOccurrences(of: oldIndexSum, with: SHA256.hash(Array(newIndex.utf8)).hex)
        ledger.write(path, Data(text.utf8))
        let verify = try LedgerProcess.run(["verify"], in: ledger.path)
        #expect(verify.status == 65)
        #expect(verify.stdout.contains("its part \"visits\" at seq 40 differs from the state the log gives"), "\(verify.stdout)")
    }
}
