#if canImport(Glibc)
import Glibc
#endif

/// The single-writer lock: an advisory `flock` on `EventLog/lock`, waited for a bounded time.
///
/// The kernel releases it when the process ends, however it ends, so a crashed writer never
/// leaves the ledger locked. The holder writes its pid into the file for the busy message.
final class WriteLock {
    private let system: SystemCalls
    private let path: String
    private var descriptor: Int32?
    private var sharedOnly = false

    init(system: SystemCalls, path: String) {
        self.system = system
        self.path = path
    }

    /// Takes the lock, waiting up to `timeoutMilliseconds`; throws ``StoreError/busy`` after.
    func acquire(timeoutMilliseconds: Int) throws {
        if try tryAcquire() { return }
        var waited = 0
        var pause = 2
        while waited < timeoutMilliseconds {
            system.sleep(milliseconds: pause)
            waited += pause
            pause = min(pause * 2, 50)
            if try tryAcquire() { return }
        }
        throw StoreError.busy(lockPath: path, waitedMilliseconds: waited, holder: holder())
    }

    /// Takes the lock if it is free; false when another process holds it.
    func tryAcquire() throws -> Bool {
        precondition(descriptor == nil, "the write lock is not re-entrant")
        guard try StorePaths.isRegularOrMissing(path, system) else {
            throw StoreError.unsafePath(path: path, found: try system.kind(of: path))
        }
        let opened = try system.open(path, flags: O_RDWR | O_CREAT | O_NOFOLLOW, mode: 0o644)
        do {
            guard try system.tryLock(opened, path: path) else {
                system.close(opened)
                return false
            }
            let pid = Array("pid \(getpid())\n".utf8)
            try system.truncate(opened, to: 0, path: path)
            try FileIO(system: system).writeAll(opened, pid, path: path)
        } catch {
            system.close(opened)
            throw error
        }
        descriptor = opened
        return true
    }

    /// For a reader: takes the lock if no writer holds it, true when none does. With write
    /// access this is ``tryAcquire()``; without it (a supervisor with read permission only) the
    /// file is opened read-only for a shared `flock`, which a writer's exclusive lock excludes,
    /// and ``isExclusive`` stays false: the holder may not repair anything. A lock file that does
    /// not exist means no writer has run here.
    func tryAcquireForReading() throws -> Bool {
        let directory = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        switch try system.kind(of: path) {
        case .file where system.isWritable(path): return try tryAcquire()
        case .missing where system.isWritable(directory): return try tryAcquire()
        case .missing: return true
        case .file: break
        case let other: throw StoreError.unsafePath(path: path, found: other)
        }
        precondition(descriptor == nil, "the write lock is not re-entrant")
        let opened = try system.open(path, flags: O_RDONLY | O_NOFOLLOW, mode: 0)
        do {
            guard try system.tryLockShared(opened, path: path) else {
                system.close(opened)
                return false
            }
        } catch {
            system.close(opened)
            throw error
        }
        descriptor = opened
        sharedOnly = true
        return true
    }

    /// Whether the lock held is the writers' exclusive one (false for a reader's shared lock).
    var isExclusive: Bool { descriptor != nil && !sharedOnly }

    /// Releases the lock (closing the descriptor releases the `flock`), clearing the pid first
    /// so a busy message never names a process that no longer holds it.
    func release() {
        if let descriptor {
            if !sharedOnly { try? system.truncate(descriptor, to: 0, path: path) }
            system.close(descriptor)
        }
        descriptor = nil
        sharedOnly = false
    }

    deinit { release() }

    private func holder() -> String? {
        guard let bytes = try? FileIO(system: system).readSmallFile(path, maxBytes: 64) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: "\n")
        return text.isEmpty ? nil : text
    }
}

extension String {
    /// Without `characters` at either end.
    func trimmingCharacters(in characters: Character) -> String {
        var text = Substring(self)
        while text.last == characters { text = text.dropLast() }
        while text.first == characters { text = text.dropFirst() }
        return String(text)
    }
}

/// Checks on the paths the store owns: it never follows a symlink or writes to a FIFO.
enum StorePaths {
    static func isRegularOrMissing(_ path: String, _ system: SystemCalls) throws -> Bool {
        switch try system.kind(of: path) {
        case .missing, .file: return true
        case .directory, .symlink, .other: return false
        }
    }

    static func describe(_ kind: FileKind) -> String {
        switch kind {
        case .missing: return "missing"
        case .file: return "a file"
        case .directory: return "a directory"
        case .symlink: return "a symbolic link"
        case .other: return "a FIFO, socket or device"
        }
    }
}

extension FileKind: CustomStringConvertible {
    /// What the path is, in English: `a directory`, `a symbolic link`…
    public var description: String { StorePaths.describe(self) }
}
