/// Issue keys: `2023-06` for 2023 No. 6.
public enum IssueKey {
    /// `2023-06`; numbers above 99 are written in full.
    public static func format(year: Int, number: Int) -> String {
        "\(year)-" + (number < 10 ? "0\(number)" : "\(number)")
    }
}
