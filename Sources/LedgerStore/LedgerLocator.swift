/// Finds the ledger directory a command works on, the way git finds `.git`.
public enum LedgerLocator {
    /// `explicit` (`--ledger DIR`), else `$LEDGER_HOME`, else the nearest ancestor of
    /// `workingDirectory` (itself included) that holds `EventLog/`, else `workingDirectory`.
    /// Relative paths are taken from `workingDirectory`.
    public static func locate(explicit: String?, environment: [String: String], workingDirectory: String,
                              system: SystemCalls) -> String {
        if let explicit, !explicit.isEmpty { return absolute(explicit, from: workingDirectory) }
        if let home = environment["LEDGER_HOME"], !home.isEmpty { return absolute(home, from: workingDirectory) }
        var candidate = workingDirectory
        while true {
            if (try? system.kind(of: LedgerLayout(root: candidate).eventLog)) == .directory { return candidate }
            guard let parent = parent(of: candidate) else { return workingDirectory }
            candidate = parent
        }
    }

    static func absolute(_ path: String, from base: String) -> String {
        if path.hasPrefix("/") { return path }
        return base == "/" ? "/" + path : base + "/" + path
    }

    static func parent(of path: String) -> String? {
        guard path != "/", let slash = path.lastIndex(of: "/") else { return nil }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
