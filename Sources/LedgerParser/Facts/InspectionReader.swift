import LedgerDomain

/// Reads the hall inspection: `（一）按时到岗情况。总体情况良好。` — the item, then the verdict,
/// however the writer numbered and punctuated them (`1.按时到岗情况：总体良好`, `（1）着装情况，
/// 均按规定着装`, `一是按时到岗情况良好`).
///
/// The verdict never guesses (``InspectionVerdict``): a finding only on wording that reports a
/// problem, satisfactory only on wording that says so and names none, anything else
/// unclassified, for a person to read.
enum InspectionReader {
    // Regexes are immutable once built; Regex is just not marked Sendable.
    /// Wording that reports a problem.
    nonisolated(unsafe) static let problemWords = #/迟到|早退|脱岗|离岗|空岗|缺岗|串岗|违规|违纪|不(?:规范|到位|整洁|齐全|统一|一致|合格|符合|严格|及时|当|文明|礼貌)|未(?:按|佩戴|着|及时|落实|执行|到岗|规范|整改)|没有(?:按|佩戴|到岗)|投诉|整改|批评|通报|约谈|扣分|提醒|劝导|玩手机|睡觉|闲聊|吃东西|较差|欠缺|缺失|不足|有待(?:提高|加强|改进)|需(?:要)?(?:加强|改进|整改)|发现/#
    /// Wording that clears an item: it names a problem only to say there was none.
    nonisolated(unsafe) static let clearance = #/未发现[^，。；]*|没有发现[^，。；]*|无[^，。；]{0,8}(?:问题|现象|情况|异常)|均(?:已|能)?按(?:时|规定|要求)[^，。；]*|均无[^，。；]*/#
    /// Words that deny what follows them in their clause (`未出现脱岗现象`, `无一迟到`,
    /// `不存在迟到现象`, `无工作人员未按规定着装`): a problem word after one is denied, not reported.
    nonisolated(unsafe) static let denial = #/未出现|没有出现|未有|不存在|无一|无人|无(?:工作)?人员|均未出现|均未/#
    /// Wording that says an item is in order.
    nonisolated(unsafe) static let goodWords = #/良好|到位|有序|正常|规范|整洁|较好|齐全|无异常|平稳|符合要求|达标|按时到岗|均按/#
    /// An item's name ends like one (`按时到岗情况`, `纪律秩序`), when no punctuation ends it.
    nonisolated(unsafe) static let itemEnding = #/^(\p{Han}{2,14}(?:情况|秩序|方面))/#
    /// A writer's enumeration before the item (`一是`, `二是`).
    nonisolated(unsafe) static let enumeration = #/^[一二三四五六七八九十]是/#

    static func read(_ section: Outline.Section) -> [Bulletin.Inspection] {
        // The items are sub-sections `（一）` in the issues seen so far; another writer may number
        // them `（1）` or `1.`, which makes them items of the section.
        let entries: [(ordinal: Int, text: Substring, source: SourceText)] = section.subsections.isEmpty
            ? section.items.map { ($0.ordinal, $0.text.text[...], $0.text) }
            : section.subsections.map { ($0.ordinal, $0.text.text.drop { $0 != "）" }.dropFirst(), $0.text) }
        return entries.map { ordinal, text, source in
            let (item, verdict) = split(text)
            return Bulletin.Inspection(ordinal: ordinal, item: item, verdict: classify(verdict),
                                       text: verdict, provenance: Provenance(source))
        }
    }

    /// The item's name and the verdict: split at the first `。` `：` `，` `；` within the item's
    /// first characters, else after a name ending like an item's (`按时到岗情况良好`).
    static func split(_ entry: Substring) -> (item: String, verdict: String) {
        var text = entry
        if let prefix = text.prefixMatch(of: enumeration) { text = text[prefix.range.upperBound...] }
        let stop = text.prefix(20).firstIndex { "。：，；".contains($0) }
        // `按时到岗情况良好。`: the verdict follows the item's name before any punctuation.
        if let match = text[..<(stop ?? text.endIndex)].prefixMatch(of: itemEnding), match.output.1.endIndex < (stop ?? text.endIndex) {
            return (String(match.output.1), String(text[match.output.1.endIndex...]))
        }
        if let stop { return (String(text[..<stop]), String(text[text.index(after: stop)...])) }
        return ("", String(text))
    }

    /// Satisfactory only when the wording says so and reports no problem, a finding when it
    /// reports one (also beside good words: a problem was found), unclassified otherwise.
    static func classify(_ verdict: String) -> InspectionVerdict {
        var remaining = withoutDeniedProblems(verdict)
        remaining.replace(clearance, with: "")
        if remaining.firstMatch(of: problemWords) != nil { return .finding }
        let cleared = remaining.count < verdict.count
        return cleared || verdict.firstMatch(of: goodWords) != nil ? .satisfactory : .unclassified
    }

    /// The verdict without its clauses that deny a problem: a clause (up to `，` `。` `；`) where a
    /// denial stands before a problem word. A denial with no problem word after it
    /// (`无人员在岗`: nobody at the post) clears nothing.
    static func withoutDeniedProblems(_ verdict: String) -> String {
        var result = ""
        var clause = ""
        func flush() {
            if let denial = clause.firstMatch(of: denial), clause[denial.range.upperBound...].firstMatch(of: problemWords) != nil {
                clause = ""
            }
            result += clause
            clause = ""
        }
        for character in verdict {
            clause.append(character)
            if "，。；,;".contains(character) { flush() }
        }
        flush()
        return result
    }
}
