#if canImport(Glibc)
import Glibc
#endif
import LedgerDomain

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
        _ = try lines.forEachLine(from: start, limit: head.bytes, firstLineNumber: previous.seq.value + 1) { line, decoded in
            let record: EventRecord
            switch decoded.record {
            case .success(let decoded):
                record = decoded
            case .failure(let error):
                throw StoreError.damaged(path: layout.relative(layout.log), line: line.number, reason: .invalidRecord(error.message))
            }
            guard record.seq == previous.seq.next, record.prev == previous.hash else {
                throw StoreError.damaged(path: layout.relative(layout.log), line: line.number,
                                         reason: .seqDoesNotFollow(seq: record.seq, previous: previous.seq))
            }
            // Every answer names the head it came from: a record that no longer matches its
            // hash would make the same head stand for other figures.
            guard decoded.hashMatches else {
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

    /// The record whose line ends at byte `end` of the log (a snapshot's position), or nil when
    /// no well-formed record ends there.
    public func record(endingAt end: Int) throws -> EventRecord? {
        guard end > 0, end <= (try logSize()) else { return nil }
        let descriptor = try system.open(layout.log, flags: O_RDONLY | O_NOFOLLOW, mode: 0)
        defer { system.close(descriptor) }
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
        return bytes.withUnsafeBytes { raw in
            let line = UnsafeRawBufferPointer(rebasing: raw[start..<raw.count - 1])
            guard let record = try? RecordLine.decode(line), RecordLine.hashMatches(line, record: record) else { return nil }
            return record
        }
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
