import Foundation
import LedgerDomain
import LedgerParser
@testable import LedgerProjections
import LedgerFormats

/// Records as the store would write them, built in memory from bulletin texts.
enum LedgerFixtures {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("LedgerParserTests/Fixtures")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
    }

    /// 2023 No. 6 rewritten as another issue: a new masthead, period and year-to-date end.
    static func variant(year: Int, number: Int, serial: Int, published: String, period: String, through: String,
                        replacing extra: [(String, String)] = []) throws -> String {
        var text = try self.text("2023-06.txt")
        text = text.replacingOccurrences(of: "2023年第 6期（总第 426期）", with: "\(year)年第 \(number)期（总第 \(serial)期）")
        text = text.replacingOccurrences(of: "2023年 2月 2 7日", with: published)
        text = text.replacingOccurrences(of: "（2月 13日—2月 17日）", with: period)
        text = text.replacingOccurrences(of: "2023 年 1 月 1 日至", with: "\(year) 年 1 月 1 日至")
        text = text.replacingOccurrences(of: "2023年 2月 17日，", with: through + "，")
        for (old, new) in extra { text = text.replacingOccurrences(of: old, with: new) }
        return text
    }

    /// The events of one bulletin.
    static func events(_ text: String) throws -> [NewEvent] {
        let lines = text.components(separatedBy: "\n")
        guard let bulletin = BulletinParser.parse(lines: lines).bulletin else { throw FixtureError.unreadable }
        return bulletin.events(document: SHA256.hash(text), encoding: "utf-8", partial: false)
    }

    enum FixtureError: Error { case unreadable }

    /// Appends batches in order, each recorded one minute after the previous.
    static func records(_ batches: [[NewEvent]], start: Instant = Instant(millisecondsSinceEpoch: 1_795_319_400_000)) -> [EventRecord] {
        var records: [EventRecord] = []
        var head = LogHead.empty
        for (index, batch) in batches.enumerated() {
            let first = head.seq.next
            for event in batch {
                let draft = EventRecord(
                    seq: head.seq.next, id: EventID(randomBytes: Array(repeating: UInt8(truncatingIfNeeded: head.seq.value), count: 16)),
                    type: event.type, version: event.version, valid: event.valid,
                    recordedAt: Instant(millisecondsSinceEpoch: start.millisecondsSinceEpoch + Int64(index) * 60_000),
                    actor: "test", batch: BatchMarker(first: first, count: batch.count), source: event.source,
                    payload: event.payload, prev: head.hash)
                let record = RecordLine.encode(draft).record
                records.append(record)
                head = record.asHead
            }
        }
        return records
    }

    static func state(_ records: [EventRecord], _ filter: TimeFilter = TimeFilter()) -> HallState {
        var state = HallState()
        for record in records { state.apply(record, filter: filter) }
        return state
    }

    /// Every projection's JSON, for comparing two states' answers.
    static func answers(_ state: HallState, asOf: CalendarDate? = nil) -> String {
        let registry = DepartmentRegistry.standard
        let documents: [JSONObject] = [
            AuthorizationProjection(state, registry: registry).json(asOf: asOf), TotalsProjection(state).json(asOf: asOf),
            WindowProjection(state).json(asOf: asOf), VisitsProjection(state, registry: registry).json(asOf: asOf),
            InspectionsProjection(state).json(asOf: asOf), IssuesProjection(state).json(asOf: asOf),
            DepartmentsProjection(state, registry: registry).json(asOf: asOf),
        ]
        return documents.map { JSONWriter.string(.object($0)) }.joined(separator: "\n")
    }

    /// The parts of the state the projection `name` declares it reads.
    static func parts(_ name: String) -> Set<HallState.Part> {
        switch name {
        case "authorization": return AuthorizationProjection.parts
        case "totals": return TotalsProjection.parts
        case "window": return WindowProjection.parts
        case "visits": return VisitsProjection.parts
        case "inspections": return InspectionsProjection.parts
        case "departments": return DepartmentsProjection.parts
        default: return IssuesProjection.parts
        }
    }

    /// One projection's JSON, with the state's own registry.
    static func answer(_ name: String, _ state: HallState) -> String {
        let registry = state.registry
        let document: JSONObject
        switch name {
        case "authorization": document = AuthorizationProjection(state, registry: registry).json(asOf: nil)
        case "totals": document = TotalsProjection(state).json(asOf: nil)
        case "window": document = WindowProjection(state).json(asOf: nil)
        case "visits": document = VisitsProjection(state, registry: registry).json(asOf: nil)
        case "inspections": document = InspectionsProjection(state).json(asOf: nil)
        case "departments": document = DepartmentsProjection(state, registry: registry).json(asOf: nil)
        default: document = IssuesProjection(state).json(asOf: nil)
        }
        return JSONWriter.string(.object(document))
    }
}
