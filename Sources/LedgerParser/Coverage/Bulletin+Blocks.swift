/// One fact of a ``Bulletin``, wherever it is kept, so that the facts a reader just added can
/// be found and their provenance widened.
enum FactReference: Equatable {
    case window, authorization
    case newlyAuthorized(Int), serviceItems(Int), visit(Int), inspection(Int), news(Int), progress(Int), unplaced(Int)
}

/// How many facts of each kind a bulletin held at one moment, and which single facts.
struct FactMark {
    var window: Provenance?
    var authorization: Provenance?
    var counts: [Int]
}

extension Bulletin {
    /// The facts held now, to compare with later (``claim(_:since:)``).
    var mark: FactMark {
        FactMark(window: window?.provenance, authorization: authorization?.provenance, counts: listCounts)
    }

    private var listCounts: [Int] {
        [newlyAuthorized.count, serviceItems.count, visits.count, inspections.count, news.count, progress.count, unplaced.count]
    }

    /// The facts added or replaced since `mark`.
    func facts(since mark: FactMark) -> [FactReference] {
        var added: [FactReference] = []
        if let window, window.provenance != mark.window { added.append(.window) }
        if let authorization, authorization.provenance != mark.authorization { added.append(.authorization) }
        let makers: [(Int) -> FactReference] = [
            FactReference.newlyAuthorized, FactReference.serviceItems, FactReference.visit, FactReference.inspection,
            FactReference.news, FactReference.progress, FactReference.unplaced,
        ]
        for (kind, (before, now)) in zip(mark.counts, listCounts).enumerated() where now > before {
            added += (before..<now).map(makers[kind])
        }
        return added
    }

    /// The provenance of one fact.
    subscript(provenance fact: FactReference) -> Provenance? {
        get {
            switch fact {
            case .window: return window?.provenance
            case .authorization: return authorization?.provenance
            case .newlyAuthorized(let index): return newlyAuthorized[index].provenance
            case .serviceItems(let index): return serviceItems[index].provenance
            case .visit(let index): return visits[index].provenance
            case .inspection(let index): return inspections[index].provenance
            case .news(let index): return news[index].provenance
            case .progress(let index): return progress[index].provenance
            case .unplaced(let index): return unplaced[index].provenance
            }
        }
        set {
            guard let newValue else { return }
            switch fact {
            case .window: window?.provenance = newValue
            case .authorization: authorization?.provenance = newValue
            case .newlyAuthorized(let index): newlyAuthorized[index].provenance = newValue
            case .serviceItems(let index): serviceItems[index].provenance = newValue
            case .visit(let index): visits[index].provenance = newValue
            case .inspection(let index): inspections[index].provenance = newValue
            case .news(let index): news[index].provenance = newValue
            case .progress(let index): progress[index].provenance = newValue
            case .unplaced(let index): unplaced[index].provenance = newValue
            }
        }
    }

    /// Makes the facts a reader added since `mark` cite, together, every line of the block it
    /// read them from: the lines before the first fact go to the first, the lines after each
    /// fact up to the next one's to that fact, the last lines to the last. So the sentences
    /// around a figure (a visit's account of itself, the sentence that dates the counts) are
    /// quoted with the fact they tell of, and the block's lines are all accounted for.
    /// A reader that read nothing from the block has kept it unplaced, so nothing is widened.
    mutating func claim(_ block: SourceText, since mark: FactMark) {
        guard let blockLines = block.lineNumbers else { return }
        let added = facts(since: mark).compactMap { fact in self[provenance: fact].map { (fact, $0.lines) } }
        guard !added.isEmpty else { return }
        let ordered = added.sorted { ($0.1.lowerBound, $0.1.upperBound) < ($1.1.lowerBound, $1.1.upperBound) }
        let starts = ordered.map(\.1.lowerBound)
        for (position, (fact, lines)) in ordered.enumerated() {
            // The first line of the next fact that starts later; facts read from one sentence share its lines.
            let nextStart = starts[(position + 1)...].first { $0 > lines.lowerBound }
            let lower = position == 0 ? min(blockLines.lowerBound, lines.lowerBound) : lines.lowerBound
            let upper = max(lines.upperBound, nextStart.map { $0 - 1 } ?? blockLines.upperBound)
            guard lower...upper != lines, blockLines.contains(lower), blockLines.contains(upper) else { continue }
            self[provenance: fact] = Provenance(block, lines: lower...upper)
        }
    }
}
