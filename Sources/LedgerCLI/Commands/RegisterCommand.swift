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
            throw UsageError(message: "--reason TEXT is required: say why, it is recorded with the registration", command: spec.name)
        }
        if let publisher = context.arguments.value("publisher") {
            guard context.arguments.positionals.isEmpty, (context.arguments.values["alias"] ?? []).isEmpty else {
                throw UsageError(message: "--publisher NAME registers a name of the centre, not a department: give it without a department NAME or --alias", command: spec.name)
            }
            return try registerPublisher(publisher, reason: reason, context)
        }
        guard let name = context.arguments.positionals.first else {
            throw UsageError(message: "Missing '<name>': the department to register (or --publisher NAME for the centre)", command: spec.name)
        }
        let aliases = context.arguments.values["alias"] ?? []
        try context.requireLedger(creating: true)
        let (state, head) = try HallLoader(context: context).load(TimeFilter(), parts: [.registered])
        let current = state.registry
        let known = current.resolve(name)
        let canonical = known.isRegistered ? known.canonical : name
        if known.isRegistered && aliases.isEmpty {
            throw CommandFailure(message: "\(name) is already registered (as \(canonical)); add --alias NAME to give it more names.", exitCode: .usage)
        }
        let (_, conflicts) = current.adding([Department(canonical: canonical, aliases: aliases)])
        guard conflicts.isEmpty else {
            let owners = conflicts.map { "\($0) (already \(current.resolve($0).canonical))" }
            throw CommandFailure(message: "refusing: \(owners.joined(separator: ", ")) belong to another department. Nothing was written.", exitCode: .dataError)
        }
        let event = NewEvent(type: EventType.departmentRegistered, payload: [
            "department": .string(canonical), "aliases": .array(aliases.map { .string($0) }),
        ])
        let store = context.store()
        let receipt = try store.append([event], expecting: head.head, context: AppendContext(
            actor: context.actor, now: context.invocation.now(), command: context.commandLine, reason: reason))
        let what = known.isRegistered ? "added \(aliases.joined(separator: ", ")) as names of \(canonical)"
            : "registered \(canonical)" + (aliases.isEmpty ? "" : " (also \(aliases.joined(separator: ", ")))")
        context.stdout.write("seq \(receipt.seqs.lowerBound): \(what)\n")
        return .success
    }

    /// Appends `publisher.registered`: `name` becomes one of the names ingest accepts as the
    /// masthead's publisher. A name the ledger knows already is refused, nothing written.
    private static func registerPublisher(_ written: String, reason: String, _ context: CommandContext) throws -> ExitCode {
        let name = String(written.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        guard !PublisherRegistry.comparable(name).isEmpty else {
            throw UsageError(message: "--publisher needs a name: the publisher as the bulletin's masthead writes it", command: spec.name)
        }
        let (store, head) = try context.openStore(creating: true)
        let publishers = try IngestSession(note: { context.stderr.write($0) }).history(store: store, head: head).publishers
        if publishers.knows(name) {
            throw CommandFailure(message: "\(name) is already a name of this ledger's centre (\(publishers.names.joined(separator: "、"))). Nothing was written.", exitCode: .usage)
        }
        let event = NewEvent(type: EventType.publisherRegistered, payload: ["publisher": .string(name)])
        let receipt = try store.append([event], expecting: head.head, context: AppendContext(
            actor: context.actor, now: context.invocation.now(), command: context.commandLine, reason: reason))
        context.stdout.write("seq \(receipt.seqs.lowerBound): registered \(name) as another name of this ledger's centre (\(publishers.names[0])); bulletins it publishes are now accepted\n")
        return .success
    }
}
