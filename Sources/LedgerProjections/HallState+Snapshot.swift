import LedgerDomain
import LedgerFormats

/// The state as JSON, for snapshots: one JSON array per ``Part``, deterministic (rows sorted by
/// seq), and read back strictly: a row missing a field or with one of the wrong kind rejects the
/// whole part. A question reads only the parts its projection needs.
extension HallState {
    /// The snapshot's name in `Snapshots/`.
    public static let snapshotName = "hall"

    /// The state's parts as a snapshot stores them, each as its own JSON array, in ``Part`` order.
    /// Traps unless the state holds every part: a snapshot is always of the whole state.
    public func snapshotParts() -> [(part: Part, bytes: [UInt8])] {
        Part.allCases.map { ($0, snapshotPart($0)) }
    }

    /// One part as ``snapshotParts()`` writes it, for comparing a snapshot part by part: its rows
    /// written straight to compact JSON, without a tree of values.
    public func snapshotPart(_ part: Part) -> [UInt8] {
        precondition(parts == Part.all, "a snapshot is written only from a state folded from the whole log")
        var out = RowWriter()
        write(part, to: &out)
        return out.finish()
    }

    /// One part that grows with the history (``Part/isYearly``) as the snapshot keeps it: its rows
    /// grouped by year, years ascending, each group written as ``snapshotPart(_:)`` writes the
    /// whole, so that a question reads only the years it shows. Traps as ``snapshotPart(_:)`` does.
    public func snapshotYears(_ part: Part) -> [(year: Int, bytes: [UInt8])] {
        precondition(parts == Part.all, "a snapshot is written only from a state folded from the whole log")
        precondition(part.isYearly, "only a part that grows with the history is kept by year")
        var out = YearlyRowWriter()
        write(part, to: &out)
        return out.finish()
    }

    /// The rows as JSON values: what ``snapshotPart(_:)`` writes as bytes, as a tree.
    func rows(of part: Part) -> [JSONValue] {
        var out = RowValues()
        write(part, to: &out)
        return out.rows
    }

    /// The one definition of each part's rows: their order and their fields.
    private func write<Rows: SnapshotRowSink>(_ part: Part, to out: inout Rows) {
        switch part {
        case .issues:
            for issue in issues.values.sorted(by: { $0.seq < $1.seq }) {
                out.row(year: Self.year(of: issue)) { r in
                    r.string(issue.key); r.int(issue.year); r.int(issue.number); r.int(issue.serial); r.date(issue.published)
                    r.date(issue.from); r.date(issue.through); r.int(issue.events); r.bool(issue.partial); r.int(issue.seq)
                    r.int(issue.throughNumber)
                }
            }
        case .authorizations:
            for report in authorizations.values.sorted(by: { $0.seq < $1.seq }) {
                out.row(year: report.through.year) { r in
                    r.string(report.issue); r.date(report.through); r.int(report.stationed); r.int(report.authorized)
                    r.int(report.unauthorized); r.string(report.authorizedShare); r.string(report.unauthorizedShare)
                    r.int(report.increase); r.int(report.seq); r.strings(report.authorizedList); r.strings(report.unauthorizedList)
                }
            }
        case .newlyAuthorized:
            for item in newlyAuthorized {
                out.row(year: nil) { r in
                    r.string(item.issue); r.date(item.through); r.string(item.department); r.string(item.asWritten)
                    r.bool(item.partial); r.int(item.seq)
                }
            }
        case .items:
            for item in items {
                out.row(year: item.through.year) { r in
                    r.string(item.issue); r.date(item.through); r.string(item.category); r.int(item.accepted)
                    r.int(item.completed); r.int(item.seq)
                }
            }
        case .windows:
            for report in windows.values.sorted(by: { $0.seq < $1.seq }) {
                out.row(year: report.through.year) { r in
                    r.string(report.issue); r.date(report.through); r.value(Self.counts(report.week))
                    r.value(Self.counts(report.yearToDate)); r.int(report.seq)
                }
            }
        case .visits:
            for visit in visits {
                out.row(year: visit.date.year) { r in
                    r.string(visit.issue); r.date(visit.date); r.string(visit.department); r.string(visit.asWritten)
                    r.string(visit.person); r.strings(visit.titles); r.int(visit.seq)
                }
            }
        case .inspections:
            for item in inspections {
                out.row(year: item.through.year) { r in
                    r.string(item.issue); r.date(item.through); r.int(item.ordinal); r.string(item.item)
                    r.string(item.verdict.rawValue); r.string(item.text); r.int(item.seq)
                }
            }
        case .warnings:
            for warning in warnings {
                out.row(year: nil) { r in r.string(warning.issue); r.string(warning.check); r.string(warning.message); r.int(warning.seq) }
            }
        case .registered:
            for department in registered {
                out.row(year: nil) { r in r.string(department.canonical); r.strings(department.aliases) }
            }
        }
    }

    /// Reads a state back from some of the parts ``snapshotParts()`` wrote, at `head` after
    /// `recordCount` records; nil when any part given cannot be read. The state holds only the
    /// parts given (``parts``), plus ``Part/registered`` which every question needs.
    public init?(snapshotParts: [Part: [UInt8]], head: LogHead, recordCount: Int) {
        self.init(snapshotSegments: snapshotParts.mapValues { [(year: nil, bytes: $0)] }, omittedYears: [:], head: head,
                  recordCount: recordCount)
    }

    /// Reads a state back from segments: each a part ``snapshotPart(_:)`` wrote (`year` nil) or a
    /// year of one ``snapshotYears(_:)`` wrote, whose rows must all be of that year. `omittedYears`
    /// names the years of each part that the snapshot holds and were not read (``omittedYears``).
    /// Nil when a segment cannot be read.
    public init?(snapshotSegments: [Part: [(year: Int?, bytes: [UInt8])]], omittedYears: [Part: Set<Int>],
                 head: LogHead, recordCount: Int) {
        var state = HallState()
        state.parts = Set(snapshotSegments.keys)
        guard state.parts.contains(.registered) else { return nil }
        for (part, segments) in snapshotSegments {
            guard segments.allSatisfy({ $0.year == nil }) || part.isYearly else { return nil }
            for segment in segments {
                let read = segment.bytes.withUnsafeBufferPointer { buffer in
                    var rows = SnapshotRows(JSONScanner(buffer))
                    return Result { () throws(JSONParseError) in try state.read(&rows, into: part, bytes: buffer, year: segment.year) }
                }
                guard case .success = read else { return nil }
            }
        }
        // Years read one after the other leave the rows of a list in year order: put them back
        // in seq order, as a fold leaves them.
        if !state.visits.isSorted(by: \.seq) { state.visits.sort { $0.seq < $1.seq } }
        if !state.inspections.isSorted(by: \.seq) { state.inspections.sort { $0.seq < $1.seq } }
        state.omittedYears = omittedYears.filter { !$0.value.isEmpty }
        state.head = head
        state.recordCount = recordCount
        self = state
    }

    /// Reads one part's rows: a JSON array of arrays of a fixed width, read value by value.
    private mutating func read(_ rows: inout SnapshotRows, into part: Part, bytes: UnsafeBufferPointer<UInt8>,
                               year: Int?) throws(JSONParseError) {
        // A row in the segment of another year: the file was damaged in a way its checksums missed.
        func check(_ rowYear: Int) throws(JSONParseError) {
            guard year == nil || year == rowYear else { throw JSONParseError(offset: 0, message: "a snapshot row of \(rowYear) in \(year ?? 0)'s segment") }
        }
        // Every row ends with `]`: their count bounds the rows, so the tables grow once.
        let capacity = bytes.reduce(0) { $0 + ($1 == UInt8(ascii: "]") ? 1 : 0) }
        switch part {
        case .issues: issues.reserveCapacity(capacity)
        case .authorizations: authorizations.reserveCapacity(capacity)
        case .items: itemsByKey.reserveCapacity(capacity)
        case .windows: windows.reserveCapacity(capacity)
        default: break
        }
        try rows.open()
        while try rows.nextRow() {
            switch part {
            case .issues:
                let key = try rows.string()
                let (issueYear, number, serial) = (try rows.int(), try rows.int(), try rows.optionalInt())
                let (published, from, through) = (try rows.optionalDate(), try rows.optionalDate(), try rows.date())
                let (events, partial, seq) = (try rows.int(), try rows.bool(), try rows.int())
                let throughNumber = try rows.optionalInt()
                try check(issueYear)
                issues[key] = IssueInfo(key: key, year: issueYear, number: number, throughNumber: throughNumber, serial: serial, published: published, from: from,
                                        through: through, events: events, partial: partial, seq: seq)
            case .authorizations:
                let (issue, through) = (try rows.string(), try rows.date())
                let (stationed, authorized, unauthorized) = (try rows.optionalInt(), try rows.optionalInt(), try rows.optionalInt())
                let (authorizedShare, unauthorizedShare) = (try rows.optionalString(), try rows.optionalString())
                let (increase, seq) = (try rows.optionalInt(), try rows.int())
                let (authorizedList, unauthorizedList) = (try rows.optionalStrings(), try rows.optionalStrings())
                try check(through.year)
                authorizations[issue] = AuthorizationReport(
                    issue: issue, through: through, stationed: stationed, authorized: authorized, unauthorized: unauthorized,
                    authorizedShare: authorizedShare, unauthorizedShare: unauthorizedShare, increase: increase, seq: seq,
                    authorizedList: authorizedList.map { $0.map { strings.intern($0) } },
                    unauthorizedList: unauthorizedList.map { $0.map { strings.intern($0) } })
            case .newlyAuthorized:
                let (issue, through, department, asWritten) = (try rows.string(), try rows.date(), try rows.string(), try rows.string())
                let (partial, seq) = (try rows.bool(), try rows.int())
                newlyAuthorized.append(NewAuthorization(issue: issue, through: through, department: strings.intern(department),
                                                        asWritten: strings.intern(asWritten), partial: partial, seq: seq))
            case .items:
                let (issue, through, category) = (try rows.string(), try rows.date(), try rows.string())
                let (accepted, completed, seq) = (try rows.optionalInt(), try rows.optionalInt(), try rows.int())
                try check(through.year)
                itemsByKey[Self.itemKey(issue, category)] = ItemCount(
                    issue: issue, through: through, category: strings.intern(category), accepted: accepted, completed: completed, seq: seq)
            case .windows:
                let (issue, through, week, yearToDate) = (try rows.string(), try rows.date(), try rows.counts(), try rows.counts())
                try check(through.year)
                windows[issue] = WindowReport(issue: issue, through: through, week: week, yearToDate: yearToDate, seq: try rows.int())
            case .visits:
                let (issue, date, department, asWritten) = (try rows.string(), try rows.date(), try rows.string(), try rows.string())
                let (person, titles, seq) = (try rows.string(), try rows.strings(), try rows.int())
                try check(date.year)
                visits.append(Visit(issue: issue, date: date, department: strings.intern(department), asWritten: strings.intern(asWritten),
                                    person: strings.intern(person), titles: titles.map { strings.intern($0) }, seq: seq))
            case .inspections:
                let (issue, through, ordinal, item) = (try rows.string(), try rows.date(), try rows.int(), try rows.string())
                let (verdict, text, seq) = (try rows.string(), try rows.string(), try rows.int())
                try check(through.year)
                inspections.append(Inspection(issue: issue, through: through, ordinal: ordinal, item: strings.intern(item),
                                              verdict: InspectionVerdict(payload: verdict), text: strings.intern(text), seq: seq))
            case .warnings:
                let (issue, name, message, seq) = (try rows.string(), try rows.string(), try rows.string(), try rows.int())
                warnings.append(Warning(issue: issue, check: strings.intern(name), message: message, seq: seq))
            case .registered:
                let (canonical, aliases) = (try rows.string(), try rows.strings())
                registered.append(Department(canonical: canonical, aliases: aliases))
            }
            try rows.closeRow()
        }
        try rows.end()
    }

    static func counts(_ values: [String: Int]) -> JSONValue {
        .object(JSONObject(values.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) }))
    }
}

/// The rows of one snapshot part, read field by field: a field of the wrong kind, a row of
/// the wrong width or anything after the array throws, and the whole part is refused.
struct SnapshotRows {
    private var scanner: JSONScanner

    init(_ scanner: JSONScanner) { self.scanner = scanner }

    mutating func open() throws(JSONParseError) { try scanner.openArray() }

    /// Whether another row follows; opens it.
    mutating func nextRow() throws(JSONParseError) -> Bool {
        guard try scanner.nextElement() else { return false }
        try scanner.openArray()
        return true
    }

    /// Ends a row, which must have no more fields.
    mutating func closeRow() throws(JSONParseError) { try scanner.closeArray() }

    mutating func end() throws(JSONParseError) { try scanner.end() }

    /// Moves to the row's next field, which must be there.
    private mutating func field() throws(JSONParseError) {
        guard try scanner.nextElement() else { throw JSONParseError(offset: 0, message: "a snapshot row is too short") }
    }

    mutating func string() throws(JSONParseError) -> String {
        try field()
        return try scanner.string()
    }

    mutating func int() throws(JSONParseError) -> Int {
        try field()
        return try scanner.int()
    }

    mutating func bool() throws(JSONParseError) -> Bool {
        try field()
        return try scanner.bool()
    }

    mutating func optionalInt() throws(JSONParseError) -> Int? {
        try field()
        return scanner.null() ? nil : try scanner.int()
    }

    mutating func optionalString() throws(JSONParseError) -> String? {
        try field()
        return scanner.null() ? nil : try scanner.string()
    }

    /// A date `YYYY-MM-DD`, which must be there.
    mutating func date() throws(JSONParseError) -> CalendarDate {
        guard let date = try optionalDate() else { throw JSONParseError(offset: 0, message: "a snapshot row lacks a date") }
        return date
    }

    /// A date, or nil for anything else (null, as written for none).
    mutating func optionalDate() throws(JSONParseError) -> CalendarDate? {
        try field()
        if scanner.null() { return nil }
        guard scanner.nextIsString() else {
            _ = try scanner.value()
            return nil
        }
        return CalendarDate(iso: try scanner.string())
    }

    /// An array of strings (other elements are skipped).
    mutating func strings() throws(JSONParseError) -> [String] {
        try field()
        guard case .array(let values) = try scanner.value() else { throw JSONParseError(offset: 0, message: "expected an array of strings") }
        return values.compactMap(\.string)
    }

    /// An array of strings, or nil for null (a list not given).
    mutating func optionalStrings() throws(JSONParseError) -> [String]? {
        try field()
        if scanner.null() { return nil }
        guard case .array(let values) = try scanner.value() else { throw JSONParseError(offset: 0, message: "expected an array of strings") }
        return values.compactMap(\.string)
    }

    /// An object of counts (fields that are not integers are left out).
    mutating func counts() throws(JSONParseError) -> [String: Int] {
        try field()
        var result: [String: Int] = [:]
        for (key, value) in try scanner.value().object?.fields ?? [] { result[key] = value.int }
        return result
    }
}

/// Where a part's rows go, field by field: straight to bytes (``RowWriter``) or to JSON values
/// (``RowValues``).
protocol SnapshotRowSink {
    /// One row, of `year` in a part kept by year (nil in another); `fields` adds its fields in order.
    mutating func row(year: Int?, _ fields: (inout Self) -> Void)
    mutating func value(_ value: JSONValue)
    mutating func string(_ text: String)
    mutating func int(_ number: Int)
    mutating func strings(_ texts: [String])
}

extension SnapshotRowSink {
    mutating func string(_ text: String?) {
        guard let text else { return value(.null) }
        string(text)
    }

    mutating func int(_ number: Int?) {
        guard let number else { return value(.null) }
        int(number)
    }

    mutating func bool(_ flag: Bool) { value(.bool(flag)) }

    mutating func strings(_ texts: [String]?) {
        guard let texts else { return value(.null) }
        strings(texts)
    }

    mutating func date(_ date: CalendarDate?) {
        guard let date else { return value(.null) }
        string(date.description)
    }
}

/// The rows as JSON values, the tree ``RowWriter``'s bytes encode.
struct RowValues: SnapshotRowSink {
    private(set) var rows: [JSONValue] = []
    private var fields: [JSONValue] = []

    mutating func row(year: Int?, _ make: (inout RowValues) -> Void) {
        fields = []
        make(&self)
        rows.append(.array(fields))
    }

    mutating func value(_ value: JSONValue) { fields.append(value) }
    mutating func string(_ text: String) { fields.append(.string(text)) }
    mutating func int(_ number: Int) { fields.append(.int(number)) }
    mutating func strings(_ texts: [String]) { fields.append(.array(texts.map { .string($0) })) }
}

/// Writes an array of rows in compact JSON, field by field, as `JSONWriter` writes the same
/// values: `[` rows `,`-separated `]`, each row `[` fields `]`.
struct RowWriter: SnapshotRowSink {
    private(set) var bytes: [UInt8] = [UInt8(ascii: "[")]
    private var rowStarted = false
    private var fieldWritten = false

    /// Writes one row; `fields` writes its fields in order.
    mutating func row(year: Int?, _ fields: (inout RowWriter) -> Void) {
        beginRow()
        fields(&self)
        endRow()
    }

    /// Starts a row, for a writer that writes its fields one by one.
    mutating func beginRow() {
        if rowStarted { bytes.append(UInt8(ascii: ",")) }
        rowStarted = true
        bytes.append(UInt8(ascii: "["))
        fieldWritten = false
    }

    /// Ends the row ``beginRow()`` started.
    mutating func endRow() { bytes.append(UInt8(ascii: "]")) }

    func finish() -> [UInt8] { bytes + [UInt8(ascii: "]")] }

    private mutating func separate() {
        if fieldWritten { bytes.append(UInt8(ascii: ",")) }
        fieldWritten = true
    }

    mutating func string(_ text: String) {
        separate()
        JSONWriter.writeString(text, into: &bytes)
    }

    mutating func int(_ number: Int) {
        separate()
        JSONWriter.writeInt(number, into: &bytes)
    }

    mutating func strings(_ texts: [String]) {
        separate()
        bytes.append(UInt8(ascii: "["))
        for (index, text) in texts.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONWriter.writeString(text, into: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func value(_ value: JSONValue) {
        separate()
        JSONWriter.write(value, into: &bytes)
    }
}

/// Writes a part's rows as ``RowWriter`` does, one array per year: the segments of a part that
/// the snapshot keeps by year.
struct YearlyRowWriter: SnapshotRowSink {
    private var years: [Int: RowWriter] = [:]
    private var current = RowWriter()

    mutating func row(year: Int?, _ fields: (inout YearlyRowWriter) -> Void) {
        guard let year else { preconditionFailure("a row of a part kept by year has a year") }
        current = years.removeValue(forKey: year) ?? RowWriter()
        current.beginRow()
        fields(&self)
        current.endRow()
        years[year] = current
        current = RowWriter()
    }

    /// The years' arrays, years ascending.
    func finish() -> [(year: Int, bytes: [UInt8])] {
        years.keys.sorted().map { ($0, years[$0]?.finish() ?? []) }
    }

    mutating func value(_ value: JSONValue) { current.value(value) }
    mutating func string(_ text: String) { current.string(text) }
    mutating func int(_ number: Int) { current.int(number) }
    mutating func strings(_ texts: [String]) { current.strings(texts) }
}

extension HallState.Part {
    /// Whether the part grows with the history, a row per report, visit or verdict, and is
    /// kept by year in a snapshot: the year of a report's period end, of a visit's date, of
    /// an issue's number (`2024年第1期` is of 2024).
    public var isYearly: Bool {
        switch self {
        case .issues, .authorizations, .items, .windows, .visits, .inspections: return true
        case .newlyAuthorized, .warnings, .registered: return false
        }
    }
}

extension HallState {
    /// The year an issue is kept under: the year of its number.
    static func year(of issue: IssueInfo) -> Int { issue.year }
}

extension Array {
    /// Whether the elements ascend by `key`.
    func isSorted(by key: (Element) -> Int) -> Bool {
        zip(self, dropFirst()).allSatisfy { key($0) <= key($1) }
    }
}
