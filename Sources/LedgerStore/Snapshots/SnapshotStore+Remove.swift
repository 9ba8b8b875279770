extension SnapshotStore {
    /// Removes every `*.snapshot` file in `Snapshots/` (best effort): after the log is
    /// rewritten they name heads it no longer has, and the next question writes them again.
    public func removeAll() {
        guard let names = try? system.entries(of: layout.snapshots) else { return }
        for name in names where name.hasSuffix(".snapshot") {
            try? system.remove(layout.snapshots + "/" + name)
        }
    }
}
