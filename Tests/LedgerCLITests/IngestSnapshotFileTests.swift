import Foundation
import Testing

/// `Snapshots/ingest.snapshot`, as `ledger ingest` and `ledger snapshot` use it.
@Suite("The ingest snapshot")
struct IngestSnapshotFileTests {
    static let path = "Snapshots/ingest.snapshot"

    /// What ingesting `corrected.txt` says, as a conflict and as a dry-run supersession, without
    /// the notes about snapshots.
    static func outcomes(_ ledger: TemporaryDirectory) throws -> (text: [String], notes: String) {
        let conflict = try LedgerProcess.run(["ingest", "corrected.txt"], in: ledger.path)
        let dryRun = try LedgerProcess.run(["ingest", "--dry-run", "--json", "--supersede", "--reason", "r", "corrected.txt"], in: ledger.path)
        let again = try LedgerProcess.run(["ingest", IngestTests.fixtures + "/2023-02.txt"], in: ledger.path)
        let results = [conflict, dryRun, again]
        let withoutNotes = results.map { result in
            "\(result.status)\n\(result.stdout)\n" + result.stderr.split(separator: "\n").filter { !$0.hasPrefix("ledger: note:") }.joined(separator: "\n")
        }
        let notes = results.flatMap { $0.stderr.split(separator: "\n").filter { $0.hasPrefix("ledger: note:") } }
        return (withoutNotes, notes.joined(separator: "\n"))
    }

    @Test("changes no outcome, with a correction and a supersession after it; a damaged, foreign or other-version one is ignored with a note")
    func changesNoOutcome() throws {
        let ledger = TemporaryDirectory()
        try LedgerProcess.run(["ingest", IngestTests.fixtures + "/2023-02.txt", IngestTests.fixtures + "/2023-06.txt"], in: ledger.path)
        let written = try LedgerProcess.run(["snapshot"], in: ledger.path)
        #expect(written.stdout.contains("wrote Snapshots/ingest.snapshot at seq"), "\(written.stdout)")
        // A correction after the snapshot, of a fact whose issue's facts the snapshot leaves in the log.
        let log = String(decoding: ledger.read("EventLog/events.jsonl"), as: UTF8.self)
        // 2023-06's batch begins at the line that names the issue (its batch header); its counts follow.
        let lines = log.split(separator: "\n")
        let batch = try #require(lines.firstIndex { $0.contains(#""issue":"2023-06""#) })
        let line = try #require(lines[batch...].first {
            $0.contains(#""type":"items.counted""#) && $0.contains("administrativeLicensing")
        })
        let seq = try #require(line.firstMatch(of: #/"seq":(\d+)/#)?.output.1)
        let correction = try LedgerProcess.run(["correct", String(seq), "--set", "accepted=62830", "--reason", "typo"], in: ledger.path)
        #expect(correction.status == 0, "\(correction.stderr)")
        let corrected = try IngestTests.fixture("2023-06.txt").replacingOccurrences(of: "受理 62827件", with: "受理 62828件")
        ledger.write("corrected.txt", Data(corrected.utf8))

        let (withSnapshot, notes) = try Self.outcomes(ledger)
        #expect(notes.isEmpty, "\(notes)")
        #expect(withSnapshot[0].contains("changed: items.counted administrativeLicensing: accepted 62830 → 62828"), "\(withSnapshot[0])")
        #expect(withSnapshot[2].contains("already ingested as 2023-02"))
        let original = String(decoding: ledger.read(Self.path), as: UTF8.self)
        let head = try #require(original.firstMatch(of: #/"seq":(\d+)/#)?.output.1).description
        for (label, damaged, note) in [
            ("edited", original.replacingOccurrences(of: "2023-06", with: "2023-07"), "does not match its checksum"),
            ("wrong version", original.replacing(#/"version":\d/#, with: #""version":9"#), "another version"),
            ("foreign", original.replacingOccurrences(of: "\"seq\":\(head)", with: "\"seq\":\(Int(head)! - 1)"), "not a record of this log"),
        ] {
            ledger.write(Self.path, Data(damaged.utf8))
            let (outcomes, notes) = try Self.outcomes(ledger)
            #expect(outcomes == withSnapshot, "\(label)")
            #expect(notes.contains("ignoring Snapshots/ingest.snapshot") && notes.contains(note), "\(label): \(notes)")
        }
        try FileManager.default.removeItem(atPath: ledger.file("Snapshots"))
        #expect(try Self.outcomes(ledger).text == withSnapshot)

        // A supersession after a snapshot, then the superseded document again.
        #expect(try LedgerProcess.run(["snapshot"], in: ledger.path).status == 0)
        let superseded = try LedgerProcess.run(["ingest", "corrected.txt", "--supersede", "--reason", "typo"], in: ledger.path)
        #expect(superseded.stdout.contains("superseded the earlier document of 2023-06"), "\(superseded.stderr)")
        let back = try LedgerProcess.run(["ingest", IngestTests.fixtures + "/2023-06.txt"], in: ledger.path)
        try FileManager.default.removeItem(atPath: ledger.file("Snapshots"))
        #expect(try LedgerProcess.run(["ingest", IngestTests.fixtures + "/2023-06.txt"], in: ledger.path).stderr == back.stderr)
        #expect(back.stderr.contains("changed: items.counted administrativeLicensing: accepted 62828 → 62827"), "\(back.stderr)")
        #expect(try LedgerProcess.run(["verify"], in: ledger.path).status == 0)
    }
}
