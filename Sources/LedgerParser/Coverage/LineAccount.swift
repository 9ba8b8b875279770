/// Where every non-blank line of a document ended up: the masthead, the footer, page furniture
/// (running headers, page numbers), a heading, or the source of one event.
///
/// The parser returns one with every ``Bulletin``; it is the proof that nothing was dropped.
/// A line that no reader claimed is caught by the parser's safety net (kept as a
/// `paragraph.unplaced` event, with a warning naming its lines), so in an account the parser
/// returns every line has a place. ``LineAccount/make(lines:claims:)`` builds one from claims
/// and reports what breaks the rule, so a reader that loses a line, or a fact that reaches into
/// the footer, is caught by the tests rather than by a user.
public struct LineAccount: Sendable, Equatable {
    /// What a line is.
    public enum Place: Sendable, Hashable, CustomStringConvertible {
        /// The masthead, before the first section (cited by `issue.published`).
        case masthead
        /// The distribution footer and print run (cited by `issue.published`).
        case footer
        /// A running header or page number, removed before reading.
        case furniture
        /// A section or sub-section heading that is no fact itself.
        case heading
        /// The source of an event: its index in ``Bulletin/events(document:encoding:partial:)``.
        case event(Int)

        /// Whether the place is part of the document's frame rather than a fact.
        var isStructure: Bool {
            if case .event = self { return false }
            return true
        }

        public var description: String {
            switch self {
            case .masthead: return "masthead"
            case .footer: return "footer"
            case .furniture: return "furniture"
            case .heading: return "heading"
            case .event(let index): return "event \(index)"
            }
        }
    }

    /// One line's place, and the other events that cite it too (facts read from one line).
    public struct Entry: Sendable, Equatable {
        /// The 1-based line number.
        public var line: Int
        /// Where the line ended up.
        public var place: Place
        /// Further events whose source includes the line, in event order.
        public var alsoCitedBy: [Int]
    }

    /// Consecutive lines with one place.
    public struct Run: Sendable, Equatable {
        /// The first and last line (blank lines between them are not accounted).
        public var lines: ClosedRange<Int>
        /// Their place.
        public var place: Place
    }

    /// What breaks the rule that each non-blank line has exactly one place.
    public enum Violation: Sendable, Equatable, CustomStringConvertible {
        /// No reader claimed the line.
        case unaccounted(line: Int)
        /// The line is claimed as two things that exclude each other (footer and a fact, say).
        case claimedTwice(line: Int, places: [Place])

        public var description: String {
            switch self {
            case .unaccounted(let line): return "line \(line) has no place"
            case .claimedTwice(let line, let places):
                return "line \(line) is claimed as " + places.map(\.description).joined(separator: " and ")
            }
        }
    }

    /// A reader's claim on a range of lines.
    public struct Claim: Sendable, Equatable {
        /// The lines claimed (blank and furniture lines inside it are ignored).
        public var lines: ClosedRange<Int>
        /// What the reader says they are.
        public var place: Place

        /// Creates a claim.
        public init(_ lines: ClosedRange<Int>, _ place: Place) {
            self.lines = lines
            self.place = place
        }
    }

    /// One entry per non-blank line that has a place, in line order.
    public private(set) var entries: [Entry]
    /// Every line that breaks the rule; empty in an account the parser returns, unless a
    /// reader claimed a line as two exclusive things.
    public private(set) var violations: [Violation]

    /// The entries as runs of one place, in line order.
    public var runs: [Run] {
        var runs: [Run] = []
        for entry in entries {
            if let last = runs.last, last.place == entry.place {
                runs[runs.count - 1].lines = last.lines.lowerBound...entry.line
            } else {
                runs.append(Run(lines: entry.line...entry.line, place: entry.place))
            }
        }
        return runs
    }

    /// How many lines each kind of place holds (`event` counts every event together).
    public var tally: (masthead: Int, footer: Int, furniture: Int, heading: Int, events: Int) {
        var tally = (masthead: 0, footer: 0, furniture: 0, heading: 0, events: 0)
        for entry in entries {
            switch entry.place {
            case .masthead: tally.masthead += 1
            case .footer: tally.footer += 1
            case .furniture: tally.furniture += 1
            case .heading: tally.heading += 1
            case .event: tally.events += 1
            }
        }
        return tally
    }

    /// The account of the non-blank lines `lines` (their numbers, ascending) from `claims`, with
    /// every line that breaks the rule (``violations``).
    ///
    /// Furniture outranks everything (a fact's range may run across a page break). Several
    /// events may cite one line (three categories' counts read from one paragraph); its place
    /// is the first of them. A heading gives way to an event that cites its line (an inspection
    /// item is its own sub-section heading). Any other pair of places is a violation, and so
    /// is a line without a claim, whose entry is then left out.
    public static func make(lines: [Int], claims: [Claim]) -> LineAccount {
        var claimed: [Int: [Place]] = [:]
        let wanted = Set(lines)
        for claim in claims {
            for line in claim.lines where wanted.contains(line) {
                claimed[line, default: []].append(claim.place)
            }
        }
        var entries: [Entry] = []
        var violations: [Violation] = []
        for line in lines {
            guard let places = claimed[line], !places.isEmpty else {
                violations.append(.unaccounted(line: line))
                continue
            }
            let (entry, conflict) = resolve(line, places)
            entries.append(entry)
            if let conflict { violations.append(conflict) }
        }
        return LineAccount(entries: entries, violations: violations)
    }

    private static func resolve(_ line: Int, _ places: [Place]) -> (Entry, Violation?) {
        if places.contains(.furniture) {
            return (Entry(line: line, place: .furniture, alsoCitedBy: []), nil)
        }
        var events: [Int] = []
        var structure: [Place] = []
        for place in places {
            if case .event(let index) = place { events.append(index) } else if !structure.contains(place) { structure.append(place) }
        }
        events = Array(Set(events)).sorted()
        let frame = structure.filter { $0 != .heading }
        if let first = events.first {
            let conflict: Violation? = frame.isEmpty ? nil : .claimedTwice(line: line, places: frame + [.event(first)])
            return (Entry(line: line, place: .event(first), alsoCitedBy: Array(events.dropFirst())), conflict)
        }
        let place = frame.first ?? .heading
        let conflict: Violation? = frame.count > 1 ? .claimedTwice(line: line, places: frame) : nil
        return (Entry(line: line, place: place, alsoCitedBy: []), conflict)
    }
}
