import LedgerDomain
import LedgerProjections
import LedgerStore

/// `ledger register NAME [--alias A]…`: extends the department registry without a rebuild.
enum RegisterCommand {
    static let spec = CommandSpec(
        name: "register",
        abstract: "Register a department, or more names for one, without a rebuild.",
        discussion: """
            When NAME is already known (under any of its names), the aliases are added to that
            department; otherwise NAME becomes a new department. A name another department
            already has is refused. Recorded as an event, so `ledger audit` shows who added what.
            """,
        options: [
            CommandSpec.Option(name: "alias", valueName: "name", help: "Another name of the department (repeatable).", repeatable: true),
            CommandSpec.reasonOption("Why (required)."),
            CommandSpec.actorOption,
        ],
        positionals: [CommandSpec.Positional(name: "name", help: "The department's canonical name, or any name it already has.")])

    static func run(_ context: CommandContext) throws -> ExitCode {
        guard let reason = context.arguments.value("reason"), !reason.isEmpty else {
            throw UsageError(message: "--reason TEXT is required: say why, it is recorded with the registration", command: spec.name)
        }
        let name = context.arguments.positionals[0]
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
}
