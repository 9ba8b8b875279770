/// The on-disk format of a ledger's log, named by `EventLog/HEAD`.
///
/// - ``one``: every line says everything about its record (`RecordLine`): its batch's command,
///   the actor and time, the whole source reference with the quoted text, and `prev`.
/// - ``two``: a line says only what the lines before it do not (`RecordLine2`): the batch's
///   first line carries what its records share, a record's source text is left out where the
///   stored document gives it back, and the hash covers the previous hash instead of repeating it.
///
/// A ledger keeps its format until `ledger migrate` rewrites it; new ledgers are ``two``.
public enum LogFormat: Int, Sendable, CaseIterable, CustomStringConvertible {
    case one = 1
    case two = 2

    /// The format a new ledger is written in.
    public static let current = LogFormat.two

    public var description: String { String(rawValue) }
}
