#if canImport(Glibc)
import Glibc
#endif
import LedgerDomain

extension EventStore {
    /// Appends `events` as one batch, visible whole or not at all, if the log's head is still
    /// `expected` (optimistic concurrency: otherwise ``StoreError/headMoved`` and nothing is
    /// written). Waits for the write lock at most ``lockTimeoutMilliseconds``.
    /// Returns after the batch and the new HEAD are on disk (fsynced).
    @discardableResult
    public func append(_ events: [NewEvent], expecting expected: LogHead, context: AppendContext) throws -> AppendReceipt {
        precondition(!events.isEmpty, "a batch holds at least one event")
        var batches = PreparedBatches(after: expected, format: try readHeadFile()?.format ?? .current)
        try batches.add(events, context: context)
        return try append(batches)
    }

    /// Appends batches prepared after the head `batches.after` (see ``PreparedBatches``) with
    /// one write, one fsync and one new HEAD: all of them visible, or none. Throws
    /// ``StoreError/headMoved`` (nothing written) if the log's head is no longer `batches.after`.
    @discardableResult
    public func append(_ batches: PreparedBatches) throws -> AppendReceipt {
        precondition(!batches.records.isEmpty, "an append holds at least one batch")
        try ensureDirectories()
        let lock = WriteLock(system: system, path: layout.lock)
        try lock.acquire(timeoutMilliseconds: lockTimeoutMilliseconds)
        defer { lock.release() }
        let recovery = try recoverTail()
        let committed = try readHeadFile() ?? createEmptyHead()
        guard committed.head == batches.after else {
            throw StoreError.headMoved(expected: batches.after, actual: committed.head)
        }
        // A log keeps its format (`ledger migrate` changes it).
        guard committed.format == batches.format else {
            throw StoreError.headMoved(expected: batches.after, actual: committed.head)
        }
        let (bytes, last) = (batches.bytes, batches.head)
        try writeBatch(bytes, committed: committed)
        let newHead = HeadFile(head: last, bytes: committed.bytes + bytes.count, format: batches.format)
        do {
            try io.replaceAtomically(layout.head, with: newHead.encoded(), directory: layout.eventLog)
        } catch {
            // Put the old HEAD back before cutting the log: if that fails, the new HEAD and the
            // log still agree and the batch stands, whole.
            if (try? io.replaceAtomically(layout.head, with: committed.encoded(), directory: layout.eventLog)) != nil {
                try? undoUncommittedWrite(committed)
            }
            throw StoreError.system(error)
        }
        return AppendReceipt(seqs: committed.head.seq.value + 1...last.seq.value, head: last, recovery: recovery)
    }

    /// Makes an empty ledger in `layout.root` (which must exist) with the same code the first
    /// append runs: `EventLog/` with an empty log and a HEAD naming no record, then `Snapshots/`.
    /// Returns false, changing nothing, when `EventLog/` is already there.
    public func create(format: LogFormat = .current) throws -> Bool {
        guard try system.kind(of: layout.eventLog) == .missing else { return false }
        try ensureDirectories()
        let lock = WriteLock(system: system, path: layout.lock)
        try lock.acquire(timeoutMilliseconds: lockTimeoutMilliseconds)
        defer { lock.release() }
        if try readHeadFile() == nil { _ = try createEmptyHead(format: format) }
        if try system.kind(of: layout.log) == .missing {
            let descriptor = try system.open(layout.log, flags: O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW, mode: 0o644)
            defer { system.close(descriptor) }
            try system.fsync(descriptor, path: layout.relative(layout.log))
            try io.syncDirectory(layout.eventLog)
        }
        try io.ensureDirectory(layout.snapshots, parent: layout.root, label: "Snapshots")
        return true
    }

    /// The log's committed head as of now (reads HEAD only).
    public func currentHead() throws -> LogHead {
        try readHeadFile()?.head ?? .empty
    }

    private func ensureDirectories() throws {
        switch try system.kind(of: layout.root) {
        case .directory: break
        case .missing: throw StoreError.system(SystemError("open", layout.root, code: ENOENT))
        case let other: throw StoreError.unsafePath(path: layout.root, found: other)
        }
        try io.ensureDirectory(layout.eventLog, parent: layout.root, label: layout.eventLog)
    }

    private func createEmptyHead(format: LogFormat = .current) throws -> HeadFile {
        let empty = HeadFile(head: .empty, bytes: 0, format: format)
        try io.replaceAtomically(layout.head, with: empty.encoded(), directory: layout.eventLog)
        return empty
    }

    /// The batch's lines, appended to `bytes`, each checked by decoding it back before anything
    /// is written; returns the records. A record too long to be read back is refused
    /// (``StoreError/recordTooLarge``), never trapped on; `bytes` may then hold part of the batch.
    static func encodeBatch(_ events: [NewEvent], after head: LogHead, context: AppendContext, format: LogFormat,
                            encoder: inout RecordEncoder2, quotable: RecordLine2.QuotableDocument?,
                            into bytes: inout [UInt8]) throws -> [EventRecord] {
        let first = head.seq.next
        let drafts = events.enumerated().map { index, event in
            EventRecord(seq: Seq(first.value + index), id: context.makeID(), type: event.type, version: event.version,
                        valid: event.valid, recordedAt: context.now, actor: context.actor,
                        batch: index == 0 ? BatchMarker(first: first, count: events.count, command: context.command, reason: context.reason)
                                          : BatchMarker(first: first, count: events.count),
                        source: event.source, payload: event.payload, prev: index == 0 ? head.hash : .zero)
        }
        switch format {
        case .one: return try encodeBatch1(drafts, after: head, into: &bytes)
        case .two: return try encodeChecked(drafts, after: head, encoder: &encoder, quotable: quotable, into: &bytes)
        }
    }

    /// Encodes one batch in format 2 and reads every line back, in order, as a reader will.
    static func encodeChecked(_ drafts: [EventRecord], after head: LogHead, encoder: inout RecordEncoder2,
                                     quotable: RecordLine2.QuotableDocument?, into bytes: inout [UInt8]) throws -> [EventRecord] {
        let start = bytes.count
        let context = RecordAssembler.Context(lastStamp: encoder.lastStamp)
        let records = encoder.encodeBatch(drafts, quotable: quotable, into: &bytes)
        // Every line is read back, in order, as a reader of the log will read it.
        var assembler = RecordAssembler(format: .two, previousHash: head.hash, context: context)
        var decoder = RecordDecoder()
        var lineStart = start
        for record in records {
            guard let newline = bytes[lineStart...].firstIndex(of: 0x0A) else { preconditionFailure("every encoded line ends with a newline") }
            guard newline - lineStart < RecordLine.maxLineBytes else {
                throw StoreError.recordTooLarge(seq: record.seq.value, type: record.type, bytes: newline - lineStart,
                                                limit: RecordLine.maxLineBytes - 1)
            }
            bytes.withUnsafeBytes { raw in
                let line = UnsafeRawBufferPointer(rebasing: raw[lineStart..<newline])
                let decoded = DecodedLine(line, format: .two, after: assembler.previousHash, decoder: &decoder)
                let (read, matches) = assembler.assemble(decoded, line: line)
                precondition((try? read.get()) == record, "a record must read back as it was written")
                precondition(matches, "a record's hash must match its bytes")
            }
            lineStart = newline + 1
        }
        return records
    }

    private static func encodeBatch1(_ drafts: [EventRecord], after head: LogHead, into bytes: inout [UInt8]) throws -> [EventRecord] {
        var records: [EventRecord] = []
        var previous = head
        for var draft in drafts {
            draft.prev = previous.hash
            let start = bytes.count
            let record = RecordLine.encode(draft, into: &bytes)
            guard bytes.count - start - 1 < RecordLine.maxLineBytes else {
                throw StoreError.recordTooLarge(seq: record.seq.value, type: record.type, bytes: bytes.count - start - 1,
                                                limit: RecordLine.maxLineBytes - 1)
            }
            bytes.withUnsafeBytes { raw in
                let line = UnsafeRawBufferPointer(rebasing: raw[start..<raw.count - 1])
                let decoded = try? RecordLine.decode(line)
                precondition(decoded == record, "a record must read back as it was written")
                precondition(RecordLine.hashMatches(line, record: record), "a record's hash must match its bytes")
            }
            previous = record.asHead
            records.append(record)
        }
        return records
    }

    private func writeBatch(_ bytes: [UInt8], committed: HeadFile) throws {
        let existed = try system.kind(of: layout.log) != .missing
        let descriptor = try system.open(layout.log, flags: O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW, mode: 0o644)
        defer { system.close(descriptor) }
        let size = try system.size(descriptor, path: layout.log)
        guard size == committed.bytes else { throw truncatedError(committed, size: size) }
        try checkLastRecord(matches: committed)
        do {
            try io.writeAll(descriptor, bytes, path: layout.relative(layout.log))
            try system.fsync(descriptor, path: layout.relative(layout.log))
            if !existed { try io.syncDirectory(layout.eventLog) }
        } catch {
            try? undoUncommittedWrite(committed)
            throw StoreError.system(error)
        }
    }

    /// Cuts the log back to its committed length after a failed write (best effort: whatever
    /// remains after a crash is cut off by the next open anyway).
    private func undoUncommittedWrite(_ committed: HeadFile) throws {
        let descriptor = try system.open(layout.log, flags: O_WRONLY | O_NOFOLLOW, mode: 0)
        defer { system.close(descriptor) }
        try system.truncate(descriptor, to: committed.bytes, path: layout.log)
        try system.fsync(descriptor, path: layout.log)
    }
}
