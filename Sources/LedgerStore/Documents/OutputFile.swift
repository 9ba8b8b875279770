/// A file the tool writes for people outside the ledger (a report): whole or not at all.
public enum OutputFile {
    /// Why an output could not be written; nothing was left at the path.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case noDirectory(String)
        case notAFile(String, found: String)
        case insideLedger(String)
        case unwritable(String, SystemError)

        public var description: String {
            switch self {
            case .noDirectory(let path): return "\(path): its directory does not exist"
            case .notAFile(let path, let found): return "\(path): is \(found); give the path of a file to write"
            case .insideLedger(let path):
                return "\(path): is inside the ledger's EventLog/ or Snapshots/, which only ledger writes; choose a path outside them"
            case .unwritable(let path, let error): return "\(path): cannot be written: \(error)"
            }
        }
    }

    /// Writes `bytes` to `path` (relative to `workingDirectory`) through a temporary file, an
    /// fsync and a rename, so that a reader sees the old file or the new one, never half of one.
    /// A path inside the ledger's own directories is refused.
    public static func write(_ bytes: [UInt8], to path: String, workingDirectory: String, layout: LedgerLayout,
                             system: SystemCalls) throws(Failure) {
        let absolute = path.hasPrefix("/") ? path : workingDirectory + "/" + path
        let directory = absolute.lastIndex(of: "/").map { String(absolute[..<$0]) }.map { $0.isEmpty ? "/" : $0 } ?? "."
        let ledgerDirectories = [layout.eventLog, layout.snapshots].map { $0.hasPrefix("/") ? $0 : workingDirectory + "/" + $0 }
        for protected in ledgerDirectories where isInside(absolute, protected) {
            throw .insideLedger(path)
        }
        do {
            guard try system.kind(of: directory) == .directory else { throw Failure.noDirectory(path) }
            switch try system.kind(of: absolute) {
            case .missing, .file: break
            case .directory: throw Failure.notAFile(path, found: "a directory")
            case .symlink: throw Failure.notAFile(path, found: "a symbolic link")
            case .other: throw Failure.notAFile(path, found: "a FIFO, socket or device")
            }
            try FileIO(system: system).replaceAtomically(absolute, with: bytes, directory: directory)
        } catch let failure as Failure {
            throw failure
        } catch let error as SystemError {
            throw .unwritable(path, error)
        } catch {
            preconditionFailure("only system errors are thrown here: \(error)")
        }
    }

    /// Whether `path` names `directory` or something under it, once `.` and `..` are resolved
    /// (`EventLog/../EventLog/x` is inside).
    static func isInside(_ path: String, _ directory: String) -> Bool {
        let target = normalized(path), protected = normalized(directory)
        return target == protected || target.hasPrefix(protected + "/")
    }

    /// An absolute path without `.`, `..` or repeated slashes.
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
}
