import Foundation
import Glibc
import Testing

/// A supervisor with read permission only: every reading command works, every writing one
/// says it needs write access (exit 77). The tests run as root here and in CI, so the commands
/// run as `nobody` through setpriv or runuser; SKIPPED where neither is installed.
@Suite("Read-only users")
struct ReadOnlyTests {
    /// How to run the binary as a user who may only read the ledger, or nil when there is none.
    static var asReader: [String]? {
        guard getuid() == 0 else { return [] }
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") {
            return ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        }
        if FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser") { return ["/usr/sbin/runuser", "-u", "nobody", "--"] }
        return nil
    }

    static func run(_ prefix: [String], _ arguments: [String], in directory: String) throws -> LedgerProcess.Result {
        guard let program = prefix.first else { return try LedgerProcess.run(arguments, in: directory) }
        return try LedgerProcess.runProgram(program, Array(prefix.dropFirst()) + [LedgerProcess.executable] + arguments, in: directory)
    }

    /// The two-issue ledger, readable by all and writable by none but its owner (root), with a
    /// directory beside it where the reader may write its report and exports.
    static func readOnlyLedger(issues: [String] = ["2023-02", "2023-06"]) throws -> (ledger: TemporaryDirectory, out: TemporaryDirectory) {
        let ledger = TemporaryDirectory()
        let ingest = try LedgerProcess.run(["ingest"] + issues.map { IngestTests.fixtures + "/\($0).txt" }, in: ledger.path)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(try LedgerProcess.run(["snapshot"], in: ledger.path).status == 0)
        let out = TemporaryDirectory()
        chmod(out.path, 0o777)
        if getuid() != 0 {
            _ = try LedgerProcess.runProgram("/bin/chmod", ["-R", "a-w", ledger.path], in: "/")
        }
        return (ledger, out)
    }

    @Test("verify, report, export and every reading command work without write access")
    func readers() throws {
        guard let prefix = Self.asReader else {
            print("SKIPPED: no setpriv or runuser to run as another user")
            return
        }
        let (ledger, out) = try Self.readOnlyLedger()
        defer { _ = try? LedgerProcess.runProgram("/bin/chmod", ["-R", "u+w", ledger.path], in: "/") }
        let before = HostileInputTests.files(ledger)
        for arguments in [["verify"], ["project", "authorization"], ["replay", "--json"], ["log"], ["show", "3"], ["audit"],
                          ["report", "--out", out.file("r.html")], ["export", "visits", "--out", out.file("v.xlsx")],
                          ["project", "visits", "--as-of", "2023/2/1"]] {
            let result = try Self.run(prefix, ["--ledger", ledger.path] + arguments, in: out.path)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("ermission"), "\(arguments): \(result.stderr)")
        }
        #expect(out.read("r.html").count > 1000)
        #expect(HostileInputTests.files(ledger) == before, "readers changed nothing")
    }

    @Test("bytes after HEAD left by an interrupted write: a reader answers up to HEAD and leaves them")
    func tailAfterHead() throws {
        guard let prefix = Self.asReader else {
            print("SKIPPED: no setpriv or runuser to run as another user")
            return
        }
        let (ledger, out) = try Self.readOnlyLedger()
        defer { _ = try? LedgerProcess.runProgram("/bin/chmod", ["-R", "u+w", ledger.path], in: "/") }
        let expected = try LedgerProcess.run(["project", "authorization"], in: ledger.path).stdout
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: ledger.file("EventLog/events.jsonl")))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"seq\":41,\"id\":\"torn".utf8))
        try handle.close()
        let log = ledger.read("EventLog/events.jsonl")
        let result = try Self.run(prefix, ["--ledger", ledger.path, "project", "authorization"], in: out.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == expected)
        #expect(ledger.read("EventLog/events.jsonl") == log, "a reader cannot cut the tail off, and does not try")
    }

    @Test("a writing command says plainly that it needs write access: exit 77, nothing written", arguments: [
        ["correct", "5", "--set", "person=王彪", "--reason", "r"],
        ["register", "新区管委会", "--reason", "r"],
        ["snapshot"],
        ["ingest", IngestTests.fixtures + "/2023-06.txt"],
    ])
    func writers(_ arguments: [String]) throws {
        guard let prefix = Self.asReader else {
            print("SKIPPED: no setpriv or runuser to run as another user")
            return
        }
        let (ledger, out) = try Self.readOnlyLedger(issues: arguments[0] == "ingest" ? ["2023-02"] : ["2023-02", "2023-06"])
        defer { _ = try? LedgerProcess.runProgram("/bin/chmod", ["-R", "u+w", ledger.path], in: "/") }
        let before = HostileInputTests.files(ledger)
        let result = try Self.run(prefix, ["--ledger", ledger.path] + arguments, in: out.path)
        #expect(result.status == 77, "\(arguments): \(result.status) \(result.stderr)")
        #expect(result.stderr.contains("permission denied"), "\(result.stderr)")
        #expect(result.stderr.contains("needs write access"), "\(result.stderr)")
        #expect(HostileInputTests.files(ledger) == before)
    }
}
