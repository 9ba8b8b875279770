import Testing
import LedgerDomain
import LedgerFormats
@testable import LedgerStore
@testable import LedgerCLI

/// The store's errors, verify's problems and notes, through the catalogue: the English the
/// catalogue renders is the store's own `description`, word for word, and the Chinese differs.
@Suite struct StoreMessageTests {
    static let head = LogHead(seq: Seq(12), hash: SHA256.hash(Array("head".utf8)))
    static let last = LogHead(seq: Seq(11), hash: SHA256.hash(Array("last".utf8)))
    static let damages: [LogDamage] = [
        .lineTooLong(maxBytes: 4_194_304), .bytesAfterHead(count: 12_000),
        .notAnInterruptedWrite(head: head, problem: ChainProblem(kind: .forged, seq: Seq(13), lineNumber: 13, .forgedBeyondHead(committed: Seq(12)))),
        .noFinalNewline, .lastRecordNotHead(head: head), .headMissing(logBytes: 2_048), .headUnreadable("invalid JSON at byte 3"),
        .invalidRecord("invalid JSON at byte 3"), .seqDoesNotFollow(seq: Seq(5), previous: Seq(3)), .recordEdited(seq: Seq(5)),
        .headDisagrees(head: head, last: last), .cutOff(bytes: 100, committedBytes: 200, head: head),
        .documentsNotFolder(found: "a symbolic link"), .documentMissing, .documentEdited, .migrationMismatch(seq: Seq(7)), .unreadable("open x: Permission denied"),
    ]
    static let problems: [ChainProblem.Detail] = [
        .invalidLine(reason: "invalid JSON at byte 3"), .endsMidRecord, .seqMissing(7), .endsInsideBatch(first: Seq(20), present: 3, count: 25),
        .forgedBeyondHead(committed: Seq(12)), .bytesDoNotMatchHash, .moved(seq: 4, after: 6), .duplicated(seq: 4), .duplicatedOtherContent(seq: 4),
        .chainBreaks(previous: 8), .seqsMissing(first: 10, last: 2_000), .batchMarkerExcludesSeq(first: Seq(3), count: 2),
        .batchInterrupted(first: Seq(3), at: Seq(5)), .batchStartMissing(seq: Seq(5), first: Seq(3)), .headFile(.documentMissing),
        .overwritten(.lineTooLong(maxBytes: 4_194_304)), .emptyLogButHead(committedBytes: 300, head: head),
        .document(digestPrefix: "0123456789abcdef", seq: Seq(1), .documentEdited), .cutOffAfter(bytes: 100, committedBytes: 200, head: head, last: last),
        .headNamesOther(head: head, last: last), .snapshotUnusable(file: "Snapshots/hall.snapshot", reason: .notASnapshot),
        .snapshotUnusable(file: "Snapshots/hall.snapshot", reason: .cannotRead("open x: Permission denied")),
        .snapshotUnusable(file: "Snapshots/hall.snapshot", reason: .otherVersion(found: 7, this: 8)),
        .snapshotUnusable(file: "Snapshots/hall.snapshot", reason: .partChecksum(part: "visits")),
        .snapshotUnusable(file: "Snapshots/hall.snapshot", reason: .partMissing(part: "visits")),
        .snapshotUnusable(file: "Snapshots/hall.snapshot", reason: .headNotInLog(head)),
        .snapshotUnusable(file: "Snapshots/ingest.snapshot", reason: .factsMismatch(issue: "2023-06")),
        .snapshotUnusable(file: "Snapshots/ingest.snapshot", reason: .unreadableState),
        .snapshotPartDiffers(file: "Snapshots/hall.snapshot", part: "visits", seq: Seq(40)),
    ]
    static let system = SystemError("write", "EventLog/events.jsonl", code: 28)

    @Test("every store error: the catalogue's English is the store's")
    func storeErrors() {
        let errors: [StoreError] = [
            .busy(lockPath: "EventLog/lock", waitedMilliseconds: 2_500, holder: "pid 12 on host"),
            .busy(lockPath: "EventLog/lock", waitedMilliseconds: 0, holder: nil),
            .headMoved(expected: Self.last, actual: Self.head), .unsafePath(path: "EventLog/HEAD", found: .symlink),
            .recordTooLarge(seq: 5, type: "paragraph.unplaced", bytes: 5_000_000, limit: 4_194_304),
            .system(SystemError("open", "EventLog/events.jsonl", code: 13)), .system(SystemError("write", "EventLog/events.jsonl", code: 13)),
            .system(Self.system), .system(SystemError("fsync", "EventLog/events.jsonl", code: 5)),
        ] + Self.damages.map { .damaged(path: "EventLog/events.jsonl", line: 12, reason: $0) }
            + [.damaged(path: "EventLog/HEAD", line: nil, reason: .documentMissing)]
        for error in errors {
            #expect(error.message.rendered(in: .english) == error.description)
            #expect(error.message.rendered(in: .chinese) != error.description, "\(error)")
        }
    }

    @Test("every problem verify reports, with its place: the catalogue's English is verify's")
    func problems() {
        for (index, detail) in Self.problems.enumerated() {
            let kind = ChainProblem.Kind.allCases[index % ChainProblem.Kind.allCases.count]
            for problem in [ChainProblem(kind: kind, seq: Seq(index + 1), lineNumber: index, detail), ChainProblem(kind: kind, seq: nil, lineNumber: 0, detail)] {
                #expect(problem.lineMessage.rendered(in: .english) == problem.description)
                #expect(problem.lineMessage.rendered(in: .chinese) != problem.description)
            }
        }
    }

    @Test("every note verify makes, a recovered tail and an unreadable input: the catalogue's English is the store's")
    func notes() {
        let notes: [VerifyNote] = [.empty, .writeInProgress(bytes: 120), .documentsChecked(count: 1), .documentsChecked(count: 2),
                                   .interruptedWrite(bytes: 120, records: 2, head: Self.head, line: 40), .noSnapshot,
                                   .snapshotMatches(file: "Snapshots/hall.snapshot", seq: Seq(40), behind: 0),
                                   .snapshotMatches(file: "Snapshots/hall.snapshot", seq: Seq(40), behind: 3)]
        for note in notes {
            #expect(note.message.rendered(in: .english) == note.description)
            #expect(note.message.rendered(in: .chinese) != note.description)
        }
        let recovery = TailRecovery(bytes: 120, records: 2, after: Self.head, savedAs: "EventLog/recovered/tail-12.jsonl")
        #expect(recovery.message.rendered(in: .english) == recovery.description)
        let failures: [InputFile.Failure] = [.missing("a.pdf"), .notAFile("dir", found: .directory), .notAFile("fifo", found: .other),
                                             .tooLarge("a.pdf", bytes: 70_000_000, limit: 67_108_864), .unreadable("a.pdf", SystemError("open", "a.pdf", code: 13))]
        for failure in failures {
            #expect(failure.message.rendered(in: .english) == failure.description)
            #expect(failure.message.rendered(in: .chinese) != failure.description)
        }
    }

    @Test("an output file's refusals: the catalogue's English is the store's")
    func outputFailures() {
        let failures: [OutputFile.Failure] = [
            .noDirectory("out/a.csv"), .notAFile("out", found: .directory), .notAFile("link.csv", found: .symlink), .notAFile("fifo", found: .other),
            .readOnly("a.csv"), .insideLedger("EventLog/a.csv", resolved: "EventLog/a.csv"), .insideLedger("a.csv", resolved: "/l/EventLog/a.csv"),
            .unwritable("a.csv", SystemError("open", "a.csv", code: 13)),
        ]
        for failure in failures {
            #expect(failure.message.rendered(in: .english) == failure.description)
            #expect(failure.message.rendered(in: .chinese) != failure.description)
        }
    }

    @Test("what a value should be: the catalogue's English is the domain's")
    func expectedForms() {
        #expect(Message(.dateForms).rendered(in: .english) == DateInput.dateForms)
        #expect(Message(.instantForms, .message(Message(.dateForms))).rendered(in: .english) == DateInput.instantForms)
        for kind in [FactSchema.Kind.integer, .share, .text, .date, .boolean, .list, .verdict] {
            #expect(kind.expectedMessage.rendered(in: .english) == kind.expected)
            #expect(kind.expectedMessage.rendered(in: .chinese) != kind.expected)
        }
    }
}
