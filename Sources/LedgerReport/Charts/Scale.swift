import LedgerDomain

/// Maps values onto a span of the drawing: `y = scale(37)`.
struct LinearScale: Sendable {
    /// The values at the two ends.
    let domain: (low: Double, high: Double)
    /// The coordinates of the two ends (for a vertical axis the bottom is the low end).
    let range: (low: Double, high: Double)

    /// The coordinate of `value`; the middle of the range for a domain of one value.
    func callAsFunction(_ value: Double) -> Double {
        let width = domain.high - domain.low
        guard width > 0 else { return (range.low + range.high) / 2 }
        return range.low + (value - domain.low) / width * (range.high - range.low)
    }
}

/// A value axis from zero (or a round number below the lowest value, when one is negative) to
/// a round number above the highest, with round steps between.
struct ValueTicks: Equatable, Sendable {
    /// The bottom of the axis: zero, or a multiple of `step` at or below a negative lowest value.
    let bottom: Int
    /// The top of the axis: at least the largest value, a multiple of `step`.
    let top: Int
    /// The distance between ticks: 1, 2 or 5 times a power of ten.
    let step: Int

    /// Values beyond this are drawn at it: no bulletin counts 10^15 of anything, and a
    /// corrupt one must not overflow the arithmetic.
    static let limit = 1_000_000_000_000_000

    /// Ticks for data from `minimum` to `maximum`, in at most `count + 1` intervals (one more
    /// when the axis crosses zero).
    init(minimum: Int = 0, maximum: Int, count: Int = 4) {
        let high = min(max(maximum, 1), Self.limit), low = max(min(minimum, 0), -Self.limit)
        let intervals = max(count, 1) + 1
        var magnitude = 1
        while magnitude * 10 <= (high - low) / intervals { magnitude *= 10 }
        func rounded(_ step: Int) -> (bottom: Int, top: Int) {
            ((low - step + 1) / step * step, (high + step - 1) / step * step)
        }
        var chosen = magnitude * 10
        for candidate in [1, 2, 5, 10].map({ $0 * magnitude }) {
            let (bottom, top) = rounded(candidate)
            if (top - bottom) / candidate <= intervals + (bottom < 0 ? 1 : 0) { chosen = candidate; break }
        }
        step = chosen
        (bottom, top) = rounded(chosen)
    }

    /// Every tick from the bottom to the top.
    var values: [Int] { Array(stride(from: bottom, through: top, by: step)) }
}

/// The dates along a time axis and where to label them: the first of each month for spans
/// up to about a year and a half, the first of each year beyond.
struct TimeTicks: Sendable {
    /// A labelled date: `1月`, or `2024年` for the first of a year.
    struct Tick: Equatable, Sendable {
        let date: CalendarDate
        let label: String
    }

    let ticks: [Tick]

    /// The days a time axis spans for dates from `first` to `last`: widened by a few days so
    /// that marks at the ends stay inside the plot, and to two weeks around a single date.
    static func paddedDays(from first: CalendarDate, to last: CalendarDate) -> (low: Int, high: Int) {
        let pad = first == last ? 7 : max(3, (last.daysSinceEpoch - first.daysSinceEpoch) / 60)
        return (first.daysSinceEpoch - pad, last.daysSinceEpoch + pad)
    }

    /// A tick's label centred under it, or aligned to its end (start) where centring would
    /// carry it past the drawing's right (left) edge: the drawing is as wide as its box.
    static func label(_ text: String, at position: Double, y: Double, width: Double, fontSize: Double = 11) -> String {
        let half = Double(text.unicodeScalars.reduce(0) { $0 + ($1.isASCII ? 0.56 : 1.0) }) * fontSize / 2
        let (anchor, x): (String, Double) = if position + half > width { ("end", min(position, width)) }
            else if position - half < 0 { ("start", max(position, 0)) } else { ("middle", position) }
        let anchorClass = anchor == "middle" ? "" : " class=\"a-\(anchor)\""
        return "<text\(anchorClass) x=\"\(Numerals.coordinate(x))\" y=\"\(Numerals.coordinate(y))\">\(HTML.escape(text))</text>"
    }

    /// Ticks between `first` and `last` inclusive, at most about `maximumLabels` of them.
    init(from first: CalendarDate, to last: CalendarDate, maximumLabels: Int = 8) {
        var ticks: [Tick] = []
        let spanDays = last.daysSinceEpoch - first.daysSinceEpoch
        if spanDays > 550 {
            let years = Array(first.year...last.year).compactMap { CalendarDate(year: $0, month: 1, day: 1) }
                .filter { $0 >= first && $0 <= last }
            let every = max(1, (years.count + maximumLabels - 1) / maximumLabels)
            ticks = years.enumerated().filter { $0.offset % every == 0 }.map { Tick(date: $0.element, label: "\($0.element.year)年") }
        } else {
            var months: [CalendarDate] = []
            var year = first.year, month = first.month
            while let date = CalendarDate(year: year, month: month, day: 1), date <= last {
                if date >= first { months.append(date) }
                (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
            }
            let every = max(1, (months.count + maximumLabels - 1) / maximumLabels)
            ticks = months.enumerated().filter { $0.offset % every == 0 }.map { tick in
                let date = tick.element
                return Tick(date: date, label: date.month == 1 || tick.offset == 0 ? "\(date.year)年\(date.month)月" : "\(date.month)月")
            }
        }
        self.ticks = ticks
    }
}
