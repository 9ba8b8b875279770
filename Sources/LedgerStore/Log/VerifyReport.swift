import LedgerDomain

/// What `verify` found: the log's extent, every problem (first one first), and notes that are
/// not problems (a write in progress, an interrupted write waiting to be recovered).
public struct VerifyReport: Equatable, Sendable {
    /// The committed HEAD, when it could be read.
    public var headFile: HeadFile?
    /// The size of `events.jsonl` in bytes.
    public var fileBytes: Int
    /// How many lines were read as records.
    public var records: Int
    /// The last record whose hash matched its bytes.
    public var lastRecord: LogHead
    /// The problems found, ordered by line; at most a hundred are kept.
    public var problems: [ChainProblem]
    /// How many problems there were in all.
    public var problemCount: Int
    /// Observations that do not make the ledger damaged.
    public var notes: [VerifyNote]

    /// Whether the ledger is intact: no problems at all.
    public var isIntact: Bool { problemCount == 0 }
}
