import LedgerDomain

/// The state as JSON, for snapshots: one JSON array per ``Part``, deterministic (rows sorted by
/// seq), and read back strictly: a row missing a field or with one of the wrong kind rejects the
/// whole part. A question reads only the parts its projection needs.
extension HallState {
    /// The snapshot's name in `Snapshots/`.
    public static let snapshotName = "hall"

    /// The state's parts as a snapshot stores them, each as its own JSON array, in ``Part`` order.
    /// Traps unless the state holds every part: a snapshot is always of the whole state.
    public func snapshotParts() -> [(part: Part, bytes: [UInt8])] {
        precondition(parts == Part.all, "a snapshot is written only from a state folded from the whole log")
        return Part.allCases.map { ($0, JSONWriter.encode(.array(rows(of: $0)))) }
    }

    private func rows(of part: Part) -> [JSONValue] {
        switch part {
        case .issues:
            return issues.values.sorted { $0.seq < $1.seq }.map { issue in
                .array([.string(issue.key), .int(issue.year), .int(issue.number), .integer(issue.serial), .date(issue.published),
                        .date(issue.from), .date(issue.through), .int(issue.events), .bool(issue.partial), .int(issue.seq)])
            }
        case .authorizations:
            return authorizations.values.sorted { $0.seq < $1.seq }.map { report in
                .array([.string(report.issue), .date(report.through), .integer(report.stationed), .integer(report.authorized),
                        .integer(report.unauthorized), report.authorizedShare.map { .string($0) } ?? .null,
                        report.unauthorizedShare.map { .string($0) } ?? .null, .integer(report.increase), .int(report.seq)])
            }
        case .newlyAuthorized:
            return newlyAuthorized.map { item in
                .array([.string(item.issue), .date(item.through), .string(item.department), .string(item.asWritten),
                        .bool(item.partial), .int(item.seq)])
            }
        case .items:
            return items.map { item in
                .array([.string(item.issue), .date(item.through), .string(item.category), .integer(item.accepted),
                        .integer(item.completed), .int(item.seq)])
            }
        case .windows:
            return windows.values.sorted { $0.seq < $1.seq }.map { report in
                .array([.string(report.issue), .date(report.through), Self.counts(report.week), Self.counts(report.yearToDate), .int(report.seq)])
            }
        case .visits:
            return visits.map { visit in
                .array([.string(visit.issue), .date(visit.date), .string(visit.department), .string(visit.asWritten),
                        .string(visit.person), .array(visit.titles.map { .string($0) }), .int(visit.seq)])
            }
        case .inspections:
            return inspections.map { item in
                .array([.string(item.issue), .date(item.through), .int(item.ordinal), .string(item.item), .bool(item.satisfactory),
                        .string(item.text), .int(item.seq)])
            }
        case .warnings:
            return warnings.map { .array([.string($0.issue), .string($0.check), .string($0.message), .int($0.seq)]) }
        case .registered:
            return registered.map { .array([.string($0.canonical), .array($0.aliases.map { .string($0) })]) }
        }
    }

    /// Reads a state back from some of the parts ``snapshotParts()`` wrote, at `head` after
    /// `recordCount` records; nil when any part given cannot be read. The state holds only the
    /// parts given (``parts``), plus ``Part/registered`` which every question needs.
    public init?(snapshotParts: [Part: [UInt8]], head: LogHead, recordCount: Int) {
        var state = HallState()
        state.parts = Set(snapshotParts.keys)
        let reader = SnapshotReader()
        for (part, bytes) in snapshotParts {
            guard case .array(let rows)? = try? JSONParser.parse(bytes), state.read(rows, into: part, reader) else { return nil }
        }
        guard !reader.failed, state.parts.contains(.registered) else { return nil }
        state.head = head
        state.recordCount = recordCount
        self = state
    }

    private mutating func read(_ rows: [JSONValue], into part: Part, _ reader: SnapshotReader) -> Bool {
        for row in rows {
            switch part {
            case .issues:
                let r = reader.row(row, 10)
                guard let through = r.date(6) else { return false }
                issues[r.string(0)] = IssueInfo(key: r.string(0), year: r.int(1), number: r.int(2), serial: r.optionalInt(3),
                                                published: r.date(4), from: r.date(5), through: through, events: r.int(7),
                                                partial: r.bool(8), seq: r.int(9))
            case .authorizations:
                let r = reader.row(row, 9)
                guard let through = r.date(1) else { return false }
                authorizations[r.string(0)] = AuthorizationReport(
                    issue: r.string(0), through: through, stationed: r.optionalInt(2), authorized: r.optionalInt(3),
                    unauthorized: r.optionalInt(4), authorizedShare: r.optionalString(5), unauthorizedShare: r.optionalString(6),
                    increase: r.optionalInt(7), seq: r.int(8))
            case .newlyAuthorized:
                let r = reader.row(row, 6)
                guard let through = r.date(1) else { return false }
                newlyAuthorized.append(NewAuthorization(issue: r.string(0), through: through, department: r.string(2),
                                                        asWritten: r.string(3), partial: r.bool(4), seq: r.int(5)))
            case .items:
                let r = reader.row(row, 6)
                guard let through = r.date(1) else { return false }
                itemsByKey[Self.itemKey(r.string(0), r.string(2))] = ItemCount(
                    issue: r.string(0), through: through, category: r.string(2), accepted: r.optionalInt(3),
                    completed: r.optionalInt(4), seq: r.int(5))
            case .windows:
                let r = reader.row(row, 5)
                guard let through = r.date(1) else { return false }
                windows[r.string(0)] = WindowReport(issue: r.string(0), through: through, week: r.counts(2),
                                                    yearToDate: r.counts(3), seq: r.int(4))
            case .visits:
                let r = reader.row(row, 7)
                guard let date = r.date(1) else { return false }
                visits.append(Visit(issue: r.string(0), date: date, department: r.string(2), asWritten: r.string(3),
                                    person: r.string(4), titles: r.strings(5), seq: r.int(6)))
            case .inspections:
                let r = reader.row(row, 7)
                guard let through = r.date(1) else { return false }
                inspections.append(Inspection(issue: r.string(0), through: through, ordinal: r.int(2), item: r.string(3),
                                              satisfactory: r.bool(4), text: r.string(5), seq: r.int(6)))
            case .warnings:
                let r = reader.row(row, 4)
                warnings.append(Warning(issue: r.string(0), check: r.string(1), message: r.string(2), seq: r.int(3)))
            case .registered:
                let r = reader.row(row, 2)
                registered.append(Department(canonical: r.string(0), aliases: r.strings(1)))
            }
        }
        return true
    }

    static func counts(_ values: [String: Int]) -> JSONValue {
        .object(JSONObject(values.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) }))
    }
}

/// Reads the rows of a snapshot, noting (rather than trapping on) any field of the wrong kind.
final class SnapshotReader {
    private(set) var failed = false

    struct Row {
        let values: [JSONValue]
        let fail: () -> Void

        func string(_ index: Int) -> String { values[index].string ?? { fail(); return "" }() }
        func int(_ index: Int) -> Int { values[index].int ?? { fail(); return 0 }() }
        func bool(_ index: Int) -> Bool { values[index].bool ?? { fail(); return false }() }
        func optionalInt(_ index: Int) -> Int? { values[index].isNull ? nil : int(index) }
        func optionalString(_ index: Int) -> String? { values[index].isNull ? nil : string(index) }
        func date(_ index: Int) -> CalendarDate? { values[index].string.flatMap { CalendarDate(iso: $0) } }
        func strings(_ index: Int) -> [String] { values[index].array?.compactMap(\.string) ?? { fail(); return [] }() }
        func counts(_ index: Int) -> [String: Int] {
            var result: [String: Int] = [:]
            for (key, value) in values[index].object?.fields ?? [] { result[key] = value.int }
            return result
        }
    }

    func row(_ value: JSONValue, _ width: Int) -> Row {
        guard let values = value.array, values.count == width else {
            failed = true
            return Row(values: Array(repeating: .null, count: width), fail: {})
        }
        return Row(values: values, fail: { [unowned self] in self.failed = true })
    }
}
