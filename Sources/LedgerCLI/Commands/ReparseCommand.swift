import LedgerDomain
import LedgerDocuments
import LedgerParser
import LedgerStore
import LedgerFormats

/// `ledger reparse`: re-reads the stored documents with this build's parser and shows, per
/// issue, the facts that would change; `--apply --reason` appends the differences as
/// corrections, retractions and new facts. Fields corrected by hand are never overridden.
enum ReparseCommand {
    static let spec = CommandSpec(
        name: "reparse",
        abstract: "Re-read the stored documents with the current parser; show (or --apply) what would change.",
        options: [
            CommandSpec.Option(name: "issue", valueName: "key", help: "Only this issue, like 2023-06."),
            CommandSpec.Option(name: "apply", help: "Append the differences as corrections (needs --reason)."),
            CommandSpec.reasonOption("Why: recorded with the corrections."),
            CommandSpec.actorOption,
            CommandSpec.Option(name: "json", help: "Print the differences as one JSON document."),
        ])

    struct IssueDifferences {
        var issue: String
        var differences: [IngestPlanner.Difference]
        var kept: [Message]
        var events: [NewEvent]
    }

    static func run(_ context: CommandContext) throws -> ExitCode {
        let apply = context.arguments.flag("apply")
        let reason = context.arguments.value("reason")
        if apply && (reason ?? "").isEmpty {
            throw UsageError(Message(.reparseApplyNeedsReason), command: spec.name)
        }
        let (store, head) = try context.openStore()
        var history = IngestHistory()
        try store.forEachRecord(upTo: head) { record, _ in history.apply(record) }
        let wanted = context.arguments.value("issue")
        if let wanted, history.issues[wanted] == nil {
            throw CommandFailure(Message(.reparseIssueNotInLedger, .text(wanted)), exitCode: .dataError)
        }
        let results = try history.issues.values.filter { wanted == nil || $0.key == wanted }.sorted { $0.through < $1.through }
            .map { try differences(of: $0, store: store) }
        render(results, context: context)
        let events = results.flatMap(\.events)
        guard apply, !events.isEmpty else { return .success }
        let receipt = try store.append(events, expecting: head.head,
                                       context: AppendContext(actor: context.actor, now: context.invocation.now(),
                                                              command: context.commandLine, reason: reason))
        context.stdout.write(context.text(Message(events.count == 1 ? .reparseAppendedOne : .reparseAppended, "\(events.count)", "\(receipt.seqs.lowerBound)", "\(receipt.seqs.upperBound)")) + "\n")
        return .success
    }

    static func differences(of entry: IngestHistory.IssueEntry, store: EventStore) throws -> IssueDifferences {
        let bytes = try DocumentStore(layout: store.layout, system: store.system).read(entry.document)
        let document = try DocumentReader.read(bytes)
        guard let bulletin = BulletinParser.parse(lines: document.lines.map(\.text)).bulletin else {
            return IssueDifferences(issue: entry.key, differences: [], kept: [Message(.reparseCannotRead)], events: [])
        }
        let events = bulletin.events(document: entry.document, encoding: document.decodedAs, partial: false,
                                     layout: document.sourceLayout)
        var result = IssueDifferences(issue: entry.key, differences: [], kept: [], events: [])
        var newByKey: [String: NewEvent] = [:]
        for (index, event) in events.dropFirst().enumerated() {
            newByKey[FactIdentity.key(type: event.type, payload: event.payload, index: index, distinctFrom: newByKey)] = event
        }
        var changesByFact: [String: [JSONValue]] = [:]
        for difference in IngestPlanner.structuredDifferences(old: entry.facts, new: events) {
            if let field = difference.field, entry.correctedByHand[difference.fact]?.contains(field) == true {
                result.kept.append(Message(.reparseKeptByHand, .text(difference.fact), .text(field)))
                continue
            }
            result.differences.append(difference)
            switch difference.kind {
            case "added": if let event = newByKey[difference.fact] { result.events.append(event) }
            case "removed":
                if let seq = entry.factSeqs[difference.fact] {
                    result.events.append(NewEvent(type: EventType.factRetracted, valid: entry.through,
                        source: SourceReference(document: entry.document, issue: entry.key, parser: BulletinParser.version),
                        payload: ["target": .int(seq), "issue": .string(entry.key), "origin": "reparse"]))
                }
            default:
                changesByFact[difference.fact, default: []].append(.object([
                    "field": .string(difference.field ?? ""), "from": difference.from ?? .null, "to": difference.to ?? .null]))
            }
        }
        for (fact, changes) in changesByFact.sorted(by: { $0.key < $1.key }) {
            guard let seq = entry.factSeqs[fact], let event = newByKey[fact] else { continue }
            result.events.append(NewEvent(type: EventType.factCorrected, valid: event.valid, source: event.source, payload: [
                "target": .int(seq), "targetType": .string(event.type), "issue": .string(entry.key),
                "changes": .array(changes), "origin": "reparse",
            ]))
        }
        return result
    }

    static func render(_ results: [IssueDifferences], context: CommandContext) {
        if context.arguments.flag("json") {
            context.stdout.write(JSONWriter.prettyString(.object(["issues": .array(results.map { result in
                .object(["issue": .string(result.issue), "differences": .array(result.differences.map(\.json)),
                         "kept": .array(result.kept.map { .string($0.rendered(in: .english)) })])
            })])) + "\n")
            return
        }
        for result in results {
            let count = result.differences.count
            let key: MessageKey = count == 0 ? .reparseNoChange : count == 1 ? .reparseWouldChangeOne : .reparseWouldChange
            context.stdout.write(context.text(Message(key, .text(result.issue), "\(count)")) + "\n")
            for difference in result.differences { context.stdout.write("  " + context.text(difference.message) + "\n") }
            for kept in result.kept { context.stdout.write("  " + context.text(kept) + "\n") }
        }
    }
}
