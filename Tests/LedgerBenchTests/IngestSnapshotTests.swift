import Testing
import LedgerBench
import LedgerDomain
import LedgerCLI
import LedgerDocuments
import LedgerParser
import LedgerStore
import LedgerFormats

/// A log kept in memory as the bytes `ledger` would write: each record's line and newline.
struct InMemoryLog {
    private(set) var bytes: [UInt8] = []
    private(set) var records: [EventRecord] = []
    /// Where each record's line (and newline) lies in ``bytes``, by index.
    private(set) var places: [Range<Int>] = []
    private var batches = 0

    /// Appends a batch as the store would, one minute after the previous one.
    mutating func append(_ batch: [NewEvent]) {
        let first = (records.last?.seq ?? Seq(0)).next
        for event in batch {
            let previous = records.last?.asHead ?? .empty
            var idBytes = [UInt8](repeating: 0, count: 16)
            withUnsafeBytes(of: UInt64(previous.seq.value + 1).littleEndian) { idBytes.replaceSubrange(0..<8, with: $0) }
            let draft = EventRecord(
                seq: previous.seq.next, id: EventID(randomBytes: idBytes), type: event.type, version: event.version,
                valid: event.valid, recordedAt: Instant(millisecondsSinceEpoch: 1_795_319_400_000 + Int64(batches) * 60_000),
                actor: "test", batch: BatchMarker(first: first, count: batch.count), source: event.source,
                payload: event.payload, prev: previous.hash)
            let start = bytes.count
            let record = RecordLine.encode(draft, into: &bytes)
            records.append(record)
            places.append(start..<bytes.count)
        }
        batches += 1
    }

    /// The records whose lines fill `span` exactly; nil when the span does not start and end
    /// at lines or holds other seqs. (``decodedRecords()`` checks the lines decode to them.)
    func records(in span: IngestHistory.LogSpan) -> [EventRecord]? {
        guard let first = places.firstIndex(where: { $0.lowerBound == span.bytes.lowerBound }) else { return nil }
        var last = first
        while last < places.count && places[last].upperBound < span.bytes.upperBound { last += 1 }
        guard last < places.count, places[last].upperBound == span.bytes.upperBound else { return nil }
        let result = Array(records[first...last])
        return result.map(\.seq.value) == Array(span.seqs) ? result : nil
    }

    /// Every line of the bytes, decoded.
    func decodedRecords() throws -> [EventRecord] {
        try bytes.split(separator: 0x0A).map { line in try line.withUnsafeBytes { try RecordLine.decode($0) } }
    }

    /// Folds records `range` into `history`, with their places.
    func fold(_ range: Range<Int>, into history: inout IngestHistory) {
        for index in range { history.apply(records[index], at: places[index]) }
    }
}

/// A seeded history of ingests with everything that changes an issue's entry: corrections (by
/// hand and by reparse), retractions (of facts, of an `issue.published`, of a check), other
/// bytes with the same facts, supersessions, a superseded document coming back, registrations.
struct ChurnedHistory {
    var log = InMemoryLog()
    /// The history folded as `ledger ingest` folds it, record by record.
    var history = IngestHistory()

    init(seed: UInt64, issues count: Int) {
        var random = SplitMix64(seed: seed, stream: 0x1A6E57)
        let issues = BulletinGenerator.issues(count, seed: seed)
        for (index, issue) in issues.enumerated() {
            ingest(BulletinRenderer.render(issue, seed: seed), supersede: false)
            if random.chance(0.25) { correctOrRetract(&random) }
            if index > 0, random.chance(0.15) {
                // Other artefacts, the same facts: already there, or, with --supersede, a new
                // batch; then, sometimes, the superseded document back again.
                let earlier = issues[random.int(in: 0...index - 1)]
                ingest(BulletinRenderer.render(earlier, seed: seed &+ 1), supersede: random.chance(0.7))
                if random.chance(0.5) { ingest(BulletinRenderer.render(earlier, seed: seed), supersede: true) }
            }
            if index % 12 == 5 {
                append([NewEvent(type: EventType.departmentRegistered, payload: [
                    "department": .string("新区管委会\(log.records.count)"), "aliases": .array([.string("新区\(log.records.count)")]),
                ])])
            }
        }
    }

    private mutating func ingest(_ text: String, supersede: Bool) {
        let bytes = Array(text.utf8)
        guard let document = try? DocumentReader.read(bytes),
              let bulletin = BulletinParser.parse(lines: document.lines.map(\.text), registry: history.registry).bulletin else {
            Issue.record("a generated issue should parse")
            return
        }
        let digest = SHA256.hash(bytes)
        let events = bulletin.events(document: digest, encoding: document.decodedAs, partial: false,
                                     layout: document.sourceLayout)
        if case .append(let planned, _, _) = IngestPlanner.plan(bulletin, events: events, document: digest, history: history,
                                                               supersede: supersede) {
            append(planned)
        }
    }

    /// A correction or a retraction aimed at any record (live, superseded, retracted, or no fact at all).
    private mutating func correctOrRetract(_ random: inout SplitMix64) {
        let correcting = random.chance(0.6)
        guard let target = log.records.filter({ $0.source?.issue != nil && (!correcting || $0.type == EventType.itemsCounted) })
                  .randomElement(using: &random),
              let issue = target.source?.issue else { return }
        var payload: JSONObject = ["target": .int(target.seq.value), "targetType": .string(target.type), "issue": .string(issue)]
        let type: String
        if correcting {
            type = EventType.factCorrected
            let old = target.payload["accepted"]?.int ?? 0
            payload = JSONObject(payload.fields + [("changes", .array([.object(["field": "accepted", "from": .int(old), "to": .int(old + 1)])]))])
            if random.chance(0.3) { payload = JSONObject(payload.fields + [("origin", "reparse")]) }
        } else {
            type = EventType.factRetracted
        }
        append([NewEvent(type: type, valid: target.valid, source: target.source, payload: payload)])
    }

    private mutating func append(_ batch: [NewEvent]) {
        let before = log.records.count
        log.append(batch)
        log.fold(before..<log.records.count, into: &history)
    }
}

@Suite("The ingest snapshot plus the records after it is the fold of the whole log")
struct IngestSnapshotTests {
    @Test("at every cut point, with facts read back from the log's bytes", arguments: [1, 2, 3] as [UInt64])
    func snapshotPlusTailIsTheFullFold(seed: UInt64) throws {
        let churned = ChurnedHistory(seed: seed, issues: 40)
        let log = churned.log
        #expect(try log.decodedRecords() == log.records, "seed \(seed): the log's bytes are its records")
        let kinds = Set(log.records.map(\.type))
        for kind in [EventType.factCorrected, EventType.factRetracted, EventType.issueSuperseded, EventType.departmentRegistered] {
            #expect(kinds.contains(kind), "seed \(seed): the history should hold a \(kind)")
        }
        // The full fold after every record; a snapshot at each cut point, folded on to a later
        // point (every few batches on, and to the end from every tenth cut), must equal it there.
        var folds = [IngestHistory()]
        for index in log.records.indices {
            var next = folds[index]
            log.fold(index..<index + 1, into: &next)
            folds.append(next)
        }
        #expect(folds[log.records.count] == churned.history)
        var random = SplitMix64(seed: seed, stream: 7)
        for cut in 0...log.records.count {
            let parts = Dictionary(uniqueKeysWithValues: folds[cut].snapshotParts().map { ($0.part, $0.bytes) })
            var restored = try #require(IngestHistory(snapshotParts: parts), "seed \(seed), cut \(cut)")
            #expect(restored.issuesWithFactsOnDisk.count == folds[cut].issues.count)
            // Some issues' facts read back before the tail is folded, the rest after.
            for key in restored.issuesWithFactsOnDisk where random.chance(0.2) {
                try restored.loadFacts(of: key, reading: { try #require(log.records(in: $0)) })
            }
            let end = cut % 10 == 0 ? log.records.count : min(log.records.count, cut + 60)
            log.fold(cut..<end, into: &restored)
            let expected = folds[end]
            #expect(restored.documents == expected.documents && restored.registered == expected.registered
                    && restored.retracted == expected.retracted, "seed \(seed), cut \(cut)")
            try restored.loadAllFacts(reading: { try #require(log.records(in: $0)) })
            #expect(restored == expected, "seed \(seed), cut \(cut) to \(end): \(Self.firstDifference(restored, expected))")
        }
    }

    @Test("the snapshot's parts are deterministic and read back to themselves")
    func partsReadBackToThemselves() throws {
        let history = ChurnedHistory(seed: 4, issues: 30).history
        let parts = history.snapshotParts()
        let restored = try #require(IngestHistory(snapshotParts: Dictionary(uniqueKeysWithValues: parts.map { ($0.part, $0.bytes) })))
        #expect(restored.snapshotParts().map(\.bytes) == parts.map(\.bytes))
        #expect(history.snapshotParts().map(\.bytes) == parts.map(\.bytes))
    }

    @Test("a part missing, cut short or of the wrong shape is refused, never half read",
          arguments: IngestHistory.Part.allCases)
    func damagedPartsAreRefused(part: IngestHistory.Part) throws {
        let history = ChurnedHistory(seed: 5, issues: 12).history
        var parts = Dictionary(uniqueKeysWithValues: history.snapshotParts().map { ($0.part, $0.bytes) })
        let bytes = try #require(parts[part])
        parts[part] = nil
        #expect(IngestHistory(snapshotParts: parts) == nil)
        parts[part] = Array(bytes.dropLast())
        #expect(IngestHistory(snapshotParts: parts) == nil)
        parts[part] = Array("[[\"x\"],1]".utf8)
        #expect(IngestHistory(snapshotParts: parts) == nil)
    }

    @Test("facts read back from records that are not the issue's are refused, and nothing changes")
    func factsFromOtherRecordsAreRefused() throws {
        let churned = ChurnedHistory(seed: 6, issues: 6)
        let parts = Dictionary(uniqueKeysWithValues: churned.history.snapshotParts().map { ($0.part, $0.bytes) })
        var restored = try #require(IngestHistory(snapshotParts: parts))
        let keys = restored.issuesWithFactsOnDisk
        let (first, second) = (try #require(keys.first), try #require(keys.last))
        let otherSpans = try #require(restored.issues[second]?.sources)
        #expect(throws: IngestHistory.FactsMismatch.self) {
            try restored.loadFacts(of: first, reading: { span in
                try #require(churned.log.records(in: otherSpans[0])).prefix(span.count).map { $0 }
            })
        }
        #expect(restored.issuesWithFactsOnDisk == keys)
    }

    /// The first issue whose entries differ, for a readable failure.
    static func firstDifference(_ one: IngestHistory, _ other: IngestHistory) -> String {
        for key in Set(one.issues.keys).union(other.issues.keys).sorted() where one.issues[key] != other.issues[key] {
            return "\(key): \(String(describing: one.issues[key]))\n  vs \(String(describing: other.issues[key]))"
        }
        return "issues equal"
    }
}
