import LedgerDomain

/// Reads `已进驻…共 45个。其中，已授权无差别综合窗口的 37个，占比为 82.2%，较上周新增 2个部门：
/// 省地震局、省测绘地理信息局（部分事项授权）；未授权无差别综合窗口的 8个，占比为 17.8%。`
enum AuthorizationReader {
    // Regexes are immutable once built; Regex is just not marked Sendable.
    nonisolated(unsafe) static let stationedPattern = #/(?:进驻[^。]*?)?共([0-9]+)个/#
    nonisolated(unsafe) static let unauthorizedWords = #/未授权|尚未授权|没有授权/#
    nonisolated(unsafe) static let authorizedPattern = #/已授权[^，。；0-9]*?([0-9]+)个(?:部门)?(?:（单位）)?，?占比(?:为)?([0-9]+(?:\.[0-9]+)?)%/#
    nonisolated(unsafe) static let unauthorizedPattern = #/[^，。；0-9]*?([0-9]+)个(?:部门)?(?:（单位）)?，?占比(?:为)?([0-9]+(?:\.[0-9]+)?)%/#
    nonisolated(unsafe) static let noIncreaseWords = #/无新增|没有新增|未新增/#
    nonisolated(unsafe) static let increasePattern = #/新增([0-9]+|[一二两三四五六七八九十]{1,3})?个?(?:部门|单位)?(?:（单位）)?[：，]?/#
    nonisolated(unsafe) static let parenthesizedNote = #/（[^）]*）/#

    static func read(_ source: SourceText, registry: DepartmentRegistry)
        -> (Bulletin.Authorization, [Bulletin.NewAuthorization])? {
        let text = source.text[...]
        var status = Bulletin.Authorization(provenance: Provenance(source))
        var span = Span()
        if let match = text.firstMatch(of: stationedPattern) {
            status.stationed = Quantity.read(match.output.1)?.0
            span.cover(match.range)
        }
        let unauthorizedStart = text.firstRange(of: unauthorizedWords)?.lowerBound
        let authorizedPart = unauthorizedStart.map { text[..<$0] } ?? text
        if let match = authorizedPart.firstMatch(of: authorizedPattern) {
            status.authorized = Quantity.read(match.output.1)?.0
            status.authorizedShare = String(match.output.2)
            span.cover(match.range)
        }
        if let start = unauthorizedStart,
           let match = text[start...].firstMatch(of: unauthorizedPattern) {
            status.unauthorized = Quantity.read(match.output.1)?.0
            status.unauthorizedShare = String(match.output.2)
            span.cover(start..<match.range.upperBound)
        }
        let newly = newlyAuthorized(authorizedPart, source: source, registry: registry, status: &status)
        guard status.stationed != nil || status.authorized != nil || status.unauthorized != nil else { return nil }
        if let range = span.range { status.provenance = Provenance(source, range) }
        return (status, newly)
    }

    /// `较上周新增 2个部门：省地震局、省测绘地理信息局（部分事项授权）`, or `较上周无新增`.
    private static func newlyAuthorized(_ text: Substring, source: SourceText, registry: DepartmentRegistry,
                                        status: inout Bulletin.Authorization) -> [Bulletin.NewAuthorization] {
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
