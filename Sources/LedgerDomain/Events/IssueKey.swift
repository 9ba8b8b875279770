/// Issue keys: `2023-06` for 2023 No. 6; a combined issue (`第5-6期`) is keyed by its first
/// number, `2023-05`, and its events carry `throughNumber` 6.
public enum IssueKey {
    /// `2023-06`; numbers above 99 are written in full.
    public static func format(year: Int, number: Int) -> String {
        "\(year)-" + (number < 10 ? "0\(number)" : "\(number)")
    }

    /// `2023-05–06` for a combined issue, `2023-06` for a single one: for people, never a key.
    public static func display(year: Int, numbers: ClosedRange<Int>) -> String {
        let first = format(year: year, number: numbers.lowerBound)
        guard numbers.count > 1 else { return first }
        return first + "–" + (numbers.upperBound < 10 ? "0\(numbers.upperBound)" : "\(numbers.upperBound)")
    }

    /// `第5-6期`, `第5期`: the numbers as the masthead writes them.
    public static func written(_ numbers: ClosedRange<Int>) -> String {
        numbers.count > 1 ? "第\(numbers.lowerBound)-\(numbers.upperBound)期" : "第\(numbers.lowerBound)期"
    }
}
