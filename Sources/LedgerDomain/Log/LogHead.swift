import LedgerFormats
/// The last record of a log: its seq and hash. Every answer names the head it was computed from.
public struct LogHead: Hashable, Sendable, CustomStringConvertible {
    /// The last record's seq; 0 for an empty log.
    public var seq: Seq
    /// The last record's hash; all zeros for an empty log.
    public var hash: SHA256Digest

    /// Creates a head.
    public init(seq: Seq, hash: SHA256Digest) {
        self.seq = seq
        self.hash = hash
    }

    /// The head of a log with no records.
    public static let empty = LogHead(seq: Seq(0), hash: .zero)

    /// `seq 12 (3f2a9c01…)`: the seq and the first 12 hex digits of the hash.
    public var description: String {
        "seq \(seq) (\(String(hash.hex.prefix(12))))"
    }
}
