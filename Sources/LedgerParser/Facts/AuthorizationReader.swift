import LedgerDomain

/// Reads `已进驻…共 45个。其中，已授权无差别综合窗口的 37个，占比为 82.2%，较上周新增 2个部门：
/// 省地震局、省测绘地理信息局（部分事项授权）；未授权无差别综合窗口的 8个，占比为 17.8%。`, and the
/// other forms staff write: counts without shares (`已授权 37个部门，尚未授权的 8个部门为：A、B…`),
/// lists introduced by `分别是：` `分别为：` `为：`, `已全部授权`, `授权 3个部门：A、B、C`.
enum AuthorizationReader {
    /// What the section said, and what the reader was unsure of.
    struct Reading {
        var status: Bulletin.Authorization
        var newly: [Bulletin.NewAuthorization]
        /// Lists the reader could not read as department names: kept as written.
        var unplaced: [(text: String, provenance: Provenance)] = []
        var diagnostics: [Diagnostic] = []
    }

    // Regexes are immutable once built; Regex is just not marked Sendable.
    nonisolated(unsafe) static let stationedPattern = #/(?:进驻[^。]*?)?共([0-9]+)个/#
    nonisolated(unsafe) static let stationedWithoutTotal = #/进驻[^。，；0-9]*?([0-9]+)个/#
    nonisolated(unsafe) static let unauthorizedWords = #/尚未授权|未授权|没有授权|未完成授权/#
    /// A count after `授权` (`已授权无差别综合窗口的 37个`, `授权 3个部门`), with its share if printed.
    nonisolated(unsafe) static let authorizedPattern =
        #/授权[^，。；：0-9]*?([0-9]+)个(?:部门)?(?:（单位）)?(?:，?占比(?:为)?([0-9]+(?:\.[0-9]+)?)%)?/#
    nonisolated(unsafe) static let unauthorizedPattern =
        #/[^，。；：0-9]*?([0-9]+)个(?:部门)?(?:（单位）)?(?:，?占比(?:为)?([0-9]+(?:\.[0-9]+)?)%)?/#
    nonisolated(unsafe) static let allAuthorizedWords = #/全部授权|均已授权|全部完成授权|均完成授权/#
    nonisolated(unsafe) static let noIncreaseWords = #/无新增|没有新增|未新增/#
    nonisolated(unsafe) static let increasePattern =
        #/新增(?:授权)?([0-9]+|[一二两三四五六七八九十]{1,3})?个?(?:部门|单位)?(?:（单位）)?(?:，?(?:分别是|分别为|为|是|包括))?[：，]?/#
    /// What may stand between a count and the list it introduces: `部门为：`, `，分别是：`.
    nonisolated(unsafe) static let listIntroduction = #/(?:的)?(?:部门|单位)?(?:（单位）)?，?(?:分别是|分别为|为|是|包括|有)?：/#
    /// The same after the words alone, no count: `的部门为：`, `无差别综合窗口的部门（单位）分别是：`.
    nonisolated(unsafe) static let bareListIntroduction = #/[^，。；：0-9]*?(?:分别是|分别为|为|是|包括|有)?：/#
    nonisolated(unsafe) static let parenthesizedNote = #/（[^）]*）/#
    /// What a department name never holds: list punctuation, the words that introduce a list, digits.
    nonisolated(unsafe) static let notAName = #/[：:；;。，,、0-9]|分别|包括|以及|等部门/#
    static let longestName = 24

    static func read(_ source: SourceText, registry: DepartmentRegistry) -> Reading? {
        let text = source.text[...]
        var status = Bulletin.Authorization(provenance: Provenance(source))
        var span = Span()
        var reading = Reading(status: status, newly: [])
        if let match = text.firstMatch(of: stationedPattern) ?? text.firstMatch(of: stationedWithoutTotal) {
            status.stationed = Quantity.read(match.output.1)?.0
            span.cover(match.range)
        }
        let unauthorizedStart = text.firstRange(of: unauthorizedWords)?.lowerBound
        let authorizedPart = unauthorizedStart.map { text[..<$0] } ?? text
        if let match = authorizedCount(in: authorizedPart) {
            status.authorized = Quantity.read(match.output.1)?.0
            status.authorizedShare = match.output.2.map(String.init)
            span.cover(match.range)
            if let list = list(after: match.range.upperBound, in: authorizedPart) {
                status.authorizedList = names(list, authorized: true, source: source, registry: registry, into: &reading)
                span.cover(list.startIndex..<list.endIndex)
            }
        }
        if let all = allAuthorized(in: authorizedPart) {
            span.cover(all)
            readAllAuthorized(&status, registry: registry, source: source, range: all, into: &reading)
        }
        if let start = unauthorizedStart {
            readUnauthorized(text[start...], status: &status, span: &span, source: source, registry: registry, into: &reading)
        }
        reading.newly = newlyAuthorized(authorizedPart, source: source, registry: registry, status: &status, into: &reading)
        guard status.stationed != nil || status.authorized != nil || status.unauthorized != nil
                || status.unauthorizedList != nil else { return nil }
        if let range = span.range { status.provenance = Provenance(source, range) }
        reading.status = status
        return reading
    }

    /// The first `已授权…N个` (or `授权…N个` opening a clause): not the week's increase
    /// (`新增授权 2个部门`), nor a title that ends in 授权情况 before the next sentence.
    private static func authorizedCount(in text: Substring) -> Regex<(Substring, Substring, Substring?)>.Match? {
        text.matches(of: authorizedPattern).first { match in
            guard let before = text[..<match.range.lowerBound].last else { return true }
            if "已共计均经，。；：".contains(before) { return true }
            // `目前授权…37个`: any other word before it, unless it is the increase or the count
            // reaches past a title (`授权情况` + `已进驻…共 45个`).
            let gap = text[match.range].dropFirst(2)
            return before != "增" && before != "新" && !gap.contains("情况") && !gap.contains("进驻") && !gap.contains("共")
        }
    }

    /// `已全部授权`, not `未全部授权`.
    private static func allAuthorized(in text: Substring) -> Range<Substring.Index>? {
        text.ranges(of: allAuthorizedWords).first { range in
            let before = text[..<range.lowerBound].suffix(2)
            return !(before.hasSuffix("未") || before.hasSuffix("没有") || before.hasSuffix("尚"))
        }
    }

    /// All stationed departments authorized: the stated count, else the stationed one, else the
    /// registry's (said so in a warning); none left unauthorized.
    private static func readAllAuthorized(_ status: inout Bulletin.Authorization, registry: DepartmentRegistry,
                                          source: SourceText, range: Range<Substring.Index>, into reading: inout Reading) {
        let lines = source.lineNumbers(of: range)
        if status.authorized == nil {
            if let stationed = status.stationed {
                status.authorized = stationed
            } else {
                status.authorized = Quantity(value: registry.count, qualifier: .exact, written: String(registry.count))
                reading.diagnostics.append(Diagnostic(.warning, .unreadable,
                    .allAuthorizedWithoutCount(registryCount: registry.count),
                    lines: lines))
            }
        }
        if status.unauthorized == nil { status.unauthorized = Quantity(value: 0, qualifier: .exact, written: "0") }
        if status.authorizedShare == nil, status.stationed != nil { status.authorizedShare = "100.0" }
    }

    /// `尚未授权的 8个部门为：A、B…`, `未授权无差别综合窗口的 8个，占比为 17.8%`, `尚未授权的部门分别是：…`.
    private static func readUnauthorized(_ part: Substring, status: inout Bulletin.Authorization, span: inout Span,
                                         source: SourceText, registry: DepartmentRegistry, into reading: inout Reading) {
        guard let words = part.prefixMatch(of: unauthorizedWords) else { return }
        var end = words.range.upperBound
        if let match = part[end...].prefixMatch(of: unauthorizedPattern) {
            status.unauthorized = Quantity.read(match.output.1)?.0
            status.unauthorizedShare = match.output.2.map(String.init)
            end = match.range.upperBound
        }
        span.cover(part.startIndex..<end)
        // Without a count, the list may follow the words directly: `尚未授权的部门为：`.
        let introduction = status.unauthorized == nil ? bareListIntroduction : listIntroduction
        guard let list = list(after: end, in: part, introduction: introduction) else { return }
        status.unauthorizedList = names(list, authorized: false, source: source, registry: registry, into: &reading)
        span.cover(part.startIndex..<list.endIndex)
    }

    /// The list a count introduces (`：A、B、C` up to `；` or `。`), when what stands between them
    /// is only a list's introduction.
    private static func list(after position: Substring.Index, in text: Substring,
                             introduction: Regex<Substring> = listIntroduction) -> Substring? {
        guard position < text.endIndex else { return nil }
        let rest = text[position...]
        guard let match = rest.prefixMatch(of: introduction) else { return nil }
        let body = rest[match.range.upperBound...]
        let end = body.firstIndex { $0 == "；" || $0 == "。" } ?? body.endIndex
        let list = body[..<end]
        return list.isEmpty ? nil : list
    }

    /// The names of a list, each resolved; nil (and the list kept as written, with a warning)
    /// when a part is not a department's name.
    private static func names(_ list: Substring, authorized: Bool, source: SourceText, registry: DepartmentRegistry,
                              into reading: inout Reading) -> [DepartmentName]? {
        var result: [DepartmentName] = []
        for part in names(in: list, registry: registry) {
            var name = part[...]
            while let note = name.firstRange(of: parenthesizedNote) { name = name[..<note.lowerBound] + name[note.upperBound...] }
            let written = String(name).trimmingBrackets()
            if written.isEmpty || written.count > longestName || written.firstMatch(of: notAName) != nil {
                let lines = source.lineNumbers(of: list.startIndex..<list.endIndex)
                reading.unplaced.append((String(list), Provenance(source, lines: lines)))
                reading.diagnostics.append(Diagnostic(.warning, .unplaced,
                    .listHoldsNonName(authorized: authorized, excerpt: String(written.prefix(20))),
                    lines: lines))
                return nil
            }
            let resolved = registry.resolve(written)
            if !resolved.isRegistered {
                reading.diagnostics.append(Diagnostic(.warning, .unplaced,
                    .unregisteredName(name: String(written), authorized: authorized),
                    lines: source.lineNumbers(of: list.startIndex..<list.endIndex)))
            }
            result.append(resolved)
        }
        return result
    }

    /// `较上周新增 2个部门：省地震局、省测绘地理信息局（部分事项授权）`, or `较上周无新增`.
    private static func newlyAuthorized(_ text: Substring, source: SourceText, registry: DepartmentRegistry,
                                        status: inout Bulletin.Authorization, into reading: inout Reading) -> [Bulletin.NewAuthorization] {
        if text.firstMatch(of: noIncreaseWords) != nil {
            status.increase = 0
            return []
        }
        guard let match = text.firstMatch(of: increasePattern)
        else { return [] }
        status.increase = match.output.1.flatMap(count)
        let listEnd = text[match.range.upperBound...].firstIndex { $0 == "；" || $0 == "。" } ?? text.endIndex
        let list = text[match.range.upperBound..<listEnd]
        var result: [Bulletin.NewAuthorization] = []
        var position = list.startIndex
        for part in names(in: list, registry: registry) {
            var name = part[...]
            var partial = false
            if let note = name.firstRange(of: parenthesizedNote) {
                partial = name[note].contains("部分")
                name = name[..<note.lowerBound]
            }
            guard !name.isEmpty else { continue }
            if name.count > longestName || name.firstMatch(of: notAName) != nil {
                let lines = source.lineNumbers(of: list.startIndex..<list.endIndex)
                reading.unplaced.append((String(list), Provenance(source, lines: lines)))
                reading.diagnostics.append(Diagnostic(.warning, .unplaced,
                    .newlyListHoldsNonName(excerpt: String(name.prefix(20))),
                    lines: lines))
                return []
            }
            let range = (list[position...].firstRange(of: part) ?? part.startIndex..<part.endIndex)
            position = range.upperBound
            result.append(Bulletin.NewAuthorization(department: registry.resolve(String(name)), partial: partial,
                                                    provenance: Provenance(source, range)))
        }
        return result
    }
}

extension AuthorizationReader {
    /// The names in a list `A、B（部分事项授权）和C`: split at 、 and ，; within a part, registered
    /// names are read one after another, so 和 and 及 separate names only where they are not
    /// part of one (经济和信息化厅, 粮食和物资储备局 keep theirs).
    static func names(in list: Substring, registry: DepartmentRegistry) -> [Substring] {
        list.split(whereSeparator: { $0 == "、" || $0 == "，" }).flatMap { chunk -> [Substring] in
            registeredNames(chunk, registry: registry) ?? [chunk]
        }
    }

    /// The chunk as a run of registered names, each with its note, joined by 和 or 及; nil when
    /// any part is not a registered name.
    private static func registeredNames(_ chunk: Substring, registry: DepartmentRegistry) -> [Substring]? {
        var rest = chunk
        var names: [Substring] = []
        while !rest.isEmpty {
            guard let match = registry.prefixMatch(of: rest) else { return nil }
            var end = rest.index(rest.startIndex, offsetBy: match.range.upperBound)
            if rest[end...].first == "（", let close = rest[end...].firstIndex(of: "）") { end = rest.index(after: close) }
            names.append(rest[..<end])
            rest = rest[end...]
            if let first = rest.first, first == "和" || first == "及" { rest = rest.dropFirst() }
        }
        return names.isEmpty ? nil : names
    }

    /// `2`, `二`, `两` → 2: small counts are as often written in Chinese numerals.
    static func count(_ text: Substring) -> Int? {
        Int(text) ?? Markers.chineseNumeral(text.replacing("两", with: "二"))
    }
}

extension Bulletin.Authorization {
    init(provenance: Provenance) {
        self.init(stationed: nil, authorized: nil, authorizedShare: nil, unauthorized: nil,
                  unauthorizedShare: nil, increase: nil, provenance: provenance)
    }
}

/// The smallest range covering every match a reader used, for a fact's provenance.
struct Span {
    private(set) var range: Range<String.Index>?

    mutating func cover(_ other: Range<String.Index>) {
        guard let current = range else { range = other; return }
        range = min(current.lowerBound, other.lowerBound)..<max(current.upperBound, other.upperBound)
    }
}
