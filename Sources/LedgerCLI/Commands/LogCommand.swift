import LedgerDomain
import LedgerStore
import LedgerFormats

/// `ledger log`: the events, oldest first.
enum LogCommand {
    static let spec = CommandSpec(
        name: "log",
        abstract: "Print the events, oldest first.",
        discussion: """
            With --json, prints the records exactly as stored, one JSON object per line (JSON
            Lines), so the output can be piped to jq or re-checked with sha256sum.
            """,
        options: [
            CommandSpec.Option(name: "from", valueName: "seq", help: "Start at this seq."),
            CommandSpec.Option(name: "type", valueName: "type",
                               help: "Only events of this type (`visit.recorded`), or of a family (`visit.`)."),
            CommandSpec.Option(name: "json", help: "Print the stored JSON lines."),
        ])

    static func run(_ context: CommandContext) throws -> ExitCode {
        let from = try fromSeq(context.arguments.value("from"))
        let type = context.arguments.value("type")

        let json = context.arguments.flag("json")
        let language = context.language
        let (store, head) = try context.openStore()
        var shown = 0
        try store.forEachRecord(upTo: head, from: from) { record, line in
            if let type, !(record.type == type || (type.hasSuffix(".") && record.type.hasPrefix(type))) { return }
            shown += 1
            if json {
                context.stdout.write(bytes: line)
                context.stdout.write("\n")
            } else {
                context.stdout.write(describe(record, language: language))
            }
        }
        if shown == 0, let type, !EventType.all.contains(where: { $0 == type || (type.hasSuffix(".") && $0.hasPrefix(type)) }) {
            throw UsageError(Message(.logUnknownType, .text(type), .list(EventType.all.map { .text($0) })), command: spec.name)
        }
        if !json && shown == 0 {
            context.stderr.write(context.text(Message(head.head.seq.value == 0 ? .logEmpty : .logNoMatch)) + "\n")
        }
        return .success
    }

    static func fromSeq(_ text: String?) throws -> Seq {
        // From the start: a migrated log's log.migrated record is seq 0.
        guard let text else { return Seq(0) }
        guard let value = Int(text), value >= 1 else {
            throw CommandFailure.badValue("from", text, expected: Message(.expectedSeq))
        }
        return Seq(value)
    }

    /// Two lines an event: what and when, then the payload as compact JSON.
    static func describe(_ record: EventRecord, language: Language = .english) -> String {
        func t(_ key: MessageKey, _ arguments: Message.Argument...) -> String { Message(key, arguments: arguments).rendered(in: language) }
        var line = "#\(record.seq)  \(record.type)"
        if let valid = record.valid { line += t(.recordValid, "\(valid)") }
        line += t(.logRecorded, "\(record.recordedAt)", .text(record.actor))
        if record.batch.count > 1 {
            line += t(.logBatch, "\(record.batch.first)", "\(record.seq.value - record.batch.first.value + 1)", "\(record.batch.count)")
        }
        var text = line + "\n    " + JSONWriter.string(.object(record.payload)) + "\n"
        if let lines = record.source?.lines, let issue = record.source?.issue {
            text += t(.logFrom, .text(issue), "\(lines.lowerBound)", "\(lines.upperBound)") + "\n"
        }
        return text
    }
}
