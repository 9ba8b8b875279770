#if canImport(Glibc)
import Glibc
#endif

/// The store's only door to the operating system: every file operation it makes goes through
/// here, so tests can make any of them fail (a torn write, a failed fsync, a full disk).
///
/// Methods throw ``SystemError`` carrying the operation, the path and `errno`.
public protocol SystemCalls: AnyObject {
    /// `open(2)`; returns the descriptor.
    func open(_ path: String, flags: Int32, mode: UInt32) throws(SystemError) -> Int32
    /// `close(2)`; errors are ignored, as nothing useful can follow them.
    func close(_ descriptor: Int32)
    /// `read(2)`: fills at most `buffer.count` bytes; 0 at the end of the file.
    func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, path: String) throws(SystemError) -> Int
    /// `pread(2)` at an absolute offset.
    func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int, path: String) throws(SystemError) -> Int
    /// `write(2)`: may write fewer bytes than given; returns how many it wrote.
    func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(SystemError) -> Int
    /// `fsync(2)`.
    func fsync(_ descriptor: Int32, path: String) throws(SystemError)
    /// `ftruncate(2)`.
    func truncate(_ descriptor: Int32, to length: Int, path: String) throws(SystemError)
    /// `fstat(2)`'s size.
    func size(_ descriptor: Int32, path: String) throws(SystemError) -> Int
    /// `lstat(2)`: what is at a path, without following a final symlink.
    func kind(of path: String) throws(SystemError) -> FileKind
    /// `access(2)` for writing: whether this process may write to the file at `path`.
    func isWritable(_ path: String) -> Bool
    /// `realpath(3)`: the absolute path with every symbolic link, `.` and `..` resolved; the
    /// path must exist.
    func realPath(_ path: String) throws(SystemError) -> String
    /// `rename(2)`, atomic within one file system.
    func rename(_ source: String, to destination: String) throws(SystemError)
    /// `mkdir(2)` with mode 0755.
    func makeDirectory(_ path: String) throws(SystemError)
    /// `unlink(2)`.
    func remove(_ path: String) throws(SystemError)
    /// `flock(2)` exclusive and non-blocking: true when the lock was taken, false when another
    /// process holds it.
    func tryLock(_ descriptor: Int32, path: String) throws(SystemError) -> Bool
    /// `flock(2)` shared and non-blocking, on a descriptor opened for reading: true when taken,
    /// false when a writer holds the exclusive lock. Readers without write access use it.
    func tryLockShared(_ descriptor: Int32, path: String) throws(SystemError) -> Bool
    /// The names in a directory (`opendir(3)`/`readdir(3)`), without `.` and `..`, sorted.
    func entries(of directory: String) throws(SystemError) -> [String]
    /// Sleeps the calling thread.
    func sleep(milliseconds: Int)
}

/// What a path names.
public enum FileKind: Equatable, Sendable {
    /// Nothing is there.
    case missing
    /// A regular file of this many bytes.
    case file(bytes: Int)
    /// A directory.
    case directory
    /// A symbolic link (never followed by the store).
    case symlink
    /// A FIFO, socket or device.
    case other
}

/// A failed system call: which, on what, and `errno`.
public struct SystemError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The call, like `write` or `fsync`.
    public var operation: String
    /// The path it was about.
    public var path: String
    /// The `errno` it set.
    public var code: Int32

    /// Creates an error from a call, its path and `errno`.
    public init(_ operation: String, _ path: String, code: Int32) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    /// Whether a permission was refused (`EACCES`, `EPERM`, or a read-only file system).
    public var isPermissionDenied: Bool { code == EACCES || code == EPERM || code == EROFS }

    /// Whether the call only read (`open` for reading, `opendir`): a refusal then means the user
    /// may not even read the file.
    public var wasReading: Bool { operation == "open" || operation == "opendir" || operation == "read" }

    /// Whether the disk is full (`ENOSPC`, `EDQUOT`).
    public var isDiskFull: Bool { code == ENOSPC || code == EDQUOT }

    /// `write EventLog/events.jsonl: No space left on device`.
    public var description: String {
        "\(operation) \(path): \(String(cString: strerror(code)))"
    }
}
