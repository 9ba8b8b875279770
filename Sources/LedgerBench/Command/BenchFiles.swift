import Foundation

/// The file operations `ledger-bench` needs; the only place in LedgerBench that uses Foundation
/// or touches the disk (the ledger itself is written by `ledger ingest`; child processes are
/// started by ``ChildProcess``).
enum BenchFiles {
    /// `path` made absolute against `workingDirectory`.
    static func absolute(_ path: String, in workingDirectory: String) -> String {
        path.hasPrefix("/") ? path : workingDirectory + "/" + path
    }

    /// Creates the directory and its parents, if missing.
    static func makeDirectory(_ path: String) throws(BenchFailure) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .io("cannot create the directory \(path): \(error.localizedDescription)")
        }
    }

    /// Writes the text as UTF-8, replacing the file.
    static func write(_ text: String, to path: String) throws(BenchFailure) {
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw .io("cannot write \(path)")
        }
    }

    /// Writes the bytes, replacing the file.
    static func write(_ bytes: [UInt8], to path: String) throws(BenchFailure) {
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw .io("cannot write \(path)")
        }
    }

    /// A new, empty directory for scratch files, under `$TMPDIR` (else /tmp).
    static func makeScratchDirectory(environment: [String: String]) throws(BenchFailure) -> String {
        let base = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        let path = base + "/ledger-bench-" + UUID().uuidString.lowercased()
        try makeDirectory(path)
        return path
    }

    /// Removes a file or a directory with its contents; failures are ignored (scratch only).
    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The file's bytes, or nil when it cannot be read.
    static func readBytes(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }

    /// The file's text (UTF-8, invalid bytes replaced), or nil when it cannot be read.
    static func readText(_ path: String) -> String? {
        readBytes(path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Writes `text` as the whole file; false when it cannot be written.
    static func writeText(_ text: String, to path: String) -> Bool {
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    }

    /// The size of a regular file in bytes, or nil when there is none at `path`.
    static func fileSize(_ path: String) -> Int? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
              let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = attributes[.size] as? NSNumber else { return nil }
        return size.intValue
    }

    /// Whether a directory is at `path`.
    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Whether anything (a file, a directory, a link) is at `path`.
    static func exists(_ path: String) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: path)) != nil
    }

    /// Renames a file or directory (atomic within one file system).
    static func rename(_ source: String, to destination: String) throws(BenchFailure) {
        do {
            try FileManager.default.moveItem(atPath: source, toPath: destination)
        } catch {
            throw .io("cannot move \(source) to \(destination): \(error.localizedDescription)")
        }
    }

    /// Whether `path` is a file this process may execute.
    static func isExecutable(_ path: String) -> Bool {
        !isDirectory(path) && FileManager.default.isExecutableFile(atPath: path)
    }

    /// The directory of this process's executable (`/proc/self/exe`), or nil when unknown.
    static func executableDirectory() -> String? {
        guard let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
        return URL(fileURLWithPath: path).deletingLastPathComponent().path
    }

    /// The first executable `name` in the directories of `$PATH` (default `/usr/bin:/bin`).
    static func findProgram(_ name: String, environment: [String: String]) -> String? {
        let path = environment["PATH"].flatMap { $0.isEmpty ? nil : $0 } ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first(where: isExecutable)
    }

    /// Reads the whole file once and drops the bytes: afterwards the page cache holds it.
    static func readThrough(_ path: String) throws(BenchFailure) {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .io("cannot open \(path) to read it") }
        defer { try? handle.close() }
        do {
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {}
        } catch {
            throw .io("cannot read \(path): \(error.localizedDescription)")
        }
    }
}
