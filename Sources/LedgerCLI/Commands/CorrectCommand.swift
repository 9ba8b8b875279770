import LedgerDomain
import LedgerProjections
import LedgerStore
import LedgerFormats

/// `ledger correct SEQ --set FIELD=VALUE… --reason TEXT` and `ledger retract SEQ --reason TEXT`:
/// corrections are new events that point at the fact; the log is never rewritten.
enum CorrectCommand {
    static let spec = CommandSpec(
        name: "correct",
        abstract: "Correct fields of one fact; the correction is a new event, the old value stays in the log.",
        discussion: """
            FIELD names are those of the projections' JSON (person, date, accepted, week.issued…);
            an unknown field lists the valid ones. SEQ may also be a correction's seq: the fact it
            corrected is corrected again. `--known-at` before the correction shows the old value.
            """,
        options: [
            CommandSpec.Option(name: "set", valueName: "field=value", help: "The new value of a field (repeatable).", repeatable: true),
            CommandSpec.reasonOption("Why (required): recorded with the correction."),
            CommandSpec.actorOption,
        ],
        positionals: [CommandSpec.Positional(name: "seq", help: "The fact's seq, as `ledger log` or any --json answer shows it.")])

    static let retractSpec = CommandSpec(
        name: "retract",
        abstract: "Withdraw one fact; projections no longer count it, the log keeps it.",
        options: [
            CommandSpec.reasonOption("Why (required): recorded with the retraction."),
            CommandSpec.actorOption,
        ],
        positionals: [CommandSpec.Positional(name: "seq", help: "The fact's seq.")])

    static func run(_ context: CommandContext) throws -> ExitCode {
        try change(context, retracting: false)
    }

    static func runRetract(_ context: CommandContext) throws -> ExitCode {
        try change(context, retracting: true)
    }

    private static func change(_ context: CommandContext, retracting: Bool) throws -> ExitCode {
        let name = retracting ? "retract" : "correct"
        guard let reason = context.arguments.value("reason"), !reason.isEmpty else {
            throw UsageError(Message(retracting ? .correctReasonRequiredRetraction : .correctReasonRequired), command: name)
        }
        let requested = try seq(context.arguments.positionals[0], command: name)
        let sets = context.arguments.values["set"] ?? []
        if !retracting && sets.isEmpty { throw UsageError(Message(.correctMissingSet), command: name) }
        for _ in 0..<5 {
            let (store, head) = try context.openStore()
            let history = try FactLookup.history(of: requested, store: store, head: head)
            let event = retracting ? retraction(history) : try correction(history, sets: sets)
            let appendContext = AppendContext(actor: context.actor, now: context.invocation.now(), command: context.commandLine, reason: reason)
            do {
                let receipt = try store.append([event], expecting: head.head, context: appendContext)
                context.stdout.write(summary(history, event: event, seq: receipt.seqs.lowerBound, language: context.language))
                return .success
            } catch StoreError.headMoved {
                continue
            }
        }
        throw StoreError.busy(lockPath: "EventLog/lock", waitedMilliseconds: 0, holder: "other writers kept appending")
    }

    static func seq(_ text: String, command: String) throws -> Int {
        guard let value = Int(text.trimming("#")), value >= 1 else {
            throw UsageError(Message(.showInvalidSeq, .text(text)), command: command)
        }
        return value
    }

    private static func correction(_ history: FactHistory, sets: [String]) throws -> NewEvent {
        let fact = history.fact
        let fields = FactSchema.fields(of: fact.type)
        var changes: [JSONValue] = []
        for assignment in sets {
            guard let equals = assignment.firstIndex(of: "=") else {
                throw UsageError(Message(.correctInvalidSet, .text(assignment)), command: "correct")
            }
            let field = String(assignment[..<equals])
            let text = String(assignment[assignment.index(after: equals)...])
            guard let kind = fields.first(where: { $0.name == field })?.kind else {
                throw CommandFailure(Message(.correctNoField, .text(fact.type), "\(fact.seq)", .text(field), .list(fields.map { .text($0.name) })), exitCode: .usage)
            }
            guard let value = kind.parse(text) else {
                throw CommandFailure(Message(.correctBadValue, .text(text), .text(field), .message(kind.expectedMessage)), exitCode: .usage)
            }
            let old = FactSchema.value(of: field, in: history.current) ?? .null
            guard old != value else {
                throw CommandFailure(Message(.correctNothingToCorrect, "\(fact.seq)", .text(field), .text(JSONWriter.string(value))), exitCode: .dataError)
            }
            changes.append(.object(["field": .string(field), "from": old, "to": value]))
        }
        return NewEvent(type: EventType.factCorrected, valid: fact.valid, source: fact.source, payload: [
            "target": .int(fact.seq.value), "targetType": .string(fact.type),
            "issue": fact.source?.issue.map { .string($0) } ?? .null, "changes": .array(changes),
        ])
    }

    private static func retraction(_ history: FactHistory) -> NewEvent {
        let fact = history.fact
        return NewEvent(type: EventType.factRetracted, valid: fact.valid, source: fact.source, payload: [
            "target": .int(fact.seq.value), "targetType": .string(fact.type),
            "issue": fact.source?.issue.map { .string($0) } ?? .null,
        ])
    }

    private static func summary(_ history: FactHistory, event: NewEvent, seq: Int, language: Language) -> String {
        let fact = history.fact
        guard event.type == EventType.factCorrected else {
            return Message(.correctRetracted, "\(seq)", "\(fact.seq)", .text(fact.type + (fact.source?.issue.map { ", \($0)" } ?? ""))).rendered(in: language) + "\n"
        }
        let changes = (event.payload["changes"]?.array ?? []).map { change in
            Message(.fieldChange, .text(change["field"]?.string ?? ""), .text(IngestDisplay.value(change["from"], language: language)),
                    .text(IngestDisplay.value(change["to"], language: language))).rendered(in: language)
        }
        return Message(.correctCorrected, "\(seq)", "\(fact.seq)", .text(fact.type + (fact.source?.issue.map { ", \($0)" } ?? "")),
                       .text(changes.joined(separator: "; "))).rendered(in: language) + "\n"
    }
}

/// Values for people: strings without quotes, lists joined with 、.
enum IngestDisplay {
    static func value(_ value: JSONValue?, language: Language = .english) -> String {
        switch value {
        case .string(let text)?: return text
        case .array(let items)?: return items.map { self.value($0, language: language) }.joined(separator: "、")
        case nil, .null?: return Message(.valueNone).rendered(in: language)
        case let other?: return JSONWriter.string(other)
        }
    }
}

/// Finds a fact and what happened to it since.
enum FactLookup {
    /// The history of the fact `seq` names (a correction's seq names its fact). Throws when
    /// there is no such seq, it is not a fact, or the fact was withdrawn.
    static func history(of seq: Int, store: EventStore, head: HeadFile, allowWithdrawn: Bool = false) throws -> FactHistory {
        guard seq <= head.head.seq.value else {
            throw CommandFailure(Message(.correctNoSuchSeq, "\(seq)", "\(head.head.seq)"), exitCode: .usage)
        }
        var requested: EventRecord?
        try store.forEachRecord(upTo: head, from: Seq(seq)) { record, _ in
            if record.seq.value == seq { requested = record }
        }
        // A correction's seq names the fact it corrected: a correction of a correction.
        var target = seq
        if let requested, requested.type == EventType.factCorrected, let original = requested.payload["target"]?.int { target = original }
        var history: FactHistory?
        try store.forEachRecord(upTo: head, from: Seq(target)) { record, _ in
            if record.seq.value == target { history = FactHistory(record) }
            history?.apply(record)
        }
        guard let found = history else {
            throw CommandFailure(Message(.correctSeqNotFound, "\(seq)"), exitCode: .dataError)
        }
        guard !FactSchema.fields(of: found.fact.type).isEmpty else {
            throw CommandFailure(Message(.correctNotAFact, "\(seq)", .text(found.fact.type)), exitCode: .dataError)
        }
        if !allowWithdrawn, let withdrawn = found.withdrawnBy {
            let how = Message(withdrawn.type == EventType.issueSuperseded ? .correctIssueSuperseded : .correctWasRetracted)
            let reason = withdrawn.batch.reason.map { Message(.filterParenthesized, .text($0)) } ?? Message(.verbatim, "")
            throw CommandFailure(Message(.correctWithdrawn, "\(found.fact.seq)", .text(found.fact.type), .message(how), "\(withdrawn.seq)", .message(reason)),
                                 exitCode: .dataError)
        }
        return found
    }
}
