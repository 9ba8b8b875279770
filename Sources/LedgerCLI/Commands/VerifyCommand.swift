import LedgerDomain
import LedgerProjections
import LedgerStore
import LedgerFormats

/// `ledger verify`: checks the whole ledger and says whether it is intact.
enum VerifyCommand {
    static let spec = CommandSpec(
        name: "verify",
        abstract: "Check every hash, the chain, seq continuity and batch completeness.",
        discussion: """
            Reads the whole log without changing it. Exits 0 when the ledger is intact; otherwise
            exits 65 and names the first bad seq and line and what is wrong with it (edited,
            deleted, reordered, duplicated, forged, truncated). Also checks the stored source
            documents against their SHA-256 and the snapshot against the log.
            """,
        options: [CommandSpec.Option(name: "json", help: "Print the report as one JSON document.")])

    static func run(_ context: CommandContext) throws -> ExitCode {
        try context.requireLedger()
        let store = context.store()
        let report = try check(store)
        if context.arguments.flag("json") {
            context.stdout.write(JSONWriter.prettyString(json(report)) + "\n")
        } else {
            context.stdout.write(text(report, layout: store.layout, language: context.language))
        }
        return report.isIntact ? .success : .dataError
    }

    /// What `verify` finds: the chain, then the snapshot against a fold of the log made in the
    /// same pass. `fold` sees each record as the check reads it (see ``EventStore/verify(_:)``).
    static func check(_ store: EventStore, fold: (EventRecord) -> Void = { _ in }) throws -> VerifyReport {
        var snapshot = ((try? store.readHeadFile()) ?? nil).map { HallLoader.SnapshotCheck(store: store, head: $0) }
        var report = try store.verify { record in
            snapshot?.fold(record)
            fold(record)
        }
        if report.isIntact, let head = report.headFile {
            let (problems, notes) = try snapshot?.finish(head: head) ?? HallLoader.checkSnapshot(store: store, head: head)
            report.notes += notes
            report.problems += problems.map { ChainProblem(kind: .snapshot, seq: nil, lineNumber: 0, $0) }
            report.problemCount += problems.count
        }
        return report
    }

    /// The report for a person, in `language`: the problems and notes too.
    static func text(_ report: VerifyReport, layout: LedgerLayout, language: Language = .english) -> String {
        func t(_ key: MessageKey, _ arguments: Message.Argument...) -> String { Message(key, arguments: arguments).rendered(in: language) }
        var text: String
        if report.isIntact {
            text = t(.verifyIntact) + "\n"
        } else {
            let first = report.problems[0]
            text = t(report.problemCount == 1 ? .verifyDamagedOne : .verifyDamaged, "\(report.problemCount)", .message(first.lineMessage)) + "\n"
        }
        text += t(.verifyLedgerLine, .text(layout.root)) + "\n"
        text += t(.verifyLogLine, .text(layout.relative(layout.log)), "\(report.records)", "\(report.fileBytes)") + "\n"
        if let head = report.headFile {
            text += t(.verifyHeadLine, "\(head.head.seq)", .text(head.head.hash.hex)) + "\n"
        }
        if !report.isIntact {
            text += "\n" + t(.verifyProblemsHeading) + "\n"
            for problem in report.problems { text += "  " + problem.lineMessage.rendered(in: language) + "\n" }
            if report.problemCount > report.problems.count {
                text += t(.andMore, "\(report.problemCount - report.problems.count)") + "\n"
            }
        }
        for note in report.notes { text += t(.verifyNote, .message(note.message)) + "\n" }
        return text
    }

    static func json(_ report: VerifyReport) -> JSONValue {
        var object: JSONObject = ["intact": .bool(report.isIntact)]
        object["head"] = report.headFile.map { .object(["seq": .int($0.head.seq.value), "hash": .string($0.head.hash.hex)]) } ?? .null
        object["records"] = .int(report.records)
        object["bytes"] = .int(report.fileBytes)
        object["problemCount"] = .int(report.problemCount)
        object["problems"] = .array(report.problems.map { problem in
            .object(["kind": .string(problem.kind.rawValue), "seq": problem.seq.map { .int($0.value) } ?? .null,
                     "line": .int(problem.lineNumber), "message": .string(problem.message)])
        })
        object["notes"] = .array(report.notes.map { .string($0.description) })
        return .object(object)
    }
}
