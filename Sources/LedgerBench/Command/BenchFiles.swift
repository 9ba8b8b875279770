import Foundation

/// The file operations `ledger-bench` needs; the only place in LedgerBench that uses Foundation
/// or touches the disk (the ledger itself is written by `ledger ingest`).
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
}
