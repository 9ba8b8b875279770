import LedgerDomain
import LedgerFormats
import LedgerProjections
import LedgerStore

/// `ledger export NAME --format csv|tsv|xlsx`: a projection's whole history as a table for
/// Excel or WPS 表格, each row with the seq of its fact and the head it was computed from.
enum ExportCommand {
    /// The file formats, by the name `--format` takes.
    enum Format: String, CaseIterable {
        case csv, tsv, xlsx
    }

    static let spec = CommandSpec(
        name: "export",
        abstract: "Write a projection's history as a table for Excel or WPS 表格: CSV, TSV or XLSX.",
        discussion: """
            One row per report (authorization; totals per category; window), per visit, per
            inspection item, per issue or per department, each with the seq of its fact. CSV and
            TSV end every row with a column `head` naming the ledger's head (seq and hash), so the
            table stays one rectangle for sorting, filters and pivot tables; XLSX puts the head on
            a second sheet, `head`. CSV and TSV are UTF-8 with a byte-order mark (so Excel and WPS
            read the Chinese), CRLF line ends; text that a spreadsheet would run as a formula is
            prefixed with '. XLSX keeps numbers as numbers and dates as dates.
            Without --out the table goes to standard output (XLSX is refused on a terminal).
            """,
        options: [
            CommandSpec.Option(name: "format", valueName: "format", help: "csv, tsv or xlsx (default: from --out's extension, else csv)."),
            CommandSpec.Option(name: "out", valueName: "file", help: "Write to this file, replacing it whole (default, or -: standard output)."),
            ProjectCommand.timeOptions[0], ProjectCommand.timeOptions[1],
            CommandSpec.Option(name: "no-bom", help: "CSV, TSV: leave out the UTF-8 byte-order mark."),
        ],
        positionals: [CommandSpec.Positional(name: "projection", help: ProjectCommand.names.joined(separator: ", "))])

    static func run(_ context: CommandContext) throws -> ExitCode {
        let name = context.arguments.positionals[0]
        guard ProjectCommand.names.contains(name) else {
            let expected = Message.Argument.list(ProjectCommand.names.map { .text($0) })
            if let close = ProjectCommand.names.first(where: { LedgerTool.editDistance($0, name) <= 2 }) {
                throw UsageError(Message(.unknownProjectionSuggested, .text(name), .text(close), expected), command: spec.name)
            }
            throw UsageError(Message(.unknownProjection, .text(name), expected), command: spec.name)
        }
        let out = context.arguments.value("out").flatMap { $0 == "-" ? nil : $0 }
        if out?.isEmpty == true {
            throw UsageError(Message(.outNeedsPath), command: spec.name)
        }
        let format = try self.format(context.arguments, out: out)
        if out == nil && format == .xlsx && context.stdout.isTerminal {
            throw UsageError(Message(.exportXLSXToTerminal, .text(name)), command: spec.name)
        }
        let filter = try ProjectCommand.timeFilter(context.arguments)
        let (state, head) = try HallLoader(context: context).load(filter, parts: ProjectionAnswer.parts(name))
        let table = ExportTables.table(name, state: state)
        let bytes = try encode(table, format: format, head: head.head, filter: filter, byteOrderMark: !context.arguments.flag("no-bom"))
        guard let out else {
            bytes.withUnsafeBytes { context.stdout.write(bytes: $0) }
            return .success
        }
        do {
            try OutputFile.write(bytes, to: out, workingDirectory: context.invocation.workingDirectory, system: context.invocation.system)
        } catch {
            throw CommandFailure(Message(.exportNotWritten, .message(error.message)),
                                 exitCode: error.isInsideLedger ? .usage : .ioError)
        }
        let key: MessageKey = table.rows.count == 1 ? .exportWroteOne : .exportWrote
        context.stdout.write(context.text(Message(key, .text(out), .text(format.rawValue), "\(table.rows.count)", .text(name), "\(head.head.seq)",
                                                  .text(String(head.head.hash.hex.prefix(12))))) + "\n")
        return .success
    }

    /// `--format`, else the extension of `--out`, else CSV.
    static func format(_ arguments: ParsedArguments, out: String?) throws -> Format {
        if let text = arguments.value("format") {
            guard let format = Format(rawValue: text.lowercased()) else {
                throw CommandFailure.badValue("format", text, expected: Message(.expectedFormat))
            }
            return format
        }
        let extensionName = out.flatMap { path in path.split(separator: "/").last?.split(separator: ".").dropFirst().last }
        return extensionName.flatMap { Format(rawValue: $0.lowercased()) } ?? .csv
    }

    /// The file's bytes, the head in a last column (CSV, TSV) or on a second sheet (XLSX).
    static func encode(_ table: SheetTable, format: Format, head: LogHead, filter: TimeFilter, byteOrderMark: Bool) throws -> [UInt8] {
        switch format {
        case .csv, .tsv:
            let stamp = SheetTable.Cell.text("seq \(head.seq) hash \(head.hash.hex)")
            let stamped = SheetTable(name: table.name, columns: table.columns + ["head"], rows: table.rows.map { $0 + [stamp] })
            return DelimitedText.bytes(stamped, delimiter: format == .csv ? .comma : .tab, byteOrderMark: byteOrderMark)
        case .xlsx:
            let rows: [[SheetTable.Cell]] = [
                [.text("projection"), .text(table.name)],
                [.text("rows"), .integer(table.rows.count)],
                [.text("head.seq"), .integer(head.seq.value)],
                [.text("head.hash"), .text(head.hash.hex)],
                [.text("asOf"), filter.asOf.map { .date(days: $0.daysSinceEpoch, iso: $0.description) } ?? .empty],
                [.text("knownAt"), filter.knownAt.map { .text($0.description) } ?? .empty],
            ]
            do {
                return try XLSXWorkbook.bytes([table, SheetTable(name: "head", columns: ["field", "value"], rows: rows)])
            } catch {
                throw CommandFailure(Message(.exportWorkbookNotMade, .text("\(error)")), exitCode: .dataError)
            }
        }
    }
}
