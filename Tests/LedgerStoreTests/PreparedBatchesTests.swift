import Foundation
import Testing
import LedgerDomain
@testable import LedgerStore

/// Several batches appended together: one write, one fsync, one new HEAD.
@Suite("Batches appended together")
struct PreparedBatchesTests {
    /// A ledger holding one committed batch of two records.
    func baseLedger() throws -> TemporaryDirectory {
        let directory = TemporaryDirectory()
        try StoreFixtures.append(EventStore(layout: LedgerLayout(root: directory.path)), StoreFixtures.events(2))
        return directory
    }

    /// Three batches (2, 3 and 1 records) chained onto `head`.
    func threeBatches(after head: LogHead) throws -> PreparedBatches {
        var batches = PreparedBatches(after: head)
        for (count, tag) in [(2, "b"), (3, "c"), (1, "d")] { try batches.add(StoreFixtures.events(count, tag: tag), context: StoreFixtures.context()) }
        return batches
    }

    @Test("read back as batches of their own, each with its marker, at the places prepared")
    func readBackAsBatches() throws {
        let directory = try baseLedger()
        let store = EventStore(layout: LedgerLayout(root: directory.path))
        let before = try #require(try store.readHeadFile())
        let batches = try threeBatches(after: before.head)
        #expect(batches.records.map(\.seq.value) == Array(3...8))
        let receipt = try store.append(batches)
        #expect(receipt.seqs == 3...8 && receipt.head == batches.head)
        #expect(try store.verify().isIntact)
        let head = try #require(try store.readHeadFile())
        var read: [EventRecord] = []
        try store.forEachRecord(upTo: head) { record, _ in read.append(record) }
        #expect(Array(read.dropFirst(2)) == batches.records)
        #expect(read.dropFirst(2).map(\.batch.first.value) == [3, 3, 5, 5, 5, 8])
        #expect(read.dropFirst(2).map(\.batch.count) == [2, 2, 3, 3, 3, 1])
        let log = directory.read("EventLog/events.jsonl")
        for (record, place) in zip(batches.records, batches.places) {
            let span = before.bytes + place.lowerBound..<before.bytes + place.upperBound
            #expect(try store.records(in: span, committed: head) == [record])
            #expect(log[span.upperBound - 1] == 0x0A)
        }
    }

    @Test("prepared after a head that moved: nothing is written")
    func headMoved() throws {
        let directory = try baseLedger()
        let store = EventStore(layout: LedgerLayout(root: directory.path))
        let batches = try threeBatches(after: try store.currentHead())
        try StoreFixtures.append(store, StoreFixtures.events(1, tag: "other writer"))
        let log = directory.read("EventLog/events.jsonl")
        #expect(throws: StoreError.self) { try store.append(batches) }
        #expect(directory.read("EventLog/events.jsonl") == log)
    }

    @Test("a write torn at every byte recovers to all the batches absent")
    func tornWriteAtEveryByte() throws {
        let base = try baseLedger()
        let baseLog = base.read("EventLog/events.jsonl")
        var cut = 0
        while true {
            let directory = TemporaryDirectory()
            try base.copy(to: directory)
            let faulty = FaultySystem(.crashAfterWriting(bytes: cut))
            let crashing = EventStore(layout: LedgerLayout(root: directory.path), system: faulty)
            do {
                try crashing.append(threeBatches(after: try crashing.currentHead()))
            } catch {
                #expect(faulty.crashed, "cut \(cut): failed without the planned crash: \(error)")
            }
            guard faulty.crashed else { break }
            let store = EventStore(layout: LedgerLayout(root: directory.path))
            _ = try store.recover()
            #expect(directory.read("EventLog/events.jsonl") == baseLog, "cut \(cut): the batches must be absent")
            #expect(try store.verify().isIntact, "cut \(cut)")
            cut += 7
        }
        #expect(cut > 500)
    }
}
