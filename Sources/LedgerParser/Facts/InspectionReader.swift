/// Reads the hall inspection: `（一）按时到岗情况。总体情况良好。` — the item, then the verdict.
///
/// A verdict is satisfactory when it says so (良好, 到位, 有序, 正常, 未发现…) and names no
/// problem; anything else is a finding, so that nothing unusual passes unseen.
enum InspectionReader {
    // Regexes are immutable once built; Regex is just not marked Sendable.
    nonisolated(unsafe) static let problemWords = #/迟到|早退|脱岗|离岗|空岗|缺岗|违规|违纪|不规范|不到位|不整洁|未佩戴|未按|未着|投诉|问题|整改|批评|通报|发现/#
    // Regexes are immutable once built; Regex is just not marked Sendable.
    nonisolated(unsafe) static let goodWords = #/良好|到位|有序|正常|规范|整洁|较好|齐全|无异常/#
    // Regexes are immutable once built; Regex is just not marked Sendable.
    nonisolated(unsafe) static let clearance = #/未发现[^，。；]*|没有发现[^，。；]*|无[^，。；]*问题|均无[^，。；]*/#

    static func read(_ section: Outline.Section) -> [Bulletin.Inspection] {
        // The items are sub-sections `（一）` in the issues seen so far; another writer may number
        // them `（1）` or `1.`, which makes them items of the section.
        let entries: [(ordinal: Int, text: Substring, source: SourceText)] = section.subsections.isEmpty
            ? section.items.map { ($0.ordinal, $0.text.text[...], $0.text) }
            : section.subsections.map { ($0.ordinal, $0.text.text.drop { $0 != "）" }.dropFirst(), $0.text) }
        return entries.map { ordinal, text, source in
            let stop = text.firstIndex(of: "。") ?? text.firstIndex(of: "：") ?? text.endIndex
            let item = String(text[..<stop])
            let verdict = stop < text.endIndex ? String(text[text.index(after: stop)...]) : ""
            return Bulletin.Inspection(ordinal: ordinal, item: item, satisfactory: isSatisfactory(verdict),
                                       text: verdict, provenance: Provenance(source))
        }
    }

    static func isSatisfactory(_ verdict: String) -> Bool {
        var remaining = verdict
        remaining.replace(clearance, with: "")
        let hasProblem = remaining.firstMatch(of: problemWords) != nil
        let cleared = remaining.count < verdict.count
        return !hasProblem && (verdict.firstMatch(of: goodWords) != nil || cleared)
    }
}
