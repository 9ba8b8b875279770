import LedgerDomain
import LedgerStore

// The store's errors, verify's problems and notes, and the reading of an input file, as
// catalogue messages. Each English text is the lower layer's `description`, word for word (a
// test renders every case and compares); numbers are shown as the lower layer writes them.

private func n(_ number: Int) -> Message.Argument { .text(String(number)) }

extension LogHead {
    /// `seq 12 (3f2a9c01…)` / `序号 12（3f2a9c01…）`.
    var argument: Message.Argument { .message(Message(.logHead, .text("\(seq)"), .text(String(hash.hex.prefix(12))))) }
}

extension FileKind {
    /// What a path is, as `StorePaths.describe` says it in English.
    var argument: Message.Argument {
        switch self {
        case .missing: .message(Message(.fileKindMissing))
        case .file: .message(Message(.fileKindFile))
        case .directory: .message(Message(.fileKindDirectory))
        case .symlink: .message(Message(.fileKindSymlink))
        case .other: .message(Message(.fileKindOther))
        }
    }

    /// The same, from the English the store wrote (a reason that carries it as text).
    static func argument(describedAs english: String) -> Message.Argument {
        let kinds: [FileKind] = [.missing, .file(bytes: 0), .directory, .symlink, .other]
        return kinds.first { $0.description == english }?.argument ?? .text(english)
    }
}

extension StoreError {
    /// The paragraph for a person.
    var message: Message {
        switch self {
        case .busy(let lockPath, let waited, let holder):
            return Message(.storeBusy, .message(holder.map { Message(.storeBusyHolder, .text($0)) } ?? Message(.verbatim, "")),
                           .text("\(Double(waited) / 1000)"), .text(lockPath))
        case .headMoved(let expected, let actual): return Message(.storeHeadMoved, expected.argument, actual.argument)
        case .damaged(let path, let line, let reason):
            return Message(.storeDamaged, .text(line.map { "\(path):\($0)" } ?? path), .message(reason.message))
        case .unsafePath(let path, let found): return Message(.storeUnsafePath, .text(path), found.argument)
        case .recordTooLarge(let seq, let type, let bytes, let limit): return Message(.storeRecordTooLarge, .text(type), n(seq), n(bytes), n(limit))
        case .system(let error) where error.isPermissionDenied && error.wasReading: return Message(.storeReadDenied, .text("\(error)"))
        case .system(let error) where error.isPermissionDenied: return Message(.storeWriteDenied, .text("\(error)"))
        case .system(let error):
            return Message(.storeIOError, .text("\(error)"), .message(error.isDiskFull ? Message(.storeDiskFull) : Message(.verbatim, "")))
        }
    }
}

extension LogDamage {
    /// The reason as a catalogue message.
    var message: Message {
        switch self {
        case .lineTooLong(let maxBytes): Message(.damageLineTooLong, n(maxBytes))
        case .bytesAfterHead(let count): Message(.damageBytesAfterHead, n(count))
        case let .notAnInterruptedWrite(head, problem):
            Message(.damageNotAnInterruptedWrite, head.argument, n(problem.lineNumber), problem.kind.argument, .message(problem.detail.message))
        case .noFinalNewline: Message(.damageNoFinalNewline)
        case .lastRecordNotHead(let head): Message(.damageLastRecordNotHead, head.argument)
        case .headMissing(let bytes): Message(.damageHeadMissing, n(bytes))
        case .headUnreadable(let reason): Message(.damageHeadUnreadable, .text(reason))
        case .invalidRecord(let reason): Message(.damageInvalidRecord, .text(reason))
        case let .seqDoesNotFollow(seq, previous): Message(.damageSeqDoesNotFollow, .text("\(seq)"), .text("\(previous)"))
        case .recordEdited(let seq): Message(.damageRecordEdited, .text("\(seq)"))
        case let .headDisagrees(head, last): Message(.damageHeadDisagrees, head.argument, last.argument)
        case let .cutOff(bytes, committedBytes, head): Message(.damageCutOff, n(bytes), n(committedBytes), head.argument)
        case .documentsNotFolder(let found): Message(.damageDocumentsNotFolder, FileKind.argument(describedAs: found))
        case .documentMissing: Message(.damageDocumentMissing)
        case .documentEdited: Message(.damageDocumentEdited)
        case .migrationMismatch(let seq): Message(.damageMigrationMismatch, .text("\(seq)"))
        case .unreadable(let reason): Message(.verbatim, .text(reason))
        }
    }
}

extension ChainProblem.Kind {
    /// The kind of damage, as `verify` names it.
    var argument: Message.Argument {
        let keys: [ChainProblem.Kind: MessageKey] = [
            .edited: .problemKindEdited, .forged: .problemKindForged, .deleted: .problemKindDeleted, .reordered: .problemKindReordered,
            .duplicated: .problemKindDuplicated, .truncated: .problemKindTruncated, .incompleteBatch: .problemKindIncompleteBatch,
            .head: .problemKindHead, .document: .problemKindDocument, .snapshot: .problemKindSnapshot,
        ]
        return keys[self].map { .message(Message($0)) } ?? .text(rawValue)
    }
}

extension ChainProblem {
    /// `line 12, seq 12: edited: …`, as ``description`` says it (``message`` is the English sentence alone).
    var lineMessage: Message {
        let place: Message
        if lineNumber > 0 {
            place = Message(.problemAtLine, n(lineNumber))
        } else {
            place = Message(kind == .document ? .problemStoredDocument : kind == .snapshot ? .problemSnapshot : .problemHead)
        }
        let seqPart = seq.map { Message(.problemSeq, .text("\($0)")) } ?? Message(.verbatim, "")
        return Message(.problemLine, .message(place), .message(seqPart), kind.argument, .message(detail.message))
    }
}

extension ChainProblem.Detail {
    /// The sentence as a catalogue message.
    var message: Message {
        switch self {
        case .invalidLine(let reason): Message(.problemInvalidLine, .text(reason))
        case .endsMidRecord: Message(.problemEndsMidRecord)
        case .seqMissing(let seq): Message(.problemSeqMissing, n(seq))
        case let .endsInsideBatch(first, present, count): Message(.problemEndsInsideBatch, .text("\(first)"), n(present), n(count))
        case .forgedBeyondHead(let committed): Message(.problemForgedBeyondHead, .text("\(committed)"))
        case .bytesDoNotMatchHash: Message(.problemBytesDoNotMatchHash)
        case let .moved(seq, after): Message(.problemMoved, n(seq), n(after))
        case .duplicated(let seq): Message(.problemDuplicated, n(seq))
        case .duplicatedOtherContent(let seq): Message(.problemDuplicatedOtherContent, n(seq))
        case .chainBreaks(let previous): Message(.problemChainBreaks, n(previous))
        case let .seqsMissing(first, last): Message(.problemSeqsMissing, n(first), n(last))
        case let .batchMarkerExcludesSeq(first, count): Message(.problemBatchMarkerExcludesSeq, .text("\(first)"), n(count))
        case let .batchInterrupted(first, at): Message(.problemBatchInterrupted, .text("\(first)"), .text("\(at)"))
        case let .batchStartMissing(seq, first): Message(.problemBatchStartMissing, .text("\(seq)"), .text("\(first)"))
        case .headFile(let reason): Message(.problemHeadFile, .message(reason.message))
        case .overwritten(let reason): Message(.problemOverwritten, .message(reason.message))
        case let .emptyLogButHead(committedBytes, head): Message(.problemEmptyLogButHead, n(committedBytes), head.argument)
        case let .document(prefix, seq, problem): Message(.problemDocument, .text(prefix), .text("\(seq)"), .message(problem.message))
        case let .cutOffAfter(bytes, committedBytes, head, last):
            Message(.problemCutOffAfter, n(bytes), n(committedBytes), head.argument, last.argument)
        case let .headNamesOther(head, last): Message(.damageHeadDisagrees, head.argument, last.argument)
        case let .snapshotUnusable(file, reason): Message(.problemSnapshotUnusable, .text(file), .message(reason.message))
        case let .snapshotPartDiffers(file, part, seq): Message(.problemSnapshotPartDiffers, .text(file), .text(part), .text("\(seq)"))
        }
    }
}

extension SnapshotDamage {
    /// Why the snapshot is not used, as a catalogue message.
    var message: Message {
        switch self {
        case .cannotRead(let error): Message(.snapshotCannotRead, .text(error))
        case .notASnapshot: Message(.snapshotNotASnapshot)
        case let .otherVersion(found, this): Message(.snapshotOtherVersion, n(found), n(this))
        case .partChecksum(let part): Message(.snapshotPartChecksum, .text(part))
        case .partMissing(let part): Message(.snapshotPartMissing, .text(part))
        case .headNotInLog(let head): Message(.snapshotHeadNotInLog, head.argument)
        case .factsMismatch(let issue): Message(.snapshotFactsMismatch, .text(issue))
        case .unreadableState: Message(.snapshotUnreadableState)
        case let .earlierFormat(found, this): Message(.snapshotEarlierFormat, .text("\(found)"), .text("\(this)"))
        case let .segmentChecksum(part, key): Message(.snapshotSegmentChecksum, .text(part), .text("\(key)"))
        case .segmentIndex(let part): Message(.snapshotSegmentIndex, .text(part))
        case .partInSegments(let part): Message(.snapshotPartInSegments, .text(part))
        }
    }
}

extension VerifyNote {
    /// The note as a catalogue message.
    var message: Message {
        switch self {
        case .empty: Message(.noteEmpty)
        case .writeInProgress(let bytes): Message(.noteWriteInProgress, n(bytes))
        case .documentsChecked(let count): Message(count == 1 ? .noteDocumentsCheckedOne : .noteDocumentsChecked, n(count))
        case let .interruptedWrite(bytes, records, head, line): Message(.noteInterruptedWrite, n(bytes), n(records), head.argument, n(line))
        case .noSnapshot: Message(.noteNoSnapshot)
        case let .snapshotMatches(file, seq, behind):
            Message(.noteSnapshotMatches, .text(file), .text("\(seq)"),
                    .message(behind > 0 ? Message(.noteSnapshotBehind, n(behind)) : Message(.verbatim, "")))
        case let .snapshotOutdated(file, reason): Message(.noteSnapshotOutdated, .text(file), .message(reason.message))
        }
    }
}

extension TailRecovery {
    /// What was recovered, as a catalogue message.
    var message: Message { Message(.noteRecovered, n(bytes), n(records), after.argument, .text(savedAs)) }
}

extension OutputFile.Failure {
    /// Why the output could not be written, as a catalogue message.
    var message: Message {
        switch self {
        case .noDirectory(let path): Message(.outputNoDirectory, .text(path))
        case .notAFile(let path, .symlink): Message(.outputSymlink, .text(path))
        case .notAFile(let path, let found): Message(.outputNotAFile, .text(path), found.argument)
        case .readOnly(let path): Message(.outputReadOnly, .text(path))
        case .insideLedger(let path, let resolved):
            Message(.outputInsideLedger, .text(path), .message(resolved == path ? Message(.verbatim, "") : Message(.outputLeadsTo, .text(resolved))))
        case .unwritable(let path, let error): Message(.outputUnwritable, .text(path), .text("\(error)"))
        }
    }
}

extension InputFile.Failure {
    /// Why the input could not be read, as a catalogue message.
    var message: Message {
        switch self {
        case .missing(let path): Message(.inputMissing, .text(path))
        case .notAFile(let path, let found): Message(.inputNotAFile, .text(path), found.argument)
        case .tooLarge(let path, let bytes, let limit): Message(.inputTooLarge, .text(path), n(bytes), n(limit))
        case .unreadable(let path, let error): Message(.inputUnreadable, .text(path), .text("\(error)"))
        }
    }
}
