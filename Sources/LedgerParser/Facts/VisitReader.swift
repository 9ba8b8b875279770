import LedgerDomain

/// Reads leader visits: `2 月 14 日下午，司法厅党委委员、副厅长王飙来到…窗口…`.
///
/// The department is the registered name that follows the date (or, unregistered, the text up
/// to the first title); the titles are the `、`-separated words that follow; the person is the
/// two to four characters between the last title and the verb (来到, 带队赴, 走进…).
enum VisitReader {
    // Regexes are immutable once built; Regex is just not marked Sendable.
    nonisolated(unsafe) static let verbs = #/来到|带队|莅临|走进|深入|前往|亲临|赴|到|一行|在/#
    nonisolated(unsafe) static let datedSentence = #/(?:^|[。；])(([0-9]{1,2})月([0-9]{1,2})日(?:上午|下午|晚上|晚)?，)/#
    /// The last characters titles end with: 厅长, 委员, 巡视员, 书记, 主任, 总工程师…
    static let titleEndings: Set<Character> = ["长", "员", "记", "任", "师", "委", "监", "官", "理", "政"]
    /// Whole title words a list of titles ends with.
    static let titleWords = ["厅长", "局长", "主任", "巡视员", "委员", "成员", "书记", "总队长", "政委", "处长", "组长", "主席",
                             "部长", "院长", "队长", "所长", "秘书长", "总工程师", "总经济师", "总会计师", "专员", "调研员",
                             "督察长", "检察长", "行长", "经理", "董事长", "站长", "会长", "副职", "总监"]
    // Regexes are immutable once built; Regex is just not marked Sendable.
    nonisolated(unsafe) static let titleStarts = #/党委|党组|副|厅长|局长|主任|巡视员|书记|总队长|政委|总工程师|总经济师|总会计师|纪检/#

    static func read(_ source: SourceText, reference: CalendarDate, registry: DepartmentRegistry) -> [Bulletin.Visit] {
        let text = source.text
        var visits: [Bulletin.Visit] = []
        for match in text.matches(of: datedSentence) {
            guard let month = Int(match.output.2), let day = Int(match.output.3),
                  let date = HeaderReader.nearest(month: month, day: day, to: reference) else { continue }
            let rest = text[match.output.1.endIndex...]
            guard let (department, afterDepartment) = department(at: rest, registry: registry),
                  let (titles, person, verbEnd) = titlesAndPerson(afterDepartment) else { continue }
            let sentenceEnd = text[verbEnd...].firstIndex(of: "。") ?? text.endIndex
            visits.append(Bulletin.Visit(date: date, department: department, titles: titles, person: person,
                                         provenance: Provenance(source, match.output.1.startIndex..<sentenceEnd)))
        }
        return visits
    }

    static func department(at text: Substring, registry: DepartmentRegistry) -> (DepartmentName, Substring)? {
        if let match = registry.prefixMatch(of: text) {
            return (match.name, text.dropFirst(match.range.upperBound))
        }
        guard let title = text.firstRange(of: titleStarts), title.lowerBound > text.startIndex,
              text.distance(from: text.startIndex, to: title.lowerBound) <= 16 else { return nil }
        return (registry.resolve(String(text[..<title.lowerBound])), text[title.lowerBound...])
    }

    /// `党委委员、副厅长王飙来到` → (["党委委员", "副厅长"], "王飙", end of the verb).
    static func titlesAndPerson(_ text: Substring) -> ([String], String, String.Index)? {
        let window = text.prefix(40)
        for verb in window.matches(of: verbs) {
            let segment = window[..<verb.range.lowerBound]
            guard segment.count >= 3, let split = splitName(segment) else { continue }
            return (split.titles, split.person, verb.range.upperBound)
        }
        return nil
    }

    /// The person is the last 2–4 characters such that what precedes ends like a title.
    static func splitName(_ segment: Substring) -> (titles: [String], person: String)? {
        let characters = Array(segment)
        // First a split where the titles end with a whole title word (副厅长任晓晓: the person
        // is 任晓晓, not 晓晓 after a "title" 副厅长任), then the looser test on the last character.
        for length in 2...4 where length < characters.count {
            let titlePart = String(characters[..<(characters.count - length)])
            let name = characters[(characters.count - length)...]
            guard titleWords.contains(where: { titlePart.hasSuffix($0) }),
                  name.allSatisfy({ $0.unicodeScalars.allSatisfy { $0.properties.isIdeographic } }) else { continue }
            return (titlePart.split(separator: "、").map(String.init).filter { !$0.isEmpty }, String(name))
        }
        for length in 2...4 where length < characters.count {
            let titlePart = characters[..<(characters.count - length)]
            let name = characters[(characters.count - length)...]
            guard let last = titlePart.last, titleEndings.contains(last),
                  name.allSatisfy({ $0.unicodeScalars.allSatisfy { $0.properties.isIdeographic } }) else { continue }
            let titles = String(titlePart).split(separator: "、").map(String.init).filter { !$0.isEmpty }
            return (titles, String(name))
        }
        return nil
    }
}
