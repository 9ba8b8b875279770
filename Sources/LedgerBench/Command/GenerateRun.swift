import LedgerCLI
import LedgerDomain
import LedgerStore

/// `ledger-bench generate`: makes the issues and writes them out, or ingests them with
/// `ledger ingest` run in-process (the same code path as the command), a batch of files at a time.
struct GenerateRun {
    let options: BenchRequest.GenerateOptions
    let invocation: Invocation
    /// Progress is printed each time this many more issues are done.
    static let progressInterval = 100

    func run() throws(BenchFailure) -> Int32 {
        switch options.destination {
        case .files(let directory): return try writeFiles(to: BenchFiles.absolute(directory, in: invocation.workingDirectory))
        case .ledger(let directory): return try ingest(into: BenchFiles.absolute(directory, in: invocation.workingDirectory))
        }
    }

    /// The next `count` issues with their texts.
    private func batch(_ generator: inout BulletinGenerator, count: Int) -> [(key: String, text: String)] {
        (0..<count).map { _ in
            let issue = generator.next()
            return (issue.key, BulletinRenderer.render(issue, seed: options.seed))
        }
    }

    private func writeFiles(to directory: String) throws(BenchFailure) -> Int32 {
        try BenchFiles.makeDirectory(directory)
        var generator = BulletinGenerator(seed: options.seed)
        var keys: [String] = []
        while keys.count < options.issues {
            let issues = batch(&generator, count: min(Self.progressInterval, options.issues - keys.count))
            for (key, text) in issues { try BenchFiles.write(text, to: "\(directory)/\(key).txt") }
            keys += issues.map(\.key)
            invocation.stdout.write("ledger-bench: wrote \(keys.count) of \(options.issues) issues\n")
            invocation.stdout.flush()
        }
        invocation.stdout.write("ledger-bench: wrote \(keys.count) issues, \(keys.first ?? "") … \(keys.last ?? ""), to \(directory) (seed \(options.seed))\n")
        return 0
    }

    private func ingest(into ledger: String) throws(BenchFailure) -> Int32 {
        try BenchFiles.makeDirectory(ledger)
        let scratch = try BenchFiles.makeScratchDirectory(environment: invocation.environment)
        defer { BenchFiles.remove(scratch) }
        let started = invocation.now()
        var generator = BulletinGenerator(seed: options.seed)
        var done = 0
        var warnings = 0
        var range: (first: String, last: String)?
        while done < options.issues {
            let issues = batch(&generator, count: min(options.batch, options.issues - done))
            var files: [String] = []
            for (key, text) in issues {
                files.append("\(scratch)/\(key).txt")
                try BenchFiles.write(text, to: files[files.count - 1])
            }
            let (code, output, errors) = runLedger(["ingest", "--ledger", ledger, "--actor", "ledger-bench"] + files)
            for file in files { BenchFiles.remove(file) }
            let warningLines = (output + errors).split(separator: "\n").filter { $0.contains(": warning:") || $0.contains(": error:") }
            warnings += warningLines.count
            for line in warningLines { invocation.stderr.write("ledger-bench: \(line)\n") }
            guard code == 0 else {
                invocation.stderr.write(errors)
                invocation.stderr.write("ledger-bench: ledger ingest failed (exit \(code)) after \(done) issues; the ledger keeps the \(done) ingested before this batch\n")
                return code
            }
            range = (range?.first ?? issues[0].key, issues[issues.count - 1].key)
            let before = done
            done += issues.count
            if done / Self.progressInterval > before / Self.progressInterval || done == options.issues {
                invocation.stdout.write("ledger-bench: ingested \(done) of \(options.issues) issues, head \(try head(of: ledger))\n")
                invocation.stdout.flush()
            }
        }
        let seconds = Double(invocation.now().millisecondsSinceEpoch - started.millisecondsSinceEpoch) / 1000
        let final = try headFile(of: ledger)
        invocation.stdout.write("ledger-bench: ingested \(done) issues, \(range?.first ?? "") … \(range?.last ?? ""), into \(ledger) (seed \(options.seed)) in \(seconds) s: \(final.head.seq) events in the log, \(warnings) warnings\n")
        invocation.stdout.write("head: seq \(final.head.seq) \(final.head.hash.hex)\n")
        return 0
    }

    /// Runs one `ledger` command in-process with captured output: exit code, stdout, stderr.
    private func runLedger(_ arguments: [String]) -> (Int32, String, String) {
        let output = CapturedOutput()
        let errors = CapturedOutput()
        let code = LedgerTool.run(Invocation(
            arguments: arguments, environment: invocation.environment, workingDirectory: invocation.workingDirectory,
            stdout: output, stderr: errors, now: invocation.now, system: invocation.system, hostName: invocation.hostName))
        return (code, output.text, errors.text)
    }

    private func headFile(of ledger: String) throws(BenchFailure) -> HeadFile {
        do {
            return try EventStore(layout: LedgerLayout(root: ledger), system: invocation.system).readHeadFile() ?? .empty
        } catch {
            throw .io("cannot read the head of the ledger in \(ledger): \(error)")
        }
    }

    private func head(of ledger: String) throws(BenchFailure) -> String {
        try headFile(of: ledger).head.description
    }
}
