import LedgerDomain
import LedgerParser
import LedgerFormats

/// What happened to one file given to `ledger ingest`, and how to tell it.
struct IngestReport {
    enum Outcome: String {
        case appended, alreadyIngested, superseded, rejected, dryRun
    }

    var file: String
    var outcome: Outcome = .rejected
    var issue: String?
    var seqs: ClosedRange<Int>?
    var events: [NewEvent] = []
    var warnings: [CrossIssueWarning] = []
    var differences: [IngestPlanner.Difference] = []
    /// Already ingested from a document with other bytes but the same facts.
    var sameFactsOnly = false
    var diagnostics: [Diagnostic] = []
    /// Why the file was refused; rendered in the invocation's language, and in English in `--json`.
    var error: Message?
    var exitCode: ExitCode = .success
    /// The decoded lines, to quote them under diagnostics.
    var lines: [String] = []
    /// Where the lines stand in a PDF (their pages) and what read them.
    var layout: SourceLayout = .text
    /// Where each non-blank line of the document ended up.
    var account: LineAccount?

    init(file: String) { self.file = file }

    mutating func reject(_ message: Message, _ code: ExitCode) {
        outcome = .rejected
        error = message
        exitCode = code
    }

    func render(stdout: TextOutput, stderr: TextOutput, language: Language = .english) {
        func t(_ key: MessageKey, _ arguments: Message.Argument...) -> String { Message(key, arguments: arguments).rendered(in: language) }
        let range = seqs.map { $0.count == 1 ? t(.seqOne, "\($0.lowerBound)") : t(.seqRange, "\($0.lowerBound)", "\($0.upperBound)") } ?? ""
        switch outcome {
        case .appended, .superseded:
            let key: MessageKey = outcome == .appended ? .ingestAppended : .ingestSuperseded
            stdout.write(t(key, .text(file), .text(issue ?? "?"), .text(range), "\(events.count)") + "\n")
        case .alreadyIngested:
            let key: MessageKey = sameFactsOnly ? .ingestAlreadySameFacts : .ingestAlready
            stdout.write(t(key, .text(file), .text(issue ?? "?"), .text(range)) + "\n")
        case .dryRun:
            stdout.write(t(.ingestDryRun, .text(file), .text(issue ?? "?"), "\(events.count)") + "\n")
            for event in events { stdout.write("  \(event.type)  \(event.valid?.description ?? "")  \(JSONWriter.string(.object(event.payload)).prefix(100))\n") }
            if let account { stdout.write("  " + Self.summary(account, netCaught: netCaught).rendered(in: language) + "\n") }
        case .rejected:
            stderr.write(t(.failureLine, .text(error?.rendered(in: language) ?? "rejected")) + "\n")
        }
        let out = outcome == .rejected ? stderr : stdout
        for diagnostic in diagnostics where diagnostic.severity >= .warning {
            // The rejection's own paragraph already says it.
            if outcome == .rejected && [.missingFooter, .missingHeader, .notOneBulletin].contains(diagnostic.kind) { continue }
            // An error the user chose to go past (--accept-inconsistent, --allow-partial) is no error.
            let accepted = outcome != .rejected && diagnostic.severity == .error && [.inconsistent, .missingFooter].contains(diagnostic.kind)
            out.write(render(diagnostic, accepted: accepted, as: diagnostic.kind == .missingFooter ? .diagnosticAcceptedPartial : .diagnosticAccepted,
                             language: language))
        }
        for warning in warnings { out.write(t(.ingestWarning, .text(file), .message(warning.message)) + "\n") }
        for difference in differences.prefix(20) { out.write("  " + difference.message.rendered(in: language) + "\n") }
        if differences.count > 20 { out.write(t(.andMore, "\(differences.count - 20)") + "\n") }
    }

    /// Like a compiler: `file:line: error: message`, then the lines quoted with their numbers.
    /// The place, the page, the severity and the parser's sentence are all said in `language`.
    func render(_ diagnostic: Diagnostic, accepted: Bool = false, as acceptance: MessageKey = .diagnosticAccepted,
                language: Language = .english) -> String {
        func t(_ key: MessageKey, _ arguments: Message.Argument...) -> String { Message(key, arguments: arguments).rendered(in: language) }
        let page = diagnostic.lines.flatMap { layout.pages(of: $0) }.map { t(.diagnosticPage, "\($0.lowerBound)") } ?? ""
        let place = (diagnostic.lines.map { "\(file):\($0.lowerBound)" } ?? file) + page
        let label: String
        switch (accepted, diagnostic.severity) {
        case (true, _): label = t(acceptance)
        case (false, .error): label = t(.diagnosticError)
        case (false, .warning): label = t(.diagnosticWarning)
        case (false, .note): label = t(.diagnosticNote)
        }
        var text = t(.diagnosticLine, .text(place), .text(label), .message(diagnostic.detail.message)) + "\n"
        if let range = diagnostic.lines {
            // The lines with text, at most six: blank lines between PDF lines say nothing.
            let shown = range.filter { $0 >= 1 && $0 <= lines.count && !lines[$0 - 1].allSatisfy(\.isWhitespace) }.prefix(6)
            for number in shown {
                let label = String(number)
                text += String(repeating: " ", count: max(0, 6 - label.count)) + label + " | " + lines[number - 1] + "\n"
            }
        }
        return text
    }

    static func json(_ reports: [IngestReport], head: LogHead) -> JSONValue {
        .object([
            "files": .array(reports.map(\.json)),
            "head": .object(["seq": .int(head.seq.value), "hash": .string(head.hash.hex)]),
        ])
    }

    var json: JSONValue {
        var object: JSONObject = [
            "file": .string(file), "issue": issue.map { .string($0) } ?? .null, "result": .string(outcome.rawValue),
            "seqs": seqs.map { .object(["first": .int($0.lowerBound), "last": .int($0.upperBound)]) } ?? .null,
            "eventCount": .int(events.count),
            "warnings": .array(warnings.map { .string($0.description) }),
            "differences": .array(differences.map { .string($0.description) }),
            "diagnostics": .array(diagnostics.map { diagnostic in
                .object(["severity": .string(diagnostic.severity.rawValue), "kind": .string(diagnostic.kind.rawValue),
                         "message": .string(diagnostic.message),
                         "lines": diagnostic.lines.map { .array([.int($0.lowerBound), .int($0.upperBound)]) } ?? .null])
            }),
            "error": error.map { .string($0.rendered(in: .english)) } ?? .null,
        ]
        if outcome == .dryRun {
            object["events"] = .array(events.map(Self.json))
            if let account { object["account"] = Self.json(account, events: events) }
        }
        return .object(object)
    }

    /// Lines the safety net kept: no reader claimed them.
    private var netCaught: Int {
        diagnostics.filter { $0.kind == .unclaimed }.reduce(0) { total, diagnostic in
            total + (diagnostic.lines.map { range in range.filter { $0 >= 1 && $0 <= lines.count && !lines[$0 - 1].allSatisfy(\.isWhitespace) }.count } ?? 0)
        }
    }

    /// `every line accounted for: 120 lines, 4 masthead, …`.
    static func summary(_ account: LineAccount, netCaught: Int) -> Message {
        let tally = account.tally
        let events = Set(account.entries.flatMap { entry -> [Int] in
            if case .event(let index) = entry.place { return [index] + entry.alsoCitedBy }
            return []
        })
        func n(_ number: Int) -> Message.Argument { .text(String(number)) }
        return Message(.ingestAccount, n(account.entries.count), n(tally.masthead), n(tally.footer), n(tally.furniture), n(tally.heading),
                       n(tally.events), n(events.count), .message(netCaught == 0 ? Message(.verbatim, "") : Message(.ingestAccountNet, n(netCaught))))
    }

    /// The account as runs of lines with one place; an event's run names its index in
    /// `events` and its type.
    static func json(_ account: LineAccount, events: [NewEvent]) -> JSONValue {
        let tally = account.tally
        return .object([
            "lines": .int(account.entries.count),
            "masthead": .int(tally.masthead), "footer": .int(tally.footer), "furniture": .int(tally.furniture),
            "headings": .int(tally.heading), "inEvents": .int(tally.events),
            "runs": .array(account.runs.map { run in
                var object: JSONObject = ["lines": .array([.int(run.lines.lowerBound), .int(run.lines.upperBound)])]
                let shared = Set(account.entries.filter { run.lines.contains($0.line) }.flatMap(\.alsoCitedBy)).sorted()
                if !shared.isEmpty { object["alsoCitedBy"] = .array(shared.map { .int($0) }) }
                switch run.place {
                case .event(let index):
                    object["place"] = .string("event")
                    object["event"] = .int(index)
                    object["type"] = index < events.count ? .string(events[index].type) : .null
                default:
                    object["place"] = .string(run.place.description)
                }
                return .object(object)
            }),
        ])
    }

    static func json(_ event: NewEvent) -> JSONValue {
        var object: JSONObject = ["type": .string(event.type), "version": .int(event.version),
                                  "valid": event.valid.map { .string($0.description) } ?? .null]
        if let source = event.source {
            object["source"] = .object([
                "document": .string(source.document.hex), "issue": source.issue.map { .string($0) } ?? .null,
                "lines": source.lines.map { .array([.int($0.lowerBound), .int($0.upperBound)]) } ?? .null,
                "pages": source.pages.map { .array([.int($0.lowerBound), .int($0.upperBound)]) } ?? .null,
                "parser": source.parser.map { .string($0) } ?? .null, "reader": source.reader.map { .string($0) } ?? .null,
                "text": source.text.map { .string($0) } ?? .null,
            ])
        }
        object["payload"] = .object(event.payload)
        return .object(object)
    }
}
