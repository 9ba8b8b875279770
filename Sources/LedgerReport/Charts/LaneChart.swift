import LedgerDomain

/// Marks on a shared time axis, one labelled row (lane) each: leader visits per department,
/// inspection verdicts per item. A count can close each row.
struct LaneChart {
    struct Mark {
        var date: CalendarDate
        /// Picks the colour: `s-<style>` in the page's CSS.
        var style: String
        /// What a reader sees on hover, after the date.
        var note: String
    }

    struct Lane {
        var label: String
        var marks: [Mark]
        /// Written at the row's right end: the visits of a department.
        var trailing: String?
    }

    var title: String
    var lanes: [Lane]
    var dates: ClosedRange<CalendarDate>
    /// Draws squares (verdicts) rather than dots (visits).
    var squares = false
    var width = 420.0
    static let laneHeight = 20.0
    static let top = 8.0, bottom = 26.0, trailingWidth = 30.0

    /// Lane labels longer than this many characters are cut, the whole name on hover.
    static let labelCharacters = 10

    /// Room for the longest label, as cut.
    var labelWidth: Double { Double(min(lanes.map(\.label.count).max() ?? 4, Self.labelCharacters)) * 11.5 + 10 }

    var height: Double { Self.top + Double(lanes.count) * Self.laneHeight + Self.bottom }

    /// A square's width on `x`: 8 units, or less where the weeks are closer, so that each
    /// covers its own week only (a finding drawn wider would look like several).
    func squareWidth(_ x: LinearScale) -> Double {
        let days = Double(max(1, dates.upperBound.daysSinceEpoch - dates.lowerBound.daysSinceEpoch))
        let week = (x.range.high - x.range.low) * 7 / (x.domain.high - x.domain.low)
        return days < 7 ? 8 : min(8, max(0.8, week * 0.85))
    }

    /// The time axis, right of the labels `labelWidth` wide.
    func x(labelWidth: Double) -> LinearScale {
        let days = TimeTicks.paddedDays(from: dates.lowerBound, to: dates.upperBound)
        return LinearScale(domain: (Double(days.low), Double(days.high)), range: (labelWidth, width - Self.trailingWidth))
    }

    /// The chart as an `<svg>` element.
    func svg(key: String) -> String {
        let labelWidth = self.labelWidth, x = self.x(labelWidth: labelWidth), squareWidth = self.squareWidth(x)
        let c = Numerals.coordinate
        let plotBottom = height - Self.bottom
        var svg = "<svg class=\"chart lanes\" viewBox=\"0 0 \(c(width)) \(c(height))\" role=\"img\" aria-label=\"\(HTML.escape(title))\" data-chart=\"\(key)\">"
        svg += "<title>\(HTML.escape(title))</title><g class=\"x-axis\">"
        let first = CalendarDate(daysSinceEpoch: Int(x.domain.low)), last = CalendarDate(daysSinceEpoch: Int(x.domain.high))
        for tick in TimeTicks(from: first, to: last, maximumLabels: Int((width - labelWidth) / 70)).ticks {
            let position = x(Double(tick.date.daysSinceEpoch))
            svg += "<line class=\"tick-line\" x1=\"\(c(position))\" y1=\"\(c(Self.top))\" x2=\"\(c(position))\" y2=\"\(c(plotBottom + 4))\"/>"
            svg += TimeTicks.label(tick.label, at: position, y: plotBottom + 17, width: width)
        }
        svg += "</g>"
        for (index, lane) in lanes.enumerated() {
            let middle = Self.top + (Double(index) + 0.5) * Self.laneHeight
            svg += "<g class=\"lane\" data-lane=\"\(HTML.escape(lane.label))\">"
            svg += "<line class=\"lane-line\" x1=\"\(c(labelWidth))\" y1=\"\(c(middle))\" x2=\"\(c(width - Self.trailingWidth))\" y2=\"\(c(middle))\"/>"
            let short = lane.label.count > Self.labelCharacters ? String(lane.label.prefix(Self.labelCharacters - 1)) + "…" : lane.label
            svg += "<text class=\"lane-label\" x=\"\(c(labelWidth - 6))\" y=\"\(c(middle + 4))\"><title>\(HTML.escape(lane.label))</title>\(HTML.escape(short))</text>"
            for mark in lane.marks {
                let position = x(Double(mark.date.daysSinceEpoch))
                let hover = "<title>\(HTML.escape("\(mark.date) \(mark.note)"))</title>"
                if squares {
                    svg += "<rect class=\"s-\(mark.style)\" x=\"\(c(position - squareWidth / 2))\" y=\"\(c(middle - 6))\" width=\"\(c(squareWidth))\""
                    svg += " height=\"12\" data-date=\"\(mark.date)\">\(hover)</rect>"
                } else {
                    svg += "<circle class=\"s-\(mark.style)\" cx=\"\(c(position))\" cy=\"\(c(middle))\" r=\"4.5\" data-date=\"\(mark.date)\">\(hover)</circle>"
                }
            }
            if let trailing = lane.trailing {
                svg += "<text class=\"lane-count\" x=\"\(c(width - 4))\" y=\"\(c(middle + 4))\">\(HTML.escape(trailing))</text>"
            }
            svg += "</g>"
        }
        return svg + "</svg>"
    }
}

/// Each year's issue numbers as a row of cells: the ones in the ledger filled, the gaps in
/// the numbering outlined in red, the ones before a year's first issue in the ledger faint.
struct NumberingStrip {
    struct Year {
        var year: Int
        /// The numbers in the ledger, with what a reader sees on hover.
        var present: [Int: String]
        var gaps: Set<Int>
    }

    var years: [Year]
    var width = 420.0
    /// The widest a cell gets, for a ledger of a few issues.
    static let maximumCell = 14.0
    static let labelWidth = 52.0, rowHeight = 22.0, top = 4.0, bottom = 20.0

    /// The highest number any year reaches: the width of a row.
    var columns: Int { max(years.map { ($0.present.keys.max() ?? 0) }.max() ?? 1, 1) }

    /// The strip as an `<svg>` element.
    func svg() -> String {
        let c = Numerals.coordinate
        let cell = min(Self.maximumCell, (width - Self.labelWidth - 4) / Double(columns))
        let height = Self.top + Double(years.count) * Self.rowHeight + Self.bottom
        var svg = "<svg class=\"chart strip\" viewBox=\"0 0 \(c(width)) \(c(height))\" role=\"img\" aria-label=\"各年期号：实心为台账中的期次，红框为缺期\" data-chart=\"numbering\">"
        for (row, year) in years.enumerated() {
            let top = Self.top + Double(row) * Self.rowHeight
            svg += "<g data-year=\"\(year.year)\"><text class=\"lane-label\" x=\"\(c(Self.labelWidth - 6))\" y=\"\(c(top + 15))\">\(year.year)年</text>"
            for number in 1...(year.present.keys.max() ?? 1) {
                let (style, note): (String, String) = if let present = year.present[number] {
                    ("issue-present", present)
                } else if year.gaps.contains(number) {
                    ("issue-gap", "第 \(number) 期：缺（台账中没有）")
                } else {
                    ("issue-before", "第 \(number) 期：在台账最早一期之前")
                }
                svg += "<rect class=\"\(style)\" x=\"\(c(Self.labelWidth + Double(number - 1) * cell + 0.6))\" y=\"\(c(top + 3))\""
                svg += " width=\"\(c(max(cell - 1.2, 1)))\" height=\"14\" data-number=\"\(number)\"><title>\(year.year)年\(HTML.escape(note))</title></rect>"
            }
            svg += "</g>"
        }
        let labelled = Array(stride(from: columns > 20 ? 10 : 5, through: columns, by: columns > 20 ? 10 : 5))
        let axisY = Self.top + Double(years.count) * Self.rowHeight + 13
        for number in [1] + labelled {
            svg += "<text class=\"strip-number\" x=\"\(c(Self.labelWidth + (Double(number) - 0.5) * cell))\" y=\"\(c(axisY))\">\(number)</text>"
        }
        return svg + "</svg>"
    }
}
