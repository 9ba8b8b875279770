/// Numbers too long to be any count a bulletin prints.
///
/// A reader that meets one cannot give it a value (``Quantity/read(_:)`` refuses it rather than
/// trap on overflow), so the fact it belongs to would be stored as "not reported": a figure
/// dropped without a word. This check names it instead, as an error that rejects the file.
enum NumberSizeCheck {
    /// Digits a count may have: ``Quantity/maxValue`` has 13.
    static let maxDigits = 13

    /// One error per section for the first run of more than ``maxDigits`` digits in it.
    static func check(_ outline: Outline) -> [Diagnostic] {
        outline.sections.compactMap { section in
            let text = section.text.text
            guard let match = text.firstMatch(of: #/[0-9]{14,}/#) else { return nil }
            let digits = match.output.count
            return Diagnostic(.error, .unreadable,
                "a number of \(digits) digits (\(match.output.prefix(6))…) in section “\(section.title)” is too large to be a count (at most \(maxDigits) digits): it cannot be read as a figure",
                lines: section.text.lineNumbers(of: match.range))
        }
    }
}
