import LedgerDomain

/// Reads leader visits: `2 月 14 日下午，司法厅党委委员、副厅长王飙来到…窗口…`.
///
/// The department is the registered name that follows the date (or, unregistered, the text up
/// to the first title); the titles are the `、`-separated words that follow; the person is the
/// two to four characters between the last title and the verb (来到, 带队赴, 走进…).
enum VisitReader {
    // Regexes are immutable once built; Regex is just not marked Sendable.
    nonisolated(unsafe) static let verbs = #/来到|带队|莅临|走进|深入|前往|亲临|赴|到|一行|在/#
    /// A sentence opening with a date: `1月11日，`, `2023年2月15日上午，`, `1月11日（星期三），`.
    nonisolated(unsafe) static let datedOpening = #/((?:([0-9]{4})年)?([0-9]{1,2})月([0-9]{1,2})日(?:（(?:星期|周)[一二三四五六日天]）)?(?:上午|下午|晚上|晚|中午)?，?)/#
    /// Any sentence opening with a date, read or not: each must give a visit or be kept.
    nonisolated(unsafe) static let sentenceDate = #/(?:^|[。；])((?:[0-9]{4}年)?[0-9]{1,2}月[0-9]{1,2}日|[^。；，]{2,30}于(?:[0-9]{4}年)?[0-9]{1,2}月[0-9]{1,2}日)/#
    /// The subject before `于` and the date: `应急厅副厅长周彤于1月11日来到…`.
    nonisolated(unsafe) static let datedWithYu = #/([^。；，]{2,30}?)于((?:([0-9]{4})年)?([0-9]{1,2})月([0-9]{1,2})日(?:（(?:星期|周)[一二三四五六日天]）)?(?:上午|下午|晚上|晚|中午)?)/#
    /// The last characters titles end with: 厅长, 委员, 巡视员, 书记, 主任, 总工程师…
    static let titleEndings: Set<Character> = ["长", "员", "记", "任", "师", "委", "监", "官", "理", "政"]
    /// Whole title words a list of titles ends with.
    static let titleWords = ["厅长", "局长", "主任", "巡视员", "委员", "成员", "书记", "总队长", "政委", "处长", "组长", "主席",
                             "部长", "院长", "队长", "所长", "秘书长", "总工程师", "总经济师", "总会计师", "专员", "调研员",
                             "督察长", "检察长", "行长", "经理", "董事长", "站长", "会长", "副职", "总监"]
    // Regexes are immutable once built; Regex is just not marked Sendable.
    nonisolated(unsafe) static let titleStarts = #/党委|党组|副|一级|二级|厅长|局长|主任|巡视员|书记|总队长|政委|总工程师|总经济师|总会计师|纪检/#

    static func read(_ source: SourceText, reference: CalendarDate, registry: DepartmentRegistry) -> [Bulletin.Visit] {
        readAll(source, reference: reference, registry: registry).visits
    }

    /// The visits, and each sentence opening with a date that gave none (no department, titles
    /// or person could be read in it): the caller keeps those and warns, so that a visit told in
    /// a form the reader does not know is never lost inside another's account.
    static func readAll(_ source: SourceText, reference: CalendarDate, registry: DepartmentRegistry)
        -> (visits: [Bulletin.Visit], unread: [Range<String.Index>]) {
        let text = source.text
        var visits: [Bulletin.Visit] = []
        var unread: [Range<String.Index>] = []
        for opening in text.matches(of: sentenceDate) {
            let start = opening.output.1.startIndex
            let sentenceEnd = text[start...].firstIndex(of: "。").map { text.index(after: $0) } ?? text.endIndex
            let told = Self.visits(in: text[start...], source: source, reference: reference, registry: registry)
            if !told.isEmpty {
                visits += told
            } else {
                unread.append(start..<sentenceEnd)
            }
        }
        return (visits, unread)
    }

    /// The visits one sentence tells: one per leader it names (`厅长张三、副厅长李四一行`).
    private static func visits(in sentence: Substring, source: SourceText, reference: CalendarDate,
                               registry: DepartmentRegistry) -> [Bulletin.Visit] {
        if let yu = sentence.prefixMatch(of: datedWithYu) { return visitsWithYu(yu, source: source, reference: reference, registry: registry) }
        guard let match = sentence.prefixMatch(of: datedOpening),
              let month = Int(match.output.3), let day = Int(match.output.4) else { return [] }
        let written = match.output.2.flatMap { Int($0) }.flatMap { CalendarDate(year: $0, month: month, day: day) }
        guard let date = written ?? HeaderReader.nearest(month: month, day: day, to: reference) else { return [] }
        let rest = sentence[match.range.upperBound...]
        guard let (department, afterDepartment) = department(at: rest, registry: registry),
              let (titles, person, verbEnd) = titlesAndPerson(afterDepartment) else { return [] }
        let sentenceEnd = sentence[verbEnd...].firstIndex(of: "。") ?? sentence.endIndex
        let provenance = Provenance(source, match.range.lowerBound..<sentenceEnd)
        return leaders(titles: titles, last: person).map {
            Bulletin.Visit(date: date, department: department, titles: $0.titles, person: $0.person, provenance: provenance)
        }
    }

    /// `应急厅副厅长周彤于1月11日来到…`: the subject before `于` names the department and leaders.
    private static func visitsWithYu(_ match: Regex<(Substring, Substring, Substring, Substring?, Substring, Substring)>.Match,
                                     source: SourceText, reference: CalendarDate, registry: DepartmentRegistry) -> [Bulletin.Visit] {
        guard let month = Int(match.output.4), let day = Int(match.output.5) else { return [] }
        let written = match.output.3.flatMap { Int($0) }.flatMap { CalendarDate(year: $0, month: month, day: day) }
        guard let date = written ?? HeaderReader.nearest(month: month, day: day, to: reference),
              let (department, leaderText) = department(at: match.output.1, registry: registry),
              let split = splitName(leaderText) ?? nameFirst(leaderText) else { return [] }
        let sentence = source.text[match.range.lowerBound...]
        let end = sentence.firstIndex(of: "。") ?? sentence.endIndex
        let provenance = Provenance(source, match.range.lowerBound..<end)
        return leaders(titles: split.titles, last: split.person).map {
            Bulletin.Visit(date: date, department: department, titles: $0.titles, person: $0.person, provenance: provenance)
        }
    }

    /// The leaders of a list of titles and a last name: a title that is itself a title and a
    /// name (`厅长张三` in `厅长张三、副厅长李四`) closes a leader of its own, so that no name is
    /// lost inside another's titles. A name is never a title word or a collective.
    static func leaders(titles: [String], last person: String) -> [(titles: [String], person: String)] {
        var leaders: [(titles: [String], person: String)] = []
        var pending: [String] = []
        for title in titles {
            if let split = splitName(title[...]), !split.titles.isEmpty {
                leaders.append((pending + split.titles, split.person))
                pending = []
            } else {
                pending.append(title)
            }
        }
        leaders.append((pending, person))
        // All or none: a sentence with one leader that cannot be read is kept whole, with a warning.
        return leaders.allSatisfy { isName($0.person) } ? leaders : []
    }

    /// Words that are never a person: collectives and title words.
    static let notNames = ["一行", "等", "同志", "领导", "人员", "班子"]

    /// Whether `text` can be a person's name: no title word, no collective, not empty.
    static func isName(_ text: String) -> Bool {
        !text.isEmpty && !notNames.contains(where: { text.contains($0) }) && !titleWords.contains(where: { text.contains($0) })
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
            guard segment.count >= 3, let split = splitName(segment) ?? nameFirst(segment) else { continue }
            return (split.titles, split.person, verb.range.upperBound)
        }
        return nil
    }

    /// The title after the name: `周彤副厅长` → (["副厅长"], "周彤"); the shortest name whose
    /// rest is a title (starts like one and ends with a title word).
    static func nameFirst(_ segment: Substring) -> (titles: [String], person: String)? {
        for length in 2...4 where length < segment.count {
            let name = segment.prefix(length)
            let rest = segment.dropFirst(length)
            guard isName(String(name)), name.allSatisfy({ $0.unicodeScalars.allSatisfy { $0.properties.isIdeographic } }),
                  rest.prefixMatch(of: titleStarts) != nil, titleWords.contains(where: { rest.hasSuffix($0) }) else { continue }
            return (rest.split(separator: "、").map(String.init).filter { !$0.isEmpty }, String(name))
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
            guard titleWords.contains(where: { titlePart.hasSuffix($0) }), isName(String(name)),
                  name.allSatisfy({ $0.unicodeScalars.allSatisfy { $0.properties.isIdeographic } }) else { continue }
            return (titlePart.split(separator: "、").map(String.init).filter { !$0.isEmpty }, String(name))
        }
        for length in 2...4 where length < characters.count {
            let titlePart = characters[..<(characters.count - length)]
            let name = characters[(characters.count - length)...]
            guard let last = titlePart.last, titleEndings.contains(last), isName(String(name)),
                  name.allSatisfy({ $0.unicodeScalars.allSatisfy { $0.properties.isIdeographic } }) else { continue }
            let titles = String(titlePart).split(separator: "、").map(String.init).filter { !$0.isEmpty }
            return (titles, String(name))
        }
        return nil
    }
}
