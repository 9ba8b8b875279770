/// The real producers of the hall's documents, run as child processes (through
/// ``ChildProcess``): headless Chromium prints an HTML page to PDF; LibreOffice Writer saves
/// flat ODT files as Word `.docx`. The one place where LedgerBench calls them.
struct Producers {
    /// A producer, the names its program goes by and the Debian package that installs it.
    enum Producer: CaseIterable {
        case chromium, libreOffice

        var programs: [String] {
            switch self {
            case .chromium: return ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
            case .libreOffice: return ["soffice", "libreoffice"]
            }
        }

        var package: String {
            switch self {
            case .chromium: return "chromium"
            case .libreOffice: return "libreoffice-writer"
            }
        }

        var name: String {
            switch self {
            case .chromium: return "headless Chromium"
            case .libreOffice: return "LibreOffice Writer"
            }
        }
    }

    let environment: [String: String]
    let clock: MonotonicClock
    /// Scratch space: the producers' profiles and logs.
    let scratch: String

    /// The producer's program, or a failure naming the package to install.
    func locate(_ producer: Producer, for format: String) throws(BenchFailure) -> String {
        for program in producer.programs {
            if let path = BenchFiles.findProgram(program, environment: environment) { return path }
        }
        throw .unavailable("'--format \(format)' renders the issues with \(producer.name), which is not installed "
            + "(none of \(producer.programs.joined(separator: ", ")) is in PATH): install the package '\(producer.package)' "
            + "(apt-get install \(producer.package))")
    }

    /// The environment the producers run in: the caller's, with a HOME they can write to.
    private var childEnvironment: [String: String] {
        var child = environment
        if child["HOME"]?.isEmpty ?? true { child["HOME"] = scratch }
        if child["PATH"]?.isEmpty ?? true { child["PATH"] = "/usr/bin:/bin" }
        return child
    }

    /// Prints `html` (a file) to `pdf` with headless Chromium.
    func printToPDF(chromium: String, html: String, pdf: String) throws(BenchFailure) {
        let process = ChildProcess(executable: chromium, environment: childEnvironment, clock: clock)
        let log = scratch + "/chromium.log"
        let outcome = try process.run([
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(scratch)/chromium",
            "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw", "--virtual-time-budget=10000",
            "--print-to-pdf=\(pdf)", "file://\(html)",
        ], stdout: "/dev/null", stderr: log)
        guard outcome.succeeded, (BenchFiles.fileSize(pdf) ?? 0) > 0 else {
            throw .io("\(chromium) could not print \(html) to \(pdf) (\(outcome.ending)): \(tail(log))")
        }
    }

    /// Saves the flat ODT files as `.docx` in `directory`, one LibreOffice run for them all
    /// (it is slow to start); each `NAME.fodt` becomes `directory/NAME.docx`.
    func convertToDocx(soffice: String, files: [String], directory: String) throws(BenchFailure) {
        guard !files.isEmpty else { return }
        let process = ChildProcess(executable: soffice, environment: childEnvironment, clock: clock)
        let log = scratch + "/soffice.log"
        let outcome = try process.run([
            "--headless", "--norestore", "-env:UserInstallation=file://\(scratch)/libreoffice",
            "--convert-to", "docx", "--outdir", directory,
        ] + files, stdout: "/dev/null", stderr: log)
        let missing = files.filter { file in
            let name = String(file.split(separator: "/").last ?? "").replacing(".fodt", with: ".docx")
            return (BenchFiles.fileSize(directory + "/" + name) ?? 0) == 0
        }
        guard outcome.succeeded, missing.isEmpty else {
            throw .io("\(soffice) could not convert \(missing.first ?? files[0]) to .docx (\(outcome.ending)): \(tail(log))")
        }
    }

    /// The last lines of a log, for a failure's message.
    private func tail(_ log: String) -> String {
        let lines = (BenchFiles.readText(log) ?? "").split(separator: "\n")
        return lines.isEmpty ? "no output" : lines.suffix(3).joined(separator: " / ")
    }
}
