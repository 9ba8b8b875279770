import LedgerDomain
import LedgerProjections
import LedgerStore
import LedgerFormats

/// `ledger audit`: who changed what, when and why, newest last.
enum AuditCommand {
    static let spec = CommandSpec(
        name: "audit",
        abstract: "The recorded history: ingests, supersessions, corrections and retractions, with actor, instant and reason.",
        options: [
            CommandSpec.Option(name: "department", valueName: "name", help: "Only entries about this department (any of its names)."),
            CommandSpec.Option(name: "issue", valueName: "key", help: "Only entries about this issue, like 2023-06."),
            CommandSpec.Option(name: "actor", valueName: "name", help: "Only entries by this actor."),
            CommandSpec.Option(name: "since", valueName: "instant", help: "Only entries recorded at or after this instant (or date)."),
            CommandSpec.Option(name: "until", valueName: "instant", help: "Only entries recorded at or before this instant (or date: its end)."),
            CommandSpec.Option(name: "type", valueName: "type", help: "Only corrections and retractions of facts of this type (visit.recorded…)."),
            CommandSpec.Option(name: "json", help: "Print one JSON document."),
        ])

    static func run(_ context: CommandContext) throws -> ExitCode {
        let arguments = context.arguments
        let since = try instant(arguments.value("since"), option: "since", startOfDay: true)
        let until = try instant(arguments.value("until"), option: "until", startOfDay: false)
        let registry = try HallLoader(context: context).load(TimeFilter(), parts: [.registered]).0.registry
        let department = arguments.value("department").map { registry.resolve($0).canonical }
        let (store, head) = try context.openStore()
        var trail = AuditTrail()
        // From seq 0: a migrated log's log.migrated record is an entry too.
        try store.forEachRecord(upTo: head, from: Seq(0)) { record, _ in trail.apply(record) }
        let entries = trail.entries.filter { entry in
            (arguments.value("issue").map { entry.issue == $0 } ?? true)
                && (arguments.value("actor").map { entry.actor == $0 } ?? true)
                && (since.map { entry.recordedAt >= $0 } ?? true) && (until.map { entry.recordedAt <= $0 } ?? true)
                && (arguments.value("type").map { entry.targetType == $0 } ?? true)
                && (department.map { name in entry.departments.contains { registry.resolve($0).canonical == name } } ?? true)
        }
        let needingALook = try unclassified(context, issue: arguments.value("issue"))
        if arguments.flag("json") {
            context.stdout.write(JSONWriter.prettyString(.object([
                "entries": .array(entries.map(AuditTrail.json)),
                "needsALook": .array(needingALook.map { inspection in
                    .object(["seq": .int(inspection.seq), "type": .string(EventType.inspectionRecorded), "issue": .string(inspection.issue),
                             "item": .string(inspection.item), "text": .string(inspection.text), "verdict": .string(inspection.verdict.rawValue)])
                }),
                "head": ProjectCommand.headJSON(head.head),
            ])) + "\n")
            return .success
        }
        if entries.isEmpty { context.stdout.write(context.text(Message(.auditNoMatch)) + "\n") }
        for entry in entries { context.stdout.write(text(entry, language: context.language)) }
        if !needingALook.isEmpty {
            context.stdout.write("\n" + context.text(Message(needingALook.count == 1 ? .auditNeedsLookOne : .auditNeedsLook, "\(needingALook.count)")) + "\n")
            for inspection in needingALook {
                context.stdout.write(context.text(Message(.auditNeedsLookLine, "\(inspection.seq)", .text(inspection.issue), .text(inspection.item),
                                                          .text(inspection.text))) + "\n")
            }
        }
        return .success
    }

    /// The inspection verdicts still unclassified, corrections applied (of one issue, if given).
    static func unclassified(_ context: CommandContext, issue: String?) throws -> [HallState.Inspection] {
        let state = try HallLoader(context: context).load(TimeFilter(), parts: [.inspections]).0
        return state.inspections.filter { inspection in
            inspection.verdict == .unclassified && (issue.map { inspection.issue == $0 } ?? true)
        }.sorted { $0.seq < $1.seq }
    }

    static func instant(_ text: String?, option: String, startOfDay: Bool) throws -> Instant? {
        guard let text else { return nil }
        guard let instant = DateInput.instant(text, dateAlone: startOfDay ? .start : .end) else {
            throw CommandFailure.badValue(option, text, expected: Message(.instantForms, .message(Message(.dateForms))))
        }
        return instant
    }

    /// One entry for a person, in `language`: its seq, instant, actor and action, what it
    /// changed and why.
    static func text(_ entry: AuditTrail.Entry, language: Language = .english) -> String {
        func t(_ key: MessageKey, _ arguments: Message.Argument...) -> String { Message(key, arguments: arguments).rendered(in: language) }
        var action = actionKeys[entry.action].map { t($0) } ?? entry.action
        if let issue = entry.issue { action += " \(issue)" }
        if entry.action == "register" {
            let publisher = entry.changes.first { $0.field == "publisher" }?.to.string
            action += " " + (publisher.map { t(.auditPublisher, .text($0)) } ?? t(.verbatim, .list(entry.departments.sorted().map { .text($0) })))
        }
        if let target = entry.target { action += t(.auditTarget, "\(target)") + (entry.targetType.map { t(.filterParenthesized, .text($0)) } ?? "") }
        if let facts = entry.facts { action += t(.auditFacts, "\(facts)") }
        var text = t(.auditLine, "\(entry.seq)", "\(entry.recordedAt)", .text(entry.actor), .text(action)) + "\n"
        for change in entry.changes.prefix(20) {
            text += t(.auditChange, .text(change.field), .text(IngestDisplay.value(change.from, language: language)),
                      .text(IngestDisplay.value(change.to, language: language))) + "\n"
        }
        if entry.changes.count > 20 { text += t(.auditMore, "\(entry.changes.count - 20)") + "\n" }
        if let reason = entry.reason { text += t(.auditReason, .text(reason)) + "\n" }
        return text
    }

    /// The actions of the audit trail, as a person reads them (`--json` keeps the names).
    static let actionKeys: [String: MessageKey] = [
        "ingest": .auditIngest, "supersede": .auditSupersede, "correct": .auditCorrect, "retract": .auditRetract, "register": .auditRegister,
        "migrate": .auditMigrate,
    ]
}
