#if canImport(Glibc)
import Glibc
#endif

/// Whole-file operations built on ``SystemCalls``: write everything or throw, atomic replace.
struct FileIO {
    let system: SystemCalls

    /// Writes every byte, looping over short writes.
    func writeAll(_ descriptor: Int32, _ bytes: [UInt8], path: String) throws(SystemError) {
        var offset = 0
        while offset < bytes.count {
            let written = try bytes.withUnsafeBytes { buffer in
                Result { () throws(SystemError) in
                    try system.write(descriptor, UnsafeRawBufferPointer(rebasing: buffer[offset...]), path: path)
                }
            }.get()
            guard written > 0 else { throw SystemError("write", path, code: EIO) }
            offset += written
        }
    }

    /// Replaces a file atomically: a temporary file, fsync, rename, fsync of the directory
    /// (none when `directory` is nil: the caller fsyncs it, once for several files).
    ///
    /// The temporary file's name is this process's and this call's own: two processes storing
    /// the same document at once (outside the write lock) must not truncate or rename each
    /// other's temporary file.
    func replaceAtomically(_ path: String, with bytes: [UInt8], directory: String?) throws(SystemError) {
        let temporary = path + ".\(getpid())-\(FileIO.temporaryCounter.next()).tmp"
        let descriptor = try system.open(temporary, flags: O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, mode: 0o644)
        do {
            try writeAll(descriptor, bytes, path: temporary)
            try system.fsync(descriptor, path: temporary)
        } catch {
            system.close(descriptor)
            // A full disk must not also be left holding half a temporary file.
            try? system.remove(temporary)
            throw error
        }
        system.close(descriptor)
        do {
            try system.rename(temporary, to: path)
        } catch {
            try? system.remove(temporary)
            throw error
        }
        if let directory { try syncDirectory(directory) }
    }

    /// Numbers the temporary files of one process, whichever thread makes them.
    static let temporaryCounter = TemporaryCounter()

    /// Makes sure `path` is a directory, creating it (durably, in `parent`) when missing; a
    /// file, symlink or FIFO there is refused. `label` names it in the error.
    func ensureDirectory(_ path: String, parent: String, label: String) throws {
        switch try system.kind(of: path) {
        case .directory: return
        case .missing:
            do {
                try system.makeDirectory(path)
            } catch where error.code == EEXIST {
                // Another process made it between the check and mkdir (two first ingests at
                // once): a directory there is what this call wanted; anything else is refused.
                return try ensureDirectory(path, parent: parent, label: label)
            }
            try syncDirectory(parent)
        case let other: throw StoreError.unsafePath(path: label, found: other)
        }
    }

    /// Makes a directory's entries (a created or renamed file) durable.
    func syncDirectory(_ path: String) throws(SystemError) {
        let descriptor = try system.open(path, flags: O_RDONLY | O_DIRECTORY, mode: 0)
        defer { system.close(descriptor) }
        try system.fsync(descriptor, path: path)
    }

    /// Reads a whole file of at most `maxBytes`; nil when it does not exist.
    func readSmallFile(_ path: String, maxBytes: Int, followLinks: Bool = false) throws(SystemError) -> [UInt8]? {
        let descriptor: Int32
        do {
            descriptor = try system.open(path, flags: O_RDONLY | (followLinks ? 0 : O_NOFOLLOW), mode: 0)
        } catch where error.code == ENOENT {
            return nil
        }
        defer { system.close(descriptor) }
        let size = try system.size(descriptor, path: path)
        var bytes = [UInt8](repeating: 0, count: min(size, maxBytes) + 1)
        var filled = 0
        while filled < bytes.count {
            let count = try bytes.withUnsafeMutableBytes { buffer in
                Result { () throws(SystemError) in
                    try system.read(descriptor, into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]), path: path)
                }
            }.get()
            if count == 0 { break }
            filled += count
        }
        guard filled <= maxBytes else { throw SystemError("read", path, code: EFBIG) }
        return Array(bytes[0..<filled])
    }

    /// Reads `count` bytes at `offset` (fewer at the end of the file).
    func read(_ descriptor: Int32, count: Int, at offset: Int, path: String) throws(SystemError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = try bytes.withUnsafeMutableBytes { buffer in
                Result { () throws(SystemError) in
                    try system.read(descriptor, into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]),
                                    at: offset + filled, path: path)
                }
            }.get()
            if got == 0 { break }
            filled += got
        }
        return Array(bytes[0..<filled])
    }
}

/// A counter that threads share (its mutex lives at a fixed address, as pthreads requires).
final class TemporaryCounter: @unchecked Sendable {
    private var value = 0
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    init() { pthread_mutex_init(mutex, nil) }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// The next number, from 1.
    func next() -> Int {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        value += 1
        return value
    }
}
