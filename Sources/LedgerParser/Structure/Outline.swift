/// The document's structure: header lines, numbered sections with their sub-sections and
/// numbered items, and the footer. Built from line-start markers only, never from wording.
public struct Outline: Sendable {
    /// A numbered item: `（1）…`, `(1)…`, `1.…`, `1、…`.
    public struct Item: Sendable {
        /// The item's number as written (1, 2, 3…).
        public var ordinal: Int
        /// The item's text, marker removed.
        public var text: SourceText
    }

    /// A sub-section: `（一）title` and what follows until the next one.
    public struct Subsection: Sendable {
        /// The Chinese numeral's value (一 = 1).
        public var ordinal: Int
        /// The heading line's text after the marker (a title, or a whole inspection item).
        public var title: String
        /// The heading line and every line up to the next heading, items included.
        public var text: SourceText
        /// The lines after the heading and before the first item.
        public var body: SourceText
        /// The numbered items.
        public var items: [Item]
    }

    /// A section: `一、title` and what follows until the next one.
    public struct Section: Sendable {
        /// The Chinese numeral's value.
        public var ordinal: Int
        /// The heading's title.
        public var title: String
        /// The heading line.
        public var heading: SourceLine
        /// The lines before the first sub-section or item.
        public var body: SourceText
        /// Items directly under the section (no sub-section).
        public var items: [Item]
        /// The sub-sections.
        public var subsections: [Subsection]
        /// Every line of the section, heading included.
        public var text: SourceText
    }

    /// The lines before the first section.
    public var header: [SourceLine] = []
    /// The sections in document order.
    public var sections: [Section] = []
    /// The distribution lines (`报：` `送：` `发：`) and the print run, from the first of them on.
    public var footer: [SourceLine] = []
    /// Lines removed as page headers or page numbers.
    public var artefacts: [SourceLine] = []
    /// Markers alone on their line (`（一）`), read with the line that follows: they belong
    /// wherever that line does.
    public var joinedMarkers: [(marker: Int, joinedTo: Int)] = []

    /// The numbers of the section and sub-section heading lines.
    public var headingLines: [Int] {
        sections.flatMap { section in [section.heading.number] + section.subsections.compactMap { $0.text.lines.first?.number } }
    }

    /// The title of the section holding line `number`, if any.
    func sectionTitle(holding number: Int) -> String? {
        sections.first { $0.text.lineNumbers?.contains(number) ?? false }?.title
    }
}
