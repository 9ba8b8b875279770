#if canImport(Glibc)
import Glibc
#endif
import LedgerDomain
import LedgerFormats

/// A projection state saved at a seq of the log: `Snapshots/<name>.snapshot`, in named parts so
/// that a question reads only the parts it needs.
///
/// Line 1 is the header `{"format":2,"name":…,"version":…,"seq":…,"hash":…,"bytes":…,
/// "records":…,"parts":[{"name":…,"offset":…,"length":…,"sha256":…},…]}`; each part follows on
/// its own line, at the offset the header gives. A part is used only when the header is of this
/// build's format and version, the part hashes to its `sha256`, and the log holds, ending at
/// byte `bytes`, the record with that seq and hash. Otherwise the snapshot is ignored (with the
/// reason) and rebuilt: snapshots are an optimisation, never a source of truth.
public struct SnapshotStore {
    /// The snapshot file format this build reads and writes.
    public static let format = 2
    /// The longest header this build reads.
    static let maxHeaderBytes = 64 << 10
    /// The largest part this build reads.
    static let maxPartBytes = 1 << 30

    /// Where one part lies in the file, and its checksum.
    public struct PartEntry: Equatable, Sendable {
        public var name: String
        public var offset: Int
        public var length: Int
        public var sha256: SHA256Digest
    }

    /// A snapshot's header.
    public struct Header: Equatable, Sendable {
        public var name: String
        public var version: Int
        public var head: LogHead
        /// Where the snapshot's last record ends in the log.
        public var bytes: Int
        /// How many records the state was folded from.
        public var records: Int
        /// The parts, in file order.
        public var parts: [PartEntry]
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

    /// Writes a snapshot of `parts` atomically (temporary file, fsync, rename, directory fsync).
    public func write(name: String, version: Int, head: LogHead, bytes: Int, records: Int,
                      parts: [(name: String, bytes: [UInt8])]) throws {
        try FileIO(system: system).ensureDirectory(layout.snapshots, parent: layout.root, label: "Snapshots")
        // The header's length depends on the offsets it holds: lay the parts out after a header
        // of a first guess, and grow the guess until the header fits.
        var headerBytes: [UInt8] = []
        var reserved = 256 + parts.count * 160
        while true {
            var offset = reserved
            let entries = parts.map { part in
                defer { offset += part.bytes.count + 1 }
                return PartEntry(name: part.name, offset: offset, length: part.bytes.count, sha256: SHA256.hash(part.bytes))
            }
            headerBytes = Self.encode(Header(name: name, version: version, head: head, bytes: bytes, records: records, parts: entries))
            if headerBytes.count + 1 <= reserved { break }
            reserved = headerBytes.count + 64
        }
        var file = headerBytes
        // Spaces pad the header line to where the first part starts; JSON allows them.
        file += [UInt8](repeating: 0x20, count: reserved - headerBytes.count - 1)
        file.append(0x0A)
        for part in parts {
            file += part.bytes
            file.append(0x0A)
        }
        try FileIO(system: system).replaceAtomically(path(name), with: file, directory: layout.snapshots)
    }

    /// Reads the parts named in `wanted` (every part when nil) and checks them against their
    /// checksums and the snapshot against the log; `.failure` says in a phrase why it cannot be used.
    public func read(name: String, version: Int, parts wanted: Set<String>? = nil, store: EventStore,
                     head: HeadFile) -> Result<(Header, [String: [UInt8]]), Rejection> {
        let file = path(name)
        let descriptor: Int32
        do {
            descriptor = try system.open(file, flags: O_RDONLY | O_NOFOLLOW, mode: 0)
        } catch where error.code == ENOENT {
            return .failure(.missing)
        } catch {
            return .failure(.unusable(.cannotRead("\(error)")))
        }
        defer { system.close(descriptor) }
        do {
            let io = FileIO(system: system)
            let size = try system.size(descriptor, path: file)
            let start = try io.read(descriptor, count: min(size, Self.maxHeaderBytes), at: 0, path: file)
            guard let newline = start.firstIndex(of: 0x0A),
                  let header = Self.header(Array(start[..<newline].reversed().drop { $0 == 0x20 }.reversed())),
                  Self.laidOut(header, headerLength: newline + 1, fileSize: size) else {
                return .failure(.unusable(.notASnapshot))
            }
            guard header.name == name, header.version == version else {
                return .failure(.unusable(.otherVersion(found: header.version, this: version)))
            }
            var parts: [String: [UInt8]] = [:]
            for entry in header.parts where wanted?.contains(entry.name) ?? true {
                let bytes = try io.read(descriptor, count: entry.length, at: entry.offset, path: file)
                guard bytes.count == entry.length, SHA256.hash(bytes) == entry.sha256 else {
                    return .failure(.unusable(.partChecksum(part: entry.name)))
                }
                parts[entry.name] = bytes
            }
            if let wanted, let missing = wanted.subtracting(parts.keys).sorted().first {
                return .failure(.unusable(.partMissing(part: missing)))
            }
            guard header.head.seq <= head.head.seq, header.bytes <= head.bytes,
                  (try? store.head(endingAt: header.bytes, format: head.format)) == header.head else {
                return .failure(.unusable(.headNotInLog(header.head)))
            }
            return .success((header, parts))
        } catch {
            return .failure(.unusable(.cannotRead("\(error)")))
        }
    }

    /// Why a snapshot was not used.
    public enum Rejection: Error, Equatable, Sendable {
        /// There is no snapshot: nothing to say.
        case missing
        /// There is one, but it cannot be trusted, for this reason.
        case unusable(SnapshotDamage)
    }

    /// Whether the parts follow the header and each other, each ended by a newline, to the file's end.
    static func laidOut(_ header: Header, headerLength: Int, fileSize: Int) -> Bool {
        var expected = headerLength
        for part in header.parts {
            guard part.offset == expected, part.length >= 0 else { return false }
            expected += part.length + 1
        }
        return expected == fileSize && Set(header.parts.map(\.name)).count == header.parts.count
    }

    static func encode(_ header: Header) -> [UInt8] {
        JSONWriter.encode(.object([
            "format": .int(format), "name": .string(header.name), "version": .int(header.version),
            "seq": .int(header.head.seq.value), "hash": .string(header.head.hash.hex), "bytes": .int(header.bytes),
            "records": .int(header.records),
            "parts": .array(header.parts.map { part in
                .object(["name": .string(part.name), "offset": .int(part.offset), "length": .int(part.length),
                         "sha256": .string(part.sha256.hex)])
            }),
        ]))
    }

    static func header(_ bytes: [UInt8]) -> Header? {
        guard case .object(let object)? = try? JSONParser.parse(bytes), object["format"]?.int == format,
              let name = object["name"]?.string, let version = object["version"]?.int, let seq = object["seq"]?.int, seq >= 0,
              let hash = object["hash"]?.string.flatMap({ SHA256Digest(hex: $0) }), let end = object["bytes"]?.int,
              let records = object["records"]?.int, let rows = object["parts"]?.array else { return nil }
        var parts: [PartEntry] = []
        for row in rows {
            guard let partName = row["name"]?.string, let offset = row["offset"]?.int, let length = row["length"]?.int,
                  let checksum = row["sha256"]?.string.flatMap({ SHA256Digest(hex: $0) }) else { return nil }
            parts.append(PartEntry(name: partName, offset: offset, length: length, sha256: checksum))
        }
        return Header(name: name, version: version, head: LogHead(seq: Seq(seq), hash: hash), bytes: end, records: records,
                      parts: parts)
    }
}
