/// One line of the original document: its 1-based number, the text as written, and the text
/// normalized for reading (see ``TextNormalizer``).
public struct SourceLine: Equatable, Sendable {
    /// The 1-based line number in the original file.
    public var number: Int
    /// The line exactly as decoded, without its line end.
    public var raw: String
    /// The line normalized: ASCII digits, no spaces between CJK characters and digits, one
    /// form of each punctuation mark.
    public var text: String

    /// Creates a line, normalizing `raw`.
    public init(number: Int, raw: String) {
        self.number = number
        self.raw = raw
        self.text = TextNormalizer.normalize(raw)
    }

    /// A line whose normalized text is given (a marker taken off its start).
    init(number: Int, raw: String, text: String) {
        self.number = number
        self.raw = raw
        self.text = text
    }
}

/// Text gathered from consecutive lines, with the line each part came from, so that any match
/// inside it can be traced back to the original lines.
public struct SourceText: Sendable {
    /// The lines joined (normalized text, no separators: Chinese has no spaces).
    public private(set) var text: String = ""
    /// The lines it was made of, in order.
    public private(set) var lines: [SourceLine] = []
    /// UTF-8 offset in `text` where each line's text starts.
    private var starts: [Int] = []

    /// Creates text from lines.
    public init(_ lines: [SourceLine] = []) {
        for line in lines { append(line) }
    }

    /// Adds a line at the end.
    public mutating func append(_ line: SourceLine) {
        starts.append(text.utf8.count)
        lines.append(line)
        text += line.text
    }

    /// The same text without its first line (a heading, when the text is a section's).
    func droppingFirstLine() -> SourceText {
        SourceText(Array(lines.dropFirst()))
    }

    /// Whether no line has any text.
    public var isEmpty: Bool { text.isEmpty }

    /// The line numbers a range of `text` covers.
    public func lineNumbers(of range: Range<String.Index>) -> ClosedRange<Int> {
        let lower = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
        let upper = max(lower, text.utf8.distance(from: text.startIndex, to: range.upperBound) - 1)
        return line(atUTF8Offset: lower)...line(atUTF8Offset: upper)
    }

    /// Where each line's text starts in `text`, in order.
    public var lineStarts: [String.Index] {
        starts.map { text.utf8.index(text.startIndex, offsetBy: $0) }
    }

    /// The line numbers of the whole text.
    public var lineNumbers: ClosedRange<Int>? {
        guard let first = lines.first, let last = lines.last else { return nil }
        return first.number...last.number
    }

    /// The original text of lines `range` (as written, joined with newlines), for provenance.
    public func raw(_ range: ClosedRange<Int>) -> String {
        lines.filter { range.contains($0.number) }.map(\.raw).joined(separator: "\n")
    }

    private func line(atUTF8Offset offset: Int) -> Int {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        // Empty lines share an offset with the next: prefer the last line that starts there
        // and has text.
        var index = max(low, 0)
        while index > 0 && lines[index].text.isEmpty { index -= 1 }
        return lines.isEmpty ? 0 : lines[index].number
    }
}
