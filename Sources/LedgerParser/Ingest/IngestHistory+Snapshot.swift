import LedgerDomain
import LedgerFormats

/// The history as a snapshot stores it (`Snapshots/ingest.snapshot`): everything but the
/// issues' facts, which stay in the log where each issue's ``IngestHistory/IssueEntry/sources``
/// say. Deterministic (rows sorted), and read back strictly: any row of the wrong shape rejects
/// the whole snapshot.
extension IngestHistory {
    /// The snapshot's name in `Snapshots/`.
    public static let snapshotName = "ingest"
    /// The version of the snapshot's parts; a snapshot of another version is not read.
    public static let snapshotVersion = 3

    /// The snapshot's parts, in order.
    public enum Part: String, CaseIterable, Sendable {
        /// `[key, year, number, throughDays, document, [seq runs], [source spans], week, yearToDate, authorized, items,
        /// throughNumber]` (the last null but for a combined issue).
        case issues
        /// `[document, key]`: the documents ever ingested, but for those a current issue implies
        /// (its own document, naming it).
        case documents
        /// The seqs `issue.superseded` events retracted.
        case retracted
        /// `[canonical, [aliases]]`, in the order registered.
        case registered
        /// The publishers' names users registered, in order.
        case publishers
    }

    /// The parts, each one JSON array, in ``Part`` order. Traps unless every issue has its
    /// sources: only a history folded with the records' places can leave its facts on disk.
    public func snapshotParts() -> [(part: Part, bytes: [UInt8])] {
        Part.allCases.map { ($0, JSONWriter.encode(.array(rows(of: $0)))) }
    }

    private func rows(of part: Part) -> [JSONValue] {
        switch part {
        case .issues:
            return issues.values.sorted { $0.seqs[0] < $1.seqs[0] }.map(Self.row)
        case .documents:
            let implied = impliedDocuments()
            return documents.filter { implied[$0.key] != .some($0.value) }.sorted { $0.key.hex < $1.key.hex }
                .map { .array([.string($0.key.hex), .string($0.value)]) }
        case .retracted:
            return retracted.sorted().map { .int($0) }
        case .registered:
            return registered.map { .array([.string($0.canonical), .array($0.aliases.map { .string($0) })]) }
        case .publishers:
            return registeredPublishers.map { .string($0) }
        }
    }

    /// Each current issue's document → that issue; nil for a document two current issues share,
    /// which is always written out.
    private func impliedDocuments() -> [SHA256Digest: String?] {
        var implied: [SHA256Digest: String?] = [:]
        for entry in issues.values {
            implied[entry.document] = implied[entry.document] == nil ? .some(entry.key) : .some(nil)
        }
        return implied
    }

    private static func row(_ entry: IssueEntry) -> JSONValue {
        precondition(entry.sources.first?.firstSeq == entry.seqs.first, "an issue in a snapshot needs the places of its records")
        var seqRuns: [JSONValue] = []
        for seq in entry.seqs {
            if case .int(let first) = seqRuns.dropLast().last, case .int(let count) = seqRuns.last, first + count == seq {
                seqRuns[seqRuns.count - 1] = .int(count + 1)
            } else {
                seqRuns += [.int(seq), .int(1)]
            }
        }
        let sources = entry.sources.flatMap { span -> [JSONValue] in
            [.int(span.firstSeq), .int(span.count), .int(span.bytes.lowerBound), .int(span.bytes.upperBound)]
        }
        let items = entry.items.sorted { $0.key < $1.key }.map { item -> (String, JSONValue) in
            (item.key, .array([item.value.accepted.map { .int($0) } ?? .null, item.value.completed.map { .int($0) } ?? .null]))
        }
        return .array([
            .string(entry.key), .int(entry.year), .int(entry.number), .int(entry.through.daysSinceEpoch),
            .string(entry.document.hex), .array(seqRuns), .array(sources), counts(entry.windowWeek),
            counts(entry.windowYearToDate), entry.authorized.map { .int($0) } ?? .null, .object(JSONObject(items)),
            entry.throughNumber.map { .int($0) } ?? .null,
        ])
    }

    private static func counts(_ values: [String: Int]) -> JSONValue {
        .object(JSONObject(values.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) }))
    }

    /// Reads a history back from the parts ``snapshotParts()`` wrote, every issue's facts left
    /// on disk; nil when a part is missing or any row cannot be read.
    public init?(snapshotParts parts: [Part: [UInt8]]) {
        var history = IngestHistory()
        for part in Part.allCases {
            guard let bytes = parts[part], case .array(let rows)? = try? JSONParser.parse(bytes),
                  history.read(rows, into: part) else { return nil }
            if part == .issues {
                // Before the documents part, which names only the others and overrides these.
                for entry in history.issues.values { history.documents[entry.document] = entry.key }
            }
        }
        self = history
    }

    private mutating func read(_ rows: [JSONValue], into part: Part) -> Bool {
        var written: Set<SHA256Digest> = []
        for row in rows {
            switch part {
            case .issues:
                guard let entry = Self.entry(row), issues[entry.key] == nil else { return false }
                issues[entry.key] = entry
            case .documents:
                guard let pair = row.array, pair.count == 2, let digest = pair[0].string.flatMap({ SHA256Digest(hex: $0) }),
                      let key = pair[1].string, written.insert(digest).inserted else { return false }
                documents[digest] = key
            case .retracted:
                guard let seq = row.int else { return false }
                retracted.insert(seq)
            case .registered:
                guard let pair = row.array, pair.count == 2, let name = pair[0].string,
                      let aliases = pair[1].array?.map(\.string), aliases.allSatisfy({ $0 != nil }) else { return false }
                registered.append(Department(canonical: name, aliases: aliases.compactMap { $0 }))
            case .publishers:
                guard let name = row.string else { return false }
                registeredPublishers.append(name)
            }
        }
        return true
    }

    private static func entry(_ row: JSONValue) -> IssueEntry? {
        guard let fields = row.array, fields.count == 12, let throughNumber = optionalInt(fields[11]), let key = fields[0].string, let year = fields[1].int,
              let number = fields[2].int, let days = fields[3].int, let document = fields[4].string.flatMap({ SHA256Digest(hex: $0) }),
              let seqRuns = integers(fields[5]), seqRuns.count % 2 == 0, let spans = integers(fields[6]), spans.count % 4 == 0,
              let week = counts(fields[7]), let yearToDate = counts(fields[8]), let items = fields[10].object else { return nil }
        var entry = IssueEntry(key: key, year: year, number: number, through: CalendarDate(daysSinceEpoch: days),
                               document: document, seqs: [])
        for index in stride(from: 0, to: seqRuns.count, by: 2) {
            guard seqRuns[index + 1] > 0, seqRuns[index] > (entry.seqs.last ?? 0) else { return nil }
            entry.seqs += seqRuns[index]..<seqRuns[index] + seqRuns[index + 1]
        }
        for index in stride(from: 0, to: spans.count, by: 4) {
            guard spans[index + 1] > 0, spans[index + 2] < spans[index + 3] else { return nil }
            entry.sources.append(LogSpan(firstSeq: spans[index], count: spans[index + 1], bytes: spans[index + 2]..<spans[index + 3]))
        }
        guard !entry.seqs.isEmpty, entry.sources.first?.firstSeq == entry.seqs[0] else { return nil }
        entry.windowWeek = week
        entry.windowYearToDate = yearToDate
        entry.throughNumber = throughNumber
        switch fields[9] {
        case .null: entry.authorized = nil
        case .int(let authorized): entry.authorized = authorized
        default: return nil
        }
        for (category, value) in items.fields {
            guard let pair = value.array, pair.count == 2, let accepted = optionalInt(pair[0]),
                  let completed = optionalInt(pair[1]) else { return nil }
            entry.items[category] = (accepted, completed)
        }
        entry.factsLoaded = false
        return entry
    }

    private static func integers(_ value: JSONValue) -> [Int]? {
        guard let values = value.array else { return nil }
        let integers = values.compactMap(\.int)
        return integers.count == values.count ? integers : nil
    }

    private static func counts(_ value: JSONValue) -> [String: Int]? {
        guard let object = value.object else { return nil }
        var result: [String: Int] = [:]
        for (key, value) in object.fields {
            guard let number = value.int, result[key] == nil else { return nil }
            result[key] = number
        }
        return result
    }

    /// `.some(nil)` for JSON null, `.some(n)` for an integer, nil for anything else.
    private static func optionalInt(_ value: JSONValue) -> Int?? {
        if value.isNull { return .some(nil) }
        return value.int.map { .some($0) }
    }
}
