import LedgerDomain
import LedgerFormats

/// Shares and rates to one decimal, computed with integers so every machine prints the same.
public enum Percent {
    /// `part` of `whole` in percent, rounded half up to one decimal: `"82.2"`; nil for no whole.
    public static func tenths(_ part: Int, of whole: Int) -> String? {
        guard whole > 0, part >= 0 else { return nil }
        let tenths = (part * 1000 + whole / 2) / whole
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// An integer with its thousands grouped for people: `62,827`, `-1,200`.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped += "," }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// A JSON number literal for a tenths string, or null.
    static func json(_ text: String?) -> JSONValue { text.map { .number($0) } ?? .null }
}

extension JSONValue {
    /// A date as `YYYY-MM-DD`, or null.
    public static func date(_ date: CalendarDate?) -> JSONValue { date.map { .string($0.description) } ?? .null }
    /// An integer, or null.
    public static func integer(_ value: Int?) -> JSONValue { value.map { .int($0) } ?? .null }
}

extension DepartmentRegistry {
    /// The canonical name for a stored fact, re-resolved so aliases added since apply.
    func canonical(stored: String, asWritten: String) -> String {
        let resolved = resolve(asWritten.isEmpty ? stored : asWritten)
        return resolved.isRegistered ? resolved.canonical : stored
    }
}

/// Re-resolves stored department names through a registry once per distinct spelling: a long
/// history names the same few dozen departments over and over.
struct CanonicalNames {
    let registry: DepartmentRegistry
    private var resolved: [String: [String: String]] = [:]

    init(_ registry: DepartmentRegistry) { self.registry = registry }

    /// ``DepartmentRegistry/canonical(stored:asWritten:)``, remembered.
    mutating func canonical(stored: String, asWritten: String) -> String {
        if let known = resolved[stored]?[asWritten] { return known }
        let name = registry.canonical(stored: stored, asWritten: asWritten)
        resolved[stored, default: [:]][asWritten] = name
        return name
    }
}

extension Sequence {
    /// The elements in the order of their period's end, then of `tiebreak`: a sort of
    /// positions by a precomputed day number, so that long histories of large rows are sorted
    /// without moving the rows until the end.
    func sortedByPeriod(_ through: (Element) -> CalendarDate,
                        then tiebreak: @escaping (Element, Element) -> Bool) -> [Element] {
        let elements = Array(self)
        let days = elements.map { through($0).daysSinceEpoch }
        let order = elements.indices.sorted { left, right in
            days[left] != days[right] ? days[left] < days[right] : tiebreak(elements[left], elements[right])
        }
        return order.map { elements[$0] }
    }
}
