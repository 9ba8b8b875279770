import LedgerDomain
import LedgerStore
import LedgerFormats

/// What one `ledger-bench run` measured, and the figures derived from it: rates over the
/// ledger's size, and ratios to the machine's own speed on the same file.
///
/// Every figure comes from a measurement of this run. 1 MB = 10^6 bytes.
struct BenchmarkReport {
    /// The child-process measurements (``LedgerMeasurer``).
    struct Measured {
        var replayNanoseconds: UInt64 = 0
        var replayPeakResidentBytes = 0
        var verifyNanoseconds: UInt64 = 0
        var queryWithoutSnapshotNanoseconds: UInt64 = 0
        var queryWithSnapshotNanoseconds: UInt64 = 0
        /// `cat` of the log; nil when `cat` is not installed.
        var readNanoseconds: UInt64?
        /// `sha256sum` of the log; nil when `sha256sum` is not installed.
        var sha256sumNanoseconds: UInt64?
        /// What a reader should know about the figures (a limit not measured).
        var notes: [String] = []
    }

    /// The ledger's HEAD after the build: its seq is the event count.
    var head: HeadFile
    var seed: UInt64
    var batch: Int
    /// The build of the ledger: the ingest measurement.
    var build: IngestLoop.Outcome
    var measured: Measured
    var machine: Machine
    /// The `ledger` executable measured.
    var binary: String
    /// Where the ledger was kept (`--dir`); nil when it was a scratch directory, now removed.
    var keptLedger: String?

    /// Events in the log.
    var events: Int { head.head.seq.value }
    /// The log's committed length.
    var logBytes: Int { head.bytes }

    var ingestIssuesPerSecond: Double { Double(build.issues) / Self.seconds(build.ingestNanoseconds) }
    var ingestEventsPerSecond: Double { Double(events) / Self.seconds(build.ingestNanoseconds) }
    var replayEventsPerSecond: Double { Double(events) / Self.seconds(measured.replayNanoseconds) }
    var replayMegabytesPerSecond: Double { megabytesPerSecond(measured.replayNanoseconds) }
    var verifyMegabytesPerSecond: Double { megabytesPerSecond(measured.verifyNanoseconds) }
    var readMegabytesPerSecond: Double? { measured.readNanoseconds.map(megabytesPerSecond) }
    var sha256sumMegabytesPerSecond: Double? { measured.sha256sumNanoseconds.map(megabytesPerSecond) }
    /// Replay's speed as a share of reading the same bytes with `cat`.
    var replayRatioToRead: Double? { readMegabytesPerSecond.map { replayMegabytesPerSecond / $0 } }
    /// Verify's speed as a share of hashing the same bytes with `sha256sum`.
    var verifyRatioToSha256sum: Double? { sha256sumMegabytesPerSecond.map { verifyMegabytesPerSecond / $0 } }

    static func seconds(_ nanoseconds: UInt64) -> Double { Double(nanoseconds) / 1e9 }
    static func milliseconds(_ nanoseconds: UInt64) -> Double { Double(nanoseconds) / 1e6 }

    private func megabytesPerSecond(_ nanoseconds: UInt64) -> Double {
        Double(logBytes) / 1e6 / Self.seconds(nanoseconds)
    }

    /// The report as one JSON object, its keys always in this order.
    var json: JSONValue {
        let rate = { (value: Double?) in NumberText.json(value, decimals: 1) }
        let ratio = { (value: Double?) in NumberText.json(value, decimals: 4) }
        let seconds = { (nanoseconds: UInt64?) in NumberText.json(nanoseconds.map(Self.seconds), decimals: 6) }
        let milliseconds = { (nanoseconds: UInt64) in NumberText.json(Self.milliseconds(nanoseconds), decimals: 3) }
        return [
            "events": .int(events),
            "logBytes": .int(logBytes),
            "logFormat": .int(head.format.rawValue),
            "bytesPerEvent": .int(events > 0 ? logBytes / events : 0),
            "head": ["seq": .int(head.head.seq.value), "hash": .string(head.head.hash.hex)],
            "seed": .number(String(seed)),
            "machine": ["logicalCPUs": .int(machine.logicalCPUs), "cpuModel": machine.cpuModel.map(JSONValue.string) ?? .null],
            "ledgerBinary": .string(binary),
            "keptLedger": keptLedger.map(JSONValue.string) ?? .null,
            "ingest": [
                "issues": .int(build.issues), "batch": .int(batch), "runs": .int(build.ingestRuns),
                "seconds": seconds(build.ingestNanoseconds), "buildSeconds": seconds(build.totalNanoseconds),
                "issuesPerSecond": rate(ingestIssuesPerSecond), "eventsPerSecond": rate(ingestEventsPerSecond),
            ],
            "replay": [
                "runs": .int(LedgerMeasurer.fullReadRuns), "seconds": seconds(measured.replayNanoseconds),
                "eventsPerSecond": rate(replayEventsPerSecond), "megabytesPerSecond": rate(replayMegabytesPerSecond),
                "peakResidentBytes": .int(measured.replayPeakResidentBytes), "ratioToRead": ratio(replayRatioToRead),
            ],
            "verify": [
                "runs": .int(LedgerMeasurer.fullReadRuns), "seconds": seconds(measured.verifyNanoseconds),
                "megabytesPerSecond": rate(verifyMegabytesPerSecond), "ratioToSha256sum": ratio(verifyRatioToSha256sum),
            ],
            "query": [
                "projection": .string(LedgerMeasurer.queryProjection), "runs": .int(LedgerMeasurer.queryRuns),
                "withSnapshotMilliseconds": milliseconds(measured.queryWithSnapshotNanoseconds),
                "withoutSnapshotMilliseconds": milliseconds(measured.queryWithoutSnapshotNanoseconds),
            ],
            "limits": [
                "runs": .int(LedgerMeasurer.limitRuns),
                "readMegabytesPerSecond": rate(readMegabytesPerSecond),
                "sha256sumMegabytesPerSecond": rate(sha256sumMegabytesPerSecond),
            ],
            "notes": .array(measured.notes.map(JSONValue.string)),
        ]
    }
}
