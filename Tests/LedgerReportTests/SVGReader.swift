import Foundation

/// Reads back what the report drew: a chart's axis and its marks, by their data attributes.
struct SVGReader {
    struct Mark: Equatable {
        var tag: String
        var attributes: [String: String]
        func number(_ name: String) -> Double? { attributes[name].flatMap(Double.init) }
    }

    let page: String

    /// The `<svg>` element whose `data-chart` is `key`, whole; nil if there is none.
    func chart(_ key: String) -> String? {
        guard let start = page.range(of: "<svg class=\"chart") else { return nil }
        var search = page[start.lowerBound...]
        while let open = search.range(of: "<svg ") {
            let tagEnd = search[open.lowerBound...].firstIndex(of: ">") ?? search.endIndex
            let tag = search[open.lowerBound..<tagEnd]
            guard let close = search[open.lowerBound...].range(of: "</svg>") else { return nil }
            if tag.contains("data-chart=\"\(key)\"") { return String(search[open.lowerBound..<close.upperBound]) }
            search = search[close.upperBound...]
        }
        return nil
    }

    /// The attributes of the chart's own `<svg>` tag.
    static func rootAttributes(_ chart: String) -> [String: String] {
        let end = chart.firstIndex(of: ">") ?? chart.endIndex
        return attributes(String(chart[..<end]))
    }

    /// The marks (`circle`, `rect`) with a `data-date` inside the group of `series`, or in the
    /// whole chart when `series` is nil.
    static func marks(_ chart: String, series: String? = nil) -> [Mark] {
        var body = Substring(chart)
        if let series {
            guard let open = chart.range(of: "data-series=\"\(series)\"") else { return [] }
            let close = chart[open.upperBound...].range(of: "</g>")?.lowerBound ?? chart.endIndex
            body = chart[open.upperBound..<close]
        }
        var marks: [Mark] = []
        var rest = body
        while let open = rest.range(of: "<(circle|rect) ", options: .regularExpression) {
            let tag = String(rest[rest.index(after: open.lowerBound)..<rest.index(before: open.upperBound)])
            let end = rest[open.upperBound...].firstIndex(of: ">") ?? rest.endIndex
            let attributes = attributes(String(rest[open.lowerBound..<end]))
            if attributes["data-date"] != nil || attributes["data-number"] != nil { marks.append(Mark(tag: tag, attributes: attributes)) }
            rest = rest[end...]
        }
        return marks
    }

    /// `name="value"` pairs of one tag, with the page's character references undone.
    static func attributes(_ tag: String) -> [String: String] {
        var result: [String: String] = [:]
        let pattern = try! NSRegularExpression(pattern: "([a-z-]+)=\"([^\"]*)\"")
        let text = tag as NSString
        for match in pattern.matches(in: tag, range: NSRange(location: 0, length: text.length)) {
            result[text.substring(with: match.range(at: 1))] = unescape(text.substring(with: match.range(at: 2)))
        }
        return result
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The plot's edges and the value axis's top, as the chart declares them.
    struct Axis {
        var left, top, right, bottom: Double
        var valueBottom, valueTop: Double
        var firstDay, lastDay: Double

        /// Where a value sits vertically, and a day horizontally, by the chart's own axis.
        func y(_ value: Double) -> Double { bottom - (value - valueBottom) / (valueTop - valueBottom) * (bottom - top) }
        func x(_ day: Double) -> Double { left + (day - firstDay) / (lastDay - firstDay) * (right - left) }
    }

    static func axis(_ chart: String) -> Axis? {
        let root = rootAttributes(chart)
        guard let plot = root["data-plot"]?.split(separator: " ").compactMap({ Double($0) }), plot.count == 4,
              let top = root["data-y-top"].flatMap(Double.init), let valueBottom = root["data-y-bottom"].flatMap(Double.init),
              let days = root["data-x-days"]?.split(separator: " ").compactMap({ Double($0) }), days.count == 2 else { return nil }
        return Axis(left: plot[0], top: plot[1], right: plot[2], bottom: plot[3], valueBottom: valueBottom, valueTop: top, firstDay: days[0], lastDay: days[1])
    }
}
