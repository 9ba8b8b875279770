import LedgerFormats

/// The counters of the document's lists as paragraphs are read in order, and the marker Word
/// shows before each numbered paragraph (`一、`, `（一）`, `1.2`, `•`).
///
/// Counters belong to the abstract definition, so two instances of it continue one sequence;
/// an instance with overrides (`w:lvlOverride`, Word's "restart numbering") counts on its own.
/// Using a level restarts the deeper levels unless their `w:lvlRestart` says otherwise.
struct WordListCounter {
    let numbering: WordNumbering
    let styles: WordStyles
    private var counters: [String: [Int?]] = [:]
    /// What could not be shown as Word shows it, one sentence each.
    private(set) var notes: [DocumentNote] = []

    init(numbering: WordNumbering, styles: WordStyles) {
        self.numbering = numbering
        self.styles = styles
    }

    /// The marker (with the space or nothing Word puts after it) for a paragraph with list
    /// `numID` at `level`, counting the paragraph; nil when the list is undefined or `numID` is 0.
    mutating func marker(numID: Int, level requested: Int?, style: String?) -> String? {
        guard numID != 0, let instance = numbering.instances[numID] else {
            if numID != 0 { note(.undefinedList("\(numID)".escapingControlCharacters)) }
            return nil
        }
        let abstractID = resolvedAbstract(instance.abstractID)
        guard let levels = numbering.abstracts[abstractID] else {
            note(.listWithoutDefinition("\(numID)".escapingControlCharacters))
            return nil
        }
        let level = min(max(requested ?? boundLevel(levels, style: style) ?? 0, 0), WordNumbering.levelCount - 1)
        let definitions = (0..<WordNumbering.levelCount).map { index -> WordNumbering.Level? in
            guard var definition = instance.levelOverrides[index] ?? levels[index] else { return nil }
            if let start = instance.startOverrides[index] { definition.start = start }
            return definition
        }
        guard let definition = definitions[level] else { return nil }
        if !WordNumberFormat.known.contains(definition.format) {
            note(.numberingFormatAsDecimal("\(definition.format)".escapingControlCharacters))
        }
        let key = instance.hasOverrides ? "num \(numID)" : "abstract \(abstractID)"
        var values = counters[key] ?? Array(repeating: nil, count: WordNumbering.levelCount)
        values[level] = values[level].map { $0 < WordNumbering.maxStart * 2 ? $0 + 1 : $0 } ?? definition.start
        for deeper in (level + 1)..<WordNumbering.levelCount {
            let restart = definitions[deeper]?.restartLevel ?? deeper
            if level < restart { values[deeper] = nil }
        }
        counters[key] = values
        return render(definition, values: values, definitions: definitions)
    }

    private func render(_ definition: WordNumbering.Level, values: [Int?], definitions: [WordNumbering.Level?]) -> String {
        var marker = ""
        var characters = definition.text.makeIterator()
        while let character = characters.next() {
            guard character == "%" else {
                marker.append(character)
                continue
            }
            guard let digit = characters.next() else { break }
            guard let place = digit.wholeNumberValue, place >= 1, place <= WordNumbering.levelCount else {
                marker.append(character)
                marker.append(digit)
                continue
            }
            let referenced = definitions[place - 1]
            let value = values[place - 1] ?? referenced?.start ?? 1
            let format = definition.isLegal ? "decimal" : referenced?.format ?? "decimal"
            marker += WordNumberFormat.text(value, format: format)
        }
        if definition.format == "bullet" { marker = Self.bullet(marker) }
        return marker + Self.suffix(definition.suffix, after: marker, isBullet: definition.format == "bullet")
    }

    /// Word's bullets in symbol fonts are private-use characters: shown as the common glyphs.
    private static func bullet(_ text: String) -> String {
        String(text.unicodeScalars.map { scalar -> Character in
            switch scalar.value {
            case 0xF0A7, 0xF06E: "▪"
            case 0xF0D8: "➢"
            case 0xF076: "❖"
            case 0xF0FC: "✓"
            case 0xF06C: "●"
            case 0xF000...0xF0FF: "•"
            default: Character(scalar)
            }
        })
    }

    /// What stands for Word's suffix after the marker: a space for `space`; for `tab` (the
    /// default) a space after an ASCII marker (`1.`, `a)`) or a bullet, nothing after a CJK one
    /// (`一、`, `（一）`, `①`), which Chinese documents follow directly with the text; a tab is
    /// never written, as it would read as a table's cell separator.
    private static func suffix(_ suffix: String, after marker: String, isBullet: Bool) -> String {
        guard !marker.isEmpty, suffix != "nothing" else { return "" }
        if suffix == "tab", !isBullet, let last = marker.unicodeScalars.last, !last.isASCII { return "" }
        return " "
    }

    /// The level bound to the paragraph's style by a level's `w:pStyle`.
    private func boundLevel(_ levels: [Int: WordNumbering.Level], style: String?) -> Int? {
        guard let style else { return nil }
        return levels.filter { $0.value.style == style }.keys.min()
    }

    /// The abstract definition behind a `w:numStyleLink` (a list defined by a numbering style).
    private func resolvedAbstract(_ id: Int) -> Int {
        var current = id
        for _ in 0..<4 {
            guard let link = numbering.abstractStyleLinks[current], numbering.abstracts[current]?.isEmpty ?? true,
                  let linked = styles.numbering(of: link), let next = numbering.instances[linked.numID]?.abstractID,
                  next != current
            else { break }
            current = next
        }
        return current
    }

    private mutating func note(_ note: DocumentNote) {
        if !notes.contains(note) { notes.append(note) }
    }
}
