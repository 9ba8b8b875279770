/// Something `verify` found wrong with the log, located by line and, where known, by seq.
public struct ChainProblem: Equatable, Sendable, CustomStringConvertible {
    /// What kind of damage it is.
    public enum Kind: String, Sendable, CaseIterable {
        /// A record's bytes no longer match its hash, or no longer parse: changed after writing.
        case edited
        /// A record whose hash is not the hash of its bytes and that the committed head does not
        /// cover, or whose hash is right but does not chain to its predecessor: made by hand.
        case forged
        /// Records are missing from the sequence.
        case deleted
        /// A record stands out of its order.
        case reordered
        /// The same record appears twice.
        case duplicated
        /// The log ends mid-record or mid-batch, or is shorter than its committed head says.
        case truncated
        /// A batch is interrupted by another: some of its records are missing.
        case incompleteBatch
        /// `EventLog/HEAD` is missing, unreadable, or disagrees with the log.
        case head
        /// A source document the records cite is missing from `EventLog/documents/` or was edited.
        case document
        /// A snapshot in `Snapshots/` disagrees with the log or was edited (it is never used then).
        case snapshot
    }

    /// The kind of damage.
    public var kind: Kind
    /// The seq concerned, where it can be told.
    public var seq: Seq?
    /// The 1-based line of `events.jsonl` where it was found (0 for HEAD and stored documents).
    public var lineNumber: Int
    /// What is wrong, as a value: the CLI renders it in the user's language.
    public var detail: Detail

    /// One sentence for a person, in English (as `--json` carries it).
    public var message: String { detail.description }

    /// Creates a problem report.
    public init(kind: Kind, seq: Seq?, lineNumber: Int, _ detail: Detail) {
        self.kind = kind
        self.seq = seq
        self.lineNumber = lineNumber
        self.detail = detail
    }

    /// `line 12, seq 12: edited: …`.
    public var description: String {
        var place = lineNumber > 0 ? "line \(lineNumber)" : (kind == .document ? "stored document" : kind == .snapshot ? "snapshot" : "HEAD")
        if let seq { place += ", seq \(seq)" }
        return "\(place): \(kind.rawValue): \(message)"
    }
}
