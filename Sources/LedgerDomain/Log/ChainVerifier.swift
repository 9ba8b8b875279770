import LedgerFormats
/// Checks a log line by line: every hash, the chain of `prev` links, seq continuity and batch
/// completeness. Pure: the store feeds it lines as it streams the file.
///
/// Memory stays bounded whatever the log's length: it remembers only the hashes of the last
/// ``window`` seqs, which is enough to tell a swap from a deletion.
public struct ChainVerifier {
    /// How many problems are kept; later ones are only counted.
    public let maxProblems: Int
    /// How far back a record may stand out of order and still be recognised as reordered.
    public let window = 1024

    /// The problems found so far, in the order of their lines once ``finish(lastLineEnded:)`` ran.
    public private(set) var problems: [ChainProblem] = []
    /// All problems found, including those past ``maxProblems``.
    public private(set) var problemCount = 0
    /// How many lines were read as records.
    public private(set) var recordCount = 0
    /// The highest-seq record read whose hash matched its bytes.
    public private(set) var lastRecord: LogHead = .empty
    /// The source documents the records cite, each with the first seq that cites it.
    public private(set) var documents: [SHA256Digest: Seq] = [:]

    private let committed: Seq?
    private var highestSeq = 0
    private var lineNumber = 0
    private var recentHashes: [Int: SHA256Digest] = [0: .zero]
    private var missing: [Int: Int] = [:]  // seq → the line where its absence showed
    private var openBatch: BatchMarker?
    // After a disorder the batch in progress is unknown: accept the next marker as it comes.
    private var batchUnknown = false
    private var resynchronise = false
    private var decoder = RecordDecoder()
    private var assembler: RecordAssembler

    /// Creates a verifier of a log in `format`; `committed` is the last seq the HEAD file
    /// vouches for, if known: a bad record beyond it is called forged rather than edited.
    public init(format: LogFormat = .one, committed: Seq? = nil, maxProblems: Int = 100) {
        self.committed = committed
        self.maxProblems = maxProblems
        assembler = RecordAssembler(format: format)
    }

    /// Creates a verifier that continues a log already checked up to `head`, whose next line
    /// is line `nextLineNumber`: used to examine bytes written after the committed head.
    /// A format-2 log's next append states its own stamp, so nothing more is needed.
    /// `context` is what the lines before the head say about the lines after it (format 2).
    public init(format: LogFormat = .one, continuingFrom head: LogHead, context: RecordAssembler.Context = .init(),
                nextLineNumber: Int, committed: Seq, maxProblems: Int = 100) {
        self.init(format: format, committed: committed, maxProblems: maxProblems)
        assembler = RecordAssembler(format: format, previousHash: head.hash, context: context)
        highestSeq = head.seq.value
        recentHashes[head.seq.value] = head.hash
        lastRecord = head
        lineNumber = nextLineNumber - 1
    }

    /// Checks the next line of the log (without its newline).
    /// Returns the record when the line decoded and matched its hash, for a caller that folds
    /// while it checks; nil otherwise.
    @discardableResult
    public mutating func check(line: UnsafeRawBufferPointer) -> EventRecord? {
        check(DecodedLine(line, format: assembler.format, after: assembler.previousHash, decoder: &decoder), line: line)
    }

    /// Checks the next line of the log (`line`, without its newline), already decoded and
    /// hashed (on another thread, say).
    @discardableResult
    public mutating func check(_ decoded: DecodedLine, line bytes: UnsafeRawBufferPointer) -> EventRecord? {
        lineNumber += 1
        let line = assembler.assemble(decoded, line: bytes)
        var record: EventRecord
        switch line.record {
        case .success(let decoded):
            record = decoded
        case .failure(let error):
            let seq = Seq(highestSeq + 1)
            report(.edited, seq, .invalidLine(reason: error.message))
            highestSeq += 1
            resynchronise = true
            batchUnknown = true
            return nil
        }
        recordCount += 1
        if let document = record.source?.document, documents[document] == nil { documents[document] = record.seq }
        var hashMatches = line.hashMatches
        if !hashMatches && assembler.format == .two {
            // A format-2 hash covers the line before. A line that stands after the wrong line
            // may itself be intact: check it after the hash of the seq before its own.
            let before = record.seq.value - 1
            if let earlier = recentHashes[before], earlier != record.prev,
               RecordLine2.hashMatches(bytes, hash: record.hash, after: earlier) {
                record.prev = earlier
                hashMatches = true
            } else if recentHashes[before] == nil && before != highestSeq {
                // The seq before it is not here (deleted, or further on): its hash cannot be
                // checked, and the order check reports why. Its hash stands in for the line
                // after it, which is checked after it.
                checkOrder(record, hashMatches: false)
                if recentHashes[record.seq.value] == nil { recentHashes[record.seq.value] = record.hash }
                return nil
            }
        }
        if !hashMatches { reportBadHash(record) }
        checkOrder(record, hashMatches: hashMatches)
        return hashMatches ? record : nil
    }

    /// Ends the check; `lastLineEnded` says whether the file's last line had its newline.
    /// A last line without its newline must not be passed to ``check(line:)``: it is reported
    /// here as truncated.
    public mutating func finish(lastLineEnded: Bool) {
        if !lastLineEnded {
            lineNumber += 1
            report(.truncated, Seq(highestSeq + 1), .endsMidRecord)
        }
        for (seq, line) in missing.sorted(by: { $0.key < $1.key }) {
            report(.deleted, Seq(seq), .seqMissing(seq), at: line)
        }
        missing = [:]
        if let batch = openBatch {
            let present = highestSeq - batch.first.value + 1
            report(.truncated, batch.first,
                   .endsInsideBatch(first: batch.first, present: present, count: batch.count),
                   at: lineNumber)
        }
        openBatch = nil
        // By line; at one line, in the order found (the cause before its consequences).
        problems = problems.enumerated()
            .sorted { ($0.element.lineNumber, $0.offset) < ($1.element.lineNumber, $1.offset) }
            .map(\.element)
    }

    private mutating func reportBadHash(_ record: EventRecord) {
        if let committed, record.seq > committed {
            report(.forged, record.seq,
                   .forgedBeyondHead(committed: committed))
        } else {
            report(.edited, record.seq, .bytesDoNotMatchHash)
        }
    }

    private mutating func checkOrder(_ record: EventRecord, hashMatches: Bool) {
        let seq = record.seq.value
        if seq == 0 && lineNumber == 1 {
            // The log.migrated record that begins a migrated log (the decoder allows seq 0 for nothing else).
            if hashMatches {
                recentHashes[0] = record.hash
                lastRecord = record.asHead
            }
            return
        }
        defer { remember(record, hashMatches: hashMatches) }
        if resynchronise {
            resynchronise = false
            if seq == highestSeq + 1 {
                highestSeq = seq
                checkBatch(record)
                return
            }
        }
        if seq <= highestSeq {
            if missing.removeValue(forKey: seq) != nil || recentHashes[seq] == nil {
                report(.reordered, record.seq, .moved(seq: seq, after: highestSeq))
            } else if recentHashes[seq] == record.hash {
                report(.duplicated, record.seq, .duplicated(seq: seq))
            } else {
                report(.duplicated, record.seq, .duplicatedOtherContent(seq: seq))
            }
            batchUnknown = true
            return
        }
        let inOrder = seq == highestSeq + 1
        if !inOrder {
            noteGap(from: highestSeq + 1, to: seq - 1)
            batchUnknown = true
        }
        highestSeq = seq
        if hashMatches, let previous = recentHashes[seq - 1], record.prev != previous {
            report(.forged, record.seq,
                   .chainBreaks(previous: seq - 1))
        }
        if inOrder { checkBatch(record) } else { openBatch = record.seq == record.batch.last ? nil : record.batch }
    }

    private mutating func noteGap(from first: Int, to last: Int) {
        if last - first >= window {
            report(.deleted, Seq(first), .seqsMissing(first: first, last: last))
            return
        }
        for seq in first...last { missing[seq] = lineNumber }
    }

    private mutating func checkBatch(_ record: EventRecord) {
        let batch = record.batch
        guard batch.contains(record.seq) else {
            report(.edited, record.seq, .batchMarkerExcludesSeq(first: batch.first, count: batch.count))
            return
        }
        if batchUnknown {
            batchUnknown = false
        } else if let open = openBatch, record.seq <= open.last {
            if batch.first != open.first || batch.count != open.count {
                report(.incompleteBatch, open.first,
                       .batchInterrupted(first: open.first, at: record.seq))
            }
        } else if batch.first != record.seq {
            report(.incompleteBatch, batch.first,
                   .batchStartMissing(seq: record.seq, first: batch.first))
        }
        openBatch = record.seq == batch.last ? nil : batch
    }

    private mutating func remember(_ record: EventRecord, hashMatches: Bool) {
        let seq = record.seq.value
        guard hashMatches else { return }
        if recentHashes[seq] == nil { recentHashes[seq] = record.hash }
        if seq >= lastRecord.seq.value { lastRecord = record.asHead }
        if recentHashes.count > 2 * window {
            recentHashes = recentHashes.filter { $0.key > highestSeq - window }
        }
        let stale = missing.keys.filter { $0 < highestSeq - window }
        for seq in stale {
            if let line = missing.removeValue(forKey: seq) {
                report(.deleted, Seq(seq), .seqMissing(seq), at: line)
            }
        }
    }

    private mutating func report(_ kind: ChainProblem.Kind, _ seq: Seq?, _ detail: ChainProblem.Detail, at line: Int? = nil) {
        problemCount += 1
        guard problems.count < maxProblems else { return }
        problems.append(ChainProblem(kind: kind, seq: seq, lineNumber: line ?? lineNumber, detail))
    }
}
