import Foundation
import Testing
import LedgerCLI
import LedgerDomain
import LedgerParser
import LedgerProjections
import LedgerStore

@Suite("ledger ingest refreshes its snapshots every 1000 records")
struct SnapshotRefreshTests {
    @Test("written at the run that passes 1000 records, not at the next; the ingest snapshot plus the tail is the whole fold")
    func refreshedOnceDue() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var heads: [Int] = []
        for issues in [40, 80, 100] {
            // One `ledger ingest` run per call: the issues after those already in the ledger.
            let result = runBench(["generate", "--issues", "\(issues)", "--seed", "3", "--ledger", "hall", "--batch", "100"],
                                  workingDirectory: directory)
            #expect(result.code == 0, "\(result.stderr)")
            let store = EventStore(layout: LedgerLayout(root: directory + "/hall"))
            heads.append(try #require(try store.readHeadFile()).head.seq.value)
        }
        try #require(heads[0] < 1000 && heads[1] >= 1000 && heads[2] - heads[1] < 1000, "heads \(heads)")
        let store = EventStore(layout: LedgerLayout(root: directory + "/hall"))
        let head = try #require(try store.readHeadFile())
        let snapshots = SnapshotStore(layout: store.layout, system: store.system)
        let hall = try snapshots.read(name: HallState.snapshotName, version: HallState.version, parts: [], store: store, head: head).get()
        #expect(hall.0.head.seq.value == heads[1], "taken at the second run's head")
        let (header, parts) = try snapshots.read(name: IngestHistory.snapshotName, version: IngestHistory.snapshotVersion,
                                                 store: store, head: head).get()
        #expect(header.head.seq.value == heads[1], "taken at the second run's head")

        let named = parts.compactMap { name, bytes in IngestHistory.Part(rawValue: name).map { ($0, bytes) } }
        #expect(named.count == parts.count)
        var restored = try #require(IngestHistory(snapshotParts: Dictionary(uniqueKeysWithValues: named)))
        var full = IngestHistory()
        var offset = 0
        try store.forEachRecord(upTo: head) { record, line in
            full.apply(record, at: offset..<offset + line.count + 1)
            if offset >= header.bytes { restored.apply(record, at: offset..<offset + line.count + 1) }
            offset += line.count + 1
        }
        try restored.loadAllFacts { span in try #require(try store.records(in: span.bytes, committed: head)) }
        #expect(restored == full)
    }
}
