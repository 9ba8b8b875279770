import LedgerDomain

/// Turns the lines of a weekly bulletin into a ``Bulletin`` and diagnostics.
///
/// It follows the document's structure (see ``OutlineBuilder``): sections are recognised by
/// their titles in any order, or by their content when a title is unfamiliar; a section, item
/// or paragraph it cannot place is kept as ``Bulletin/Unplaced`` and reported, never dropped.
public enum BulletinParser {
    /// The parser's version, recorded in every fact's provenance.
    public static let version = "1.0.0"

    /// What reading a document gave.
    public struct Outcome: Sendable {
        /// The facts, or nil when the document has no masthead or is not one bulletin's text
        /// (``Diagnostic/Kind/notOneBulletin``).
        public var bulletin: Bulletin?
        /// Every problem found, errors first.
        public var diagnostics: [Diagnostic]
        /// Where each non-blank line ended up; nil when there is no bulletin.
        public var account: LineAccount? = nil

        /// Whether any diagnostic is an error of this kind.
        public func has(_ kind: Diagnostic.Kind) -> Bool {
            diagnostics.contains { $0.severity == .error && $0.kind == kind }
        }
    }

    /// Reads decoded lines (line 1 first).
    public static func parse(lines: [String], registry: DepartmentRegistry = .standard) -> Outcome {
        let sourceLines = lines.enumerated().map { SourceLine(number: $0.offset + 1, raw: $0.element) }
        if let refusal = DocumentKindCheck.refusal(sourceLines) { return Outcome(bulletin: nil, diagnostics: [refusal]) }
        let outline = OutlineBuilder.build(sourceLines)
        var diagnostics: [Diagnostic] = []
        guard var issue = HeaderReader.issue(outline, diagnostics: &diagnostics) else {
            return Outcome(bulletin: nil, diagnostics: diagnostics)
        }
        HeaderReader.footer(outline, into: &issue, diagnostics: &diagnostics)
        if let unnamed = PublisherCheck.unnamed(issue) { diagnostics.append(unnamed) }
        var bulletin = Bulletin(issue: issue)
        bulletin.artefactLines = outline.artefacts.map(\.number)
        bulletin.headingLines = outline.headingLines
        if outline.sections.isEmpty {
            diagnostics.append(Diagnostic(.warning, .unreadable,
                .noNumberedSection,
                lines: SourceText(outline.header).lineNumbers))
        }
        for section in outline.sections {
            var reader = SectionReader(registry: registry, issue: issue)
            reader.read(section, into: &bulletin)
            diagnostics += reader.diagnostics
        }
        let account = SafetyNet.account(sourceLines, outline: outline, bulletin: &bulletin, diagnostics: &diagnostics)
        for unplaced in bulletin.unplaced where !unplaced.caughtByNet {
            diagnostics.append(Diagnostic(.warning, .unplaced,
                .unplacedText(section: unplaced.section, excerpt: String(unplaced.text.prefix(40))),
                lines: unplaced.provenance.lines))
        }
        diagnostics += NumberSizeCheck.check(outline)
        diagnostics += ConsistencyChecks.check(bulletin)
        diagnostics.sort { $0.severity > $1.severity }
        return Outcome(bulletin: bulletin, diagnostics: diagnostics, account: account)
    }
}

/// Reads one section according to what its title (or, failing that, its text) says it is.
struct SectionReader {
    let registry: DepartmentRegistry
    let issue: Bulletin.Issue
    /// What the reader was unsure of: kept facts or text, and a warning saying so.
    var diagnostics: [Diagnostic] = []

    enum Kind { case comprehensiveWindow, serviceItems, news, visits, inspection, unknown }

    // Regexes are immutable once built; Regex is just not marked Sendable.
    nonisolated(unsafe) static let visitsTitle = #/进大厅|厅（局）长|局长|厅长|领导/#
    nonisolated(unsafe) static let inspectionTitle = #/巡查|巡检|检查情况/#
    nonisolated(unsafe) static let windowTitle = #/综窗|综合窗口|无差别/#
    nonisolated(unsafe) static let serviceItemsTitle = #/事项受理|受理办理|办件情况|办理情况/#
    nonisolated(unsafe) static let newsTitle = #/动态|工作开展|工作情况/#
    nonisolated(unsafe) static let serviceItemsText = #/行政许可.*受理.*办结/#
    nonisolated(unsafe) static let progressTitle = #/推进|进展|工作开展/#
    nonisolated(unsafe) static let authorizationTitle = #/授权|纳入/#

    /// What a section is, by its title; `byText` when only its text says so (a title the
    /// parser does not know), which the reader then warns about.
    static func kind(of title: String, text: String) -> (kind: Kind, byText: Bool) {
        if title.firstMatch(of: inspectionTitle) != nil { return (.inspection, false) }
        if title.firstMatch(of: windowTitle) != nil { return (.comprehensiveWindow, false) }
        if title.firstMatch(of: serviceItemsTitle) != nil { return (.serviceItems, false) }
        // Usually a sub-section of the news, but a writer may give the visits a section of their own.
        if title.firstMatch(of: visitsTitle) != nil { return (.visits, false) }
        if title.firstMatch(of: newsTitle) != nil { return (.news, false) }
        if text.firstMatch(of: serviceItemsText) != nil { return (.serviceItems, true) }
        return (.unknown, false)
    }

    mutating func read(_ section: Outline.Section, into bulletin: inout Bulletin) {
        let (kind, byText) = Self.kind(of: section.title, text: section.text.text)
        if byText {
            diagnostics.append(Diagnostic(.warning, .unplaced,
                .unknownSectionReadAsCounts(title: section.title),
                lines: section.heading.number...section.heading.number))
        }
        switch kind {
        case .inspection:
            let mark = bulletin.mark
            let inspections = InspectionReader.read(section)
            if inspections.isEmpty { unplaced(section.title, section.text, into: &bulletin) }
            bulletin.inspections += inspections
            for inspection in inspections where inspection.verdict == .unclassified {
                diagnostics.append(Diagnostic(.warning, .unclassified,
                    .unclassifiedVerdict(ordinal: inspection.ordinal, item: inspection.item, excerpt: String(inspection.text.prefix(30))),
                    lines: inspection.provenance.lines))
            }
            // The introduction before the items (`本周大厅巡查情况如下：`) is quoted with the first.
            bulletin.claim(section.text.droppingFirstLine(), since: mark)
        case .serviceItems:
            readServiceItems(section, into: &bulletin)
        case .comprehensiveWindow:
            readWindowSection(section, into: &bulletin)
        case .news:
            readNewsSection(section, into: &bulletin)
        case .visits:
            readVisits(section.title, body: section.body, items: section.items, into: &bulletin)
        case .unknown:
            unplaced(section.title, section.text, into: &bulletin)
        }
    }

    private mutating func readWindowSection(_ section: Outline.Section, into bulletin: inout Bulletin) {
        let parts = section.subsections.isEmpty
            ? [(section.title, section.text, section.body, section.items)]
            : section.subsections.map { ($0.title, $0.text, $0.body, $0.items) }
        for (title, text, body, items) in parts {
            if title.firstMatch(of: Self.progressTitle) != nil {
                bulletin.progress += NoteReader.read(section: title, body: body, items: items,
                                                     reference: issue.through, registry: registry)
                continue
            }
            let mark = bulletin.mark
            defer { bulletin.claim(text.droppingFirstLine(), since: mark) }
            var placed = false
            if title.firstMatch(of: Self.authorizationTitle) != nil || text.text.contains("授权") {
                if let reading = AuthorizationReader.read(text, registry: registry) {
                    bulletin.authorization = reading.status
                    bulletin.newlyAuthorized = reading.newly
                    bulletin.unplaced += reading.unplaced.map { Bulletin.Unplaced(section: title, text: $0.text, provenance: $0.provenance) }
                    diagnostics += reading.diagnostics
                    placed = true
                }
            }
            if !placed, let counts = windowCounts(text) {
                bulletin.window = counts
                placed = true
            }
            if !placed { unplaced(title, text, into: &bulletin) }
        }
    }

    private mutating func readNewsSection(_ section: Outline.Section, into bulletin: inout Bulletin) {
        if !section.body.isEmpty || !section.items.isEmpty {
            readNews(section.title, body: section.body, items: section.items, into: &bulletin)
        }
        for subsection in section.subsections {
            if subsection.title.firstMatch(of: Self.visitsTitle) != nil {
                readVisits(subsection.title, body: subsection.body, items: subsection.items, into: &bulletin)
            } else {
                readNews(subsection.title, body: subsection.body, items: subsection.items, into: &bulletin)
            }
        }
    }

    /// News items, kept as news; one that reads as a leader's visit outside 厅（局）长进大厅 is
    /// kept as news too, with a warning, so that a visit never passes as news unseen.
    private mutating func readNews(_ title: String, body: SourceText, items: [Outline.Item], into bulletin: inout Bulletin) {
        for part in [body] + items.map(\.text) where !part.isEmpty {
            guard let visit = VisitReader.read(part, reference: issue.through, registry: registry).first else { continue }
            diagnostics.append(Diagnostic(.warning, .unplaced,
                .newsLikeVisit(section: title, date: "\(visit.date)", department: visit.department.asWritten, person: visit.person),
                lines: part.lineNumbers))
        }
        bulletin.news += NoteReader.read(section: title, body: body, items: items, reference: issue.through, registry: registry)
    }

    private func readVisits(_ title: String, body: SourceText, items: [Outline.Item], into bulletin: inout Bulletin) {
        for part in [body] + items.map(\.text) where !part.isEmpty {
            let mark = bulletin.mark
            let (visits, unread) = VisitReader.readAll(part, reference: issue.through, registry: registry)
            if visits.isEmpty {
                unplaced(title, part, into: &bulletin)
            } else {
                // A dated sentence beside a read visit that gave none is kept on its own, never
                // folded silently into the other visit's account.
                for range in unread {
                    bulletin.unplaced.append(Bulletin.Unplaced(section: title, text: String(part.text[range]),
                                                               provenance: Provenance(part, range)))
                }
            }
            bulletin.visits += visits
            bulletin.claim(part, since: mark)
        }
    }

    func unplaced(_ section: String, _ text: SourceText, into bulletin: inout Bulletin) {
        guard !text.isEmpty else { return }
        bulletin.unplaced.append(Bulletin.Unplaced(section: section, text: text.text, provenance: Provenance(text)))
    }
}
