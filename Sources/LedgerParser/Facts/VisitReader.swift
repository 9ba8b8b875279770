import LedgerDomain

/// Reads leader visits in the forms staff write them:
/// `2 月 14 日下午，司法厅党委委员、副厅长王飙来到…`, `2月14日（星期二），省司法厅王飙副厅长一行莅临…`,
/// `司法厅厅长张三、副厅长李四于2月14日调研…`.
///
/// A visit starts a sentence with its date (then the department and the leaders), or with the
/// department and the leaders followed by `于` and the date. The department is the registered
/// name at the start (or, unregistered, the text up to the first title); the leaders are the
/// `、`/`，`-separated parts up to the verb, each a title then a name or a name then a title,
/// titles standing alone carried to the next name; one visit is read per leader. A name is never
/// a title word nor a collective (`一行`, `等`, `同志`, `领导`); where the leaders cannot be told
/// apart the reader reads nothing from the sentence and says so (``Reading/unread``).
enum VisitReader {
    /// What one block of text gave: the visits, and the visit-like sentences it could not read.
    struct Reading {
        var visits: [Bulletin.Visit] = []
        /// Sentences that start like a visit (a date, or a department … 于 date) whose leaders
        /// could not be read: their text, with the part of the block they cover.
        var unread: [(text: String, range: Range<String.Index>)] = []
    }

    // Regexes are immutable once built; Regex is just not marked Sendable.
    /// A date opening a sentence: `2月14日（星期二）下午，`, `2023年2月14日，`.
    nonisolated(unsafe) static let datedStart =
        #/(?:^|[。；;])((?:([0-9]{4})年)?([0-9]{1,2})月([0-9]{1,2})日(?:[（(](?:星期|周|礼拜)[一二三四五六日天][）)])?(?:上午|下午|中午|晚上|晚间|晚|早上)?[，,]?)/#
    /// A sentence whose subject comes before `于` and the date: `司法厅副厅长王飙于2月14日来到`.
    nonisolated(unsafe) static let subjectFirst =
        #/(?:^|[。；;])([^。；;]{3,48}?)于((?:([0-9]{4})年)?([0-9]{1,2})月([0-9]{1,2})日(?:[（(](?:星期|周|礼拜)[一二三四五六日天][）)])?(?:上午|下午|中午|晚上|晚间|晚|早上)?[，,]?)/#
    /// A sentence dated by the visit before it: `同日，水利厅副厅长王五来到…`.
    nonisolated(unsafe) static let sameDayStart =
        #/(?:^|[。；;])((?:同日|当日|当天|同一天|同天)(?:上午|下午|中午|晚上|晚间|晚|早上)?[，,]?)/#
    /// A sentence that names a leader and a visit (`…厅厅长张三、副厅长李四一行来到人社窗口…`):
    /// one that opens with no date and so gives no visit is reported, never left in another's account.
    nonisolated(unsafe) static let leaderVisit =
        #/(?:厅长|局长|主任|巡视员|书记|总队长|政委|委员|专员)[^。；;]{0,40}?(?:来到|莅临|走进|深入|前往|亲临|视察|调研|检查指导|督导)/#
    /// Where the leaders end: the verb, or what stands for the rest of the party.
    nonisolated(unsafe) static let verbs = #/来到|带队|带领|率队|率领|率|莅临|走进|深入|前往|亲临|赴|到|在|检查|调研|督导|督查|视察|看望|慰问|考察|参加|出席|主持|开展|一行|等/#
    /// Words that end a title.
    static let titleWords = ["厅长", "局长", "主任", "巡视员", "委员", "成员", "书记", "总队长", "政委", "处长", "组长", "主席",
                             "部长", "院长", "队长", "所长", "秘书长", "总工程师", "总经济师", "总会计师", "总师", "专员", "调研员",
                             "督察长", "检察长", "行长", "经理", "董事长", "站长", "会长", "副职", "总监", "负责人", "首席代表"]
    /// How a title starts: a whole title is one of these then a title word (`一级巡视员`).
    nonisolated(unsafe) static let titleStarts =
        #/^(?:党委|党组|副|厅长|局长|主任|巡视员|书记|总队长|政委|总工程师|总经济师|总会计师|纪检|一级|二级|三级|四级|机关|驻|常务|首席|办公室|委员|成员|调研员|处长|秘书长|专员)/#
    /// Words no name holds: collectives and what writers put where a name would be.
    static let notInNames = ["一行", "等", "同志", "领导", "负责", "相关", "有关", "人员", "干部", "代表", "一起", "一同", "一道", "同事", "班子", "成员"]
    /// What stands after the last leader for the rest of the party, or says they came together.
    static let collectives = ["一行", "等人", "等", "同志们", "同志", "一同", "一道", "一起", "共同"]
    /// Words joining two leaders within one part (`副厅长张勇和水利厅副厅长王五`).
    static let conjunctions: [Character] = ["和", "与", "及"]

    /// The visits in a block, and the parts of it (sentences opening with a date, or with a
    /// department … 于 date) that gave none.
    static func readAll(_ source: SourceText, reference: CalendarDate, registry: DepartmentRegistry)
        -> (visits: [Bulletin.Visit], unread: [Range<String.Index>]) {
        let reading = reading(source, reference: reference, registry: registry)
        return (reading.visits, reading.unread.map(\.range))
    }

    /// `党组成员、副厅长任晓晓` → (["党组成员", "副厅长"], "任晓晓"): one leader's titles and name.
    static func splitName(_ subject: Substring) -> (titles: [String], person: String)? {
        guard let leaders = leaderList(subject), leaders.count == 1, leaders[0].department == nil else { return nil }
        return (leaders[0].titles, leaders[0].name)
    }

    /// The visits in a block of text (the visit-like sentences it could not read left out).
    static func read(_ source: SourceText, reference: CalendarDate, registry: DepartmentRegistry) -> [Bulletin.Visit] {
        reading(source, reference: reference, registry: registry).visits
    }

    /// The visits in a block, and the sentences that start like a visit but could not be read.
    static func reading(_ source: SourceText, reference: CalendarDate, registry: DepartmentRegistry) -> Reading {
        let text = source.text
        var reading = Reading()
        var starts = sentenceStarts(text, reference: reference, registry: registry)
        var covered: [Range<String.Index>] = []
        for (index, start) in starts.enumerated() {
            let sentenceEnd = text[start.start...].firstIndex(where: { "。；;".contains($0) }).map { text.index(after: $0) } ?? text.endIndex
            let nextStart = index + 1 < starts.count ? starts[index + 1].start : text.endIndex
            let end = min(sentenceEnd, nextStart)
            covered.append(start.start..<end)
            // `同日` is the date of the sentence before it, once that one is read.
            let date = start.sameDay ? (index > 0 ? starts[index - 1].date : nil) : start.date
            guard let date,
                  let (department, afterDepartment) = department(at: start.subject, registry: registry, registeredOnly: false),
                  let leaders = leaders(afterDepartment, wholeSubject: start.subjectFirst, registry: registry) else {
                // Every sentence that opens like a visit gives visits or is reported: a visit in a
                // form the reader does not know is never folded unseen into another's account.
                reading.unread.append((String(text[start.start..<end]), start.start..<end))
                if start.sameDay { starts[index].date = nil }
                continue
            }
            starts[index].date = date
            for leader in leaders {
                reading.visits.append(Bulletin.Visit(date: date, department: leader.department ?? department, titles: leader.titles,
                                                     person: leader.name, provenance: Provenance(source, start.start..<end)))
            }
        }
        reading.unread += undatedVisits(text, besides: covered)
        return reading
    }

    /// Sentences that name a leader and a visit but open with no date, outside `covered`: a visit
    /// the reader cannot date, kept and reported rather than lost in the block's account.
    private static func undatedVisits(_ text: String, besides covered: [Range<String.Index>]) -> [(text: String, range: Range<String.Index>)] {
        var found: [(text: String, range: Range<String.Index>)] = []
        var start = text.startIndex
        while start < text.endIndex {
            let end = text[start...].firstIndex(where: { "。；;".contains($0) }).map { text.index(after: $0) } ?? text.endIndex
            let sentence = start..<end
            if !covered.contains(where: { $0.overlaps(sentence) }), text[sentence].firstMatch(of: leaderVisit) != nil {
                found.append((String(text[sentence]), sentence))
            }
            start = end
        }
        return found
    }

    /// A sentence that opens like a visit: its date (nil for `同日` until the one before it is
    /// read), where it starts, the text its leaders are read from, and how it opened.
    private typealias SentenceStart = (date: CalendarDate?, start: String.Index, subject: Substring, subjectFirst: Bool, sameDay: Bool)

    /// Where a sentence opens like a visit: with a date, with `同日`, or with a department and
    /// its leaders before `于` and a date; in the order they stand.
    private static func sentenceStarts(_ text: String, reference: CalendarDate, registry: DepartmentRegistry) -> [SentenceStart] {
        var starts: [SentenceStart] = []
        for match in text.matches(of: datedStart) {
            let date = date(year: match.output.2, month: match.output.3, day: match.output.4, reference: reference)
            starts.append((date, match.output.1.startIndex, text[match.output.1.endIndex...], false, false))
        }
        for match in text.matches(of: sameDayStart) {
            starts.append((nil, match.output.1.startIndex, text[match.output.1.endIndex...], false, true))
        }
        for match in text.matches(of: subjectFirst) where !starts.contains(where: { $0.start == match.output.1.startIndex }) {
            // Only a subject that opens with a department: `系统于2月15日上线` is not a visit.
            guard department(at: match.output.1, registry: registry, registeredOnly: true) != nil else { continue }
            let date = date(year: match.output.3, month: match.output.4, day: match.output.5, reference: reference)
            starts.append((date, match.output.1.startIndex, match.output.1, true, false))
        }
        return starts.sorted { $0.start < $1.start }
    }

    static func date(year: Substring?, month: Substring, day: Substring, reference: CalendarDate) -> CalendarDate? {
        guard let month = Int(month), let day = Int(day) else { return nil }
        if let year = year.flatMap({ Int($0) }) { return CalendarDate(year: year, month: month, day: day) }
        return HeaderReader.nearest(month: month, day: day, to: reference)
    }

    /// The department opening `text` (`省司法厅…`), and what follows it; an unregistered one is the
    /// text before the first title (`天府新区管委会副主任…`), unless only registered ones are wanted.
    static func department(at text: Substring, registry: DepartmentRegistry, registeredOnly: Bool) -> (DepartmentName, Substring)? {
        if let match = registry.prefixMatch(of: text) {
            return (match.name, text.dropFirst(match.range.upperBound))
        }
        guard !registeredOnly else { return nil }
        let head = text.prefix(16)
        for offset in 2..<max(2, head.count) {
            let rest = text.dropFirst(offset)
            guard rest.prefixMatch(of: titleStarts) != nil else { continue }
            let name = text.prefix(offset)
            guard name.allSatisfy({ $0.isIdeographic }) else { return nil }
            return (registry.resolve(String(name)), rest)
        }
        return nil
    }

    /// One leader read from a sentence: titles, name, and the department named before them when
    /// it is not the sentence's (`交通运输厅副厅长张勇、水利厅副厅长王五`).
    typealias Leader = (titles: [String], name: String, department: DepartmentName?)

    /// The leaders named before the verb: each verb tried in turn, the first whose subject reads
    /// wins; `wholeSubject` when the subject is already cut (before `于`).
    static func leaders(_ text: Substring, wholeSubject: Bool, registry: DepartmentRegistry = .standard) -> [Leader]? {
        if wholeSubject { return leaderList(text, registry: registry) }
        let window = text.prefix(48)
        for verb in window.matches(of: verbs) {
            if let leaders = leaderList(window[..<verb.range.lowerBound], registry: registry) { return leaders }
        }
        return nil
    }

    /// `党组书记、厅长张三，副厅长李四一行` → [(["党组书记", "厅长"], "张三"), (["副厅长"], "李四")]; nil
    /// when a part is neither a title nor a title with a name, or titles are left over. A part may
    /// open with a department of its own, and two leaders may be joined by `和`, `与`, `及`.
    static func leaderList(_ subject: Substring, registry: DepartmentRegistry = .standard) -> [Leader]? {
        var text = String(subject.filter { !$0.isWhitespace })
        while let collective = collectives.first(where: { text.hasSuffix($0) }) { text.removeLast(collective.count) }
        var leaders: [Leader] = []
        var pending: [String] = []
        // After `王飙党委委员`, titles standing alone are that leader's too (`王飙党委委员、副厅长`).
        var nameFirst = false
        for part in text.split(whereSeparator: { "、，,".contains($0) }).flatMap({ joinedLeaders(String($0), registry: registry) }) {
            let (department, rest) = ownDepartment(part, registry: registry)
            guard let parsed = parsePart(rest) else { return nil }
            switch parsed {
            case .title(let title) where nameFirst && department == nil: leaders[leaders.count - 1].titles.append(title)
            case .title(let title) where department == nil: pending.append(title)
            case .title: return nil
            case .leader(let titles, let name, let titleAfterName):
                leaders.append((pending + titles, name, department))
                pending = []
                nameFirst = titleAfterName
            }
        }
        guard !leaders.isEmpty, pending.isEmpty else { return nil }
        return leaders
    }

    /// A part naming two leaders joined by `和`/`与`/`及`, split there when each side reads as a
    /// leader (so a name holding one of those characters is never cut); else the part whole.
    static func joinedLeaders(_ part: String, registry: DepartmentRegistry) -> [String] {
        for (offset, character) in part.enumerated() where conjunctions.contains(character) && offset >= 2 {
            let first = String(part.prefix(offset)), second = String(part.dropFirst(offset + 1))
            let sides = [first, second].map { ownDepartment($0, registry: registry).rest }
            if sides.allSatisfy({ if case .leader = parsePart($0) { return true } else { return false } }) { return [first, second] }
        }
        return [part]
    }

    /// The registered department a part opens with (`水利厅副厅长王五`), and the rest; nil and
    /// the part when it opens with none, or with nothing after it.
    static func ownDepartment(_ part: String, registry: DepartmentRegistry) -> (department: DepartmentName?, rest: String) {
        guard let match = registry.prefixMatch(of: part[...]) else { return (nil, part) }
        let rest = String(part.dropFirst(match.range.upperBound))
        return rest.isEmpty || rest.prefixMatch(of: titleStarts) == nil ? (nil, part) : (match.name, rest)
    }

    enum Part: Equatable {
        case title(String)
        case leader(titles: [String], name: String, titleAfterName: Bool)
    }

    /// One `、`-separated part: a whole title (`一级巡视员`), a title then a name (`副厅长任晓晓`), or a
    /// name then a title (`王飙副厅长`); nil when it is none of these for sure.
    static func parsePart(_ part: String) -> Part? {
        let characters = Array(part)
        guard characters.count >= 2, characters.allSatisfy({ $0.isIdeographic }) else { return nil }
        if isTitle(part) { return .title(part) }
        // A title then the name: the shortest name such that the title ends with a title word.
        for length in 2...4 where length < characters.count {
            let title = String(characters[..<(characters.count - length)])
            let name = String(characters[(characters.count - length)...])
            if titleWords.contains(where: { title.hasSuffix($0) }), isName(name) { return .leader(titles: [title], name: name, titleAfterName: false) }
        }
        // The name then a whole title.
        for length in 2...3 where length < characters.count {
            let name = String(characters[..<length])
            let title = String(characters[length...])
            if isTitle(title), isName(name) { return .leader(titles: [title], name: name, titleAfterName: true) }
        }
        return nil
    }

    /// A title standing alone: it starts as a title does and ends with a title word.
    static func isTitle(_ text: String) -> Bool {
        text.prefixMatch(of: titleStarts) != nil && titleWords.contains { text.hasSuffix($0) }
    }

    /// Two to four characters that hold no title word, no collective and do not start a title.
    static func isName(_ text: String) -> Bool {
        (2...4).contains(text.count) && text.allSatisfy(\.isIdeographic)
            && !notInNames.contains(where: text.contains) && !titleWords.contains(where: text.contains)
            && text.prefixMatch(of: titleStarts) == nil
    }
}

extension Character {
    /// A CJK ideograph (`王`, not `，` nor `1`).
    var isIdeographic: Bool { unicodeScalars.allSatisfy { $0.properties.isIdeographic } }
}
