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
    static func rejection(_ result: Result<(SnapshotStore.Header, [String: [UInt8]]), SnapshotStore.Rejection>) -> SnapshotStore.Rejection? {
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
                == .unusable(.otherVersion(found: 7, this: 8)))
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
}
