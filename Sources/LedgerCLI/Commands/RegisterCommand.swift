import LedgerDomain
import LedgerParser
import LedgerProjections
import LedgerStore
import LedgerFormats

/// `ledger register NAME [--alias A]…`: extends the department registry without a rebuild;
/// `ledger register --publisher NAME`: another name of this ledger's centre, so that ingest
/// accepts the bulletins whose masthead gives it.
enum RegisterCommand {
    static let spec = CommandSpec(
        name: "register",
        abstract: "Register a department, or more names for one, or another name of the centre that publishes the bulletin, without a rebuild.",
        discussion: """
            When NAME is already known (under any of its names), the aliases are added to that
            department; otherwise NAME becomes a new department. A name another department
            already has is refused. With --publisher NAME (and no department), NAME becomes
            another name of this ledger's centre: ingest refuses a bulletin whose masthead names
            a publisher the ledger does not know (another hall's), and accepts this one from
            then on. Recorded as an event, so `ledger audit` shows who added what, and why.
            """,
        options: [
            CommandSpec.Option(name: "alias", valueName: "name", help: "Another name of the department (repeatable).", repeatable: true),
            CommandSpec.Option(name: "publisher", valueName: "name", help: "Another name of the centre that publishes the bulletin, as its masthead writes it (instead of a department)."),
            CommandSpec.reasonOption("Why (required)."),
            CommandSpec.actorOption,
        ],
        positionals: [CommandSpec.Positional(name: "name", help: "The department's canonical name, or any name it already has.", optional: true)])

    static func run(_ context: CommandContext) throws -> ExitCode {
        guard let reason = context.arguments.value("reason"), !reason.isEmpty else {
            throw UsageError(Message(.registerReasonRequired), command: spec.name)
        }
        if let publisher = context.arguments.value("publisher") {
            guard context.arguments.positionals.isEmpty, (context.arguments.values["alias"] ?? []).isEmpty else {
                throw UsageError(Message(.registerPublisherAlone), command: spec.name)
            }
            return try registerPublisher(publisher, reason: reason, context)
        }
        guard let name = context.arguments.positionals.first else {
            throw UsageError(Message(.registerMissingName), command: spec.name)
        }
        let aliases = context.arguments.values["alias"] ?? []
        try context.requireLedger(creating: true)
        let (state, head) = try HallLoader(context: context).load(TimeFilter(), parts: [.registered])
        let current = state.registry
        let known = current.resolve(name)
        let canonical = known.isRegistered ? known.canonical : name
        if known.isRegistered && aliases.isEmpty {
            throw CommandFailure(Message(.registerAlready, .text(name), .text(canonical)), exitCode: .usage)
        }
        let (_, conflicts) = current.adding([Department(canonical: canonical, aliases: aliases)])
        guard conflicts.isEmpty else {
            let owners = conflicts.map { Message.Argument.message(Message(.registerOwner, .text($0), .text(current.resolve($0).canonical))) }
            throw CommandFailure(Message(.registerConflict, .list(owners)), exitCode: .dataError)
        }
        let event = NewEvent(type: EventType.departmentRegistered, payload: [
            "department": .string(canonical), "aliases": .array(aliases.map { .string($0) }),
        ])
        let store = context.store()
        let receipt = try store.append([event], expecting: head.head, context: AppendContext(
            actor: context.actor, now: context.invocation.now(), command: context.commandLine, reason: reason))
        let names = Message.Argument.text(aliases.joined(separator: context.text(Message(.listSeparator))))
        let what = known.isRegistered ? Message(.registerAddedAliases, names, .text(canonical))
            : aliases.isEmpty ? Message(.registerDepartment, .text(canonical)) : Message(.registerDepartmentWithAliases, .text(canonical), names)
        context.stdout.write(context.text(Message(.seqLine, "\(receipt.seqs.lowerBound)", .message(what))) + "\n")
        return .success
    }

    /// Appends `publisher.registered`: `name` becomes one of the names ingest accepts as the
    /// masthead's publisher. A name the ledger knows already is refused, nothing written.
    private static func registerPublisher(_ written: String, reason: String, _ context: CommandContext) throws -> ExitCode {
        let name = String(written.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        guard !PublisherRegistry.comparable(name).isEmpty else {
            throw UsageError(Message(.registerPublisherNeedsName), command: spec.name)
        }
        let (store, head) = try context.openStore(creating: true)
        let publishers = try IngestSession(note: { context.stderr.write(context.text($0) + "\n") }).history(store: store, head: head).publishers
        if publishers.knows(name) {
            throw CommandFailure(Message(.registerPublisherKnown, .text(name), .text(publishers.names.joined(separator: "、"))), exitCode: .usage)
        }
        let event = NewEvent(type: EventType.publisherRegistered, payload: ["publisher": .string(name)])
        let receipt = try store.append([event], expecting: head.head, context: AppendContext(
            actor: context.actor, now: context.invocation.now(), command: context.commandLine, reason: reason))
        context.stdout.write(context.text(Message(.seqLine, "\(receipt.seqs.lowerBound)", .message(Message(.registerPublisher, .text(name), .text(publishers.names[0]))))) + "\n")
        return .success
    }
}
