import Testing
@testable import LedgerCLI

@Suite("When snapshots are rewritten")
struct SnapshotScheduleTests {
    @Test("at least 1000 records and a quarter of the snapshot's size after the last one")
    func due() {
        #expect(!HallLoader.snapshotIsDue(recordsSince: 999, tailBytes: 1 << 30, snapshotBytes: 0))
        #expect(HallLoader.snapshotIsDue(recordsSince: 1000, tailBytes: 0, snapshotBytes: 0))
        // 100,000 events: a 6.8 MB snapshot is rewritten after 1.7 MB of log, not after 1 MB.
        #expect(HallLoader.snapshotIsDue(recordsSince: 1600, tailBytes: 1_700_000, snapshotBytes: 6_800_000))
        #expect(!HallLoader.snapshotIsDue(recordsSince: 1000, tailBytes: 1_000_000, snapshotBytes: 6_800_000))
        // 1,000,000 events: a 69 MB snapshot, after about 17 MB.
        #expect(!HallLoader.snapshotIsDue(recordsSince: 10_000, tailBytes: 10_500_000, snapshotBytes: 69_000_000))
        #expect(HallLoader.snapshotIsDue(recordsSince: 16_500, tailBytes: 17_300_000, snapshotBytes: 69_000_000))
    }
}
