import LedgerDocuments
import LedgerFormats
import LedgerStore

/// `ledger extract FILE`: the lines `ledger` reads from a document, so a person sees what it sees.
enum ExtractCommand {
    static let spec = CommandSpec(
        name: "extract",
        abstract: "Print the lines ledger reads from a document (PDF, Word .docx or text).",
        discussion: """
            Reads FILE (or standard input for -) as `ledger ingest` does, and prints each line
            with its number (the number a fact's provenance cites) and, for a PDF, its page.
            Page furniture the reader recognised (running headers, page numbers) is marked `~`.
            Nothing is written to the ledger.
            """,
        options: [
            CommandSpec.Option(name: "json", help: "Print the lines as one JSON document, with each line's page and position."),
            CommandSpec.Option(name: "encoding", valueName: "enc", help: "Read a text file as utf-8, utf-16le, utf-16be or gb18030 instead of detecting."),
        ],
        positionals: [CommandSpec.Positional(name: "file", help: "A document; - for standard input.")])

    static func run(_ context: CommandContext) throws -> ExitCode {
        guard let file = context.arguments.positionals.first else {
            throw UsageError(Message(.extractMissingDocument), command: spec.name)
        }
        let encoding = try IngestCommand.encoding(context.arguments)
        let invocation = context.invocation
        let bytes: [UInt8]
        do {
            bytes = try InputFile.read(file, workingDirectory: invocation.workingDirectory,
                                       maxBytes: DocumentReader.maxDocumentBytes, system: invocation.system)
        } catch {
            let missing: Bool
            switch error {
            case .missing, .notAFile: missing = true
            case .tooLarge, .unreadable: missing = false
            }
            throw CommandFailure(error.message, exitCode: missing ? .noInput : .dataError)
        }
        let document: ExtractedDocument
        do {
            document = try DocumentReader.read(bytes, encoding: encoding)
        } catch {
            throw CommandFailure(Message(.fileLine, .text(file), .message(error.message)), exitCode: .dataError)
        }
        if context.arguments.flag("json") {
            context.stdout.write(JSONWriter.prettyString(json(document, file: file)) + "\n")
        } else {
            context.stdout.write(text(document))
            for note in document.notices { context.stderr.write(context.text(Message(.fileNote, .text(file), .message(note.message))) + "\n") }
        }
        return .success
    }

    /// One line a line: number, page, a `~` for furniture, the text.
    static func text(_ document: ExtractedDocument) -> String {
        var out = ""
        let width = String(document.lines.count).count
        for (index, line) in document.lines.enumerated() {
            let number = String(index + 1)
            out += String(repeating: " ", count: width - number.count) + number
            if let page = line.page { out += " p\(page)" }
            out += (line.isFurniture ? " ~ " : " | ") + line.text + "\n"
        }
        return out
    }

    /// A coordinate in points to one decimal, as JSON writes a number.
    private static func points(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e12 else { return "0" }
        let tenths = Int((value * 10).rounded())
        return (tenths < 0 ? "-" : "") + "\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }

    static func json(_ document: ExtractedDocument, file: String) -> JSONValue {
        .object([
            "file": .string(file), "format": .string(document.format.rawValue), "decodedAs": .string(document.decodedAs),
            "reader": DocumentReader.recordedName(of: document.format).map { .string($0) } ?? .null,
            "pages": document.pageCount.map { .int($0) } ?? .null,
            "notes": .array(document.notes.map { .string($0) }),
            "lines": .array(document.lines.enumerated().map { index, line in
                var object: JSONObject = ["line": .int(index + 1), "page": line.page.map { .int($0) } ?? .null]
                if let position = line.position {
                    object["x"] = .number(points(position.x))
                    object["y"] = .number(points(position.y))
                }
                object["furniture"] = .bool(line.isFurniture)
                object["text"] = .string(line.text)
                return .object(object)
            }),
        ])
    }
}
