import Foundation
import Glibc
import Testing
import LedgerDomain
@testable import LedgerStore
import LedgerFormats

@Suite("The event store")
struct EventStoreTests {
    @Test func appendThenReadRoundTrip() throws {
        let directory = TemporaryDirectory()
        let store = EventStore(layout: LedgerLayout(root: directory.path))
        let first = try store.append(StoreFixtures.events(2), expecting: .empty, context: StoreFixtures.context())
        let second = try store.append(StoreFixtures.events(3, tag: "b"), expecting: first.head,
                                      context: StoreFixtures.context("auditor", command: "ledger other"))
        #expect(first.seqs == 1...2)
        #expect(second.seqs == 3...5)

        var records: [EventRecord] = []
        let (head, recovery) = try store.open()
        #expect(recovery == nil)
        #expect(head.head == second.head)
        try store.forEachRecord(upTo: head) { record, _ in records.append(record) }
        #expect(records.map(\.seq.value) == [1, 2, 3, 4, 5])
        #expect(records.map(\.actor) == ["clerk@hall", "clerk@hall", "auditor", "auditor", "auditor"])
        #expect(records[2].batch == BatchMarker(first: 3, count: 3, command: "ledger other"))
        #expect(records[3].batch == BatchMarker(first: 3, count: 3))
        #expect(records[2].prev == records[1].hash)
        #expect(records[4].payload["tag"] == "b")
        #expect(Set(records.map(\.id)).count == 5)
        #expect(try store.verify().isIntact)
    }

    @Test func appendFromASeqSkipsEarlierRecords() throws {
        let directory = TemporaryDirectory()
        let store = EventStore(layout: LedgerLayout(root: directory.path))
        try StoreFixtures.append(store, StoreFixtures.events(4))
        var seqs: [Int] = []
        let head = try #require(try store.readHeadFile())
        try store.forEachRecord(upTo: head, from: 3) { record, _ in seqs.append(record.seq.value) }
        #expect(seqs == [3, 4])
    }

    @Test("the record ending at a byte is found for short and long lines, and nowhere else",
          arguments: [10, 3_000, 5_000, 40_000, 300_000])
    func recordEndingAt(_ textBytes: Int) throws {
        let directory = TemporaryDirectory()
        let store = EventStore(layout: LedgerLayout(root: directory.path))
        let long = String(repeating: "窗", count: textBytes / 3)
        let events = (1...3).map { NewEvent(type: "test.fact", valid: nil, payload: ["n": .int($0), "text": .string(long)]) }
        try StoreFixtures.append(store, events)
        let head = try #require(try store.readHeadFile())
        var ends: [(Int, EventRecord)] = []
        var offset = 0
        try store.forEachRecord(upTo: head) { record, line in
            offset += line.count + 1
            ends.append((offset, record))
        }
        for (end, record) in ends { #expect(try store.head(endingAt: end, format: head.format) == record.asHead, "end \(end)") }
        for end in [1, ends[0].0 - 1, ends[0].0 + 1, ends[2].0 + 1] {
            #expect(try store.head(endingAt: end, format: head.format) == nil, "end \(end)")
        }
    }

    @Test("a first append that loses the race to create EventLog/ to another process still lands")
    func firstAppendLosesTheMkdirRace() throws {
        let directory = TemporaryDirectory()
        let store = EventStore(layout: LedgerLayout(root: directory.path), system: FaultySystem(.loseMkdirRace))
        let receipt = try store.append(StoreFixtures.events(2), expecting: .empty, context: StoreFixtures.context())
        #expect(receipt.seqs == 1...2)
        #expect(try store.verify().isIntact)
    }

    @Test("an append that expects an old head is refused and writes nothing")
    func optimisticConcurrency() throws {
        let directory = TemporaryDirectory()
        let store = EventStore(layout: LedgerLayout(root: directory.path))
        let receipt = try store.append(StoreFixtures.events(2), expecting: .empty, context: StoreFixtures.context())
        let before = directory.read("EventLog/events.jsonl")
        #expect(throws: StoreError.headMoved(expected: .empty, actual: receipt.head)) {
            try store.append(StoreFixtures.events(1), expecting: .empty, context: StoreFixtures.context())
        }
        #expect(directory.read("EventLog/events.jsonl") == before)
    }

    @Test("a second writer waits a bounded time, then fails with ledger is busy")
    func busyLock() throws {
        let directory = TemporaryDirectory()
        let store = EventStore(layout: LedgerLayout(root: directory.path), lockTimeoutMilliseconds: 60)
        try StoreFixtures.append(store, StoreFixtures.events(1))
        let holder = open(directory.file("EventLog/lock"), O_RDWR)
        defer { close(holder) }
        #expect(flock(holder, LOCK_EX) == 0)
        do {
            try store.append(StoreFixtures.events(1), expecting: store.currentHead(), context: StoreFixtures.context())
            Issue.record("the append should have been refused")
        } catch let error as StoreError {
            guard case .busy(_, let waited, _) = error else { Issue.record("unexpected \(error)"); return }
            #expect(waited >= 60)
            #expect(error.description.hasPrefix("ledger is busy"))
        }
        #expect(try store.currentHead().seq == 1)
    }

    @Test("two writers at once both land, in turn, with an intact chain")
    func concurrentWriters() async throws {
        let directory = TemporaryDirectory()
        let root = directory.path
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in ["a", "b"] {
                group.addTask {
                    let store = EventStore(layout: LedgerLayout(root: root))
                    for _ in 0..<15 { try StoreFixtures.append(store, StoreFixtures.events(3, tag: writer)) }
                }
            }
            try await group.waitForAll()
        }
        let store = EventStore(layout: LedgerLayout(root: root))
        #expect(try store.verify().isIntact)
        var tags: [String] = []
        let head = try #require(try store.readHeadFile())
        try store.forEachRecord(upTo: head) { record, _ in
            tags.append(record.payload["tag"]?.string ?? "?")
            #expect(record.batch.count == 3)
        }
        #expect(tags.count == 90)
        // Every batch is whole: the three records of a batch share one writer's tag.
        for start in stride(from: 0, to: 90, by: 3) { #expect(Set(tags[start..<start + 3]).count == 1) }
    }

    @Test("readers stop at the committed head, never in the middle of a batch being written")
    func readersSeeWholeBatches() throws {
        let directory = TemporaryDirectory()
        let store = EventStore(layout: LedgerLayout(root: directory.path))
        try StoreFixtures.append(store, StoreFixtures.events(2))
        let holder = open(directory.file("EventLog/lock"), O_RDWR)
        defer { close(holder) }
        #expect(flock(holder, LOCK_EX) == 0)
        // A writer holding the lock has written part of its batch.
        let partial = Array(#"{"seq":3,"id":"half a rec"#.utf8)
        let log = open(directory.file("EventLog/events.jsonl"), O_WRONLY | O_APPEND)
        _ = partial.withUnsafeBytes { write(log, $0.baseAddress, $0.count) }
        close(log)
        let (head, recovery) = try store.open()
        #expect(recovery == nil)
        var count = 0
        try store.forEachRecord(upTo: head) { _, _ in count += 1 }
        #expect(count == 2)
        let report = try store.verify()
        #expect(report.isIntact)
        #expect(report.notes.contains { $0.description.contains("a write is in progress") })
    }

    @Test func symlinkedLogIsRefused() throws {
        let directory = TemporaryDirectory()
        let elsewhere = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.file("EventLog"), withIntermediateDirectories: false)
        elsewhere.write("victim", [])
        try FileManager.default.createSymbolicLink(atPath: directory.file("EventLog/events.jsonl"), withDestinationPath: elsewhere.file("victim"))
        let store = EventStore(layout: LedgerLayout(root: directory.path))
        #expect(throws: StoreError.self) { try store.append(StoreFixtures.events(1), expecting: .empty, context: StoreFixtures.context()) }
        #expect(elsewhere.read("victim").isEmpty)
    }

    @Test func missingHeadBesideALogIsDamage() throws {
        let directory = TemporaryDirectory()
        let store = EventStore(layout: LedgerLayout(root: directory.path))
        try StoreFixtures.append(store, StoreFixtures.events(2))
        try FileManager.default.removeItem(atPath: directory.file("EventLog/HEAD"))
        #expect(throws: StoreError.self) { try store.open() }
        let report = try store.verify()
        #expect(report.problems.first?.kind == .head)
    }
}
