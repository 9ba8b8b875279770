#if canImport(Glibc)
import Glibc
#endif
import LedgerDomain
import LedgerFormats

/// The append-only, hash-chained event log of one ledger directory.
///
/// Writers take `EventLog/lock`, append a whole batch, fsync it, then replace `EventLog/HEAD`:
/// replacing HEAD is the commit. Readers read only up to HEAD's byte length, so they never see
/// half a batch. Bytes after HEAD's length are an interrupted write: the next command that can
/// take the lock moves them to `EventLog/recovered/` and cuts them off.
public final class EventStore {
    /// Where the ledger's files are.
    public let layout: LedgerLayout
    /// How long a writer waits for another to finish before failing with "ledger is busy".
    public var lockTimeoutMilliseconds: Int
    /// The operating-system seam the store uses (the document store shares it).
    public let system: SystemCalls
    /// How many bytes of lines a reader gathers before handing them to another core to decode.
    var decodingChunkBytes = 512 << 10
    var io: FileIO { FileIO(system: system) }

    /// Opens the ledger in `layout.root`; nothing is read or created until a method is called.
    public init(layout: LedgerLayout, system: SystemCalls = PosixSystemCalls(), lockTimeoutMilliseconds: Int = 10_000) {
        self.layout = layout
        self.system = system
        self.lockTimeoutMilliseconds = lockTimeoutMilliseconds
    }

    /// The committed HEAD, or nil for a ledger with no log yet.
    /// Throws ``StoreError/damaged`` when HEAD is missing beside a log, or unreadable.
    public func readHeadFile() throws -> HeadFile? {
        switch try system.kind(of: layout.eventLog) {
        case .missing: return nil
        case .directory: break
        case let other: throw StoreError.unsafePath(path: layout.eventLog, found: other)
        }
        let logKind = try system.kind(of: layout.log)
        guard try StorePaths.isRegularOrMissing(layout.log, system) else {
            throw StoreError.unsafePath(path: layout.relative(layout.log), found: logKind)
        }
        let headKind = try system.kind(of: layout.head)
        guard try StorePaths.isRegularOrMissing(layout.head, system) else {
            throw StoreError.unsafePath(path: layout.relative(layout.head), found: headKind)
        }
        guard let bytes = try io.readSmallFile(layout.head, maxBytes: HeadFile.maxBytes) else {
            if case .file(let size) = logKind, size > 0 {
                throw StoreError.damaged(path: layout.relative(layout.head), line: nil,
                                         reason: .headMissing(logBytes: size))
            }
            return nil
        }
        switch HeadFile.decode(bytes) {
        case .success(let head): return head
        case .failure(let error):
            throw StoreError.damaged(path: layout.relative(layout.head), line: nil, reason: .headUnreadable(error.message))
        }
    }

    /// Reads the committed HEAD and, when an interrupted write left bytes after it and no other
    /// process is writing, recovers them (see ``TailRecovery``).
    public func open() throws -> (head: HeadFile, recovery: TailRecovery?) {
        if try system.kind(of: layout.migrating) != .missing, try system.kind(of: layout.eventLog) == .directory {
            // A migration was interrupted mid-swap: finish or undo it before reading anything.
            let lock = WriteLock(system: system, path: layout.lock)
            try lock.acquire(timeoutMilliseconds: lockTimeoutMilliseconds)
            defer { lock.release() }
            try finishInterruptedMigration()
        }
        let committed = try readHeadFile() ?? .empty
        let size = try logSize()
        if size < committed.bytes { throw truncatedError(committed, size: size) }
        guard size > committed.bytes else { return (committed, nil) }
        let lock = WriteLock(system: system, path: layout.lock)
        guard try lock.tryAcquireForReading() else { return (committed, nil) }
        defer { lock.release() }
        // A reader without write access cannot cut the tail off; it reads up to HEAD all the same.
        guard lock.isExclusive else { return (committed, nil) }
        let recovery = try recoverTail()
        return (try readHeadFile() ?? .empty, recovery)
    }

    /// Recovers an interrupted write now, waiting for the write lock like a writer does.
    /// Returns nil when there was nothing to recover.
    public func recover() throws -> TailRecovery? {
        guard try system.kind(of: layout.eventLog) == .directory else { return nil }
        let lock = WriteLock(system: system, path: layout.lock)
        try lock.acquire(timeoutMilliseconds: lockTimeoutMilliseconds)
        defer { lock.release() }
        return try recoverTail()
    }

    /// Calls `body` with every committed record from `first` on, oldest first, and the line it
    /// was read from (valid only during the call), streaming the file. Stops at `head.bytes`,
    /// so a concurrent append is never half seen. To fold only a tail, pass the byte offset
    /// and head of a record already known (a snapshot's): reading starts right after it.
    /// Throws ``StoreError/damaged`` at the first line that is not a record or breaks the chain.
    public func forEachRecord(upTo head: HeadFile, from first: Seq = Seq(1), after known: (bytes: Int, head: LogHead)? = nil,
                              _ body: (EventRecord, UnsafeRawBufferPointer) throws -> Void) throws {
        let start = known?.bytes ?? 0
        guard head.bytes > start else { return }
        let descriptor = try system.open(layout.log, flags: O_RDONLY | O_NOFOLLOW, mode: 0)
        defer { system.close(descriptor) }
        var previous = known?.head ?? LogHead.empty
        var reader = LineReader(system: system, descriptor: descriptor, path: layout.relative(layout.log))
        // A short tail needs no megabyte buffer; the reader grows it for a longer line.
        reader.chunkBytes = min(reader.chunkBytes, max(head.bytes - start, 4096))
        var lines = ParallelLineDecoder(reader: reader)
        lines.chunkBytes = decodingChunkBytes
        lines.format = head.format
        var assembler = RecordAssembler(format: head.format, previousHash: previous.hash,
                                        earlier: start == 0 ? nil : { [self] in try? self.context(before: start, format: head.format) })
        var firstLine = start == 0
        // A migrated log's first line is its log.migrated record, seq 0: seq N stands on line N + 2.
        let lineOfSeq1 = start > 0 && (try? beginsWithMigration(descriptor)) == true ? 2 : 1
        _ = try lines.forEachLine(from: start, limit: head.bytes, firstLineNumber: previous.seq.value + lineOfSeq1) { line, decoded in
            let (result, hashMatches) = assembler.assemble(decoded, line: line.bytes)
            let record: EventRecord
            switch result {
            case .success(let decoded):
                record = decoded
            case .failure(let error):
                throw StoreError.damaged(path: layout.relative(layout.log), line: line.number, reason: .invalidRecord(error.message))
            }
            let migrated = firstLine && record.seq == Seq(0)
            firstLine = false
            guard migrated || (record.seq == previous.seq.next && record.prev == previous.hash) else {
                throw StoreError.damaged(path: layout.relative(layout.log), line: line.number,
                                         reason: .seqDoesNotFollow(seq: record.seq, previous: previous.seq))
            }
            // Every answer names the head it came from: a record that no longer matches its
            // hash would make the same head stand for other figures.
            guard hashMatches else {
                throw StoreError.damaged(path: layout.relative(layout.log), line: line.number,
                                         reason: .recordEdited(seq: record.seq))
            }
            previous = record.asHead
            if record.seq >= first { try body(record, line.bytes) }
        }
        guard previous == head.head else {
            throw StoreError.damaged(path: layout.relative(layout.head), line: nil,
                                     reason: .headDisagrees(head: head.head, last: previous))
        }
    }

    /// The head (seq and hash) of the record whose line ends at byte `end` of the log (a
    /// snapshot's position), checked against its hash; nil when no well-formed record ends there.
    public func head(endingAt end: Int, format: LogFormat) throws -> LogHead? {
        guard end > 0, end <= (try logSize()) else { return nil }
        let descriptor = try system.open(layout.log, flags: O_RDONLY | O_NOFOLLOW, mode: 0)
        defer { system.close(descriptor) }
        guard let (line, start) = try lineEnding(at: end, descriptor: descriptor) else { return nil }
        return line.withUnsafeBytes { raw -> LogHead? in
            switch format {
            case .one:
                guard let record = try? RecordLine.decode(raw), RecordLine.hashMatches(raw, record: record) else { return nil }
                return record.asHead
            case .two:
                guard let stated = try? RecordLine2.decode(raw) else { return nil }
                var previous = SHA256Digest.zero
                if start > 0 {
                    guard let before = try? lineEnding(at: start, descriptor: descriptor),
                          let hash = before.line.withUnsafeBytes({ RecordAssembler.storedHash($0) }) else { return nil }
                    previous = hash
                }
                guard RecordLine2.hashMatches(raw, hash: stated.hash, after: previous) else { return nil }
                return LogHead(seq: stated.seq, hash: stated.hash)
            }
        }
    }

    /// The line (without its newline) that ends at byte `end` (just after its newline), and
    /// where it starts; nil when no line of a record's length ends there.
    func lineEnding(at end: Int, descriptor: Int32) throws -> (line: [UInt8], start: Int)? {
        // Records are about a kilobyte: look back 4 KiB first, widening up to the longest line.
        var window = min(end, 4096)
        var bytes = try io.read(descriptor, count: window, at: end - window, path: layout.log)
        while bytes.dropLast().lastIndex(of: 0x0A) == nil && window < min(end, RecordLine.maxLineBytes) {
            window = min(end, RecordLine.maxLineBytes, window * 8)
            bytes = try io.read(descriptor, count: window, at: end - window, path: layout.log)
        }
        guard bytes.last == 0x0A else { return nil }
        let start = bytes.dropLast().lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        guard start > 0 || window == end else { return nil }
        return (Array(bytes[start..<bytes.count - 1]), end - window + start)
    }

    /// What the lines before byte `offset` of a format-2 log say about the lines after it (the
    /// batch in progress, the stamp the next header's left-out fields come from), read backwards
    /// only as far as the nearest batch header that states its whole stamp (at most 64 batches
    /// back). Nil when no such header is found.
    func context(before offset: Int, format: LogFormat) throws -> RecordAssembler.Context? {
        guard format == .two, offset > 0 else { return nil }
        let descriptor = try system.open(layout.log, flags: O_RDONLY | O_NOFOLLOW, mode: 0)
        defer { system.close(descriptor) }
        var end = offset
        var headers: [(seq: Seq, header: RecordLine2.Header)] = []  // nearest first
        while end > 0, let (line, start) = try lineEnding(at: end, descriptor: descriptor) {
            if let stated = line.withUnsafeBytes({ try? RecordLine2.decode($0) }), let header = stated.header {
                headers.append((stated.seq, header))
                if header.stamp.isFull { break }
            }
            end = start
        }
        guard let full = headers.last, full.header.stamp.isFull else { return nil }
        var stamp: RecordLine2.Stamp?
        for (_, header) in headers.reversed() { stamp = header.stamp.applied(to: stamp) }
        guard let stamp, let nearest = headers.first else { return nil }
        return RecordAssembler.Context(batch: .init(first: nearest.seq, count: nearest.header.count, source: nearest.header.source),
                                       lastStamp: stamp)
    }

    /// Whether the log begins with a log.migrated record (seq 0).
    private func beginsWithMigration(_ descriptor: Int32) throws -> Bool {
        let prefix = Array(#"{"seq":0,"#.utf8)
        return try io.read(descriptor, count: prefix.count, at: 0, path: layout.log) == prefix
    }

    func logSize() throws -> Int {
        switch try system.kind(of: layout.log) {
        case .missing: return 0
        case .file(let bytes): return bytes
        case let other: throw StoreError.unsafePath(path: layout.relative(layout.log), found: other)
        }
    }

    func truncatedError(_ committed: HeadFile, size: Int) -> StoreError {
        .damaged(path: layout.relative(layout.log), line: nil,
                 reason: .cutOff(bytes: size, committedBytes: committed.bytes, head: committed.head))
    }
}
