#if canImport(Glibc)
import Glibc
#endif
import LedgerDomain
import LedgerFormats

extension EventStore {
    /// Checks the whole ledger without changing it: every record's hash, the chain, seq
    /// continuity, batch completeness, and that HEAD names the last committed record.
    /// Bytes after HEAD are checked too unless another process is writing them right now.
    ///
    /// `body` sees each committed record that decoded and matched its hash, in file order, so a
    /// caller can fold the log in the same pass; it means nothing unless the report is intact.
    public func verify(_ body: (EventRecord) -> Void = { _ in }) throws -> VerifyReport {
        var report = VerifyReport(headFile: nil, fileBytes: try logSize(), records: 0, lastRecord: .empty,
                                  problems: [], problemCount: 0, notes: [])
        var committed: HeadFile?
        do {
            committed = try readHeadFile()
        } catch let StoreError.damaged(_, _, reason) {
            report.problems.append(ChainProblem(kind: .head, seq: nil, lineNumber: 0, .headFile(reason)))
        }
        report.headFile = committed
        guard report.fileBytes > 0 || committed != nil else {
            report.problemCount = report.problems.count
            report.notes.append(.empty)
            return report
        }
        let lock = WriteLock(system: system, path: layout.lock)
        let writerActive = try system.kind(of: layout.eventLog) == .directory && !(try lock.tryAcquireForReading())
        defer { lock.release() }
        do {
            try checkChain(&report, committed: committed, writerActive: writerActive, body)
        } catch StoreError.damaged(_, let line, let reason) {
            // The reader could not even split the log into lines (one longer than any record):
            // a problem to report like the others, not an error that sends the user to verify.
            report.problems.append(ChainProblem(kind: .edited, seq: nil, lineNumber: line ?? 1, .overwritten(reason)))
        }
        // HEAD's own problems (line 0) come after the log's, which explain them.
        func place(_ problem: ChainProblem) -> Int { problem.lineNumber == 0 ? Int.max : problem.lineNumber }
        report.problems = report.problems.enumerated()
            .sorted { (place($0.element), $0.offset) < (place($1.element), $1.offset) }
            .map(\.element)
        report.problemCount += report.problems.count
        return report
    }

    private func checkChain(_ report: inout VerifyReport, committed: HeadFile?, writerActive: Bool,
                            _ body: (EventRecord) -> Void) throws {
        guard report.fileBytes > 0 else {
            if let committed, committed.bytes > 0 {
                report.problems.append(ChainProblem(kind: .truncated, seq: nil, lineNumber: 1,
                    .emptyLogButHead(committedBytes: committed.bytes, head: committed.head)))
            }
            return
        }
        let descriptor = try system.open(layout.log, flags: O_RDONLY | O_NOFOLLOW, mode: 0)
        defer { system.close(descriptor) }
        let reader = LineReader(system: system, descriptor: descriptor, path: layout.relative(layout.log))
        let committedBytes = committed.map { min($0.bytes, report.fileBytes) } ?? report.fileBytes
        let format = committed?.format ?? .current
        var verifier = ChainVerifier(format: format, committed: committed?.head.seq)
        var lines = ParallelLineDecoder(reader: reader)
        lines.chunkBytes = decodingChunkBytes
        lines.format = format
        let summary = try lines.forEachLine(limit: committedBytes) { line, decoded in
            if line.ended, let record = verifier.check(decoded, line: line.bytes) { body(record) }
        }
        verifier.finish(lastLineEnded: summary.lastLineEnded)
        report.records = verifier.recordCount
        report.lastRecord = verifier.lastRecord
        report.problems += verifier.problems
        report.problemCount += verifier.problemCount - verifier.problems.count
        checkDocuments(&report, cited: verifier.documents)
        guard let committed else { return }
        checkHead(&report, committed: committed, lines: summary.lines)
        if report.fileBytes > committed.bytes {
            if writerActive {
                report.notes.append(.writeInProgress(bytes: report.fileBytes - committed.bytes))
            } else {
                try checkTail(&report, committed: committed, reader: reader, nextLine: summary.lines + 1)
            }
        }
    }

    /// Every cited document must be stored, and its bytes must still hash to its name.
    private func checkDocuments(_ report: inout VerifyReport, cited: [SHA256Digest: Seq]) {
        let documents = DocumentStore(layout: layout, system: system)
        for (digest, seq) in cited.sorted(by: { $0.value < $1.value }) {
            if let problem = documents.problem(with: digest) {
                report.problems.append(ChainProblem(kind: .document, seq: seq, lineNumber: 0,
                    .document(digestPrefix: String(digest.hex.prefix(16)), seq: seq, problem)))
            }
        }
        if !cited.isEmpty { report.notes.append(.documentsChecked(count: cited.count)) }
    }

    private func checkHead(_ report: inout VerifyReport, committed: HeadFile, lines: Int) {
        if report.fileBytes < committed.bytes && report.problems.isEmpty {
            report.problems.append(ChainProblem(kind: .truncated, seq: report.lastRecord.seq.next, lineNumber: lines,
                .cutOffAfter(bytes: report.fileBytes, committedBytes: committed.bytes, head: committed.head, last: report.lastRecord)))
        } else if report.problems.isEmpty && report.lastRecord != committed.head {
            report.problems.append(ChainProblem(kind: .head, seq: committed.head.seq, lineNumber: 0,
                .headNamesOther(head: committed.head, last: report.lastRecord)))
        }
    }

    private func checkTail(_ report: inout VerifyReport, committed: HeadFile, reader: LineReader, nextLine: Int) throws {
        let context = (try? self.context(before: committed.bytes, format: committed.format)) ?? nil
        var tail = ChainVerifier(format: committed.format, continuingFrom: committed.head, context: context ?? .init(),
                                 nextLineNumber: nextLine, committed: committed.head.seq)
        _ = try reader.forEachLine(from: committed.bytes, firstLineNumber: nextLine) { line in
            if line.ended { tail.check(line: line.bytes) }
        }
        tail.finish(lastLineEnded: true)
        let foreign = tail.problems.filter { $0.kind != .truncated }
        if foreign.isEmpty {
            report.notes.append(.interruptedWrite(bytes: report.fileBytes - committed.bytes, records: tail.recordCount, head: committed.head, line: nextLine))
        } else {
            report.problems += foreign
        }
    }
}
