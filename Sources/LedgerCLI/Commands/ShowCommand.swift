import LedgerDomain
import LedgerDocuments
import LedgerProjections
import LedgerStore
import LedgerFormats

/// `ledger show SEQ`: one event, and the lines of the document it was read from.
enum ShowCommand {
    static let spec = CommandSpec(
        name: "show",
        abstract: "Show one event with the source lines it was read from.",
        options: [CommandSpec.Option(name: "json", help: "Print the stored record and its source lines as JSON.")],
        positionals: [CommandSpec.Positional(name: "seq", help: "The event's seq, as `ledger log` shows it.")])

    static func run(_ context: CommandContext) throws -> ExitCode {
        let text = context.arguments.positionals[0].trimming("#")
        guard let value = Int(text), value >= 1 else {
            throw UsageError(Message(.showInvalidSeq, .text(context.arguments.positionals[0])), command: spec.name)
        }
        let (store, head) = try context.openStore()
        guard value <= head.head.seq.value else {
            throw CommandFailure(Message(.showNoSuchSeq, "\(value)", "\(head.head.seq)"), exitCode: .usage)
        }
        var found: (EventRecord, [UInt8])?
        try store.forEachRecord(upTo: head, from: Seq(value)) { record, line in
            if record.seq.value == value { found = (record, Array(line)) }
        }
        guard let (record, line) = found else {
            throw CommandFailure(Message(.showNotFound, "\(value)"), exitCode: .dataError)
        }
        let quoted = sourceLines(record, store: store)
        // The record stands on its own hash; its document is only quoted, so a damaged one is
        // named rather than fatal.
        if let source = record.source, let problem = DocumentStore(layout: store.layout, system: store.system).problem(with: source.document) {
            context.stderr.write(context.text(Message(.showNotQuoted, .text(String(source.document.hex.prefix(16))), "\(problem)")) + "\n")
        }
        var history = FactHistory(record)
        try store.forEachRecord(upTo: head, from: Seq(value + 1)) { later, _ in history.apply(later) }
        if context.arguments.flag("json") {
            let stored = (try? JSONParser.parse(line)) ?? .null
            let lines: JSONValue = .array(quoted.map { quote in
                .object(["line": .int(quote.number), "page": quote.page.map { .int($0) } ?? .null, "text": .string(quote.text)])
            })
            context.stdout.write(JSONWriter.prettyString(.object([
                "record": stored, "sourceLines": lines, "current": .object(history.current),
                "withdrawn": .bool(history.withdrawnBy != nil), "changes": .array(history.changes.map(changeJSON)),
            ])) + "\n")
        } else {
            context.stdout.write(describe(record, quoted: quoted, language: context.language) + changesText(history, language: context.language))
        }
        return .success
    }

    static func describe(_ record: EventRecord, quoted: [QuotedLine], language: Language = .english) -> String {
        func t(_ key: MessageKey, _ arguments: Message.Argument...) -> String { Message(key, arguments: arguments).rendered(in: language) }
        var text = "#\(record.seq) \(record.type)"
        if let valid = record.valid { text += t(.recordValid, "\(valid)") }
        text += "\n" + t(.showRecorded, "\(record.recordedAt)", .text(record.actor), "\(record.batch.first)", "\(record.batch.last)") + "\n"
        if let source = record.source {
            text += t(.showFrom, .text(source.issue ?? t(.showADocument)))
            if let pages = source.pages {
                text += pages.count == 1 ? t(.showPage, "\(pages.lowerBound)") : t(.showPages, "\(pages.lowerBound)", "\(pages.upperBound)")
            }
            if let lines = source.lines { text += t(.showLines, "\(lines.lowerBound)", "\(lines.upperBound)") }
            text += t(.showOfDocument, .text(String(source.document.hex.prefix(16))))
            if let parser = source.parser { text += t(.showParser, "\(parser)") }
            if let reader = source.reader { text += t(.showReader, "\(reader)") }
            text += "\n"
        }
        text += "\n" + JSONWriter.prettyString(.object(record.payload)) + "\n"
        if !quoted.isEmpty {
            text += "\n"
            let paged = quoted.contains { $0.page != nil }
            for quote in quoted {
                let label = (paged ? "p\(quote.page.map(String.init) ?? "?") " : "") + String(quote.number)
                text += String(repeating: " ", count: max(0, (paged ? 8 : 6) - label.count)) + label + " | " + quote.text + "\n"
            }
        } else if let stored = record.source?.text {
            text += "\n" + t(.showSourceText) + "\n" + stored + "\n"
        }
        return text
    }

    static func changesText(_ history: FactHistory, language: Language = .english) -> String {
        func t(_ key: MessageKey, _ arguments: Message.Argument...) -> String { Message(key, arguments: arguments).rendered(in: language) }
        guard !history.changes.isEmpty else { return "" }
        var text = "\n" + t(.showSinceThen) + "\n"
        for change in history.changes {
            text += "  " + t(.seqOne, "\(change.seq)") + "  \(change.recordedAt)  \(change.actor)  "
            switch change.type {
            case EventType.factCorrected:
                let fields = (change.payload["changes"]?.array ?? []).map {
                    t(.fieldChange, .text($0["field"]?.string ?? ""), .text(IngestDisplay.value($0["from"], language: language)),
                      .text(IngestDisplay.value($0["to"], language: language)))
                }
                text += t(.showCorrected, .text(fields.joined(separator: "; ")))
            case EventType.factRetracted: text += t(.showRetracted)
            default: text += t(.showSuperseded)
            }
            text += (change.batch.reason.map { t(.showReason, .text($0)) } ?? "") + "\n"
        }
        if history.withdrawnBy == nil && history.changes.contains(where: { $0.type == EventType.factCorrected }) {
            text += "\n" + t(.showNow) + "\n" + JSONWriter.prettyString(.object(history.current)) + "\n"
        }
        return text
    }

    static func changeJSON(_ record: EventRecord) -> JSONValue {
        .object(["seq": .int(record.seq.value), "type": .string(record.type), "recordedAt": .string(record.recordedAt.description),
                 "actor": .string(record.actor), "reason": record.batch.reason.map { .string($0) } ?? .null,
                 "changes": record.payload["changes"] ?? .array([])])
    }

    /// A line of the stored document, quoted: its number, its page (PDF) and its text.
    struct QuotedLine {
        var number: Int
        var page: Int?
        var text: String
    }

    /// The record's lines from the stored document, read as at ingest.
    static func sourceLines(_ record: EventRecord, store: EventStore) -> [QuotedLine] {
        guard let source = record.source, let range = source.lines,
              let bytes = try? DocumentStore(layout: store.layout, system: store.system).read(source.document),
              let document = try? DocumentReader.read(bytes) else { return [] }
        return range.compactMap { number in
            guard number <= document.lines.count else { return nil }
            let line = document.lines[number - 1]
            return QuotedLine(number: number, page: line.page, text: line.text)
        }
    }
}
