import Foundation
import Testing
import LedgerDomain
@testable import LedgerStore

/// The snapshot file: parts laid out after a header that says where each is and its checksum.
@Suite("Snapshot files")
struct SnapshotStoreTests {
    static let parts: [(name: String, bytes: [UInt8])] = [
        ("first", Array("[1,2,3]".utf8)), ("empty", []), ("third", Array(#"[["窗口",true]]"#.utf8)),
    ]

    /// Why a read was refused; nil when it was not.
    static func rejection<Parts>(_ result: Result<(SnapshotStore.Header, Parts), SnapshotStore.Rejection>) -> SnapshotStore.Rejection? {
        if case .failure(let rejection) = result { return rejection }
        return nil
    }

    /// A ledger of four records with a snapshot of ``parts`` at its head.
    func ledger() throws -> (TemporaryDirectory, EventStore, SnapshotStore, HeadFile) {
        let directory = TemporaryDirectory()
        let store = EventStore(layout: LedgerLayout(root: directory.path))
        try StoreFixtures.append(store, StoreFixtures.events(4))
        let head = try #require(try store.readHeadFile())
        let snapshots = SnapshotStore(layout: store.layout, system: store.system)
        try snapshots.write(name: "test", version: 7, head: head.head, bytes: head.bytes, records: 4, parts: Self.parts)
        return (directory, store, snapshots, head)
    }

    @Test("every part reads back as written; a subset reads only that subset")
    func roundTrip() throws {
        let (directory, store, snapshots, head) = try ledger()
        defer { withExtendedLifetime(directory) {} }
        let all = try snapshots.read(name: "test", version: 7, store: store, head: head).get()
        #expect(all.0.head == head.head && all.0.records == 4)
        #expect(all.0.parts.map(\.name) == Self.parts.map(\.name))
        for part in Self.parts { #expect(all.1[part.name] == part.bytes, "\(part.name)") }
        let some = try snapshots.read(name: "test", version: 7, parts: ["third"], store: store, head: head).get()
        #expect(Array(some.1.keys) == ["third"])
        #expect(Self.rejection(snapshots.read(name: "test", version: 7, parts: ["fourth"], store: store, head: head))
                == .unusable(.partMissing(part: "fourth")))
    }

    @Test("a damaged part is refused where it is read, and only there")
    func damagedPart() throws {
        let (directory, store, snapshots, head) = try ledger()
        var file = directory.read("Snapshots/test.snapshot")
        let first = try #require(try snapshots.read(name: "test", version: 7, store: store, head: head).get().0.parts.first)
        file[first.offset + 1] = UInt8(ascii: "9")
        directory.write("Snapshots/test.snapshot", file)
        #expect(Self.rejection(snapshots.read(name: "test", version: 7, parts: ["first"], store: store, head: head))
                == .unusable(.partChecksum(part: "first")))
        #expect((try? snapshots.read(name: "test", version: 7, parts: ["third"], store: store, head: head).get()) != nil)
    }

    @Test("a header that no longer fits its parts, another version, or a head not in the log: refused with the reason")
    func refusals() throws {
        let (directory, store, snapshots, head) = try ledger()
        let original = directory.read("Snapshots/test.snapshot")
        #expect(Self.rejection(snapshots.read(name: "test", version: 8, store: store, head: head))
                == .outdated(.otherVersion(found: 7, this: 8)))
        #expect(Self.rejection(snapshots.read(name: "test", version: 6, store: store, head: head))
                == .unusable(.otherVersion(found: 7, this: 6)))
        directory.write("Snapshots/test.snapshot", original + [0x0A])
        #expect(Self.rejection(snapshots.read(name: "test", version: 7, store: store, head: head))
                == .unusable(.notASnapshot))
        directory.write("Snapshots/test.snapshot", Array(original.dropLast()))
        #expect(Self.rejection(snapshots.read(name: "test", version: 7, store: store, head: head))
                == .unusable(.notASnapshot))
        try snapshots.write(name: "test", version: 7, head: LogHead(seq: Seq(2), hash: head.head.hash), bytes: head.bytes,
                            records: 2, parts: Self.parts)
        guard case .failure(.unusable(let reason)) = snapshots.read(name: "test", version: 7, store: store, head: head) else {
            Issue.record("a snapshot naming a record the log does not have was used")
            return
        }
        #expect(reason.description.contains("which is not a record of this log"))
        let elsewhere = SnapshotStore(layout: LedgerLayout(root: directory.path + "/none"), system: store.system)
        #expect(Self.rejection(elsewhere.read(name: "test", version: 7, store: store, head: head)) == .missing)
    }

    /// A snapshot with a part in one piece and a part in three segments (years).
    func segmentedLedger() throws -> (TemporaryDirectory, EventStore, SnapshotStore, HeadFile) {
        let (directory, store, snapshots, head) = try ledger()
        try snapshots.write(name: "test", version: 7, head: head.head, bytes: head.bytes, records: 4, contents: [
            ("whole", .whole(Array("[1]".utf8))),
            ("years", .segments([SnapshotStore.Segment(key: 2021, bytes: Array("[[2021]]".utf8)),
                                 SnapshotStore.Segment(key: 2022, bytes: []),
                                 SnapshotStore.Segment(key: 2023, bytes: Array(#"[["窗口",2023]]"#.utf8))])),
            ("after", .whole(Array("[2]".utf8))),
        ])
        return (directory, store, snapshots, head)
    }

    @Test("a part in segments: the last, some or every segment read, with every key the part has")
    func segments() throws {
        let (directory, store, snapshots, head) = try segmentedLedger()
        defer { withExtendedLifetime(directory) {} }
        let keys = [2021, 2022, 2023]
        let last = try snapshots.read(name: "test", version: 7, select: ["years": .last], store: store, head: head).get().1
        #expect(last == ["years": .segments([SnapshotStore.Segment(key: 2023, bytes: Array(#"[["窗口",2023]]"#.utf8))], keys: keys)])
        let some = try snapshots.read(name: "test", version: 7, select: ["years": .keys([2021, 1999]), "after": .last],
                                      store: store, head: head).get().1
        #expect(some["years"] == .segments([SnapshotStore.Segment(key: 2021, bytes: Array("[[2021]]".utf8))], keys: keys))
        #expect(some["after"] == .whole(Array("[2]".utf8)))
        let lastAnd = try snapshots.read(name: "test", version: 7, select: ["years": .lastAnd([2021])], store: store, head: head).get().1
        guard case .segments(let two, keys: keys)? = lastAnd["years"] else { Issue.record("no segments"); return }
        #expect(two.map(\.key) == [2021, 2023])
        // A part's size is its segments and index: what the rule of when to refresh weighs.
        let header = try snapshots.read(name: "test", version: 7, select: [:], store: store, head: head).get().0
        let file = directory.read("Snapshots/test.snapshot")
        let headerLength = try #require(file.firstIndex(of: 0x0A)) + 1
        #expect(header.parts.reduce(0) { $0 + $1.size + 1 } == file.count - headerLength)
        let every = try snapshots.read(name: "test", version: 7, select: nil, store: store, head: head).get().1
        guard case .segments(let segments, _)? = every["years"] else { Issue.record("no segments"); return }
        #expect(segments.map(\.key) == keys && segments[1].bytes.isEmpty)
        #expect(every["whole"] == .whole(Array("[1]".utf8)))
        #expect(Self.rejection(snapshots.read(name: "test", version: 7, parts: ["years"], store: store, head: head))
                == .unusable(.partInSegments(part: "years")))
        #expect((try? snapshots.read(name: "test", version: 7, parts: ["whole", "after"], store: store, head: head).get()) != nil)
    }

    @Test("a damaged segment is refused where it is read, and only there; a damaged index, always")
    func damagedSegment() throws {
        let (directory, store, snapshots, head) = try segmentedLedger()
        let original = directory.read("Snapshots/test.snapshot")
        var file = original
        let at = try #require(file.firstRange(of: Array("[[2021]]".utf8)))
        file[at.lowerBound + 3] = UInt8(ascii: "9")
        directory.write("Snapshots/test.snapshot", file)
        #expect(Self.rejection(snapshots.read(name: "test", version: 7, select: ["years": .keys([2021])], store: store, head: head))
                == .unusable(.segmentChecksum(part: "years", key: 2021)))
        #expect((try? snapshots.read(name: "test", version: 7, select: ["years": .last], store: store, head: head).get()) != nil)
        file = original
        let index = try #require(file.firstRange(of: Array("[[2021,".utf8)))
        file[index.lowerBound + 5] = UInt8(ascii: "0")
        directory.write("Snapshots/test.snapshot", file)
        #expect(Self.rejection(snapshots.read(name: "test", version: 7, select: ["years": .last], store: store, head: head))
                == .unusable(.partChecksum(part: "years")))
    }

    @Test("a snapshot of format 2 (before parts were kept by year) is not read but named an earlier build's: it is rebuilt")
    func formerFormat() throws {
        let (directory, store, snapshots, head) = try segmentedLedger()
        let text = String(decoding: directory.read("Snapshots/test.snapshot"), as: UTF8.self)
        #expect(text.hasPrefix(#"{"format":3,"#))
        directory.write("Snapshots/test.snapshot", Array(text.replacingOccurrences(of: #"{"format":3,"#, with: #"{"format":2,"#).utf8))
        #expect(Self.rejection(snapshots.read(name: "test", version: 7, select: nil, store: store, head: head))
                == .outdated(.earlierFormat(found: 2, this: 3)))
        directory.write("Snapshots/test.snapshot", Array(text.replacingOccurrences(of: #"{"format":3,"#, with: #"{"format":4,"#).utf8))
        #expect(Self.rejection(snapshots.read(name: "test", version: 7, select: nil, store: store, head: head))
                == .unusable(.notASnapshot))
    }
}
