#if canImport(Glibc)
import Glibc
#endif
import LedgerDomain
import LedgerFormats

/// A projection state saved at a seq of the log: `Snapshots/<name>.snapshot`, in named parts so
/// that a question reads only the parts it needs, and a part that grows with the history in
/// segments (one per year) so that a question reads only the years it shows.
///
/// Line 1 is the header `{"format":3,"name":…,"version":…,"seq":…,"hash":…,"bytes":…,
/// "records":…,"parts":[{"name":…,"offset":…,"length":…,"sha256":…},…]}`; each part follows on
/// its own line, at the offset the header gives. A part kept in segments (its header entry has
/// `"segmentsStart"`) is its segments, each on its own line from `segmentsStart`, then its
/// index on the line the entry names: `[[key,offset,length,sha256],…]`, keys ascending. A part
/// or segment is used only when the header is of this build's format and version, it hashes to
/// its `sha256`, and the log holds, ending at byte `bytes`, the record with that seq and hash.
/// Otherwise the snapshot is ignored (with the reason) and rebuilt: snapshots are an
/// optimisation, never a source of truth.
public struct SnapshotStore {
    /// The snapshot file format this build reads and writes.
    public static let format = 3
    /// The longest header this build reads.
    static let maxHeaderBytes = 64 << 10
    /// The largest part this build reads.
    static let maxPartBytes = 1 << 30

    /// Where one part lies in the file, and its checksum: of its bytes, or for a part in
    /// segments of its index.
    public struct PartEntry: Equatable, Sendable {
        public var name: String
        public var offset: Int
        public var length: Int
        public var sha256: SHA256Digest
        /// Where the first segment of a part in segments starts (its index follows the last);
        /// nil for a part in one piece.
        public var segmentsStart: Int? = nil

        /// The bytes the part takes in the file: its segments and index, or its one piece.
        public var size: Int { offset + length - (segmentsStart ?? offset) }
    }

    /// Where one segment of a part lies, its key (a year) and its checksum.
    public struct SegmentEntry: Equatable, Sendable {
        public var key: Int
        public var offset: Int
        public var length: Int
        public var sha256: SHA256Digest
    }

    /// One segment's bytes and key.
    public struct Segment: Equatable, Sendable {
        public var key: Int
        public var bytes: [UInt8]

        /// A segment.
        public init(key: Int, bytes: [UInt8]) {
            self.key = key
            self.bytes = bytes
        }
    }

    /// What a part holds, as written.
    public enum Content: Equatable, Sendable {
        /// One piece.
        case whole([UInt8])
        /// Segments with ascending keys, read one by one.
        case segments([Segment])
    }

    /// Which segments of a part in segments to read (a part in one piece is read whole).
    public enum Selection: Equatable, Sendable {
        /// Every segment.
        case all
        /// The segment with the greatest key (none when the part has none).
        case last
        /// The segments with these keys, those the part has.
        case keys(Set<Int>)
        /// The segment with the greatest key, and those with these keys.
        case lastAnd(Set<Int>)
    }

    /// A part as read.
    public enum PartRead: Equatable, Sendable {
        /// A part in one piece.
        case whole([UInt8])
        /// The segments selected, and the keys of every segment the part has.
        case segments([Segment], keys: [Int])
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

    /// Writes a snapshot of `parts`, each in one piece, atomically.
    public func write(name: String, version: Int, head: LogHead, bytes: Int, records: Int,
                      parts: [(name: String, bytes: [UInt8])]) throws {
        try write(name: name, version: version, head: head, bytes: bytes, records: records,
                  contents: parts.map { (name: $0.name, content: .whole($0.bytes)) })
    }

    /// Writes a snapshot of `contents` atomically (temporary file, fsync, rename, directory fsync).
    public func write(name: String, version: Int, head: LogHead, bytes: Int, records: Int,
                      contents parts: [(name: String, content: Content)]) throws {
        try FileIO(system: system).ensureDirectory(layout.snapshots, parent: layout.root, label: "Snapshots")
        let sums = parts.map { part -> [SHA256Digest] in
            switch part.content {
            case .whole(let bytes): return [SHA256.hash(bytes)]
            case .segments(let segments):
                precondition(zip(segments, segments.dropFirst()).allSatisfy { $0.key < $1.key }, "segment keys ascend")
                return segments.map { SHA256.hash($0.bytes) }
            }
        }
        // The header's length depends on the offsets it holds: lay the parts out after a header
        // of a first guess, and grow the guess until the header fits.
        var headerBytes: [UInt8] = []
        var indexes: [[UInt8]?] = []
        var reserved = 256 + parts.count * 200
        while true {
            let laid = Self.layOut(parts, sums: sums, from: reserved)
            indexes = laid.indexes
            headerBytes = Self.encode(Header(name: name, version: version, head: head, bytes: bytes, records: records, parts: laid.entries))
            if headerBytes.count + 1 <= reserved { break }
            reserved = headerBytes.count + 64
        }
        var file = headerBytes
        // Spaces pad the header line to where the first part starts; JSON allows them.
        file += [UInt8](repeating: 0x20, count: reserved - headerBytes.count - 1)
        file.append(0x0A)
        for (part, index) in zip(parts, indexes) {
            switch part.content {
            case .whole(let bytes):
                file += bytes
                file.append(0x0A)
            case .segments(let segments):
                for segment in segments {
                    file += segment.bytes
                    file.append(0x0A)
                }
                file += index ?? []
                file.append(0x0A)
            }
        }
        try FileIO(system: system).replaceAtomically(path(name), with: file, directory: layout.snapshots)
    }

    /// The header entries of `parts` laid out from `start`, and the index of each part in segments.
    static func layOut(_ parts: [(name: String, content: Content)], sums: [[SHA256Digest]],
                       from start: Int) -> (entries: [PartEntry], indexes: [[UInt8]?]) {
        var offset = start
        var entries: [PartEntry] = []
        var indexes: [[UInt8]?] = []
        for (part, partSums) in zip(parts, sums) {
            switch part.content {
            case .whole(let bytes):
                entries.append(PartEntry(name: part.name, offset: offset, length: bytes.count, sha256: partSums[0]))
                indexes.append(nil)
                offset += bytes.count + 1
            case .segments(let segments):
                let first = offset
                var rows: [JSONValue] = []
                for (segment, sum) in zip(segments, partSums) {
                    rows.append(.array([.int(segment.key), .int(offset), .int(segment.bytes.count), .string(sum.hex)]))
                    offset += segment.bytes.count + 1
                }
                let index = JSONWriter.encode(.array(rows))
                entries.append(PartEntry(name: part.name, offset: offset, length: index.count, sha256: SHA256.hash(index),
                                         segmentsStart: first))
                indexes.append(index)
                offset += index.count + 1
            }
        }
        return (entries, indexes)
    }

    /// Reads the parts named in `wanted` (every part when nil), each in one piece, and checks them
    /// against their checksums and the snapshot against the log; `.failure` says in a phrase why
    /// it cannot be used. A part kept in segments is refused: read it with ``read(name:version:select:store:head:)``.
    public func read(name: String, version: Int, parts wanted: Set<String>? = nil, store: EventStore,
                     head: HeadFile) -> Result<(Header, [String: [UInt8]]), Rejection> {
        let selection = wanted.map { Dictionary(uniqueKeysWithValues: $0.map { ($0, Selection.all) }) }
        return read(name: name, version: version, select: selection, store: store, head: head).flatMap { header, parts in
            var whole: [String: [UInt8]] = [:]
            for (part, read) in parts {
                guard case .whole(let bytes) = read else { return .failure(.unusable(.partInSegments(part: part))) }
                whole[part] = bytes
            }
            return .success((header, whole))
        }
    }

    /// Reads the parts named in `select` (every part, every segment, when nil), of each part in
    /// segments the segments selected, and checks what it read against its checksums and the
    /// snapshot against the log; `.failure` says in a phrase why it cannot be used.
    public func read(name: String, version: Int, select: [String: Selection]?, store: EventStore,
                     head: HeadFile) -> Result<(Header, [String: PartRead]), Rejection> {
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
                if let newline = start.firstIndex(of: 0x0A), case .object(let object)? = try? JSONParser.parse(Array(start[..<newline])),
                   let earlier = object["format"]?.int, earlier < Self.format {
                    return .failure(.outdated(.earlierFormat(found: earlier, this: Self.format)))
                }
                return .failure(.unusable(.notASnapshot))
            }
            guard header.name == name, header.version == version else {
                let reason = SnapshotDamage.otherVersion(found: header.version, this: version)
                return .failure(header.name == name && header.version < version ? .outdated(reason) : .unusable(reason))
            }
            var parts: [String: PartRead] = [:]
            for entry in header.parts {
                guard let selection = select == nil ? .all : select?[entry.name] else { continue }
                let bytes = try io.read(descriptor, count: entry.length, at: entry.offset, path: file)
                guard bytes.count == entry.length, SHA256.hash(bytes) == entry.sha256 else {
                    return .failure(.unusable(.partChecksum(part: entry.name)))
                }
                guard let segmentsStart = entry.segmentsStart else {
                    parts[entry.name] = .whole(bytes)
                    continue
                }
                guard let index = Self.index(bytes, from: segmentsStart, to: entry.offset) else {
                    return .failure(.unusable(.segmentIndex(part: entry.name)))
                }
                var segments: [Segment] = []
                for segment in Self.select(selection, from: index) {
                    let bytes = try io.read(descriptor, count: segment.length, at: segment.offset, path: file)
                    guard bytes.count == segment.length, SHA256.hash(bytes) == segment.sha256 else {
                        return .failure(.unusable(.segmentChecksum(part: entry.name, key: segment.key)))
                    }
                    segments.append(Segment(key: segment.key, bytes: bytes))
                }
                parts[entry.name] = .segments(segments, keys: index.map(\.key))
            }
            if let select, let missing = Set(select.keys).subtracting(parts.keys).sorted().first {
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

    /// The segments `selection` picks from an index.
    static func select(_ selection: Selection, from index: [SegmentEntry]) -> [SegmentEntry] {
        switch selection {
        case .all: return index
        case .last: return index.last.map { [$0] } ?? []
        case .keys(let keys): return index.filter { keys.contains($0.key) }
        case .lastAnd(let keys): return index.filter { keys.contains($0.key) || $0.key == index.last?.key }
        }
    }

    /// A part's index, when its segments follow each other from `start` to `end` (where the
    /// index starts) with ascending keys; nil otherwise.
    static func index(_ bytes: [UInt8], from start: Int, to end: Int) -> [SegmentEntry]? {
        // Read row by row with a scanner: the index has a row per year of history, and a
        // question reads it whole to pick one.
        let entries = bytes.withUnsafeBufferPointer { buffer -> [SegmentEntry]? in
            var scanner = JSONScanner(buffer)
            var entries: [SegmentEntry] = []
            var expected = start
            do throws(JSONParseError) {
                try scanner.openArray()
                while try scanner.nextElement() {
                    try scanner.openArray()
                    var fields: [Int] = []
                    while fields.count < 3, try scanner.nextElement() { fields.append(try scanner.int()) }
                    guard fields.count == 3, try scanner.nextElement(),
                          let sum = SHA256Digest(hex: try scanner.string()) else { return nil }
                    try scanner.closeArray()
                    let (key, offset, length) = (fields[0], fields[1], fields[2])
                    guard length >= 0, offset == expected, entries.last.map({ $0.key < key }) ?? true else { return nil }
                    entries.append(SegmentEntry(key: key, offset: offset, length: length, sha256: sum))
                    expected = offset + length + 1
                }
                try scanner.end()
            } catch {
                return nil
            }
            return expected == end ? entries : nil
        }
        return entries
    }

    /// Why a snapshot was not used.
    public enum Rejection: Error, Equatable, Sendable {
        /// There is no snapshot: nothing to say.
        case missing
        /// There is one, but it cannot be trusted, for this reason.
        case unusable(SnapshotDamage)
        /// There is one, written by an earlier build (an older file format or projection
        /// version): not damage, but not read either; the next snapshot replaces it.
        case outdated(SnapshotDamage)

        /// Why the snapshot is not used, when there is one.
        public var reason: SnapshotDamage? {
            switch self {
            case .missing: return nil
            case .unusable(let reason), .outdated(let reason): return reason
            }
        }
    }

    /// Whether the parts follow the header and each other, each ended by a newline, to the file's end.
    static func laidOut(_ header: Header, headerLength: Int, fileSize: Int) -> Bool {
        var expected = headerLength
        for part in header.parts {
            let start = part.segmentsStart ?? part.offset
            guard start == expected, part.offset >= start, part.length >= 0 else { return false }
            expected = part.offset + part.length + 1
        }
        return expected == fileSize && Set(header.parts.map(\.name)).count == header.parts.count
    }

    static func encode(_ header: Header) -> [UInt8] {
        JSONWriter.encode(.object([
            "format": .int(format), "name": .string(header.name), "version": .int(header.version),
            "seq": .int(header.head.seq.value), "hash": .string(header.head.hash.hex), "bytes": .int(header.bytes),
            "records": .int(header.records),
            "parts": .array(header.parts.map { part in
                var entry: JSONObject = ["name": .string(part.name), "offset": .int(part.offset), "length": .int(part.length),
                                         "sha256": .string(part.sha256.hex)]
                if let start = part.segmentsStart { entry["segmentsStart"] = .int(start) }
                return .object(entry)
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
            let segmentsStart = row["segmentsStart"]
            guard segmentsStart == nil || segmentsStart?.int != nil else { return nil }
            parts.append(PartEntry(name: partName, offset: offset, length: length, sha256: checksum, segmentsStart: segmentsStart?.int))
        }
        return Header(name: name, version: version, head: LogHead(seq: Seq(seq), hash: hash), bytes: end, records: records,
                      parts: parts)
    }
}
