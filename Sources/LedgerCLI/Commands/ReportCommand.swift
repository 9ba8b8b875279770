import LedgerDomain
import LedgerProjections
import LedgerReport
import LedgerStore

/// `ledger report`: the ledger as one self-contained HTML page with charts, for people.
enum ReportCommand {
    static let spec = CommandSpec(
        name: "report",
        abstract: "Write the ledger as one self-contained HTML page with charts (Chinese labels), for screens and A4 print.",
        discussion: """
            The page shows authorization week by week (authorized and stationed, the share, the
            latest newly authorized departments), each year's service-item totals with what each
            report added, comprehensive-window counts per week, leader visits on a timeline per
            department, the inspection findings, the issues with the gaps in their numbering, and
            the ledger's head hash and what `ledger verify` found when the page was written.
            Inline SVG and CSS only: no scripts, nothing fetched, so the file can be mailed or archived.
            The whole log is read and verified; the ledger is not changed.
            Without --out the page goes to standard output (refused when that is a terminal).
            Exits 0 when the page is written; 65 when it is written but the ledger did not verify
            (the page says so at the top).
            """,
        options: [
            ProjectCommand.timeOptions[0], ProjectCommand.timeOptions[1],
            CommandSpec.Option(name: "year", valueName: "year", help: "Only the reports of this year (default: every year)."),
            CommandSpec.Option(name: "out", valueName: "file", help: "Write the page to this file, replacing it whole (default, or -: standard output)."),
        ])

    static func run(_ context: CommandContext) throws -> ExitCode {
        let filter = try ProjectCommand.timeFilter(context.arguments)
        let year = try ProjectCommand.year(context.arguments)
        let out = context.arguments.value("out").flatMap { $0 == "-" ? nil : $0 }
        if out?.isEmpty == true {
            throw UsageError(Message(.outNeedsPath), command: spec.name)
        }
        if out == nil && context.stdout.isTerminal {
            throw UsageError(Message(.reportToTerminal), command: spec.name)
        }
        try context.requireLedger()
        let store = context.store()
        var state = HallState()
        let verified = try VerifyCommand.check(store) { state.apply($0, filter: filter) }
        // The page is in Chinese whatever the locale (its labels are), so are verify's lines on it.
        let integrity = HallReport.Integrity(intact: verified.isIntact, records: verified.records, bytes: verified.fileBytes,
                                             problems: verified.problems.map { $0.lineMessage.rendered(in: .chinese) },
                                             problemCount: verified.problemCount,
                                             notes: verified.notes.map { $0.message.rendered(in: .chinese) })
        let head = verified.headFile?.head ?? state.head
        let page = HallReport(state: state, asOf: filter.asOf, knownAt: filter.knownAt, year: year, head: head,
                              integrity: integrity, writtenAt: context.invocation.now()).html()
        if let out {
            do {
                try OutputFile.write(Array(page.utf8), to: out, workingDirectory: context.invocation.workingDirectory,
                                     system: context.invocation.system)
            } catch {
                throw CommandFailure(Message(.reportNotWritten, .message(error.message)),
                                     exitCode: error.isInsideLedger ? .usage : .ioError)
            }
            let issues = IssuesProjection(state).issues.filter { issue in year.map { issue.through.year == $0 } ?? true }
            let scope = issues.last.map { context.text(Message(issues.count == 1 ? .reportIssuesOne : .reportIssues, "\(issues.count)", "\($0.through)")) }
                ?? context.text(Message(.reportNoIssues))
            let key: MessageKey = verified.isIntact ? .reportWroteIntact : .reportWroteDamaged
            context.stdout.write(context.text(Message(key, .text(out), "\(page.utf8.count / 1024 + 1)", .text(scope), "\(head.seq)",
                                                      .text(String(head.hash.hex.prefix(12))))) + "\n")
        } else {
            context.stdout.write(page)
        }
        guard verified.isIntact else {
            let count = Message(verified.problemCount == 1 ? .reportProblemsOne : .reportProblems, "\(verified.problemCount)")
            let first = verified.problems.first.map { Message(.reportFirstProblem, .message($0.lineMessage)) } ?? Message(.verbatim, "")
            context.stderr.write(context.text(Message(.reportNotVerified, .message(count), .message(first))) + "\n")
            return .dataError
        }
        return .success
    }
}

extension OutputFile.Failure {
    /// The user asked for a path the ledger keeps for itself: a usage error, not an I/O one.
    var isInsideLedger: Bool { if case .insideLedger = self { true } else { false } }
}
