import Foundation
import Glibc
import LedgerDomain
@testable import LedgerStore
import LedgerFormats

/// A fresh directory under /tmp, removed when the value goes away.
final class TemporaryDirectory {
    let path: String

    init() {
        let template = NSTemporaryDirectory() + "ledger-test-XXXXXX"
        var bytes = Array(template.utf8CString)
        let made = bytes.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "mkdtemp failed")
        path = String(decoding: bytes.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ relative: String) -> String { path + "/" + relative }

    func read(_ relative: String) -> [UInt8] {
        (try? Array(Data(contentsOf: URL(fileURLWithPath: file(relative))))) ?? []
    }

    func write(_ relative: String, _ bytes: [UInt8]) {
        _ = FileManager.default.createFile(atPath: file(relative), contents: Data(bytes))
    }

    /// Copies this directory's contents into another.
    func copy(to other: TemporaryDirectory) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: path) {
            try FileManager.default.copyItem(atPath: file(name), toPath: other.file(name))
        }
    }
}

/// A ``SystemCalls`` that behaves like the real one until a planned fault: a crash after a
/// number of written bytes (every call fails from then on, as if the process had died), a
/// failing fsync, or a full disk.
final class FaultySystem: SystemCalls {
    enum Fault {
        case crashAfterWriting(bytes: Int)
        case failFsync(onCall: Int)
        case diskFull
        /// Every mkdir finds the directory made by "another process" just before it: EEXIST.
        case loseMkdirRace
        /// Every existing file is one this process may not write (`access(2)` says no).
        case readOnlyFiles
    }

    private let base = PosixSystemCalls()
    private let fault: Fault
    private var written = 0
    private var fsyncCalls = 0
    private(set) var crashed = false

    init(_ fault: Fault) { self.fault = fault }

    private func alive(_ operation: String, _ path: String) throws(SystemError) {
        if crashed { throw SystemError(operation, path, code: EIO) }
    }

    func open(_ path: String, flags: Int32, mode: UInt32) throws(SystemError) -> Int32 {
        try alive("open", path)
        return try base.open(path, flags: flags, mode: mode)
    }

    func close(_ descriptor: Int32) { base.close(descriptor) }

    func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, path: String) throws(SystemError) -> Int {
        try alive("read", path)
        return try base.read(descriptor, into: buffer, path: path)
    }

    func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int, path: String) throws(SystemError) -> Int {
        try alive("read", path)
        return try base.read(descriptor, into: buffer, at: offset, path: path)
    }

    func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(SystemError) -> Int {
        try alive("write", path)
        switch fault {
        case .crashAfterWriting(let limit):
            let allowed = min(bytes.count, limit - written)
            if allowed < bytes.count {
                if allowed > 0 { _ = try base.write(descriptor, UnsafeRawBufferPointer(rebasing: bytes[0..<allowed]), path: path) }
                written += allowed
                crashed = true
                throw SystemError("write", path, code: EIO)
            }
        case .diskFull where path.hasSuffix("events.jsonl"):
            let allowed = bytes.count / 2
            if allowed > 0 && written == 0 {
                written += try base.write(descriptor, UnsafeRawBufferPointer(rebasing: bytes[0..<allowed]), path: path)
                return allowed
            }
            throw SystemError("write", path, code: ENOSPC)
        default: break
        }
        let count = try base.write(descriptor, bytes, path: path)
        written += count
        return count
    }

    func fsync(_ descriptor: Int32, path: String) throws(SystemError) {
        try alive("fsync", path)
        fsyncCalls += 1
        if case .failFsync(let call) = fault, call == fsyncCalls { throw SystemError("fsync", path, code: EIO) }
        try base.fsync(descriptor, path: path)
    }

    func truncate(_ descriptor: Int32, to length: Int, path: String) throws(SystemError) {
        try alive("truncate", path)
        try base.truncate(descriptor, to: length, path: path)
    }

    func size(_ descriptor: Int32, path: String) throws(SystemError) -> Int {
        try alive("stat", path)
        return try base.size(descriptor, path: path)
    }

    func kind(of path: String) throws(SystemError) -> FileKind {
        try alive("stat", path)
        return try base.kind(of: path)
    }

    func isWritable(_ path: String) -> Bool {
        if case .readOnlyFiles = fault { return false }
        return base.isWritable(path)
    }

    func realPath(_ path: String) throws(SystemError) -> String {
        try alive("realpath", path)
        return try base.realPath(path)
    }

    func rename(_ source: String, to destination: String) throws(SystemError) {
        try alive("rename", destination)
        try base.rename(source, to: destination)
    }

    func makeDirectory(_ path: String) throws(SystemError) {
        try alive("mkdir", path)
        try base.makeDirectory(path)
        if case .loseMkdirRace = fault { throw SystemError("mkdir", path, code: EEXIST) }
    }

    func remove(_ path: String) throws(SystemError) {
        try alive("unlink", path)
        try base.remove(path)
    }

    func tryLock(_ descriptor: Int32, path: String) throws(SystemError) -> Bool {
        try alive("flock", path)
        return try base.tryLock(descriptor, path: path)
    }

    func tryLockShared(_ descriptor: Int32, path: String) throws(SystemError) -> Bool {
        try alive("flock", path)
        return try base.tryLockShared(descriptor, path: path)
    }

    func entries(of directory: String) throws(SystemError) -> [String] {
        try alive("opendir", directory)
        return try base.entries(of: directory)
    }

    func sleep(milliseconds: Int) { base.sleep(milliseconds: milliseconds) }
}

enum StoreFixtures {
    static let instant = Instant(millisecondsSinceEpoch: 1_795_319_400_123)

    static func context(_ actor: String = "clerk@hall", command: String? = "ledger test") -> AppendContext {
        AppendContext(actor: actor, now: instant, command: command)
    }

    static func events(_ count: Int, tag: String = "a") -> [NewEvent] {
        (1...count).map { index in
            NewEvent(type: "test.fact", valid: CalendarDate(year: 2023, month: 2, day: 17),
                     payload: ["tag": .string(tag), "n": .int(index), "text": "省地震局、省测绘地理信息局（部分事项授权）"])
        }
    }

    /// Appends, retrying when another writer moved the head in between.
    @discardableResult
    static func append(_ store: EventStore, _ events: [NewEvent], actor: String = "clerk@hall") throws -> AppendReceipt {
        while true {
            let head = try store.currentHead()
            do {
                return try store.append(events, expecting: head, context: context(actor))
            } catch StoreError.headMoved {
                continue
            }
        }
    }
}

