import LedgerDomain
import LedgerParser
import LedgerProjections
import LedgerStore
import LedgerFormats

/// `ledger project NAME`: one question about the hall, now or as it stood on a date.
enum ProjectCommand {
    static let names = ["authorization", "totals", "window", "visits", "inspections", "departments", "issues"]

    static let timeOptions = [
        CommandSpec.Option(name: "as-of", valueName: "date", help: "The hall as it stood on this date (2023-02-20, 2023/2/20, 2023年2月20日…), from facts true on or before it."),
        CommandSpec.Option(name: "known-at", valueName: "instant", help: "Only what the ledger had recorded by then (a date: the end of that day, UTC; a date and time in UTC like 2023/2/20 10:00; or ISO 8601 with a zone)."),
        CommandSpec.Option(name: "json", help: "Print one JSON document."),
    ]

    /// Which years of a history an answer shows.
    static let yearOptions = [
        CommandSpec.Option(name: "year", valueName: "year", help: "Show this year's weeks and rows (default: the latest year's)."),
        CommandSpec.Option(name: "all", help: "Show every year's weeks and rows, not only the latest year's."),
    ]

    static let spec = CommandSpec(
        name: "project",
        abstract: "Answer one question: authorization, totals, window, visits, inspections, departments or issues.",
        discussion: """
            authorization  departments stationed and authorized, the share, newly authorized, since when, week by week
            totals         year-to-date service items per category, the change since the previous report
            window         comprehensive-window counts: the week and the year to date
            visits         leader visits, by department (any alias) and person, with counts
            inspections    hall inspection verdicts by week, findings first
            departments    the department registry joined with what the ledger knows
            issues         the ingested issues in order, with gaps in the numbering
            An answer shows the latest year's weeks and rows, and says so when there are others:
            --year YYYY shows another year's, --all every year's (departments: always every year).
            Every answer names the ledger's head (seq and hash) it was computed from.
            """,
        options: timeOptions + yearOptions + [
            CommandSpec.Option(name: "department", valueName: "name", help: "visits: only this department (any of its names)."),
            CommandSpec.Option(name: "person", valueName: "name", help: "visits: only visitors whose name contains this."),
        ],
        positionals: [CommandSpec.Positional(name: "projection", help: names.joined(separator: ", "))])

    static func run(_ context: CommandContext) throws -> ExitCode {
        let name = context.arguments.positionals[0]
        guard names.contains(name) else {
            let expected = Message.Argument.list(names.map { .text($0) })
            if let close = names.first(where: { LedgerTool.editDistance($0, name) <= 2 }) {
                throw UsageError(Message(.unknownProjectionSuggested, .text(name), .text(close), expected), command: spec.name)
            }
            throw UsageError(Message(.unknownProjection, .text(name), expected), command: spec.name)
        }
        for (option, applies) in [("department", "visits"), ("person", "visits")]
        where context.arguments.value(option) != nil && name != applies {
            throw UsageError(Message(.projectOptionApplies, .text(option), .text(applies), .text(name)), command: spec.name)
        }
        let filter = try timeFilter(context.arguments)
        let years = try Self.years(context.arguments, command: spec.name)
        if name == "departments", years != .latest {
            throw UsageError(Message(.yearsNotForDepartments), command: spec.name)
        }
        let (department, person) = (context.arguments.value("department"), context.arguments.value("person"))
        // The departments count every year's visits; a filtered list finds its latest year among them all.
        let everyYear: Set<HallState.Part> = name == "departments" || department != nil || person != nil ? [.visits] : []
        let (state, head) = try HallLoader(context: context).load(filter, parts: ProjectionAnswer.parts(name), years: years,
                                                                  everyYear: everyYear)
        let answer = ProjectionAnswer(name: name, state: state, filter: filter, years: years, department: department, person: person,
                                      language: context.language)
        if context.arguments.flag("json") {
            let document = answer.stream(appending: [
                ("knownAt", .value(filter.knownAt.map { .string($0.description) } ?? .null)), ("head", .value(headJSON(head.head))),
            ])
            JSONWriter.streamPretty(document) { context.stdout.write(bytes: $0) }
            context.stdout.write("\n")
        } else {
            context.stdout.write(answer.text(terminal: context.stdout.isTerminal))
            context.stdout.write("\n" + context.text(Message(.computedFromHead, "\(head.head.seq)", .text(head.head.hash.hex))) + "\n")
        }
        return .success
    }

    static func timeFilter(_ arguments: ParsedArguments) throws -> TimeFilter {
        var filter = TimeFilter()
        if let text = arguments.value("as-of") {
            guard let date = DateInput.date(text) else { throw CommandFailure.badValue("as-of", text, expected: Message(.expectedDate, .message(Message(.dateForms)))) }
            filter.asOf = date
        }
        if let text = arguments.value("known-at") {
            guard let instant = Instant(userInput: text) else {
                throw CommandFailure.badValue("known-at", text, expected: Message(.instantForms, .message(Message(.dateForms))))
            }
            filter.knownAt = instant
        }
        return filter
    }

    /// `--year` or `--all` (not both), else the latest year.
    static func years(_ arguments: ParsedArguments, command: String) throws -> YearSelection {
        let year = try Self.year(arguments)
        if year != nil, arguments.flag("all") { throw UsageError(Message(.yearWithAll), command: command) }
        if arguments.flag("all") { return .all }
        return year.map { .year($0) } ?? .latest
    }

    /// `--year`, checked.
    static func year(_ arguments: ParsedArguments) throws -> Int? {
        try arguments.value("year").map { text in
            guard let year = Int(text), (1000...9999).contains(year) else {
                throw CommandFailure.badValue("year", text, expected: Message(.expectedYear))
            }
            return year
        }
    }

    static func headJSON(_ head: LogHead) -> JSONValue {
        .object(["seq": .int(head.seq.value), "hash": .string(head.hash.hex)])
    }
}

/// `ledger replay`: every projection at once.
enum ReplayCommand {
    static let spec = CommandSpec(
        name: "replay",
        abstract: "Rebuild every projection from the log at once, now or as of a date.",
        options: ProjectCommand.timeOptions + ProjectCommand.yearOptions)

    static func run(_ context: CommandContext) throws -> ExitCode {
        let filter = try ProjectCommand.timeFilter(context.arguments)
        let years = try ProjectCommand.years(context.arguments, command: spec.name)
        // The departments count every year's visits.
        let (state, head) = try HallLoader(context: context).load(filter, years: years, everyYear: [.visits])
        let answers = ["authorization", "totals", "window", "visits", "inspections", "departments", "issues"].map {
            ProjectionAnswer(name: $0, state: state, filter: filter, years: $0 == "departments" ? .all : years, department: nil,
                             person: nil, language: context.language)
        }
        if context.arguments.flag("json") {
            // One projection's JSON at a time, written as it is made: the whole document of a
            // long history would be several times the state's size.
            var fields: [(key: String, value: JSONStream)] = [
                ("asOf", .value(.date(filter.asOf))), ("knownAt", .value(filter.knownAt.map { .string($0.description) } ?? .null)),
            ]
            fields += answers.map { answer in (answer.name, .deferred { answer.stream }) }
            fields.append(("head", .value(ProjectCommand.headJSON(head.head))))
            JSONWriter.streamPretty(.object(fields)) { context.stdout.write(bytes: $0) }
            context.stdout.write("\n")
        } else {
            for answer in answers { context.stdout.write(answer.text(terminal: false) + "\n") }
            context.stdout.write(context.text(Message(.computedFromHead, "\(head.head.seq)", .text(head.head.hash.hex))) + "\n")
        }
        return .success
    }
}

/// `ledger snapshot`: saves the projections' state and the ingest history at the head, so
/// answers and ingests start from them.
enum SnapshotCommand {
    static let spec = CommandSpec(
        name: "snapshot",
        abstract: "Save the projections' state and the ingest history at the log's head in Snapshots/ (an optimisation: deleting them changes no answer).")

    static func run(_ context: CommandContext) throws -> ExitCode {
        let (store, head) = try context.openStore()
        var state = HallState()
        var history = IngestHistory()
        var offset = 0
        try store.forEachRecord(upTo: head) { record, line in
            state.apply(record)
            history.apply(record, at: offset..<offset + line.count + 1)
            offset += line.count + 1
        }
        try HallLoader.writeSnapshot(state, head: head, store: store)
        context.stdout.write(context.text(Message(.snapshotWroteHall, "Snapshots/\(HallState.snapshotName).snapshot", "\(head.head.seq)", "\(state.recordCount)")) + "\n")
        try IngestSession.writeSnapshot(history, head: head, store: store)
        context.stdout.write(context.text(Message(.snapshotWrote, .text(IngestSession.snapshotFile), "\(head.head.seq)")) + "\n")
        return .success
    }
}
