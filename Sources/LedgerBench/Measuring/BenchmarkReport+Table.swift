extension BenchmarkReport {
    /// The report for a person: what was built, then one row per figure with, where the
    /// machine has a limit for it, the ratio of the figure to that limit.
    var table: String {
        let megabytes = Double(logBytes) / 1e6
        var text = "ledger-bench run: \(NumberText.grouped(Double(events))) events from \(NumberText.grouped(Double(build.issues))) issues (seed \(seed)), "
        text += "log \(NumberText.grouped(megabytes, decimals: 1)) MB, head \(head.head.hash.hex.prefix(12))…\n"
        text += "machine: \(machine.logicalCPUs) logical CPU\(machine.logicalCPUs == 1 ? "" : "s"), \(machine.cpuModel ?? "CPU model unknown")\n"
        text += "ledger: \(binary)\n\n"
        var rows: [[String]] = [["step", "figure", "vs. the machine's limit"]]
        let ingestSeconds = Self.seconds(build.ingestNanoseconds)
        rows.append(["ingest (in-process, fsync)", "\(NumberText.grouped(ingestIssuesPerSecond, decimals: 1)) issues/s", ""])
        rows.append(["", "\(NumberText.grouped(ingestEventsPerSecond)) events/s", "\(NumberText.grouped(ingestSeconds, decimals: 1)) s in \(build.ingestRuns) runs of ≤ \(batch) files"])
        rows.append(["replay --json, no snapshot", "\(NumberText.grouped(replayEventsPerSecond)) events/s", ""])
        rows.append(["", "\(NumberText.grouped(replayMegabytesPerSecond, decimals: 1)) MB/s", limit(replayRatioToRead, "cat", readMegabytesPerSecond)])
        rows.append(["", "\(NumberText.grouped(Double(measured.replayPeakResidentBytes) / 1e6, decimals: 1)) MB peak resident", ""])
        rows.append(["verify", "\(NumberText.grouped(verifyMegabytesPerSecond, decimals: 1)) MB/s", limit(verifyRatioToSha256sum, "sha256sum", sha256sumMegabytesPerSecond)])
        rows.append(["project \(LedgerMeasurer.queryProjection)", "\(milliseconds(measured.queryWithSnapshotNanoseconds)) with snapshot", ""])
        rows.append(["", "\(milliseconds(measured.queryWithoutSnapshotNanoseconds)) without", ""])
        text += Self.columns(rows)
        text += "\nMedians of \(LedgerMeasurer.fullReadRuns) runs (replay, verify, cat, sha256sum) and \(LedgerMeasurer.queryRuns) (queries), "
        text += "page cache warm; 1 MB = 10^6 bytes.\n"
        for note in measured.notes { text += "note: \(note)\n" }
        if let keptLedger { text += "The ledger is kept in \(keptLedger).\n" }
        return text
    }

    /// `0.0241 × cat (5,102.3 MB/s)`, or why there is no ratio.
    private func limit(_ ratio: Double?, _ program: String, _ speed: Double?) -> String {
        guard let ratio, let speed else { return "\(program): not measured" }
        return "\(NumberText.fixed(ratio, decimals: 4) ?? "—") × \(program) (\(NumberText.grouped(speed, decimals: 1)) MB/s)"
    }

    private func milliseconds(_ nanoseconds: UInt64) -> String {
        "\(NumberText.grouped(Self.milliseconds(nanoseconds), decimals: 1)) ms"
    }

    /// Rows in left-aligned columns two spaces apart, indented by two.
    static func columns(_ rows: [[String]]) -> String {
        let count = rows.map(\.count).max() ?? 0
        let widths = (0..<count).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            "  " + row.enumerated().map { column, cell in
                cell + String(repeating: " ", count: widths[column] - cell.count)
            }.joined(separator: "  ").trimmingSuffix(" ")
        }.joined(separator: "\n") + "\n"
    }
}
