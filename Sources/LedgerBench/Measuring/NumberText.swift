import LedgerDomain
import LedgerFormats

/// Numbers written for the report: fixed decimals, the same in JSON and in the table (which
/// also groups thousands), without Foundation's formatters.
enum NumberText {
    /// `value` rounded to `decimals` places: `12.5`, `0.0420`. Nil for a value that is not finite
    /// or not below 10^15, which no measurement here reaches.
    static func fixed(_ value: Double, decimals: Int) -> String? {
        precondition((0...9).contains(decimals), "decimals out of range")
        guard value.isFinite, value.magnitude < 1e15 else { return nil }
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int64((value.magnitude * Double(scale)).rounded())
        let whole = String(scaled / scale)
        let fraction = String(scaled % scale)
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard decimals > 0 else { return sign + whole }
        return sign + whole + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }

    /// A JSON number of `decimals` places, or `null` where there is no value.
    static func json(_ value: Double?, decimals: Int) -> JSONValue {
        guard let value, let text = fixed(value, decimals: decimals) else { return .null }
        precondition(JSONParser.isValidNumberLiteral(text), "not a JSON number: \(text)")
        return .number(text)
    }

    /// `1,234,567.8`: ``fixed(_:decimals:)`` with its whole part in groups of three; `—` for none.
    static func grouped(_ value: Double?, decimals: Int = 0) -> String {
        guard let value, let text = fixed(value, decimals: decimals) else { return "—" }
        let negative = text.hasPrefix("-")
        let digits = negative ? text.dropFirst() : Substring(text)
        let whole = digits.prefix { $0 != "." }
        var result = ""
        for (index, digit) in whole.enumerated() {
            if index > 0 && (whole.count - index) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return (negative ? "-" : "") + result + digits.dropFirst(whole.count)
    }
}
