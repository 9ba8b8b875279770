import Foundation
import Glibc
import LedgerDomain
import LedgerStore
import LedgerFormats

/// Runs the built `ledger` binary as a user would, capturing stdout, stderr and the exit code.
struct LedgerProcess {
    struct Result {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// The binary beside the test bundle: `swift test` builds it (the test target depends on it).
    static let executable: String = {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var candidate = bundle
        // The test bundle may be a directory (…/debug/ledgerPackageTests.xctest) or a file in debug/.
        for _ in 0..<3 {
            let path = candidate.appendingPathComponent("ledger").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
            candidate = candidate.deletingLastPathComponent()
        }
        let selfPath = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
        return URL(fileURLWithPath: selfPath).deletingLastPathComponent().appendingPathComponent("ledger").path
    }()

    /// The repository's root, for tests of the committed ledger and the README.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    @discardableResult
    static func run(_ arguments: [String], in directory: String, environment extra: [String: String] = [:],
                    stdin: Data? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "LEDGER_HOME")
        environment.removeValue(forKey: "LEDGER_ACTOR")
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        return try capture(process, stdin: stdin)
    }

    /// Runs any program (bash, python3) the same way.
    static func runProgram(_ path: String, _ arguments: [String], in directory: String) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        return try capture(process, stdin: nil)
    }

    private static func capture(_ process: Process, stdin: Data?) throws -> Result {
        let directory = NSTemporaryDirectory() + "ledger-out-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let outPath = directory + "/stdout", errPath = directory + "/stderr"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        process.standardOutput = out
        process.standardError = err
        if let stdin {
            let pipe = Pipe()
            process.standardInput = pipe
            try process.run()
            pipe.fileHandleForWriting.write(stdin)
            try pipe.fileHandleForWriting.close()
        } else {
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Result(stdout: String(decoding: try Data(contentsOf: URL(fileURLWithPath: outPath)), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: URL(fileURLWithPath: errPath)), as: UTF8.self),
                      status: process.terminationStatus)
    }
}

/// A fresh directory under /tmp, removed when the value goes away.
final class TemporaryDirectory {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "ledger-cli-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ relative: String) -> String { path + "/" + relative }

    func read(_ relative: String) -> Data { (try? Data(contentsOf: URL(fileURLWithPath: file(relative)))) ?? Data() }

    func write(_ relative: String, _ data: Data) {
        _ = FileManager.default.createFile(atPath: file(relative), contents: data)
    }

    /// A ledger of `batches` batches appended through the store, as the commands do.
    static func ledger(batches: [Int]) throws -> TemporaryDirectory {
        let directory = TemporaryDirectory()
        let store = EventStore(layout: LedgerLayout(root: directory.path))
        var head = LogHead.empty
        for (batch, size) in batches.enumerated() {
            let events = (1...size).map { index in
                NewEvent(type: batch % 2 == 0 ? "test.fact" : "test.other", valid: CalendarDate(year: 2023, month: 2, day: 17),
                         payload: ["n": .int(index), "部门": "省地震局"])
            }
            head = try store.append(events, expecting: head,
                                    context: AppendContext(actor: "clerk@hall", now: Instant(millisecondsSinceEpoch: 1_795_319_400_123),
                                                           command: "ledger test")).head
        }
        return directory
    }
}
