import Foundation
import LedgerDomain
import Testing
import LedgerFormats

/// A hand-edited ledger, through the built binary: `verify` names each problem by line, seq and
/// kind; the other commands refuse to answer and point to `ledger verify`; a damaged snapshot is
/// ignored and rebuilt.
@Suite("Tamper evidence, from the command line")
struct TamperCLITests {
    /// Three issues in three batches: seqs 1–15, 16–40, 41–65.
    static func ledger() throws -> TemporaryDirectory {
        let ledger = try ProjectTests.ledger()
        let text = try IngestTests.fixture("2023-06.txt").replacingOccurrences(of: "2023年第 6期（总第 426期）", with: "2023年第 7期（总第 427期）")
        ledger.write("2023-07.txt", Data(text.utf8))
        #expect(try LedgerProcess.run(["ingest", "2023-07.txt"], in: ledger.path).status == 0)
        return ledger
    }

    static func lines(_ ledger: TemporaryDirectory) -> [Data] {
        ledger.read("EventLog/events.jsonl").split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map { Data($0) }
    }

    static func write(_ ledger: TemporaryDirectory, _ lines: [Data], trailingNewline: Bool = true) {
        var bytes = Data(lines.joined(separator: [0x0A]))
        if trailingNewline { bytes.append(0x0A) }
        ledger.write("EventLog/events.jsonl", bytes)
    }

    /// A change to the log, and the first problem `verify` must name for it.
    struct Tampering: CustomTestStringConvertible, Sendable {
        var name: String
        var problem: String
        var change: @Sendable (TemporaryDirectory) -> Void
        var testDescription: String { name }
    }

    static let cases: [Tampering] = [
        Tampering(name: "one byte flipped in an old record", problem: "line 5, seq 5: edited: the record's bytes do not match its hash") { ledger in
            var lines = TamperCLITests.lines(ledger)
            // A letter of the payload's first key: the line still reads, its hash no longer matches.
            let payload = Data(#""payload":{""#.utf8)
            lines[4][lines[4].range(of: payload)!.upperBound] ^= 0x20
            write(ledger, lines)
        },
        Tampering(name: "a line deleted", problem: "line 8, seq 8: deleted: seq 8 is missing") { ledger in
            var lines = TamperCLITests.lines(ledger)
            lines.remove(at: 7)
            write(ledger, lines)
        },
        Tampering(name: "two lines swapped", problem: "line 50, seq 30: reordered: seq 30 stands after seq 50") { ledger in
            var lines = TamperCLITests.lines(ledger)
            lines.swapAt(29, 49)
            write(ledger, lines)
        },
        Tampering(name: "a line duplicated", problem: "line 11, seq 10: duplicated") { ledger in
            var lines = TamperCLITests.lines(ledger)
            lines.insert(lines[9], at: 10)
            write(ledger, lines)
        },
        Tampering(name: "truncated mid-record", problem: "line 65, seq 65: truncated: the file ends mid-record") { ledger in
            let lines = TamperCLITests.lines(ledger)
            write(ledger, Array(lines.dropLast()) + [lines[64].prefix(300)], trailingNewline: false)
        },
        Tampering(name: "a forged record appended, its hash made up", problem: "line 66, seq 66: forged") { ledger in
            var lines = TamperCLITests.lines(ledger)
            var forged = String(decoding: lines[64], as: UTF8.self).replacingOccurrences(of: #""seq":65"#, with: #""seq":66"#)
            forged = String(forged[..<forged.range(of: #","hash":""#)!.upperBound]) + String(repeating: "ab", count: 32) + "\"}"
            lines.append(Data(forged.utf8))
            write(ledger, lines)
        },
        Tampering(name: "HEAD edited to name another record", problem: "HEAD") { ledger in
            let head = String(decoding: ledger.read("EventLog/HEAD"), as: UTF8.self)
            ledger.write("EventLog/HEAD", Data(head.replacingOccurrences(of: #""seq":65"#, with: #""seq":64"#).utf8))
        },
    ]

    @Test("verify names the damage; the other commands refuse, pointing to ledger verify", arguments: cases)
    func tamperedLog(_ tampering: Tampering) throws {
        let ledger = try Self.ledger()
        tampering.change(ledger)
        let damaged = IngestTests.snapshot(ledger)
        let verify = try LedgerProcess.run(["verify"], in: ledger.path)
        #expect(verify.status == 65, "\(verify.stdout)\(verify.stderr)")
        #expect(verify.stdout.contains("DAMAGED") || verify.stderr.contains("damaged"), "\(verify.stdout)\(verify.stderr)")
        #expect((verify.stdout + verify.stderr).contains(tampering.problem), "\(verify.stdout)\(verify.stderr)")
        let json = try LedgerProcess.run(["verify", "--json"], in: ledger.path)
        #expect(json.status == 65)

        ledger.write("2023-08.txt", Data(try IngestTests.fixture("2023-06.txt")
            .replacingOccurrences(of: "2023年第 6期（总第 426期）", with: "2023年第 8期（总第 428期）").utf8))
        for command in [["project", "authorization"], ["project", "visits", "--json"], ["replay"], ["log"], ["show", "3"],
                        ["audit"], ["snapshot"], ["ingest", "2023-08.txt"], ["retract", "3", "--reason", "r"]] {
            let result = try LedgerProcess.run(command, in: ledger.path)
            #expect(result.status == 65, "\(command): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains("ledger verify"), "\(command): \(result.stderr)")
            #expect(!result.stdout.contains("37 of 45") && !result.stdout.contains("\"seq\""), "\(command) answered: \(result.stdout.prefix(200))")
        }
        // Refusing changed nothing: the damage stays there for a person to look at.
        #expect(IngestTests.snapshot(ledger) == damaged)
    }

    @Test("an edited stored document: verify names it; answers from the intact log stand; show warns; reparse refuses")
    func editedDocument() throws {
        let ledger = try Self.ledger()
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: ledger.file("EventLog/documents")).sorted().first)
        var bytes = ledger.read("EventLog/documents/" + name)
        bytes[bytes.count / 2] ^= 0x01
        ledger.write("EventLog/documents/" + name, bytes)
        let verify = try LedgerProcess.run(["verify"], in: ledger.path)
        #expect(verify.status == 65)
        #expect(verify.stdout.contains("document: EventLog/documents/\(name.prefix(16))…"), "\(verify.stdout)")
        #expect(verify.stdout.contains("no longer match its name (its SHA-256): it was edited"), "\(verify.stdout)")
        let cited = try #require(verify.stdout.firstMatch(of: /stored document, seq ([0-9]+)/)).output.1
        let show = try LedgerProcess.run(["show", String(cited)], in: ledger.path)
        #expect(show.stderr.contains("it was edited") && show.stderr.contains("ledger verify"), "\(show.stderr)")
        let reparse = try LedgerProcess.run(["reparse"], in: ledger.path)
        #expect(reparse.status == 65)
        #expect(reparse.stderr.contains("it was edited") && reparse.stderr.contains("ledger verify"), "\(reparse.stderr)")
        #expect(try LedgerProcess.run(["project", "authorization"], in: ledger.path).status == 0)
    }

    @Test("an edited snapshot is ignored with a note, named by verify, and rebuilt by ledger snapshot", arguments: ["checksum left", "checksum recomputed"])
    func editedSnapshot(_ how: String) throws {
        let ledger = try Self.ledger()
        #expect(try LedgerProcess.run(["snapshot"], in: ledger.path).status == 0)
        let answer = try LedgerProcess.run(["project", "authorization"], in: ledger.path)
        #expect(answer.stdout.contains("37 of 45"))
        var lines = String(decoding: ledger.read("Snapshots/hall.snapshot"), as: UTF8.self).components(separatedBy: "\n")
        // Line 3 is the authorization part: 37 authorized, 8 not, made 38 and 7.
        let old = lines[2]
        lines[2] = lines[2].replacingOccurrences(of: "45,37,8,", with: "45,38,7,")
        #expect(lines[2] != old)
        if how == "checksum recomputed" {
            lines[0] = lines[0].replacingOccurrences(of: SHA256.hash(Array(old.utf8)).hex, with: SHA256.hash(Array(lines[2].utf8)).hex)
        }
        ledger.write("Snapshots/hall.snapshot", Data(lines.joined(separator: "\n").utf8))

        let verify = try LedgerProcess.run(["verify"], in: ledger.path)
        #expect(verify.status == 65, "\(verify.stdout)")
        #expect(verify.stdout.contains("Snapshots/hall.snapshot"), "\(verify.stdout)")
        if how == "checksum left" {
            #expect(verify.stdout.contains(#"its part "authorizations" does not match its checksum"#), "\(verify.stdout)")
            let ignored = try LedgerProcess.run(["project", "authorization"], in: ledger.path)
            #expect(ignored.status == 0)
            #expect(ignored.stdout == answer.stdout)
            #expect(ignored.stderr.contains("ignoring Snapshots/hall.snapshot"), "\(ignored.stderr)")
        }
        #expect(try LedgerProcess.run(["snapshot"], in: ledger.path).status == 0)
        let rebuilt = try LedgerProcess.run(["project", "authorization"], in: ledger.path)
        #expect(rebuilt.stdout == answer.stdout)
        #expect(rebuilt.stderr.isEmpty, "\(rebuilt.stderr)")
        #expect(try LedgerProcess.run(["verify"], in: ledger.path).status == 0)
    }
}

@Suite("Tamper evidence, from the command line: random byte flips")
struct ByteFlipTests {
    /// Seeded: the same flips on every run; `LEDGER_TAMPER_FLIPS` sets how many.
    @Test("any byte of the log flipped: verify fails naming the line that holds it")
    func randomFlips() throws {
        let ledger = try TamperCLITests.ledger()
        let original = ledger.read("EventLog/events.jsonl")
        let lineStarts = [0] + original.enumerated().filter { $0.element == 0x0A }.map { $0.offset + 1 }.dropLast()
        let flips = Int(ProcessInfo.processInfo.environment["LEDGER_TAMPER_FLIPS"] ?? "") ?? 60
        var generator = SplitMix64(seed: 7)
        var detected = 0
        for _ in 0..<flips {
            let offset = Int.random(in: 0..<original.count, using: &generator)
            let bit = UInt8(1) << UInt8.random(in: 0..<8, using: &generator)
            var bytes = original
            bytes[offset] ^= bit
            ledger.write("EventLog/events.jsonl", bytes)
            let line = (lineStarts.lastIndex { $0 <= offset } ?? 0) + 1
            let result = try LedgerProcess.run(["verify", "--json"], in: ledger.path)
            let document = try ProjectTests.json(result)
            let first = (document["problems"] as? [[String: Any]])?.first
            #expect(result.status == 65, "offset \(offset) bit \(bit): \(result.stdout.prefix(400))")
            #expect(first?["line"] as? Int == line, "offset \(offset) (line \(line)) bit \(bit): \(first ?? [:])")
            if result.status == 65 && first?["line"] as? Int == line { detected += 1 }
        }
        ledger.write("EventLog/events.jsonl", original)
        #expect(try LedgerProcess.run(["verify"], in: ledger.path).status == 0)
        print("byte flips: \(detected) of \(flips) detected at the right line (seed 7)")
    }
}
