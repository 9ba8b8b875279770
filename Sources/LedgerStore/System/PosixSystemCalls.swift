#if canImport(Glibc)
import Glibc
#endif

/// The real ``SystemCalls``: thin wrappers over Glibc that retry on `EINTR`.
public final class PosixSystemCalls: SystemCalls {
    /// Creates the real system seam.
    public init() {}

    public func open(_ path: String, flags: Int32, mode: UInt32) throws(SystemError) -> Int32 {
        // Named apart so that a refusal says whether reading or writing was refused.
        let operation = flags & (O_WRONLY | O_RDWR | O_CREAT) != 0 ? "open for writing" : "open"
        let descriptor = try retrying(operation, path) { Glibc.open(path, flags | O_CLOEXEC, mode) }
        return descriptor
    }

    public func close(_ descriptor: Int32) {
        _ = Glibc.close(descriptor)
    }

    public func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, path: String) throws(SystemError) -> Int {
        try retrying("read", path) { Glibc.read(descriptor, buffer.baseAddress, buffer.count) }
    }

    public func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int, path: String) throws(SystemError) -> Int {
        try retrying("read", path) { Glibc.pread(descriptor, buffer.baseAddress, buffer.count, off_t(offset)) }
    }

    public func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(SystemError) -> Int {
        try retrying("write", path) { Glibc.write(descriptor, bytes.baseAddress, bytes.count) }
    }

    public func fsync(_ descriptor: Int32, path: String) throws(SystemError) {
        _ = try retrying("fsync", path) { Glibc.fsync(descriptor) }
    }

    public func truncate(_ descriptor: Int32, to length: Int, path: String) throws(SystemError) {
        _ = try retrying("truncate", path) { Glibc.ftruncate(descriptor, off_t(length)) }
    }

    public func size(_ descriptor: Int32, path: String) throws(SystemError) -> Int {
        var status = stat()
        _ = try retrying("stat", path) { Glibc.fstat(descriptor, &status) }
        return Int(status.st_size)
    }

    public func kind(of path: String) throws(SystemError) -> FileKind {
        var status = stat()
        guard Glibc.lstat(path, &status) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { return .missing }
            throw SystemError("stat", path, code: errno)
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .file(bytes: Int(status.st_size))
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    public func isWritable(_ path: String) -> Bool { Glibc.access(path, W_OK) == 0 }

    public func realPath(_ path: String) throws(SystemError) -> String {
        guard let resolved = Glibc.realpath(path, nil) else { throw SystemError("realpath", path, code: errno) }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    public func rename(_ source: String, to destination: String) throws(SystemError) {
        _ = try retrying("rename", destination) { Glibc.rename(source, destination) }
    }

    public func makeDirectory(_ path: String) throws(SystemError) {
        _ = try retrying("mkdir", path) { Glibc.mkdir(path, 0o755) }
    }

    public func remove(_ path: String) throws(SystemError) {
        _ = try retrying("unlink", path) { Glibc.unlink(path) }
    }

    public func tryLock(_ descriptor: Int32, path: String) throws(SystemError) -> Bool {
        while true {
            // `flock` names both the call and fcntl's struct: the result type picks the call.
            let result: Int32 = flock(descriptor, LOCK_EX | LOCK_NB)
            if result == 0 { return true }
            if errno == EWOULDBLOCK { return false }
            if errno != EINTR { throw SystemError("flock", path, code: errno) }
        }
    }

    public func tryLockShared(_ descriptor: Int32, path: String) throws(SystemError) -> Bool {
        while true {
            let result: Int32 = flock(descriptor, LOCK_SH | LOCK_NB)
            if result == 0 { return true }
            if errno == EWOULDBLOCK { return false }
            if errno != EINTR { throw SystemError("flock", path, code: errno) }
        }
    }

    public func entries(of directory: String) throws(SystemError) -> [String] {
        guard let stream = opendir(directory) else { throw SystemError("opendir", directory, code: errno) }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    public func sleep(milliseconds: Int) {
        var request = timespec(tv_sec: milliseconds / 1000, tv_nsec: (milliseconds % 1000) * 1_000_000)
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
    }

    private func retrying<T: BinaryInteger>(_ operation: String, _ path: String, _ call: () -> T) throws(SystemError) -> T {
        while true {
            let result = call()
            if result >= 0 { return result }
            if errno != EINTR { throw SystemError(operation, path, code: errno) }
        }
    }
}
