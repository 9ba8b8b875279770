/// The tool's exit codes, in the sysexits style.
public enum ExitCode: Int32, Sendable, CaseIterable {
    /// Success; for `verify`, the ledger is intact.
    case success = 0
    /// The command line was wrong: an unknown command or option, a missing or malformed value.
    case usage = 64
    /// The data is bad: a damaged ledger, a document that cannot be read as a bulletin.
    case dataError = 65
    /// An input file does not exist or cannot be opened.
    case noInput = 66
    /// A bug in ledger itself.
    case software = 70
    /// What was to be created cannot be: `ledger init` in a directory that holds other files.
    case cantCreate = 73
    /// Reading or writing failed: a full disk, a failed fsync, a permission.
    case ioError = 74
    /// Try again later: another ledger command is writing ("ledger is busy").
    case busy = 75
    /// Permission denied: a command that writes, on a ledger this user may only read.
    case noPermission = 77

    /// A line for the help text.
    var meaning: String {
        switch self {
        case .success: return "success (verify: the ledger is intact)"
        case .usage: return "usage error: unknown command or option, bad value"
        case .dataError: return "bad data: damaged ledger, unreadable document"
        case .noInput: return "an input file is missing or cannot be opened"
        case .software: return "internal error in ledger"
        case .cantCreate: return "cannot create: init in a directory that holds other files"
        case .ioError: return "I/O error: full disk, failed fsync, permission"
        case .busy: return "ledger is busy: another command holds the write lock"
        case .noPermission: return "permission denied: a command that writes, on a ledger you may only read"
        }
    }
}
