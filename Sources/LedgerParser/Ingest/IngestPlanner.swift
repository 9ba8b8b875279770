import LedgerDomain
import LedgerFormats

/// Decides what ingesting a parsed document does to the ledger: nothing (already there), a
/// conflict, or a batch to append, with the checks across issues as events of their own.
public enum IngestPlanner {
    /// What to do.
    public enum Decision: Sendable {
        /// The same document is in the ledger already (or, `sameFactsOnly`, one with other
        /// bytes but the same facts).
        case alreadyIngested(issue: String, seqs: [Int], sameFactsOnly: Bool)
        /// Issues in the ledger cover some of this document's numbers but not the same ones (issue
        /// 5 alone after the combined 5-6, or 5-6 after 6): refused, whatever the facts.
        /// `replaceable` when the only one is this issue's own key, which `--supersede` replaces.
        case overlaps(issue: String, numbers: ClosedRange<Int>, others: [IngestHistory.IssueEntry], replaceable: Bool)
        /// The masthead names a publisher that is none of the ledger's (``IngestHistory/publishers``):
        /// most likely another hall's bulletin. `known` are the ledger's names, the centre's first.
        case otherPublisher(publisher: String, known: [String])
        /// Another document of the same issue is in the ledger; these facts differ.
        case conflict(issue: String, differences: [Difference])
        /// Append these events (`issue.published` first); `warnings` are the failed checks.
        case append(events: [NewEvent], warnings: [CrossIssueWarning], supersedes: IngestHistory.IssueEntry?)
    }

    /// Plans the ingest of `bulletin`, whose facts are `events` (from ``Bulletin/events(document:encoding:partial:)``).
    public static func plan(_ bulletin: Bulletin, events: [NewEvent], document: SHA256Digest,
                            history: IngestHistory, supersede: Bool) -> Decision {
        let key = bulletin.issue.key
        // The same document, still current: nothing to do. A document that was superseded can
        // come back, as any other document of its issue would.
        if let existing = history.documents[document], let entry = history.issues[existing], entry.document == document {
            return .alreadyIngested(issue: existing, seqs: entry.seqs, sameFactsOnly: false)
        }
        // Checked after the document itself: one ingested before is already the ledger's.
        if let publisher = bulletin.issue.publisher, !history.publishers.knows(publisher) {
            return .otherPublisher(publisher: publisher, known: history.publishers.names)
        }
        let overlapping = history.overlapping(bulletin.issue.numbers, year: bulletin.issue.year, key: key)
        if !overlapping.isEmpty {
            let replaceable = overlapping.allSatisfy { $0.key == key }
            if !(replaceable && supersede) {
                return .overlaps(issue: key, numbers: bulletin.issue.numbers, others: overlapping, replaceable: replaceable)
            }
        }
        let current = history.issues[key]
        precondition(current?.factsLoaded ?? true, "the facts of \(key) must be read back (IngestHistory.loadFacts) before planning")
        if let current, !supersede {
            let found = differences(old: current, new: events)
            // Other bytes (another encoding, other line ends), the same facts: nothing to do.
            if found.isEmpty { return .alreadyIngested(issue: key, seqs: current.seqs, sameFactsOnly: true) }
            return .conflict(issue: key, differences: found)
        }
        let checks = CrossIssueChecks(bulletin: bulletin, history: history, excluding: key).failures()
        var appended = events
        // The masthead's reference (with its pages, for a PDF), without its text.
        var source = events.first?.source ?? SourceReference(document: document, issue: key, lines: bulletin.issue.provenance.lines,
                                                              parser: BulletinParser.version)
        source.text = nil
        for failure in checks {
            appended.append(NewEvent(type: EventType.checkFailed, valid: bulletin.issue.through, source: source,
                                     payload: ["issue": .string(key), "check": .string(failure.check), "message": .string(failure.message)]))
        }
        if let current {
            appended.append(NewEvent(type: EventType.issueSuperseded, valid: bulletin.issue.through, source: source, payload: [
                "issue": .string(key), "previousDocument": .string(current.document.hex), "document": .string(document.hex),
                "retracted": .array(current.seqs.map { .int($0) }),
                "differences": .array(structuredDifferences(old: current.facts, new: events).map(\.json)),
            ]))
        }
        return .append(events: appended, warnings: checks.map(\.warning), supersedes: current)
    }

    /// One fact that differs between two documents of an issue.
    public struct Difference: Sendable, Equatable, CustomStringConvertible {
        /// `added`, `removed` or `changed`.
        public var kind: String
        /// The fact, like `items.counted administrativeLicensing`.
        public var fact: String
        /// The field that changed (nil for added and removed facts).
        public var field: String?
        public var from: JSONValue?
        public var to: JSONValue?

        public var description: String {
            switch kind {
            case "changed": return "changed: \(fact): \(field ?? "") \(IngestPlanner.show(from)) → \(IngestPlanner.show(to))"
            case "added": return "added: \(fact): \(IngestPlanner.show(to))"
            default: return "removed: \(fact): \(IngestPlanner.show(from))"
            }
        }

        /// `{"field": "items.counted administrativeLicensing accepted", "from": 62827, "to": 62828}`.
        public var json: JSONValue {
            .object(["field": .string(fact + (field.map { " " + $0 } ?? "")), "from": from ?? .null, "to": to ?? .null, "kind": .string(kind)])
        }
    }

    /// The facts that differ between the issue in the ledger and a new document of it.
    public static func differences(old: IngestHistory.IssueEntry, new events: [NewEvent]) -> [Difference] {
        structuredDifferences(old: old.facts, new: events)
    }

    /// The differences as values, facts named by ``FactIdentity``.
    public static func structuredDifferences(old: [String: JSONObject], new events: [NewEvent]) -> [Difference] {
        var newFacts: [String: JSONObject] = [:]
        for (index, event) in events.dropFirst().enumerated() {
            // Stored payloads have sorted keys; compare like with like.
            newFacts[FactIdentity.key(type: event.type, payload: event.payload, index: index, distinctFrom: newFacts)] = event.payload.sortedRecursively()
        }
        var result: [Difference] = []
        for key in Set(old.keys).union(newFacts.keys).sorted() {
            switch (old[key]?.sortedRecursively(), newFacts[key]) {
            case (nil, let added?): result.append(Difference(kind: "added", fact: key, to: .object(added)))
            case (let removed?, nil): result.append(Difference(kind: "removed", fact: key, from: .object(removed)))
            case (let before?, let after?) where before != after:
                result += changedFields(fact: key, before: before, after: after, prefix: "")
            default: break
            }
        }
        return result
    }

    /// Field by field, one level into nested objects: `week.accepted 116 → 117`.
    static func changedFields(fact: String, before: JSONObject, after: JSONObject, prefix: String) -> [Difference] {
        var result: [Difference] = []
        for field in Set(before.keys).union(after.keys).sorted() where before[field] != after[field] {
            if prefix.isEmpty, case .object(let inner)? = before[field], case .object(let other)? = after[field] {
                result += changedFields(fact: fact, before: inner, after: other, prefix: field + ".")
            } else {
                result.append(Difference(kind: "changed", fact: fact, field: prefix + field, from: before[field], to: after[field]))
            }
        }
        return result
    }

    static func summary(_ payload: JSONObject) -> String {
        let text = JSONWriter.string(.object(payload))
        return text.count > 80 ? String(text.prefix(80)) + "…" : text
    }

    public static func show(_ value: JSONValue?) -> String {
        guard let value else { return "(none)" }
        let text = JSONWriter.string(value)
        return text.count > 60 ? String(text.prefix(60)) + "…" : text
    }
}

/// Checks across issues: year-to-date counts never fall within a year, and, when the
/// previous week's issue is in the ledger, this week adds up with it.
struct CrossIssueChecks {
    struct Failure {
        var check: String
        var warning: CrossIssueWarning
        var message: String { warning.description }
    }

    let bulletin: Bulletin
    let history: IngestHistory
    let excluding: String

    func failures() -> [Failure] {
        let through = bulletin.issue.through
        let sameYear = history.issues.values.filter { $0.key != excluding && $0.through.year == through.year }
        let earlier = sameYear.filter { $0.through < through }.max { $0.through < $1.through }
        let later = sameYear.filter { $0.through > through }.min { $0.through < $1.through }
        var failures: [Failure] = []
        if let earlier { failures += never(falls: earlier, before: current, against: .earlier(earlier.key)) }
        if let later { failures += never(falls: current, before: later, against: .later(later.key)) }
        if let earlier, earlier.through.adding(days: 7) == through { failures += addsUp(previous: earlier) }
        return failures
    }

    /// This bulletin's figures in the shape of a history entry.
    private var current: IngestHistory.IssueEntry {
        var entry = IngestHistory.IssueEntry(key: bulletin.issue.key, year: bulletin.issue.year, number: bulletin.issue.number,
                                             through: bulletin.issue.through, document: .zero, seqs: [])
        entry.windowWeek = bulletin.window?.week.mapValues(\.value) ?? [:]
        entry.windowYearToDate = bulletin.window?.yearToDate.mapValues(\.value) ?? [:]
        entry.authorized = bulletin.authorization?.authorized?.value
        for items in bulletin.serviceItems {
            entry.items[items.category.rawValue] = (items.accepted?.value, items.completed?.value)
        }
        return entry
    }

    private func never(falls first: IngestHistory.IssueEntry, before second: IngestHistory.IssueEntry, against: CrossIssueWarning.Neighbour) -> [Failure] {
        var failures: [Failure] = []
        for (metric, value) in first.windowYearToDate.sorted(by: { $0.key < $1.key }) {
            if let later = second.windowYearToDate[metric], later < value {
                failures.append(Failure(check: "yearToDateFalls",
                    warning: .windowYearToDateFalls(metric: metric, before: value, first: first.key, after: later, second: second.key, against: against)))
            }
        }
        for (category, counts) in first.items.sorted(by: { $0.key < $1.key }) {
            guard let later = second.items[category] else { continue }
            for (name, before, after) in [("accepted", counts.accepted, later.accepted), ("completed", counts.completed, later.completed)] {
                if let before, let after, after < before {
                    failures.append(Failure(check: "yearToDateFalls",
                        warning: .itemsYearToDateFalls(category: Self.label(category), accepted: name == "accepted", before: before, first: first.key,
                                                       after: after, second: second.key, against: against)))
                }
            }
        }
        return failures
    }

    static func label(_ category: String) -> String {
        switch category {
        case ServiceCategory.administrativeLicensing.rawValue: return "行政许可事项"
        case ServiceCategory.publicService.rawValue: return "公共服务事项"
        case ServiceCategory.otherPowers.rawValue: return "其它九类行权事项"
        default: return category
        }
    }

    private func addsUp(previous: IngestHistory.IssueEntry) -> [Failure] {
        var failures: [Failure] = []
        let now = current
        for (metric, week) in now.windowWeek.sorted(by: { $0.key < $1.key }) {
            guard let before = previous.windowYearToDate[metric], let total = now.windowYearToDate[metric] else { continue }
            if before + week != total {
                failures.append(Failure(check: "windowYearToDate",
                    warning: .windowDoesNotAddUp(metric: metric, before: before, previous: previous.key, week: week, total: total)))
            }
        }
        if let before = previous.authorized, let after = now.authorized, let increase = bulletin.authorization?.increase,
           after - before != increase {
            failures.append(Failure(check: "authorizationIncrease",
                warning: .authorizationIncreaseMismatch(before: before, previous: previous.key, after: after, increase: increase)))
        }
        return failures
    }
}

extension JSONObject {
    /// The object with its keys, and those of every nested object, in sorted order.
    func sortedRecursively() -> JSONObject {
        if case .object(let sorted) = JSONValue.object(self).sortedKeysRecursively() { return sorted }
        return self
    }
}
