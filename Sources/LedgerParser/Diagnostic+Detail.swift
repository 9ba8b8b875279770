extension Diagnostic {
    /// What a diagnostic says, one case per sentence, with the parts that vary as typed
    /// arguments. The parser builds these; its English sentence is ``description`` (kept word for
    /// word as `--json` and `check.failed` have always carried it), and the CLI renders the same
    /// case in the user's language from its own catalogue.
    ///
    /// Quoted document text arrives already cut to its length (an `excerpt`), as the English says it.
    public enum Detail: Equatable, Sendable {
        /// The safety net kept lines no reader claimed (`section` nil: outside any section).
        case unclaimedLines(first: Int, last: Int, section: String?, excerpt: String)
        /// No numbered section after the masthead.
        case noNumberedSection
        /// Text a reader left unplaced (`section` nil: outside any section).
        case unplacedText(section: String?, excerpt: String)
        /// A section with an unknown title read as the service-item counts.
        case unknownSectionReadAsCounts(title: String)
        /// An inspection verdict that says neither good nor a problem.
        case unclassifiedVerdict(ordinal: Int, item: String, excerpt: String)
        /// A news item that reads like a leader's visit, outside 厅（局）长进大厅.
        case newsLikeVisit(section: String, date: String, department: String, person: String)
        /// 全部授权 without the number stationed: the registry's count was taken.
        case allAuthorizedWithoutCount(registryCount: Int)
        /// A list of departments (authorized or not) holding text that is no department's name.
        case listHoldsNonName(authorized: Bool, excerpt: String)
        /// A name listed (authorized or not) that the registry does not know.
        case unregisteredName(name: String, authorized: Bool)
        /// The list of newly authorized departments holding text that is no department's name.
        case newlyListHoldsNonName(excerpt: String)
        /// No masthead issue line before the first section.
        case noMasthead
        /// No publication date in the masthead.
        case noPublicationDate
        /// The issue line has no year: the publication date's was taken.
        case issueWithoutYear(year: Int, issue: String)
        /// No reporting period in the masthead: facts are dated by the publication date.
        case noReportingPeriod(published: String)
        /// The serial is a range but the issue number is not.
        case serialRangeOnly(number: Int, serial: Int?)
        /// `第N-M期` spanning more numbers than a combined issue may.
        case notACombinedIssue(first: Int, last: Int)
        /// A combined issue whose serials cover another count of numbers.
        case combinedSerialsMismatch(first: Int, last: Int, serial: Int, throughSerial: Int)
        /// No footer: the document looks truncated after `afterLine`.
        case noFooter(afterLine: Int)
        /// The footer gives one distribution list (报, 送, 发) twice.
        case footerListTwice(key: String)
        /// A figure under a label that follows no known measure.
        case figureWithoutMeasure(figure: String, label: String)
        /// A table of counts that could not be read whole.
        case tableNotReadWhole(TableRefusal)
        /// A number with too many digits to be a count.
        case numberTooLarge(digits: Int, start: String, section: String, maxDigits: Int)
        /// A scaled fraction (`1.5万`) that is not a whole number.
        case fractionNotWhole(written: String, section: String)
        /// The masthead names no publisher.
        case noPublisher
        /// A week across 1 January: the year to date is not compared with the week.
        case weekSpansNewYear(from: String, through: String, year: Int, measures: [String])
        /// A year-to-date count below the week's.
        case yearToDateBelowWeek(measure: String, total: String, week: String)
        /// authorized + not authorized differs from stationed.
        case authorizedSumMismatch(authorized: Int, unauthorized: Int, stationed: Int)
        /// A printed share that does not follow from the counts.
        case shareMismatch(authorized: Bool, count: Int, stationed: Int, computed: String, printed: String)
        /// A count beside its own list of a different length.
        case countBesideList(count: Int, authorized: Bool, listed: Int)
        /// The stated increase differs from the number of names given.
        case newlyCountMismatch(stated: Int, named: Int)
        /// A web page or XML file, not the bulletin's text.
        case markup(html: Bool, line: Int, quoted: String, tags: Int, tagLines: Int, linesWithText: Int)
        /// One issue pasted several times into one file.
        case sameIssueRepeated(issue: String, places: [MastheadPlace])
        /// Several issues in one file.
        case severalIssues(places: [MastheadPlace])
    }

    /// Where a masthead stands in a file holding more than one: its issue and its line.
    public struct MastheadPlace: Equatable, Sendable {
        /// The issue as the masthead names it, `2023年第6期`.
        public var issue: String
        /// Its 1-based line.
        public var line: Int

        /// Creates a place.
        public init(issue: String, line: Int) {
            self.issue = issue
            self.line = line
        }
    }

    /// Why a table of counts was not read: its header or rows are not in a form the parser knows.
    public enum TableRefusal: Equatable, Sendable, CustomStringConvertible {
        /// The header names both measures (受理…) and categories (行政许可…).
        case headerMixesMeasuresAndCategories
        /// Words of the header the parser does not know.
        case unknownHeaderWords([String])
        /// The line after the header is not a row of that many figures with a label.
        case noRowAfterHeader(columns: Int)
        /// A row without the header's number of figures.
        case rowWithoutFigures(columns: Int)
        /// A row label with no figures after it.
        case labelWithoutFigures
        /// A row label that is no measure the parser knows (a table turned on its side).
        case unknownMeasureRow(String)
        /// A row label that is no category or period the parser knows.
        case unknownCategoryRow(String)
        /// The same row twice.
        case rowTwice
        /// The same header word twice.
        case headerWordTwice
        /// The rows are not the service-item categories with 受理 and 办结.
        case notServiceItemRows
        /// The rows are not 本周 and 本年累计 with the window's measures.
        case notWindowRows

        /// The reason in English, as the diagnostic has always said it.
        public var description: String {
            switch self {
            case .headerMixesMeasuresAndCategories: "its header mixes measures and categories"
            case .unknownHeaderWords(let words): "its header has words the parser does not know: \(words.joined(separator: "、"))"
            case .noRowAfterHeader(let columns): "the line after its header is not a row of \(columns) figures with a label"
            case .rowWithoutFigures(let columns): "a row does not have the header's \(columns) figures"
            case .labelWithoutFigures: "a row has a label but no figures"
            case .unknownMeasureRow(let label): "a row label “\(label)” is not a measure the parser knows"
            case .unknownCategoryRow(let label): "a row label “\(label)” is not a category or period the parser knows"
            case .rowTwice: "a row is given twice"
            case .headerWordTwice: "a header word is given twice"
            case .notServiceItemRows: "its rows are not the service-item categories with 受理 and 办结"
            case .notWindowRows: "its rows are not 本周 and 本年累计 with the window's measures (咨询, 受理, 颁发, 流转)"
            }
        }
    }
}

extension Diagnostic.Detail: CustomStringConvertible {
    /// The sentence in English.
    public var description: String {
        switch self {
        case let .unclaimedLines(first, last, section, excerpt):
            "lines \(first)–\(last) \(Self.place(section)) were read by no part of the parser; they are kept as an unplaced paragraph: \(excerpt)…"
        case .noNumberedSection:
            "no numbered section (like 一、大厅巡查情况) after the masthead: no facts but the masthead's could be read"
        case let .unplacedText(section, excerpt):
            "text \(Self.place(section)) could not be placed; it is kept as an unplaced paragraph: \(excerpt)…"
        case let .unknownSectionReadAsCounts(title):
            "section “\(title)” has a title the parser does not know; its text reads as the service-item counts (行政许可…受理…办结), so they were read from it: check them"
        case let .unclassifiedVerdict(ordinal, item, excerpt):
            "inspection item \(ordinal) “\(item)”: the verdict “\(excerpt)” says neither that it was in order (良好, 到位, 未发现…) nor that a problem was found; it is kept as unclassified, to be settled with ledger correct SEQ --set verdict=satisfactory|finding"
        case let .newsLikeVisit(section, date, department, person):
            "a news item under “\(section)” reads like a leader's visit (\(date), \(department) \(person)) but stands outside 厅（局）长进大厅: it is kept as news and not counted as a visit; check whether it is one"
        case let .allAuthorizedWithoutCount(count):
            "the bulletin says every department authorized the window (全部授权) without saying how many are stationed: the registry's \(count) departments are recorded as authorized; check the count"
        case let .listHoldsNonName(authorized, excerpt):
            "the list of departments \(Self.label(authorized)) holds “\(excerpt)”, which is not a department's name: the list is kept as written, unread"
        case let .unregisteredName(name, authorized):
            "“\(name)” (listed as \(Self.label(authorized))) is in no table of the registry: kept as written and shown as unregistered; ledger register adds it"
        case let .newlyListHoldsNonName(excerpt):
            "the list of newly authorized departments holds “\(excerpt)”, which is not a department's name: the list is kept as written, unread"
        case .noMasthead:
            "no masthead: the issue line (like 2023年第 2期（总第 422期）) is not in the lines before the first section"
        case .noPublicationDate:
            "no publication date (like 2023年 2月 27日) in the masthead"
        case let .issueWithoutYear(year, issue):
            "the issue line gives no year (like 2023年第 2期): the publication date's year \(year) is taken, so this is \(issue); check it"
        case let .noReportingPeriod(published):
            "no reporting period (like （1月 9日—1月 13日）) in the masthead: the facts are dated by the publication date \(published)"
        case let .serialRangeOnly(number, serial):
            "the serial is a range but the issue number is not: read as issue \(number) with serial \(serial.map(String.init) ?? "—"); check it"
        case let .notACombinedIssue(first, last):
            "the issue line reads 第\(first)-\(last)期, which is no combined issue of two to four numbers: read as issue \(first) alone; check it"
        case let .combinedSerialsMismatch(first, last, serial, through):
            "the combined issue 第\(first)-\(last)期 gives the serials \(serial)-\(through), which do not cover as many numbers: the last serial is not recorded; check it"
        case let .noFooter(afterLine):
            "no footer (报：/送：/发： and （共印 N份）): the document looks truncated after line \(afterLine)"
        case let .footerListTwice(key):
            "the footer gives the \(key)： list twice; both are kept, one after the other"
        case let .figureWithoutMeasure(figure, label):
            "the figure “\(figure)” under \(label) follows no measure the parser knows (受理, 办结, 办理完结, 办毕): it is not read; check the text"
        case let .tableNotReadWhole(why):
            "a table of counts could not be read whole (\(why)); no figure of it is read, and its text is kept as an unplaced paragraph"
        case let .numberTooLarge(digits, start, section, maxDigits):
            "a number of \(digits) digits (\(start)…) in section “\(section)” is too large to be a count (at most \(maxDigits) digits): it cannot be read as a figure"
        case let .fractionNotWhole(written, section):
            "“\(written)” in section “\(section)” is not a whole number once multiplied out; it is not rounded, so the figure is read as not reported: check it"
        case .noPublisher:
            "the masthead names no publisher (like 四川省政府政务服务和公共资源交易服务中心) before its date: it cannot be checked that this is the centre's own bulletin; it is read as one because the masthead is otherwise in this hall's form"
        case let .weekSpansNewYear(from, through, year, measures):
            "the week \(from)–\(through) spans 1 January: the year-to-date counts start on \(year)-01-01 and are not compared with the whole week's (\(measures.joined(separator: ", ")) below it)"
        case let .yearToDateBelowWeek(measure, total, week):
            "the year-to-date \(measure) count \(total) is below this week's \(week)"
        case let .authorizedSumMismatch(authorized, unauthorized, stationed):
            "authorized + not authorized = \(authorized) + \(unauthorized) = \(authorized + unauthorized), but \(stationed) departments are stationed"
        case let .shareMismatch(authorized, count, stationed, computed, printed):
            "\(Self.label(authorized)): \(count) of \(stationed) is \(computed)%, but the bulletin prints \(printed)%"
        case let .countBesideList(count, authorized, listed):
            "the bulletin says \(count) department\(count == 1 ? " is" : "s are") \(Self.label(authorized)) but lists \(listed): both are kept as printed"
        case let .newlyCountMismatch(stated, named):
            "the bulletin says \(stated) department\(stated == 1 ? " was" : "s were") newly authorized but names \(named)"
        case let .markup(html, line, quoted, tags, tagLines, linesWithText):
            Self.markup(html: html, evidence: "line \(line) reads “\(quoted)”; \(tags) tags on \(tagLines) of its \(linesWithText) lines with text")
        case let .sameIssueRepeated(issue, places):
            "this file holds the issue \(issue) \(places.count == 2 ? "twice" : "\(places.count) times") (\(Self.places(places))): copies pasted into one file; keep one copy and ingest it"
        case let .severalIssues(places):
            "this file holds \(places.count) issues (\(Self.places(places))); split it into one file per issue and ingest each"
        }
    }

    private static func place(_ section: String?) -> String {
        section.map { "in section “\($0)”" } ?? "outside any section"
    }

    private static func label(_ authorized: Bool) -> String { authorized ? "authorized" : "not authorized" }

    private static func places(_ places: [Diagnostic.MastheadPlace]) -> String {
        places.map { "\($0.issue) at line \($0.line)" }.joined(separator: ", ")
    }

    private static func markup(html: Bool, evidence: String) -> String {
        html
            ? "this is an HTML page, a web page saved with its markup (\(evidence)), not the bulletin's text: save the page as text (另存为 → 文本文件 .txt), or copy its text into a .txt file, and ingest that"
            : "this is an XML file (\(evidence)), not the bulletin's text: if it is a Word document's document.xml, open the .docx and save it as plain text (另存为 → 纯文本 .txt), and ingest that"
    }
}
