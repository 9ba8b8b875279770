#if canImport(Glibc)
import Glibc
#endif
import LedgerDomain
import LedgerFormats

/// What `ledger migrate` did.
public struct MigrationReceipt: Equatable, Sendable {
    /// HEAD before: the old log's format, head and length.
    public var before: HeadFile
    /// HEAD after.
    public var after: HeadFile
    /// The events rewritten (the log.migrated record not counted).
    public var records: Int
    /// Where the old log is kept, relative to the ledger directory; nil for an empty log.
    public var archive: String?
}

extension EventStore {
    /// Rewrites a format-1 log in format 2, under the write lock: the new log begins with a
    /// `log.migrated` record (seq 0) naming the old head's seq, hash and length and where the
    /// old log is kept; every event follows with its seq, id, batch, stamp and payload, each
    /// line read back and compared before anything is replaced. The old log is copied whole to
    /// `EventLog/archive/` first. Returns nil, writing nothing, when the log is already format 2.
    ///
    /// `quotable` gives the lines of a stored document as `show` reads them back, so records
    /// whose source text they give leave it out.
    ///
    /// The swap is crash-safe: the new HEAD is written to `EventLog/migrating` before the new
    /// log is renamed over the old; the next command to open the ledger finishes or undoes it.
    public func migrate(context: AppendContext,
                        quotable: (SHA256Digest) -> RecordLine2.QuotableDocument?) throws -> MigrationReceipt? {
        guard try system.kind(of: layout.eventLog) == .directory else { return nil }
        let lock = WriteLock(system: system, path: layout.lock)
        try lock.acquire(timeoutMilliseconds: lockTimeoutMilliseconds)
        defer { lock.release() }
        try finishInterruptedMigration()
        _ = try recoverTail()
        guard let committed = try readHeadFile(), committed.format != .two else { return nil }
        guard committed.bytes > 0 else {
            let after = HeadFile(head: .empty, bytes: 0, format: .two)
            try io.replaceAtomically(layout.head, with: after.encoded(), directory: layout.eventLog)
            return MigrationReceipt(before: committed, after: after, records: 0, archive: nil)
        }
        let archiveName = "events.format\(committed.format.rawValue).to-seq-\(committed.head.seq).\(committed.head.hash.hex.prefix(16)).jsonl"
        let archive = layout.archive + "/" + archiveName
        let after = try writeMigratedLog(committed: committed, archive: layout.relative(archive), context: context, quotable: quotable)
        try io.ensureDirectory(layout.archive, parent: layout.eventLog, label: layout.relative(layout.archive))
        try copyLog(upTo: committed.bytes, to: archive)
        // The commit: the new HEAD is recorded first, so a crash between the two renames is finished by the next open.
        try io.replaceAtomically(layout.migrating, with: after.head.encoded(), directory: layout.eventLog)
        try system.rename(layout.migratingLog, to: layout.log)
        try io.syncDirectory(layout.eventLog)
        try io.replaceAtomically(layout.head, with: after.head.encoded(), directory: layout.eventLog)
        try system.remove(layout.migrating)
        try io.syncDirectory(layout.eventLog)
        return MigrationReceipt(before: committed, after: after.head, records: after.records, archive: layout.relative(archive))
    }

    /// With the write lock held: finishes a migration that was interrupted after it recorded
    /// its new HEAD in `EventLog/migrating` (when the new log is in place), or undoes it (when
    /// the old log still is). Nothing to do without that file.
    func finishInterruptedMigration() throws {
        guard try system.kind(of: layout.migrating) != .missing else { return }
        let recorded = try io.readSmallFile(layout.migrating, maxBytes: HeadFile.maxBytes).flatMap { try? HeadFile.decode($0).get() }
        if let recorded, try logSize() == recorded.bytes, try head(endingAt: recorded.bytes, format: recorded.format) == recorded.head {
            try io.replaceAtomically(layout.head, with: recorded.encoded(), directory: layout.eventLog)
        }
        if try system.kind(of: layout.migratingLog) != .missing { try system.remove(layout.migratingLog) }
        try system.remove(layout.migrating)
        try io.syncDirectory(layout.eventLog)
    }

    /// Writes `EventLog/events.jsonl.migrating`, fsynced: the log.migrated record, then every
    /// committed record re-encoded batch by batch, each line read back and compared.
    private func writeMigratedLog(committed: HeadFile, archive: String, context: AppendContext,
                                  quotable: (SHA256Digest) -> RecordLine2.QuotableDocument?) throws -> (head: HeadFile, records: Int) {
        if try system.kind(of: layout.migratingLog) != .missing { try system.remove(layout.migratingLog) }
        let descriptor = try system.open(layout.migratingLog, flags: O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode: 0o644)
        var finished = false
        defer {
            system.close(descriptor)
            if !finished { try? system.remove(layout.migratingLog) }
        }
        var encoder = RecordEncoder2()
        var buffer: [UInt8] = []
        var written = 0
        var previous = LogHead.empty
        var records = 0
        var quotes: (digest: SHA256Digest, document: RecordLine2.QuotableDocument?)?

        func add(_ batch: [EventRecord]) throws {
            var drafts = batch
            drafts[0].prev = previous.hash
            let document = batch.lazy.compactMap(\.source).first { $0.reader == nil }?.document
            if let document, quotes?.digest != document { quotes = (document, quotable(document)) }
            let encoded = try Self.encodeChecked(drafts, after: previous, encoder: &encoder, quotable: quotes?.document, into: &buffer)
            for (old, new) in zip(batch, encoded) {
                var expected = old
                expected.prev = new.prev
                expected.hash = new.hash
                if new.source?.text == nil { expected.source?.text = nil }
                guard expected == new else {
                    throw StoreError.damaged(path: layout.relative(layout.log), line: nil,
                        reason: .migrationMismatch(seq: old.seq))
                }
            }
            previous = encoded[encoded.count - 1].asHead
            if buffer.count >= 1 << 20 {
                try io.writeAll(descriptor, buffer, path: layout.relative(layout.migratingLog))
                written += buffer.count
                buffer.removeAll(keepingCapacity: true)
            }
        }

        var marker = EventRecord(
            seq: Seq(0), id: context.makeID(), type: EventType.logMigrated, version: 1, valid: nil, recordedAt: context.now,
            actor: context.actor, batch: BatchMarker(first: Seq(0), count: 1, command: context.command, reason: context.reason),
            source: nil, payload: [
                "fromFormat": .int(committed.format.rawValue),
                "head": .object(["seq": .int(committed.head.seq.value), "hash": .string(committed.head.hash.hex), "bytes": .int(committed.bytes)]),
                "archive": .string(archive), "records": .int(committed.head.seq.value),
            ], prev: .zero)
        if case .object(let sorted) = JSONValue.object(marker.payload).sortedKeysRecursively() { marker.payload = sorted }
        try add([marker])
        var batch: [EventRecord] = []
        try forEachRecord(upTo: committed) { record, _ in
            if let first = batch.first, first.batch.first != record.batch.first {
                try add(batch)
                batch.removeAll(keepingCapacity: true)
            }
            batch.append(record)
            records += 1
        }
        if !batch.isEmpty { try add(batch) }
        try io.writeAll(descriptor, buffer, path: layout.relative(layout.migratingLog))
        written += buffer.count
        try system.fsync(descriptor, path: layout.relative(layout.migratingLog))
        finished = true
        return (HeadFile(head: previous, bytes: written, format: .two), records)
    }

    /// Copies the first `bytes` bytes of the log to `path`, durably, without holding them all.
    private func copyLog(upTo bytes: Int, to path: String) throws {
        let temporary = path + ".\(getpid()).tmp"
        let source = try system.open(layout.log, flags: O_RDONLY | O_NOFOLLOW, mode: 0)
        defer { system.close(source) }
        let target = try system.open(temporary, flags: O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, mode: 0o444)
        do {
            defer { system.close(target) }
            var offset = 0
            while offset < bytes {
                let chunk = try io.read(source, count: min(4 << 20, bytes - offset), at: offset, path: layout.log)
                guard !chunk.isEmpty else { throw SystemError("read", layout.relative(layout.log), code: EIO) }
                try io.writeAll(target, chunk, path: temporary)
                offset += chunk.count
            }
            try system.fsync(target, path: temporary)
        } catch {
            try? system.remove(temporary)
            throw error
        }
        try system.rename(temporary, to: path)
        try io.syncDirectory(layout.archive)
    }
}
