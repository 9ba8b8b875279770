/// Reads counts written as a table: a header row of measures (`受理（件）  办结（件）`), then a
/// row per category (`行政许可事项  26641  27287`) or period (`本周`, `本年累计`); or the same
/// transposed (measures as rows). Cells are separated by two or more spaces, a tab, a
/// full-width space, or a bar (`|`, `｜`, box-drawing `│`); border lines (`┌──┬──┐`) belong to
/// the table. A row may be wrapped: its label alone on one line (or broken over two), the
/// figures on the next.
///
/// A table is read whole or not at all: a cell count that does not match the header, a header
/// word or a row label it does not know, a cell that is not one figure, each refuses the whole
/// table with a diagnostic naming its lines, and the text stays an unplaced paragraph.
enum TableReader {
    /// What a row or column of a table counts.
    enum Measure: String, CaseIterable {
        case consultations, accepted, issued, transferred, completed
    }

    /// What a row (or, transposed, a column) of figures is about.
    enum Label: Equatable {
        case category(ServiceCategory, written: String)
        case week
        case yearToDate
    }

    /// A table read whole: its figures by label and measure, and the lines it stands on.
    struct Table {
        var rows: [(label: Label, figures: [Measure: Quantity])]
        var lines: ClosedRange<Int>
    }

    /// What a block of text gave.
    enum Outcome {
        /// No line of it reads as a table's header.
        case noTable
        /// A table, read whole.
        case table(Table)
        /// A header was found but the table could not be read whole: why, and its lines.
        case refused(Diagnostic.TableRefusal, lines: ClosedRange<Int>)
    }

    static let measureWords: [String: Measure] = [
        "咨询": .consultations, "咨询量": .consultations,
        "受理": .accepted, "受理量": .accepted, "受理数": .accepted, "收件": .accepted,
        "颁发": .issued, "颁发证照": .issued, "颁发证件": .issued, "颁证": .issued, "发证": .issued, "出件": .issued,
        "流转": .transferred, "转办": .transferred,
        "办结": .completed, "办结量": .completed, "办结数": .completed, "办理完结": .completed, "办毕": .completed,
    ]
    /// Words a corner cell (above the labels) may hold.
    static let cornerWords: Set<String> = ["", "类别", "事项", "事项类别", "项目", "类型", "分类", "时段", "时间", "指标", "统计项"]
    static let weekWords: Set<String> = ["本周", "本期"]
    static let yearToDateWords: Set<String> = ["本年累计", "今年以来", "年初以来", "累计", "本年度", "年度累计", "今年累计"]

    /// Reads the first table in `text`.
    static func read(_ text: SourceText) -> Outcome {
        let lines = text.lines.filter { !$0.text.isEmpty }
        for (index, line) in lines.enumerated() {
            let cells = cells(line.raw)
            guard cells.count >= 2, !cells.contains(where: hasDigit) else { continue }
            let words = dropCorner(cells)
            let known = words.filter { measure(of: $0) != nil || label(of: $0) != nil }
            if known.count < words.count, index + 1 < lines.count, let whole = completed(words, by: Self.cells(lines[index + 1].raw)) {
                // The header's cells wrapped onto a second line (`咨询（人` over `次）`).
                return body(lines, headerAt: index + 1, header: whole, from: line.number)
            }
            guard !known.isEmpty else { continue }
            let measures = words.filter { measure(of: $0) != nil }.count
            guard known.count == words.count, measures == 0 || measures == words.count else {
                let unknown = words.filter { measure(of: $0) == nil && label(of: $0) == nil }
                let why: Diagnostic.TableRefusal = unknown.isEmpty ? .headerMixesMeasuresAndCategories : .unknownHeaderWords(unknown)
                return .refused(why, lines: line.number...line.number)
            }
            return body(lines, headerAt: index, header: words)
        }
        return .noTable
    }

    /// The rows under a header, until a line that is neither a row, a label fragment nor a border.
    private static func body(_ lines: [SourceLine], headerAt start: Int, header: [String], from first: Int? = nil) -> Outcome {
        let first = first ?? lines[start].number
        let transposed = header.allSatisfy { measure(of: $0) == nil }
        let columns = header.count
        var rows: [(String, [Quantity])] = []
        var pending: [String] = []
        var last = lines[start].number
        var index = start + 1
        while index < lines.count {
            let line = lines[index]
            if isBorder(line.raw) { last = line.number; index += 1; continue }
            let cells = cells(line.raw)
            let figures = cells.compactMap(figure)
            if cells.count == 1 && figures.isEmpty, continues(lines, after: index, columns: columns) {
                pending.append(cells[0])
            } else if figures.count == cells.count && cells.count == columns && !pending.isEmpty {
                rows.append((pending.joined(), figures))
                pending = []
            } else if cells.count == columns + 1 && figures.count == columns && figure(cells[0]) == nil {
                rows.append(((pending + [cells[0]]).joined(), figures))
                pending = []
            } else if rows.isEmpty && pending.isEmpty {
                return .refused(.noRowAfterHeader(columns: columns),
                                lines: first...line.number)
            } else if !pending.isEmpty || cells.count > 1 && !figures.isEmpty {
                return .refused(.rowWithoutFigures(columns: columns), lines: first...line.number)
            } else {
                break
            }
            last = line.number
            index += 1
        }
        let span = first...last
        guard pending.isEmpty, !rows.isEmpty else { return .refused(.labelWithoutFigures, lines: span) }
        return assemble(header: header, rows: rows, transposed: transposed, lines: span)
    }

    /// The header's words completed by the fragments of the line under it, when the header's
    /// cells wrapped there (`咨询（人` · `受理（件）` · `颁发` over `次）` · `（件）`). A fragment
    /// completes a cell with an unclosed bracket, or puts a unit under a measure written without
    /// one, into a known word with a known unit. Fragments go to cells left to right: each to the
    /// one cell after the last completed that it fits, or, when it fits several, to the first of
    /// them only if there are exactly as many unclosed cells left as fragments (each needs one).
    /// Nil when a fragment fits no cell, or a word is still unknown: never a guess.
    static func completed(_ words: [String], by fragments: [String]) -> [String]? {
        guard !fragments.isEmpty, fragments.count <= words.count, !fragments.contains(where: hasDigit) else { return nil }
        func unclosed(_ word: String) -> Bool { word.filter { $0 == "（" }.count > word.filter { $0 == "）" }.count }
        var whole = words
        var next = 0
        for (index, fragment) in fragments.enumerated() {
            let fits = (next..<whole.count).filter { column in
                let word = whole[column]
                guard unclosed(word) || (fragment.hasPrefix("（") && !word.hasSuffix("）")) else { return false }
                return isKnown(word + fragment, withUnit: true)
            }
            let open = (next..<whole.count).filter { unclosed(whole[$0]) }
            guard let column = fits.first, fits.count == 1 || (open.count == fragments.count - index && open.first == column) else {
                return nil
            }
            whole[column] += fragment
            next = column + 1
        }
        return whole.allSatisfy { isKnown($0, withUnit: false) } ? whole : nil
    }

    /// The units a header cell may give its measure: `（件）`, `（人次）`.
    static let units: Set<String> = ["件", "人次", "个", "项", "次", "人", "万件", "万人次"]

    /// Whether a header cell names a measure, category or period; with `withUnit`, also that its
    /// bracketed unit, if any, is one of ``units``.
    private static func isKnown(_ cell: String, withUnit: Bool) -> Bool {
        guard measure(of: cell) != nil || label(of: cell) != nil else { return false }
        guard withUnit, cell.hasSuffix("）"), let open = cell.lastIndex(of: "（") else { return true }
        return units.contains(String(cell[cell.index(after: open)..<cell.index(before: cell.endIndex)]))
    }

    /// Whether the line after `index` goes on with a row: figures, or a label and figures, or
    /// another label fragment.
    private static func continues(_ lines: [SourceLine], after index: Int, columns: Int) -> Bool {
        guard index + 1 < lines.count else { return false }
        let cells = cells(lines[index + 1].raw)
        let figures = cells.compactMap(figure).count
        return (cells.count == columns && figures == columns) || (cells.count == columns + 1 && figures == columns)
            || (cells.count == 1 && figures == 0 && continues(lines, after: index + 1, columns: columns))
    }

    private static func assemble(header: [String], rows: [(String, [Quantity])], transposed: Bool,
                                 lines: ClosedRange<Int>) -> Outcome {
        var table = Table(rows: [], lines: lines)
        if transposed {
            let labels = header.compactMap(label)
            for (rowLabel, _) in rows where measure(of: rowLabel) == nil {
                return .refused(.unknownMeasureRow(rowLabel), lines: lines)
            }
            for (column, label) in labels.enumerated() {
                var figures: [Measure: Quantity] = [:]
                for (rowLabel, values) in rows { if let measure = measure(of: rowLabel) { figures[measure] = values[column] } }
                table.rows.append((label, figures))
            }
        } else {
            let measures = header.compactMap(measure)
            for (rowLabel, values) in rows {
                guard let label = label(of: rowLabel) else {
                    return .refused(.unknownCategoryRow(rowLabel), lines: lines)
                }
                table.rows.append((label, Dictionary(uniqueKeysWithValues: zip(measures, values))))
            }
        }
        let labels = table.rows.map(\.label)
        guard Set(labels.map { "\($0)" }).count == labels.count else { return .refused(.rowTwice, lines: lines) }
        guard Set(header).count == header.count else { return .refused(.headerWordTwice, lines: lines) }
        return .table(table)
    }

    /// The cells of a raw line, normalized, without empty cells at either end (a leading or
    /// trailing bar). A line with bars is split at its bars alone, so the spaces that pad a cell
    /// (`|  2 041  |`) are inside it; a line without is split at its column gaps.
    static func cells(_ raw: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var spaces: [Unicode.Scalar] = []
        let barred = raw.unicodeScalars.contains(where: isBar)
        func endCell() { cells.append(TextNormalizer.normalize(current)); current = "" }
        for scalar in raw.unicodeScalars {
            if isBar(scalar) { spaces = []; endCell(); continue }
            if TextNormalizer.isSpace(scalar) { spaces.append(scalar); continue }
            if !spaces.isEmpty {
                if !barred && TextNormalizer.isColumnGap(spaces) && !current.isEmpty {
                    endCell()
                } else if !current.isEmpty {
                    current.unicodeScalars.append(contentsOf: spaces)
                }
                spaces = []
            }
            current.unicodeScalars.append(scalar)
        }
        endCell()
        while cells.first == "" { cells.removeFirst() }
        while cells.last == "" { cells.removeLast() }
        return cells
    }

    private static func isBar(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "|" || scalar.value == 0xFF5C || scalar.value == 0x2502 || scalar.value == 0x2503 || scalar.value == 0x2551
    }

    /// A line of box-drawing characters, dashes, `+` and `=` only.
    static func isBorder(_ raw: String) -> Bool {
        let marks = raw.unicodeScalars.filter { !TextNormalizer.isSpace($0) }
        return !marks.isEmpty && marks.allSatisfy {
            (0x2500...0x257F).contains($0.value) || $0 == "-" || $0 == "+" || $0 == "=" || $0 == "|" || $0 == "—"
        }
    }

    private static func hasDigit(_ cell: String) -> Bool { cell.contains { $0.isASCII && $0.isNumber } }

    /// One figure and nothing else but its unit: `26641`, `26641件`, `1.2万`, `618人次`.
    static func figure(_ cell: String) -> Quantity? {
        guard let (quantity, rest) = Quantity.read(cell[...]) else { return nil }
        return rest.isEmpty || rest == "件" || rest == "人次" ? quantity : nil
    }

    /// The measure a header cell names, its unit (`（件）`) taken off.
    static func measure(of cell: String) -> Measure? { measureWords[withoutUnit(cell)] }

    /// The category or period a row label names (`省本级` taken off).
    static func label(of cell: String) -> Label? {
        var word = withoutUnit(cell)
        if word.hasPrefix("省本级") { word.removeFirst(3) }
        if weekWords.contains(word) { return .week }
        if yearToDateWords.contains(word) { return .yearToDate }
        for (category, pattern) in CountsReader.serviceMarkers where word.wholeMatch(of: pattern) != nil {
            return .category(category, written: word)
        }
        return nil
    }

    private static func withoutUnit(_ cell: String) -> String {
        var word = cell
        if word.hasSuffix("）"), let open = word.lastIndex(of: "（") { word = String(word[..<open]) }
        return word
    }

    private static func dropCorner(_ cells: [String]) -> [String] {
        guard let first = cells.first, measure(of: first) == nil, label(of: first) == nil, cornerWords.contains(first) else { return cells }
        return Array(cells.dropFirst())
    }
}
