/// Numbers no count can be: too long, or a fraction of a unit once `万`/`亿` is multiplied out.
///
/// A reader that meets one cannot give it a value (``Quantity/read(_:)`` refuses it rather than
/// trap on overflow or round), so the fact it belongs to would be stored as "not reported": a
/// figure dropped without a word. This check names it instead: an overlong number as an error
/// that rejects the file, an inexact `万` (`1.23456万`) as a warning.
enum NumberSizeCheck {
    /// Digits a count may have: ``Quantity/maxValue`` has 13.
    static let maxDigits = 13

    // Regexes are immutable once built; Regex is just not marked Sendable.
    nonisolated(unsafe) static let overlong = #/[0-9]{14,}/#
    nonisolated(unsafe) static let scaledFraction = #/[0-9]+\.[0-9]+[万亿]/#

    /// One error per section for the first run of more than ``maxDigits`` digits in it, and a
    /// warning for each `万`/`亿` number that is not a whole count.
    static func check(_ outline: Outline) -> [Diagnostic] {
        outline.sections.flatMap { section -> [Diagnostic] in
            let text = section.text.text
            var found: [Diagnostic] = []
            if let match = text.firstMatch(of: overlong) {
                let digits = match.output.count
                found.append(Diagnostic(.error, .unreadable,
                    .numberTooLarge(digits: digits, start: String(match.output.prefix(6)), section: section.title, maxDigits: maxDigits),
                    lines: section.text.lineNumbers(of: match.range)))
            }
            for match in text.matches(of: scaledFraction) where Quantity.read(text[match.range]) == nil {
                found.append(Diagnostic(.warning, .unreadable,
                    .fractionNotWhole(written: String(match.output), section: section.title),
                    lines: section.text.lineNumbers(of: match.range)))
            }
            return found
        }
    }
}
