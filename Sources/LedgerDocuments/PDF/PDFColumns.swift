import LedgerFormats

/// Finds where a page's text runs in two columns side by side (a two-column layout, or a text
/// box that text flows around) and gives its glyphs as blocks in reading order: what stands
/// above, the left column, the right column, then what stands below (read the same way).
///
/// Without it, a baseline shared by both columns is read as one line across the gutter and the
/// two texts interleave line by line. A gutter is an upright band that no row of glyphs crosses
/// over consecutive rows, with prose on both sides: at least ``minimumRowsEachSide`` rows on
/// each at least ``minimumSideShare`` of the text's width, and no cell break (a
/// gap of ``PDFLineBuilder/cellGapEm``) inside any side. A table's rows have cell breaks, and a
/// page number beside a running header is short: neither is taken for columns.
enum PDFColumns {
    typealias Glyph = PDFPageContent.Glyph

    /// Rows with text on each side of a gutter that make columns.
    static let minimumRowsEachSide = 4
    /// The share of the text's width that ``minimumRowsEachSide`` rows of each side reach.
    static let minimumSideShare = 0.25
    /// Where a gutter may stand, as shares of the text's width from its left edge.
    static let gutterRange = 0.2...0.8
    /// How many places across ``gutterRange`` are tried for a gutter (every 2 points on an A4 page).
    static let gutterSamples = 128

    /// One baseline's glyphs, left to right.
    struct Row {
        var glyphs: [Glyph]
        var y: Double
        var size: Double

        var left: Double { glyphs.first?.x ?? 0 }
        var right: Double { glyphs.map { $0.x + $0.advance }.max() ?? 0 }
    }

    /// The glyphs in reading order, in blocks to be laid into lines one after another.
    static func blocks(_ glyphs: [Glyph]) -> [[Glyph]] {
        blocks(of: PDFLineBuilder.rows(glyphs))
    }

    private static func blocks(of rows: [Row]) -> [[Glyph]] {
        guard let region = widestRegion(rows) else { return rows.isEmpty ? [] : [rows.flatMap(\.glyphs)] }
        var result: [[Glyph]] = []
        let above = rows[..<region.rows.lowerBound]
        if !above.isEmpty { result.append(above.flatMap(\.glyphs)) }
        let columns = rows[region.rows]
        result.append(columns.flatMap { $0.glyphs.filter { $0.x + $0.advance / 2 < region.gutter } })
        result.append(columns.flatMap { $0.glyphs.filter { $0.x + $0.advance / 2 >= region.gutter } })
        return result + blocks(of: Array(rows[region.rows.upperBound...]))
    }

    /// The run of rows with the most rows that two columns share, and the gutter's x.
    private static func widestRegion(_ rows: [Row]) -> (rows: Range<Int>, gutter: Double)? {
        guard rows.count >= minimumRowsEachSide,
              let left = rows.map(\.left).min(), let right = rows.map(\.right).max(), right > left else { return nil }
        let width = right - left
        guard width.isFinite else { return nil }
        var best: (rows: Range<Int>, gutter: Double)?
        // A fixed number of places, however wide the page claims to be (a crafted one may claim
        // a million points): the work stays proportional to the glyphs.
        for sample in 0...gutterSamples {
            let share = gutterRange.lowerBound + (gutterRange.upperBound - gutterRange.lowerBound) * Double(sample) / Double(gutterSamples)
            let x = left + share * width
            for run in runs(rows, gutter: x) where isColumns(rows[run], gutter: x, width: width) {
                if run.count > (best?.rows.count ?? 0) { best = (run, x) }
            }
        }
        return best
    }

    /// The maximal runs of consecutive rows that no glyph crosses at `gutter`.
    private static func runs(_ rows: [Row], gutter: Double) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start: Int?
        for (index, row) in rows.enumerated() {
            let margin = row.size * 0.5
            let crosses = row.glyphs.contains { $0.x < gutter + margin && $0.x + $0.advance > gutter - margin }
            if crosses {
                if let first = start, index > first { runs.append(first..<index) }
                start = nil
            } else if start == nil {
                start = index
            }
        }
        if let first = start, first < rows.count { runs.append(first..<rows.count) }
        return runs
    }

    /// Whether rows split at `gutter` read as two columns of prose.
    private static func isColumns(_ rows: ArraySlice<Row>, gutter: Double, width: Double) -> Bool {
        let em = max(rows.map(\.size).max() ?? 1, 1)
        var sides: [[ArraySlice<Glyph>]] = [[], []]
        for row in rows {
            let split = row.glyphs.firstIndex { $0.x + $0.advance / 2 >= gutter } ?? row.glyphs.endIndex
            if split > row.glyphs.startIndex { sides[0].append(row.glyphs[..<split]) }
            if split < row.glyphs.endIndex { sides[1].append(row.glyphs[split...]) }
        }
        for side in sides {
            guard side.count >= minimumRowsEachSide else { return false }
            let wide = side.filter { part in
                guard let first = part.first, let last = part.last else { return false }
                return last.x + last.advance - first.x >= minimumSideShare * width
            }
            guard wide.count >= minimumRowsEachSide else { return false }
            let breaks = side.contains { part in
                zip(part, part.dropFirst()).contains { $1.x - ($0.x + $0.advance) >= PDFLineBuilder.cellGapEm * em }
            }
            guard !breaks else { return false }
        }
        return true
    }
}
