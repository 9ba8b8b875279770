/// The last step of reading: every non-blank line must have a place. Lines that no reader
/// claimed are kept as `paragraph.unplaced`, one paragraph a run of them, each with a warning
/// naming its lines, so that a reader's blind spot loses nothing and says so.
enum SafetyNet {
    /// The account of `lines`, after keeping every unclaimed run of them in `bulletin`.
    static func account(_ lines: [SourceLine], outline: Outline, bulletin: inout Bulletin,
                        diagnostics: inout [Diagnostic]) -> LineAccount {
        let content = lines.filter { !$0.text.isEmpty }
        let numbers = content.map(\.number)
        let first = LineAccount.make(lines: numbers, claims: claims(bulletin, outline: outline))
        let unaccounted = Set(first.violations.compactMap { violation -> Int? in
            if case .unaccounted(let line) = violation { return line }
            return nil
        })
        guard !unaccounted.isEmpty else { return first }
        let furniture = Set(bulletin.artefactLines)
        for run in runs(of: content, unaccounted: unaccounted, furniture: furniture) {
            let text = SourceText(run)
            let provenance = Provenance(lines: run)
            let section = outline.sectionTitle(holding: run[0].number)
            bulletin.unplaced.append(Bulletin.Unplaced(section: section, text: text.text, provenance: provenance, caughtByNet: true))
            diagnostics.append(Diagnostic(.warning, .unclaimed,
                .unclaimedLines(first: provenance.lines.lowerBound, last: provenance.lines.upperBound, section: section,
                                excerpt: String(text.text.prefix(40))),
                lines: provenance.lines))
        }
        return LineAccount.make(lines: numbers, claims: claims(bulletin, outline: outline))
    }

    /// The bulletin's claims, and for each marker alone on its line the place of the line it
    /// was read with.
    static func claims(_ bulletin: Bulletin, outline: Outline) -> [LineAccount.Claim] {
        let claims = bulletin.claims()
        guard !outline.joinedMarkers.isEmpty else { return claims }
        let joined = Set(outline.joinedMarkers.map(\.joinedTo))
        var places: [Int: LineAccount.Place] = [:]
        for entry in LineAccount.make(lines: joined.sorted(), claims: claims).entries { places[entry.line] = entry.place }
        return claims + outline.joinedMarkers.compactMap { pair in
            places[pair.joinedTo].map { LineAccount.Claim(pair.marker...pair.marker, $0) }
        }
    }

    /// Runs of consecutive unaccounted lines; furniture between two of them does not break a run.
    static func runs(of content: [SourceLine], unaccounted: Set<Int>, furniture: Set<Int>) -> [[SourceLine]] {
        var runs: [[SourceLine]] = []
        var current: [SourceLine] = []
        for line in content {
            if unaccounted.contains(line.number) {
                current.append(line)
            } else if !furniture.contains(line.number), !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }
}
