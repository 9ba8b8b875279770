#if canImport(Glibc)
import Glibc
#endif
import LedgerDomain

/// A projection state saved at a seq of the log: `Snapshots/<name>.snapshot`, two lines.
///
/// Line 1 is the header `{"format":1,"name":…,"version":…,"seq":…,"hash":…,"bytes":…,
/// "records":…,"stateSHA256":…}`; line 2 the state as JSON. A snapshot is used only when its
/// header is of this build's format and version, its state hashes to `stateSHA256`, and the log
/// holds, ending at byte `bytes`, the record with that seq and hash. Otherwise it is ignored
/// (with the reason) and rebuilt: snapshots are an optimisation, never a source of truth.
public struct SnapshotStore {
    /// The snapshot file format this build reads and writes.
    public static let format = 1

    /// A snapshot's header.
    public struct Header: Equatable, Sendable {
        public var name: String
        public var version: Int
        public var head: LogHead
        /// Where the snapshot's last record ends in the log.
        public var bytes: Int
        /// How many records the state was folded from.
        public var records: Int
        public var stateSHA256: SHA256Digest

        /// Creates a header.
        public init(name: String, version: Int, head: LogHead, bytes: Int, records: Int, stateSHA256: SHA256Digest) {
            self.name = name
            self.version = version
            self.head = head
            self.bytes = bytes
            self.records = records
            self.stateSHA256 = stateSHA256
        }
    }

    let layout: LedgerLayout
    let system: SystemCalls

    /// The snapshots of a ledger.
    public init(layout: LedgerLayout, system: SystemCalls) {
        self.layout = layout
        self.system = system
    }

    /// The file of a named snapshot.
    public func path(_ name: String) -> String { layout.snapshots + "/\(name).snapshot" }

    /// Writes a snapshot atomically (temporary file, fsync, rename, directory fsync).
    public func write(name: String, version: Int, head: LogHead, bytes: Int, records: Int, state: [UInt8]) throws {
        try FileIO(system: system).ensureDirectory(layout.snapshots, parent: layout.root, label: "Snapshots")
        let header = Header(name: name, version: version, head: head, bytes: bytes, records: records, stateSHA256: SHA256.hash(state))
        var file = JSONWriter.encode(.object([
            "format": .int(Self.format), "name": .string(name), "version": .int(version), "seq": .int(head.seq.value),
            "hash": .string(head.hash.hex), "bytes": .int(bytes), "records": .int(records),
            "stateSHA256": .string(header.stateSHA256.hex),
        ]))
        file.append(0x0A)
        file += state
        file.append(0x0A)
        try FileIO(system: system).replaceAtomically(path(name), with: file, directory: layout.snapshots)
    }

    /// Reads a snapshot and checks it against itself and against the log; `.failure` says in a
    /// phrase why it cannot be used (nil reason: there is none).
    public func read(name: String, version: Int, store: EventStore, head: HeadFile) -> Result<(Header, [UInt8]), Rejection> {
        let bytes: [UInt8]
        do {
            guard let read = try FileIO(system: system).readSmallFile(path(name), maxBytes: 1 << 30) else { return .failure(.missing) }
            bytes = read
        } catch {
            return .failure(.unusable("it cannot be read: \(error)"))
        }
        guard let newline = bytes.firstIndex(of: 0x0A), bytes.last == 0x0A,
              let header = Self.header(Array(bytes[..<newline])) else {
            return .failure(.unusable("it is not a snapshot this build can read"))
        }
        let state = Array(bytes[(newline + 1)..<(bytes.count - 1)])
        guard header.name == name, header.version == version else {
            return .failure(.unusable("it was written by another version of the projections (\(header.version), this build: \(version))"))
        }
        guard SHA256.hash(state) == header.stateSHA256 else {
            return .failure(.unusable("its state does not match its checksum: it was edited or damaged"))
        }
        guard header.head.seq <= head.head.seq, header.bytes <= head.bytes,
              let record = try? store.record(endingAt: header.bytes), record.asHead == header.head else {
            return .failure(.unusable("it was taken at \(header.head), which is not a record of this log"))
        }
        return .success((header, state))
    }

    /// Why a snapshot was not used.
    public enum Rejection: Error, Equatable, Sendable {
        /// There is no snapshot: nothing to say.
        case missing
        /// There is one, but it cannot be trusted, for this reason.
        case unusable(String)
    }

    static func header(_ bytes: [UInt8]) -> Header? {
        guard case .object(let object)? = try? JSONParser.parse(bytes), object["format"]?.int == format,
              let name = object["name"]?.string, let version = object["version"]?.int, let seq = object["seq"]?.int, seq >= 0,
              let hash = object["hash"]?.string.flatMap({ SHA256Digest(hex: $0) }), let end = object["bytes"]?.int,
              let records = object["records"]?.int,
              let checksum = object["stateSHA256"]?.string.flatMap({ SHA256Digest(hex: $0) }) else { return nil }
        return Header(name: name, version: version, head: LogHead(seq: Seq(seq), hash: hash), bytes: end, records: records,
                      stateSHA256: checksum)
    }
}
