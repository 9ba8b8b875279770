/// Why a snapshot in `Snapshots/` is not used: one case per reason. It is never an error (the
/// answer is computed from the log instead), only a note or, for `verify`, a problem.
/// ``description`` is the English; the CLI renders the same case in the user's language.
public enum SnapshotDamage: Equatable, Sendable, CustomStringConvertible {
    /// The file cannot be read (a system error, in English).
    case cannotRead(String)
    /// Its header is not one this build reads.
    case notASnapshot
    /// Another version of the projections wrote it.
    case otherVersion(found: Int, this: Int)
    /// A part's bytes do not match their checksum.
    case partChecksum(part: String)
    /// A part the caller needs is not in it.
    case partMissing(part: String)
    /// The head it names is not a record of this log.
    case headNotInLog(LogHead)
    /// The records of an issue the ingest snapshot names do not rebuild it.
    case factsMismatch(issue: String)
    /// Its parts cannot be read back into the state they hold.
    case unreadableState
    /// An earlier build wrote it, in an older snapshot format.
    case earlierFormat(found: Int, this: Int)
    /// A segment (the rows of one year) of a part does not match its checksum.
    case segmentChecksum(part: String, key: Int)
    /// A part's index of segments does not fit the segments before it.
    case segmentIndex(part: String)
    /// A part the caller reads whole is kept in segments.
    case partInSegments(part: String)

    /// The reason in English.
    public var description: String {
        switch self {
        case .cannotRead(let error): "it cannot be read: \(error)"
        case .notASnapshot: "it is not a snapshot this build can read"
        case let .otherVersion(found, this): "it was written by another version of the projections (\(found), this build: \(this))"
        case .partChecksum(let part): "its part \"\(part)\" does not match its checksum: it was edited or damaged"
        case .partMissing(let part): "it has no part \"\(part)\""
        case .headNotInLog(let head): "it was taken at \(head), which is not a record of this log"
        case .factsMismatch(let issue): "the records of \(issue) named by the ingest snapshot do not rebuild it"
        case .unreadableState: "its history cannot be read"
        case let .earlierFormat(found, this): "it is of snapshot format \(found), written by an earlier build (this build: \(this))"
        case let .segmentChecksum(part, key): "its part \"\(part)\" (\(key)) does not match its checksum: it was edited or damaged"
        case .segmentIndex(let part): "the index of its part \"\(part)\" does not fit its segments"
        case .partInSegments(let part): "its part \"\(part)\" is kept in segments"
        }
    }
}
