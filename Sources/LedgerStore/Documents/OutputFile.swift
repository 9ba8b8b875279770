#if canImport(Glibc)
import Glibc
#endif

/// A file the tool writes for people outside the ledger (a report): whole or not at all.
public enum OutputFile {
    /// Why an output could not be written; nothing was left at the path.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case noDirectory(String)
        case notAFile(String, found: FileKind)
        case readOnly(String)
        case insideLedger(String, resolved: String)
        case unwritable(String, SystemError)

        public var description: String {
            switch self {
            case .noDirectory(let path): return "\(path): its directory does not exist"
            case .notAFile(let path, .symlink):
                return "\(path): is a symbolic link (it would be replaced, not written through; for standard output give - or no --out); give the path of a file to write"
            case .notAFile(let path, let found): return "\(path): is \(found); give the path of a file to write"
            case .readOnly(let path): return "\(path): is read-only; it is not replaced (make it writable, or choose another path)"
            case .insideLedger(let path, let resolved):
                let via = resolved == path ? "" : " (it leads to \(resolved))"
                return "\(path): is inside a ledger's EventLog/ or Snapshots/\(via), which only ledger writes; choose a path outside them"
            case .unwritable(let path, let error): return "\(path): cannot be written: \(error)"
            }
        }
    }

    /// Writes `bytes` to `path` (relative to `workingDirectory`) through a temporary file, an
    /// fsync and a rename, so that a reader sees the old file or the new one, never half of one.
    ///
    /// Refused: a path that leads, through any symbolic link or `..`, into the `EventLog/` or
    /// `Snapshots/` of a ledger (this one or another); a directory; a symbolic link, FIFO or
    /// device at the path itself (it would be replaced, not written through); a file this
    /// process may not write.
    public static func write(_ bytes: [UInt8], to path: String, workingDirectory: String,
                             system: SystemCalls) throws(Failure) {
        let absolute = path.hasPrefix("/") ? path : workingDirectory + "/" + path
        let slash = absolute.lastIndex(of: "/") ?? absolute.startIndex
        let directory = slash == absolute.startIndex ? "/" : String(absolute[..<slash])
        let name = String(absolute[absolute.index(after: slash)...])
        do {
            // As written first (the directory may not exist yet), then as it resolves.
            if let ledger = try enclosingLedgerDirectory(normalized(absolute), system: system) {
                throw Failure.insideLedger(path, resolved: ledger)
            }
            guard case .directory = try followedKind(directory, system: system) else { throw Failure.noDirectory(path) }
            let resolved = (try system.realPath(directory)) + "/" + name
            if let ledger = try enclosingLedgerDirectory(resolved, system: system) { throw Failure.insideLedger(path, resolved: ledger) }
            switch try system.kind(of: resolved) {
            case .missing: break
            // Replacing by rename needs only the directory's permission; a file its owner made
            // read-only is kept, as `cp` would keep it.
            case .file: guard system.isWritable(resolved) else { throw Failure.readOnly(path) }
            case .directory: throw Failure.notAFile(path, found: .directory)
            case .symlink: throw Failure.notAFile(path, found: .symlink)
            case .other: throw Failure.notAFile(path, found: .other)
            }
            try FileIO(system: system).replaceAtomically(resolved, with: bytes, directory: try system.realPath(directory))
        } catch let failure as Failure {
            throw failure
        } catch let error as SystemError {
            throw .unwritable(path, error)
        } catch {
            preconditionFailure("only system errors are thrown here: \(error)")
        }
    }

    /// The `EventLog/` or `Snapshots/` directory of a ledger that `resolved` (a real path) is
    /// or lies in, if any: a directory of either name beside an `EventLog/`.
    static func enclosingLedgerDirectory(_ resolved: String, system: SystemCalls) throws(SystemError) -> String? {
        var prefix = ""
        for component in resolved.split(separator: "/") {
            let parent = prefix
            prefix += "/" + component
            guard component == "EventLog" || component == "Snapshots" else { continue }
            if case .directory = try system.kind(of: parent + "/EventLog") { return prefix }
        }
        return nil
    }

    /// An absolute path without `.`, `..` or repeated slashes, resolved as text.
    static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// What `path` names, following a symbolic link at its end.
    private static func followedKind(_ path: String, system: SystemCalls) throws(SystemError) -> FileKind {
        let kind = try system.kind(of: path)
        guard case .symlink = kind else { return kind }
        do { return try system.kind(of: try system.realPath(path)) } catch where error.code == ENOENT { return .missing }
    }
}
