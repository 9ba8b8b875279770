import Foundation
import Testing
import LedgerDomain
@testable import LedgerStore

/// Reading the log with its lines decoded on other threads, in chunks small enough that a
/// small log spans dozens of them: the same records, in the same order, and the same problems
/// at the same lines as reading it in one piece.
@Suite("Parallel decoding")
struct ParallelDecodingTests {
    /// 40 batches of 1–9 records.
    func ledger() throws -> TemporaryDirectory {
        let directory = TemporaryDirectory()
        let store = EventStore(layout: LedgerLayout(root: directory.path))
        for index in 0..<40 { try StoreFixtures.append(store, StoreFixtures.events(1 + index % 9, tag: "b\(index)")) }
        return directory
    }

    func store(_ directory: TemporaryDirectory, chunkBytes: Int) -> EventStore {
        let store = EventStore(layout: LedgerLayout(root: directory.path))
        store.decodingChunkBytes = chunkBytes
        return store
    }

    func records(_ store: EventStore) throws -> [EventRecord] {
        let head = try #require(try store.readHeadFile())
        var records: [EventRecord] = []
        try store.forEachRecord(upTo: head) { record, _ in records.append(record) }
        return records
    }

    @Test("the same records in the same order, whatever the chunk size", arguments: [600, 2048, 5000, 1 << 20])
    func sameRecords(chunkBytes: Int) throws {
        let directory = try ledger()
        let whole = try records(store(directory, chunkBytes: 1 << 30))
        #expect(whole.count == (0..<40).reduce(0) { $0 + 1 + $1 % 9 })
        #expect(try records(store(directory, chunkBytes: chunkBytes)) == whole)
        #expect(whole.map(\.seq.value) == Array(1...whole.count))
    }

    @Test("an edited record far into the log is reported at its line, as when read in one piece", arguments: [17, 101, 180])
    func editedRecord(line: Int) throws {
        let directory = try ledger()
        var lines = directory.read("EventLog/events.jsonl").split(separator: 0x0A).map(Array.init)
        lines[line - 1][lines[line - 1].count - 120] ^= 0x01
        directory.write("EventLog/events.jsonl", Array(lines.joined(separator: [0x0A])) + [0x0A])
        func failure(_ chunkBytes: Int) throws -> String {
            do {
                _ = try records(store(directory, chunkBytes: chunkBytes))
                return "no error"
            } catch let error as StoreError {
                return error.description
            }
        }
        let expected = try failure(1 << 30)
        #expect(expected.contains("events.jsonl:\(line):"))
        #expect(try failure(700) == expected)
        let serial = try store(directory, chunkBytes: 1 << 30).verify()
        let parallel = try store(directory, chunkBytes: 700).verify()
        #expect(parallel.problems == serial.problems)
        #expect(parallel.problems.first?.lineNumber == line)
        #expect(parallel.records == serial.records)
    }

    @Test("verify folds the records in order on the caller's thread")
    func verifyFoldsInOrder() throws {
        let directory = try ledger()
        var seqs: [Int] = []
        let report = try store(directory, chunkBytes: 800).verify { seqs.append($0.seq.value) }
        #expect(report.isIntact)
        #expect(seqs == Array(1...report.records))
    }
}
