import LedgerDomain
import LedgerFormats

/// An issue's facts left on disk by a snapshot, read back from the log when ingest needs them.
extension IngestHistory {
    /// The records read back at an issue's sources do not rebuild the issue as it was folded:
    /// the snapshot that named them does not describe this log.
    public struct FactsMismatch: Error, Equatable, Sendable, CustomStringConvertible {
        /// The issue whose facts were read back.
        public var issue: String

        /// The issue `issue`'s records were not found where the snapshot said.
        public init(issue: String) { self.issue = issue }

        public var description: String { "the records of \(issue) named by the ingest snapshot do not rebuild it" }
    }

    /// The keys of the issues whose facts are still on disk, sorted.
    public var issuesWithFactsOnDisk: [String] {
        issues.values.filter { !$0.factsLoaded }.map(\.key).sorted()
    }

    /// Reads the facts of the issue `key` back from the log when they are on disk (a no-op
    /// otherwise): folds the records of its ``IssueEntry/sources``, as `reading` returns them a
    /// span at a time, into a history of their own, and takes the entry's facts from it.
    ///
    /// Throws what `reading` throws, or ``FactsMismatch`` when those records do not rebuild the
    /// entry exactly (other seqs, another document, other figures): nothing is changed then.
    public mutating func loadFacts(of key: String, reading: (LogSpan) throws -> [EventRecord]) throws {
        guard let entry = issues[key], !entry.factsLoaded else { return }
        var replay = IngestHistory()
        for span in entry.sources {
            let records = try reading(span)
            guard records.map(\.seq.value) == Array(span.seqs) else { throw FactsMismatch(issue: key) }
            for record in records { replay.apply(record) }
        }
        guard var rebuilt = replay.issues[key] else { throw FactsMismatch(issue: key) }
        rebuilt.sources = entry.sources
        var loaded = entry
        loaded.facts = rebuilt.facts
        loaded.factSeqs = rebuilt.factSeqs
        loaded.correctedByHand = rebuilt.correctedByHand
        loaded.factsLoaded = true
        guard loaded == rebuilt else { throw FactsMismatch(issue: key) }
        issues[key] = loaded
    }

    /// Reads the facts of every issue back (see ``loadFacts(of:reading:)``).
    public mutating func loadAllFacts(reading: (LogSpan) throws -> [EventRecord]) throws {
        for key in issuesWithFactsOnDisk { try loadFacts(of: key, reading: reading) }
    }

    /// Whether planning `document` of the issue `key` needs that issue's facts: when the issue is
    /// in the ledger from another document (a conflict, the same facts in other bytes, or a
    /// supersession names the facts that differ).
    public func needsFacts(ofIssue key: String, document: SHA256Digest) -> Bool {
        guard let entry = issues[key], !entry.factsLoaded else { return false }
        if let existing = documents[document], issues[existing]?.document == document { return false }
        return true
    }
}
