import LedgerCLI
import LedgerDomain
import LedgerStore

/// `ledger-bench generate`: makes the issues and writes them out, or ingests them with
/// `ledger ingest` run in-process (the same code path as the command), a batch of files at a time.
struct GenerateRun {
    let options: BenchRequest.GenerateOptions
    let invocation: Invocation
    let clock: MonotonicClock
    /// Progress is printed each time this many more issues are done.
    static let progressInterval = 100

    func run() throws(BenchFailure) -> Int32 {
        switch options.destination {
        case .files(let directory): return try writeFiles(to: BenchFiles.absolute(directory, in: invocation.workingDirectory))
        case .ledger(let directory): return try ingest(into: BenchFiles.absolute(directory, in: invocation.workingDirectory))
        }
    }

    /// The next `count` issues with their texts, each counted under its house style.
    private func batch(_ generator: inout BulletinGenerator, count: Int, houses: inout HouseStyle.Tally) -> [(key: String, text: String)] {
        (0..<count).map { _ in
            let issue = generator.next()
            let (house, text) = BulletinRenderer.document(issue, seed: options.seed)
            houses.add(house)
            return (issue.key, text)
        }
    }

    private func writeFiles(to directory: String) throws(BenchFailure) -> Int32 {
        if options.format != .text { return try writeDocuments(to: directory) }
        try BenchFiles.makeDirectory(directory)
        var generator = BulletinGenerator(seed: options.seed)
        var keys: [String] = []
        var houses = HouseStyle.Tally()
        while keys.count < options.issues {
            let issues = batch(&generator, count: min(Self.progressInterval, options.issues - keys.count), houses: &houses)
            for (key, text) in issues { try BenchFiles.write(text, to: "\(directory)/\(key).txt") }
            keys += issues.map(\.key)
            invocation.stdout.write("ledger-bench: wrote \(keys.count) of \(options.issues) issues\n")
            invocation.stdout.flush()
        }
        invocation.stdout.write("ledger-bench: wrote \(keys.count) issues, \(keys.first ?? "") … \(keys.last ?? ""), to \(directory) (seed \(options.seed))\n")
        invocation.stdout.write("house styles: \(houses)\n")
        return 0
    }

    /// `--format pdf|docx`: each issue's clean text rendered by the real producer (see
    /// ``ProducerRendering``), a batch of issues at a time; the sources and the producers'
    /// profiles live in a scratch directory, removed at the end.
    private func writeDocuments(to directory: String) throws(BenchFailure) -> Int32 {
        let scratch = try BenchFiles.makeScratchDirectory(environment: invocation.environment)
        defer { BenchFiles.remove(scratch) }
        let producers = Producers(environment: invocation.environment, clock: clock, scratch: scratch)
        let format = options.format.rawValue
        let program = try producers.locate(options.format == .pdf ? .chromium : .libreOffice, for: format)
        try BenchFiles.makeDirectory(directory)
        var generator = BulletinGenerator(seed: options.seed)
        var keys: [String] = []
        var houses = HouseStyle.Tally()
        while keys.count < options.issues {
            var sources: [String] = []
            var documents: [(path: String, published: CalendarDate)] = []
            for _ in 0..<min(Self.progressInterval, options.issues - keys.count) {
                let issue = generator.next()
                let (house, text) = ProducerRendering.cleanText(issue, seed: options.seed)
                houses.add(house)
                keys.append(issue.key)
                switch options.format {
                case .pdf:
                    let html = "\(scratch)/\(issue.key).html"
                    try BenchFiles.write(ProducerRendering.html(clean: text), to: html)
                    let pdf = "\(directory)/\(issue.key).pdf"
                    try producers.printToPDF(chromium: program, html: html, pdf: pdf)
                    documents.append((pdf, issue.published))
                case .docx, .text:
                    let fodt = "\(scratch)/\(issue.key).fodt"
                    try BenchFiles.write(ProducerRendering.flatODT(clean: text, published: issue.published), to: fodt)
                    sources.append(fodt)
                    documents.append(("\(directory)/\(issue.key).docx", issue.published))
                }
            }
            try producers.convertToDocx(soffice: program, files: sources, directory: directory)
            // The moments the producers stamp in become the publication date: the same seed, the same bytes.
            for (path, published) in documents {
                guard let bytes = BenchFiles.readBytes(path) else { throw .io("cannot read \(path)") }
                try BenchFiles.write(options.format == .pdf ? ProducerOutput.fixingPDFDates(bytes, to: published)
                                     : ProducerOutput.fixingZipTimes(bytes, to: published), to: path)
            }
            invocation.stdout.write("ledger-bench: wrote \(keys.count) of \(options.issues) issues as .\(format)\n")
            invocation.stdout.flush()
        }
        invocation.stdout.write("ledger-bench: wrote \(keys.count) issues, \(keys.first ?? "") … \(keys.last ?? ""), to \(directory) as .\(format) (seed \(options.seed))\n")
        invocation.stdout.write("house styles: \(houses)\n")
        return 0
    }

    private func ingest(into ledger: String) throws(BenchFailure) -> Int32 {
        let loop = IngestLoop(ledger: ledger, seed: options.seed, batch: options.batch, invocation: invocation, clock: clock)
        var reported = 0
        let outcome = try loop.run(until: .issues(options.issues)) { progress in
            guard progress.issues / Self.progressInterval > reported / Self.progressInterval || progress.issues == options.issues else { return }
            reported = progress.issues
            invocation.stdout.write("ledger-bench: ingested \(progress.issues) of \(options.issues) issues, head \(progress.head.head)\n")
            invocation.stdout.flush()
        }
        let seconds = Double(outcome.totalNanoseconds / 1_000_000) / 1000
        let range = outcome.keys.map { "\($0.first) … \($0.last)" } ?? ""
        invocation.stdout.write("ledger-bench: ingested \(outcome.issues) issues, \(range), into \(ledger) (seed \(options.seed)) in \(seconds) s: \(outcome.head.head.seq) events in the log, \(outcome.warnings) warnings\n")
        invocation.stdout.write("house styles: \(outcome.houses)\n")
        invocation.stdout.write("head: seq \(outcome.head.head.seq) \(outcome.head.head.hash.hex)\n")
        return 0
    }
}
