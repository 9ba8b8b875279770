#if canImport(Glibc)
import Glibc
#endif

/// Reads a document the user names: a regular file (never a directory, FIFO or device) or
/// standard input (`-`), refusing anything over a size cap before reading it all.
public enum InputFile {
    /// Why an input could not be read.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case missing(String)
        case notAFile(String, found: FileKind)
        case tooLarge(String, bytes: Int, limit: Int)
        case unreadable(String, SystemError)

        public var description: String {
            switch self {
            case .missing(let path): return "\(path): no such file"
            case .notAFile(let path, let found): return "\(path): is \(StorePaths.describe(found)), not a file"
            case .tooLarge(let path, let bytes, let limit):
                return "\(path): the file is \(bytes) bytes, over the limit of \(limit) bytes for a bulletin"
            case .unreadable(let path, let error): return "\(path): cannot be read: \(error)"
            }
        }
    }

    /// The bytes of `path` (relative to `workingDirectory`), or of standard input for `-`.
    public static func read(_ path: String, workingDirectory: String, maxBytes: Int, system: SystemCalls) throws(Failure) -> [UInt8] {
        if path == "-" { return try readStandardInput(maxBytes: maxBytes, system: system) }
        let absolute = path.hasPrefix("/") ? path : workingDirectory + "/" + path
        let kind: FileKind
        do { kind = try followedKind(absolute) } catch { throw .unreadable(path, error) }
        switch kind {
        case .missing: throw .missing(path)
        case .file(let bytes) where bytes > maxBytes: throw .tooLarge(path, bytes: bytes, limit: maxBytes)
        case .file: break
        case .directory: throw .notAFile(path, found: .directory)
        case .symlink, .other: throw .notAFile(path, found: .other)
        }
        do {
            guard let bytes = try FileIO(system: system).readSmallFile(absolute, maxBytes: maxBytes, followLinks: true) else {
                throw Failure.missing(path)
            }
            return bytes
        } catch let failure as Failure {
            throw failure
        } catch let error as SystemError {
            if error.code == EFBIG { throw .tooLarge(path, bytes: maxBytes + 1, limit: maxBytes) }
            throw .unreadable(path, error)
        } catch {
            throw .missing(path)
        }
    }

    /// `stat(2)`, following links: an input may be a link to a file.
    private static func followedKind(_ path: String) throws(SystemError) -> FileKind {
        var status = stat()
        guard stat(path, &status) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { return .missing }
            throw SystemError("stat", path, code: errno)
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .file(bytes: Int(status.st_size))
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    private static func readStandardInput(maxBytes: Int, system: SystemCalls) throws(Failure) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count: Int
            do {
                count = try chunk.withUnsafeMutableBytes { buffer in
                    Result { () throws(SystemError) in try system.read(0, into: buffer, path: "standard input") }
                }.get()
            } catch { throw .unreadable("-", error) }
            if count == 0 { return bytes }
            bytes += chunk[0..<count]
            if bytes.count > maxBytes { throw .tooLarge("standard input", bytes: bytes.count, limit: maxBytes) }
        }
    }
}
