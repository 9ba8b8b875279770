import Foundation
import Testing
import LedgerDomain
@testable import LedgerStore
import LedgerFormats

@Suite("Crash consistency")
struct CrashRecoveryTests {
    /// A ledger holding one committed batch of two records.
    func baseLedger() throws -> TemporaryDirectory {
        let directory = TemporaryDirectory()
        try StoreFixtures.append(EventStore(layout: LedgerLayout(root: directory.path)), StoreFixtures.events(2))
        return directory
    }

    func records(_ directory: TemporaryDirectory) throws -> [EventRecord] {
        let store = EventStore(layout: LedgerLayout(root: directory.path))
        let (head, _) = try store.open()
        var records: [EventRecord] = []
        try store.forEachRecord(upTo: head) { record, _ in records.append(record) }
        return records
    }

    @Test("a write torn at every byte of a batch recovers to the batch absent, and a rerun completes it")
    func tornWriteAtEveryByte() throws {
        let base = try baseLedger()
        let baseLog = base.read("EventLog/events.jsonl")
        var cut = 0
        var recovered = 0
        while true {
            let directory = TemporaryDirectory()
            try base.copy(to: directory)
            let faulty = FaultySystem(.crashAfterWriting(bytes: cut))
            let crashing = EventStore(layout: LedgerLayout(root: directory.path), system: faulty)
            let head = try crashing.currentHead()
            do {
                try crashing.append(StoreFixtures.events(3, tag: "b"), expecting: head, context: StoreFixtures.context())
            } catch {
                #expect(faulty.crashed, "cut \(cut): failed without the planned crash: \(error)")
            }
            guard faulty.crashed else { break }

            // recover() waits for the lock: a process the test runner forks meanwhile may hold
            // a copy of a descriptor for an instant, which would make open() skip recovery.
            let store = EventStore(layout: LedgerLayout(root: directory.path))
            if try store.recover() != nil { recovered += 1 }
            #expect(directory.read("EventLog/events.jsonl") == baseLog, "cut \(cut): the batch must be absent")
            #expect(try store.verify().isIntact, "cut \(cut)")
            try StoreFixtures.append(store, StoreFixtures.events(3, tag: "b"))
            #expect(try records(directory).map(\.seq.value) == [1, 2, 3, 4, 5], "cut \(cut)")
            #expect(try store.verify().isIntact, "cut \(cut)")
            cut += 1
        }
        // Every byte of the lock's pid, the three records and the new HEAD was a cut point.
        #expect(cut > 1000)
        #expect(recovered > 900)
        print("torn writes: \(cut) cut points, \(recovered) of them left a tail that recovery cut off; every one verified and completed")
    }

    @Test("a failed fsync, at any of the append's fsyncs, leaves the log and HEAD byte for byte as they were")
    func failedFsync() throws {
        var call = 1
        while true {
            let directory = try baseLedger()
            let log = directory.read("EventLog/events.jsonl")
            let head = directory.read("EventLog/HEAD")
            let store = EventStore(layout: LedgerLayout(root: directory.path), system: FaultySystem(.failFsync(onCall: call)))
            do {
                try store.append(StoreFixtures.events(3), expecting: store.currentHead(), context: StoreFixtures.context())
                break
            } catch {
                #expect(error is StoreError)
            }
            #expect(directory.read("EventLog/events.jsonl") == log, "fsync call \(call)")
            #expect(directory.read("EventLog/HEAD") == head, "fsync call \(call)")
            #expect(try EventStore(layout: LedgerLayout(root: directory.path)).verify().isIntact)
            call += 1
        }
        // The log, HEAD's temporary file and the directory: three fsyncs an append.
        #expect(call == 4)
    }

    @Test func fullDisk() throws {
        let directory = try baseLedger()
        let log = directory.read("EventLog/events.jsonl")
        let store = EventStore(layout: LedgerLayout(root: directory.path), system: FaultySystem(.diskFull))
        do {
            try store.append(StoreFixtures.events(3), expecting: store.currentHead(), context: StoreFixtures.context())
            Issue.record("a full disk must fail the append")
        } catch let StoreError.system(error) {
            #expect(error.isDiskFull)
            #expect(StoreError.system(error).description.contains("The disk is full"))
        }
        #expect(directory.read("EventLog/events.jsonl") == log)
    }

    @Test("bytes after the head that are not an interrupted write are never cut off silently")
    func foreignTailIsNotRecovered() throws {
        let directory = try baseLedger()
        var log = directory.read("EventLog/events.jsonl")
        log += Array(#"{"seq":3,"made":"up"}"#.utf8) + [0x0A]
        directory.write("EventLog/events.jsonl", log)
        let store = EventStore(layout: LedgerLayout(root: directory.path))
        #expect(throws: StoreError.self) { try store.open() }
        #expect(directory.read("EventLog/events.jsonl") == log)
    }
}

@Suite("Records too long to read back")
struct RecordTooLargeTests {
    @Test("a record over the line limit is refused with a typed error before anything is written, never trapped on")
    func recordOverTheLineLimit() throws {
        let directory = TemporaryDirectory()
        let store = EventStore(layout: LedgerLayout(root: directory.path))
        try StoreFixtures.append(store, StoreFixtures.events(2))
        let log = directory.read("EventLog/events.jsonl")
        let head = directory.read("EventLog/HEAD")
        let huge = NewEvent(type: "test.fact", payload: ["text": .string(String(repeating: "窗", count: RecordLine.maxLineBytes / 3))])
        do {
            try store.append(StoreFixtures.events(1) + [huge], expecting: store.currentHead(), context: StoreFixtures.context())
            Issue.record("a record over the limit must be refused")
        } catch let StoreError.recordTooLarge(seq, type, bytes, limit) {
            #expect(seq == 4)
            #expect(type == "test.fact")
            #expect(bytes > limit)
            #expect(StoreError.recordTooLarge(seq: seq, type: type, bytes: bytes, limit: limit).description.contains("Nothing was written"))
        }
        #expect(directory.read("EventLog/events.jsonl") == log)
        #expect(directory.read("EventLog/HEAD") == head)
        // Just under the limit still goes in and reads back.
        let fits = NewEvent(type: "test.fact", payload: ["text": .string(String(repeating: "a", count: RecordLine.maxLineBytes - 1_000))])
        try StoreFixtures.append(store, [fits])
        #expect(try store.verify().isIntact)
    }
}
