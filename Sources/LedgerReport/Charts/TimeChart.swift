import LedgerDomain

/// Values over time in inline SVG: a line with a point per report, an area under it, or bars.
///
/// Each point carries its date and value as `data-date` and `data-value`, and a `<title>` a
/// reader sees on hover; the chart carries its axis (`data-y-top`, `data-plot`) so that a test
/// can check every coordinate against the figures it was drawn from.
struct TimeChart {
    enum Mark: String { case line, area, bars }

    /// One reported value: `nil` where a report did not give it (the line breaks there).
    struct Point {
        var date: CalendarDate
        var value: Int?
        /// What a reader sees on hover, after the date.
        var note: String
        /// A bar that holds more than one week (the reports between were missing): drawn lighter.
        var spans = false
    }

    /// A named line or set of bars; `style` picks its colour (`s-<style>` in the page's CSS).
    struct Series {
        var key: String
        var style: String
        var mark: Mark
        var points: [Point]
        /// Writes the last point's value beside it.
        var labelsLast = true
    }

    /// Said by screen readers and shown on hover of the chart.
    var title: String
    var series: [Series]
    /// The dates the axis spans; by default those of the points.
    var dates: ClosedRange<CalendarDate>?
    /// The value the axis must reach at least (the stationed count, say).
    var minimumTop = 0
    var width = 420.0
    var height = 190.0

    static let margin = (left: 52.0, right: 14.0, top: 14.0, bottom: 26.0)

    /// The plot's edges inside the drawing.
    var plot: (left: Double, top: Double, right: Double, bottom: Double) {
        (Self.margin.left, Self.margin.top, width - Self.margin.right, height - Self.margin.bottom)
    }

    /// Consecutive reports further apart than this are joined by a dashed line: the reports
    /// between are missing from the ledger, and a solid line would pass for figures.
    static let maximumStepDays = 10

    /// The value axis: zero (or below a negative value) to a round number at or above every value.
    var ticks: ValueTicks {
        let values = series.flatMap(\.points).compactMap(\.value)
        return ValueTicks(minimum: values.min() ?? 0, maximum: max(minimumTop, values.max() ?? 0), count: height < 110 ? 2 : 4)
    }

    /// The days along the axis (see ``TimeTicks/paddedDays(from:to:)``).
    var dateDomain: (low: Int, high: Int)? {
        let dates = series.flatMap(\.points).map(\.date)
        guard let first = self.dates?.lowerBound ?? dates.min(), let last = self.dates?.upperBound ?? dates.max() else { return nil }
        return TimeTicks.paddedDays(from: first, to: last)
    }

    var x: LinearScale {
        let domain = dateDomain ?? (0, 1)
        return LinearScale(domain: (Double(domain.low), Double(domain.high)), range: (plot.left, plot.right))
    }

    /// The value axis's scale for `ticks` (computed once a drawing: the ticks read every point).
    func y(_ ticks: ValueTicks) -> LinearScale {
        LinearScale(domain: (Double(ticks.bottom), Double(ticks.top)), range: (plot.bottom, plot.top))
    }

    /// Where `value` is drawn on `scale`: beyond the axis's limit it is drawn at the limit.
    static func position(_ value: Int, on scale: LinearScale) -> Double {
        scale(Double(min(max(value, -ValueTicks.limit), ValueTicks.limit)))
    }

    /// The chart as an `<svg>` element.
    func svg(key: String) -> String {
        guard let domain = dateDomain else { return "" }
        let plot = self.plot, ticks = self.ticks, x = self.x, y = self.y(ticks)
        let c = Numerals.coordinate
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(c(width)) \(c(height))\" role=\"img\" aria-label=\"\(HTML.escape(title))\""
        svg += " data-chart=\"\(key)\" data-y-top=\"\(ticks.top)\" data-y-bottom=\"\(ticks.bottom)\" data-plot=\"\(c(plot.left)) \(c(plot.top)) \(c(plot.right)) \(c(plot.bottom))\""
        svg += " data-x-days=\"\(domain.low) \(domain.high)\">"
        svg += "<title>\(HTML.escape(title))</title>"
        svg += "<g class=\"grid\">"
        for value in ticks.values {
            let position = y(Double(value))
            svg += "<line\(value == 0 && ticks.bottom < 0 ? " class=\"zero\"" : "") x1=\"\(c(plot.left))\" y1=\"\(c(position))\" x2=\"\(c(plot.right))\" y2=\"\(c(position))\"/>"
            svg += "<text class=\"y-label\" x=\"\(c(plot.left - 6))\" y=\"\(c(position + 4))\">\(Self.short(value, top: max(ticks.top, -ticks.bottom)))</text>"
        }
        svg += "</g><g class=\"x-axis\">"
        let first = CalendarDate(daysSinceEpoch: domain.low), last = CalendarDate(daysSinceEpoch: domain.high)
        for tick in TimeTicks(from: first, to: last, maximumLabels: Int(width / 75)).ticks {
            let position = x(Double(tick.date.daysSinceEpoch))
            svg += "<line x1=\"\(c(position))\" y1=\"\(c(plot.bottom))\" x2=\"\(c(position))\" y2=\"\(c(plot.bottom + 4))\"/>"
            svg += TimeTicks.label(tick.label, at: position, y: plot.bottom + 17, width: width)
        }
        svg += "</g>"
        let pointCount = series.map(\.points.count).max() ?? 0
        for series in series { svg += render(series, pointCount: pointCount, x: x, y: y) }
        return svg + "</svg>"
    }

    private func render(_ series: Series, pointCount: Int, x: LinearScale, y: LinearScale) -> String {
        let c = Numerals.coordinate, zero = Self.position(0, on: y)
        var svg = "<g class=\"series s-\(series.style) m-\(series.mark.rawValue)\" data-series=\"\(HTML.escape(series.key))\">"
        let located = series.points.map { point in
            (point, x(Double(point.date.daysSinceEpoch)), point.value.map { Self.position($0, on: y) })
        }
        switch series.mark {
        case .bars:
            let slot = (plot.right - plot.left) / Double(max(pointCount, 1))
            let barWidth = min(14, max(1.5, slot * 0.7))
            for (point, px, py) in located {
                guard let py else { continue }
                svg += "<rect\(point.spans ? " class=\"spans\"" : "") x=\"\(c(px - barWidth / 2))\" y=\"\(c(min(py, zero)))\" width=\"\(c(barWidth))\""
                svg += " height=\"\(c(abs(zero - py)))\" data-date=\"\(point.date)\" data-value=\"\(point.value ?? 0)\">"
                svg += "<title>\(HTML.escape("\(point.date) \(point.note)"))</title></rect>"
            }
        case .line, .area:
            func path(_ run: [(Double, Double)]) -> String {
                run.enumerated().map { "\($0.offset == 0 ? "M" : "L")\(c($0.element.0)) \(c($0.element.1))" }.joined()
            }
            let (solid, bridges) = Self.runs(located.map { ($0.0.date.daysSinceEpoch, $0.1, $0.2) }, maximumStepDays: Self.maximumStepDays)
            if series.mark == .area {
                for run in Self.runs(located.map { (0, $0.1, $0.2) }, maximumStepDays: .max).solid {
                    guard let firstX = run.first?.0, let lastX = run.last?.0 else { continue }
                    svg += "<path class=\"fill\" d=\"\(path(run))L\(c(lastX)) \(c(zero))L\(c(firstX)) \(c(zero))Z\"/>"
                }
            }
            for run in solid { svg += "<path class=\"stroke\" d=\"\(path(run))\"/>" }
            if !bridges.isEmpty {
                svg += "<path class=\"bridge\" d=\"" + bridges.map { "M\(c($0.0.0)) \(c($0.0.1))L\(c($0.1.0)) \(c($0.1.1))" }.joined() + "\"/>"
            }
            let radius = pointCount > 80 ? 1.6 : pointCount > 30 ? 2.2 : 3.2
            for (point, px, py) in located {
                guard let py else { continue }
                svg += "<circle cx=\"\(c(px))\" cy=\"\(c(py))\" r=\"\(c(radius))\" data-date=\"\(point.date)\" data-value=\"\(point.value ?? 0)\">"
                svg += "<title>\(HTML.escape("\(point.date) \(point.note)"))</title></circle>"
            }
        }
        if series.labelsLast, let (point, px, py) = located.last(where: { $0.2 != nil }), let py, let value = point.value {
            let anchor = px > plot.right - 60 ? "end" : "start"
            let dx = anchor == "end" ? -6.0 : 6.0
            svg += "<text class=\"value-label a-\(anchor)\" x=\"\(c(px + dx))\" y=\"\(c(max(py - 6, plot.top + 10)))\">\(Numerals.count(value))</text>"
        }
        return svg + "</g>"
    }

    /// The stretches of reports a week apart with a value each (`solid`), split where a report
    /// gave no value (nothing joins those), and the links across reports missing from the
    /// ledger, more than `maximumStepDays` apart (`bridges`, drawn dashed).
    static func runs(_ points: [(day: Int, x: Double, y: Double?)], maximumStepDays: Int)
        -> (solid: [[(Double, Double)]], bridges: [((Double, Double), (Double, Double))]) {
        var runs: [[(Double, Double)]] = [[]]
        var bridges: [((Double, Double), (Double, Double))] = []
        var previous: (day: Int, x: Double, y: Double)?
        for point in points {
            guard let py = point.y else {
                if !(runs.last?.isEmpty ?? true) { runs.append([]) }
                previous = nil
                continue
            }
            if let before = previous, point.day - before.day > maximumStepDays {
                bridges.append(((before.x, before.y), (point.x, py)))
                if !(runs.last?.isEmpty ?? true) { runs.append([]) }
            }
            runs[runs.count - 1].append((point.x, py))
            previous = (point.day, point.x, py)
        }
        return (runs.filter { !$0.isEmpty }, bridges)
    }

    /// An axis label short enough for the margin, in one unit along an axis reaching `top`:
    /// `45`, `9,500`; `5万`, `50万` on an axis past 100,000; `1.2亿` past 100,000,000.
    static func short(_ value: Int, top: Int) -> String {
        if value == 0 { return "0" }
        if top >= 100_000_000 { return trimmed(value, 100_000_000) + "亿" }
        if top >= 100_000 { return trimmed(value, 10_000) + "万" }
        return Numerals.count(value)
    }

    private static func trimmed(_ value: Int, _ unit: Int) -> String {
        let tenths = Int((Double(value) * 10 / Double(unit)).rounded())
        let sign = tenths < 0 ? "-" : "", magnitude = tenths.magnitude
        return sign + (magnitude % 10 == 0 ? String(magnitude / 10) : "\(magnitude / 10).\(magnitude % 10)")
    }
}
