#if canImport(Glibc)
import Glibc
#endif
import LedgerDomain

extension EventStore {
    /// The largest tail the store will treat as an interrupted write.
    static let maxRecoverableTailBytes = 256 << 20

    /// With the write lock held: moves bytes written after the committed HEAD to
    /// `EventLog/recovered/` and cuts them off the log. Refuses (``StoreError/damaged``) when
    /// those bytes are not the start of a batch chained to the head, which no crash produces.
    func recoverTail() throws -> TailRecovery? {
        guard let committed = try readHeadFile() else { return nil }
        let size = try logSize()
        if size < committed.bytes { throw truncatedError(committed, size: size) }
        guard size > committed.bytes else { return nil }
        guard size - committed.bytes <= EventStore.maxRecoverableTailBytes else {
            throw StoreError.damaged(path: layout.relative(layout.log), line: nil,
                                     reason: .bytesAfterHead(count: size - committed.bytes))
        }
        let descriptor = try system.open(layout.log, flags: O_RDWR | O_NOFOLLOW, mode: 0)
        defer { system.close(descriptor) }
        let tail = try io.read(descriptor, count: size - committed.bytes, at: committed.bytes, path: layout.log)
        let records = try checkInterruptedWrite(tail, after: committed.head)
        let saved = try keepAside(tail, after: committed.head)
        try system.truncate(descriptor, to: committed.bytes, path: layout.log)
        try system.fsync(descriptor, path: layout.log)
        return TailRecovery(bytes: tail.count, records: records, after: committed.head, savedAs: layout.relative(saved))
    }

    /// Counts the whole records of a tail, or throws when it is not an unfinished batch.
    private func checkInterruptedWrite(_ tail: [UInt8], after head: LogHead) throws -> Int {
        let format = try readHeadFile()?.format ?? .current
        var verifier = ChainVerifier(format: format, continuingFrom: head, nextLineNumber: 1, committed: head.seq)
        var start = 0
        tail.withUnsafeBytes { raw in
            while start < raw.count {
                let newline = raw[start...].firstIndex(of: 0x0A)
                let stop = newline ?? raw.count
                // A last line without its newline is the torn record of the crash itself.
                if newline != nil { verifier.check(line: UnsafeRawBufferPointer(rebasing: raw[start..<stop])) }
                start = stop + 1
            }
        }
        verifier.finish(lastLineEnded: true)
        let foreign = verifier.problems.filter { $0.kind != .truncated }
        if let problem = foreign.first {
            throw StoreError.damaged(path: layout.relative(layout.log), line: nil,
                                     reason: .notAnInterruptedWrite(head: head, problem: problem))
        }
        return verifier.recordCount
    }

    private func keepAside(_ tail: [UInt8], after head: LogHead) throws -> String {
        try io.ensureDirectory(layout.recovered, parent: layout.eventLog, label: layout.relative(layout.recovered))
        var attempt = 1
        var path = layout.recovered + "/after-seq-\(head.seq).partial"
        while try system.kind(of: path) != .missing {
            attempt += 1
            path = layout.recovered + "/after-seq-\(head.seq)-\(attempt).partial"
        }
        let descriptor = try system.open(path, flags: O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode: 0o644)
        defer { system.close(descriptor) }
        try io.writeAll(descriptor, tail, path: path)
        try system.fsync(descriptor, path: path)
        try io.syncDirectory(layout.recovered)
        return path
    }

    /// Checks that the log's last committed line is the record HEAD names, so a batch is never
    /// chained onto a record that was edited or replaced.
    func checkLastRecord(matches committed: HeadFile) throws {
        guard committed.bytes > 0 else { return }
        let matches = try head(endingAt: committed.bytes, format: committed.format) == committed.head
        guard matches else {
            throw StoreError.damaged(path: layout.relative(layout.log), line: nil,
                                     reason: .lastRecordNotHead(head: committed.head))
        }
    }
}
