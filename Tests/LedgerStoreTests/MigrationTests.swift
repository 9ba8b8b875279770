import Foundation
import Testing
import LedgerDomain
@testable import LedgerStore
import LedgerFormats

@Suite("Migrating a format-1 log to format 2")
struct MigrationTests {
    /// A format-1 ledger of three batches (seqs 1–3, 4–7, 8–10).
    static func format1Ledger() throws -> TemporaryDirectory {
        let directory = TemporaryDirectory()
        let store = EventStore(layout: LedgerLayout(root: directory.path))
        _ = try store.create(format: .one)
        for size in [3, 4, 3] { try StoreFixtures.append(store, StoreFixtures.events(size)) }
        return directory
    }

    static func records(_ store: EventStore) throws -> [EventRecord] {
        let head = try #require(try store.readHeadFile())
        var records: [EventRecord] = []
        try store.forEachRecord(upTo: head, from: Seq(0)) { record, _ in records.append(record) }
        return records
    }

    @Test("every record says what it said; the old log is kept whole; seq 0 names the old head")
    func migrates() throws {
        let directory = try Self.format1Ledger()
        let store = EventStore(layout: LedgerLayout(root: directory.path))
        let old = directory.read("EventLog/events.jsonl")
        let oldHead = try #require(try store.readHeadFile())
        let before = try Self.records(store)
        let receipt = try #require(try store.migrate(context: StoreFixtures.context(command: "ledger migrate")) { _ in nil })
        #expect(receipt.before == oldHead && receipt.records == 10)
        #expect(receipt.after.format == .two && receipt.after.head.seq == oldHead.head.seq)
        #expect(directory.read(try #require(receipt.archive)) == old)
        let after = try Self.records(store)
        #expect(after.count == 11)
        #expect(after[0].type == EventType.logMigrated && after[0].seq == Seq(0))
        #expect(after[0].payload["head"]?["hash"]?.string == oldHead.head.hash.hex)
        for (old, new) in zip(before, after.dropFirst()) {
            var expected = old
            expected.prev = new.prev
            expected.hash = new.hash
            #expect(new == expected)
        }
        #expect(try store.verify().isIntact)
        #expect(try store.migrate(context: StoreFixtures.context()) { _ in nil } == nil, "a format-2 log is left as it is")
    }

    @Test("a crash at any write leaves the old ledger or the migrated one, whole, once the next command opens it")
    func crashAnywhere() throws {
        let pristine = try Self.format1Ledger()
        let old = pristine.read("EventLog/events.jsonl")
        let oldHead = try #require(try EventStore(layout: LedgerLayout(root: pristine.path)).readHeadFile())
        var outcomes: [LogFormat: Int] = [:]
        var limit = 0
        while true {
            let directory = TemporaryDirectory()
            try pristine.copy(to: directory)
            let faulty = FaultySystem(.crashAfterWriting(bytes: limit))
            let crashing = EventStore(layout: LedgerLayout(root: directory.path), system: faulty)
            _ = try? crashing.migrate(context: StoreFixtures.context()) { _ in nil }
            let store = EventStore(layout: LedgerLayout(root: directory.path))
            _ = try store.open()
            let head = try #require(try store.readHeadFile())
            outcomes[head.format, default: 0] += 1
            if head.format == .one {
                #expect(head == oldHead, "crash after \(limit) bytes")
                #expect(directory.read("EventLog/events.jsonl") == old, "crash after \(limit) bytes")
            } else {
                #expect(try Self.records(store).count == 11, "crash after \(limit) bytes")
            }
            #expect(try store.verify().isIntact, "crash after \(limit) bytes")
            #expect(!FileManager.default.fileExists(atPath: directory.file("EventLog/migrating")), "crash after \(limit) bytes")
            if !faulty.crashed { break }
            limit += 97
        }
        #expect((outcomes[.one] ?? 0) > 10 && (outcomes[.two] ?? 0) >= 1, "\(outcomes)")
    }
}

@Suite("Format 2: reading from inside an append")
struct Format2SpanTests {
    @Test("a span that begins at a batch whose header leaves its stamp to the batches before reads the stamp back from them")
    func spanInsideAnAppend() throws {
        let directory = TemporaryDirectory()
        let store = EventStore(layout: LedgerLayout(root: directory.path))
        _ = try store.create()
        var batches = PreparedBatches(after: try #require(try store.readHeadFile()))
        for index in 0..<70 {
            try batches.add(StoreFixtures.events(2, tag: "b\(index)"), context: StoreFixtures.context("clerk@hall", command: "ledger ingest many"))
        }
        try store.append(batches)
        let head = try #require(try store.readHeadFile())
        #expect(head.format == .two)
        let text = String(decoding: directory.read("EventLog/events.jsonl"), as: UTF8.self)
        #expect(text.components(separatedBy: #""command":"ledger ingest many""#).count == 3, "stated on batches 1 and 65 only")
        for batch in [1, 40, 64, 65, 69] {
            let places = batches.places[(batch * 2)...(batch * 2 + 1)]
            let records = try #require(try store.records(in: places.first!.lowerBound..<places.last!.upperBound, committed: head), "batch \(batch)")
            #expect(records == Array(batches.records[(batch * 2)...(batch * 2 + 1)]), "batch \(batch)")
            #expect(records[0].actor == "clerk@hall" && records[0].batch.command == "ledger ingest many")
        }
    }
}
