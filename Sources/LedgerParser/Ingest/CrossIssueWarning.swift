/// A check across issues that failed: this issue's figures do not follow from its neighbours'.
/// It is kept as a `check.failed` event, never a refusal. ``description`` is the English the
/// event records; the CLI renders the same case in the user's language.
public enum CrossIssueWarning: Equatable, Sendable, CustomStringConvertible {
    /// The issue the figures are checked against.
    public enum Neighbour: Equatable, Sendable {
        /// The latest issue of the same year before this one, by its key.
        case earlier(String)
        /// The first issue of the same year after this one, by its key.
        case later(String)
    }

    /// A window count's year to date falls from one issue to a later one.
    case windowYearToDateFalls(metric: String, before: Int, first: String, after: Int, second: String, against: Neighbour)
    /// A category's accepted or completed year to date falls within a year.
    case itemsYearToDateFalls(category: String, accepted: Bool, before: Int, first: String, after: Int, second: String, against: Neighbour)
    /// Last week's year to date plus this week's does not give this issue's year to date.
    case windowDoesNotAddUp(metric: String, before: Int, previous: String, week: Int, total: Int)
    /// The change in authorized departments differs from the increase the issue states.
    case authorizationIncreaseMismatch(before: Int, previous: String, after: Int, increase: Int)

    /// The sentence in English.
    public var description: String {
        switch self {
        case let .windowYearToDateFalls(metric, before, first, after, second, against):
            "window \(metric) year to date falls from \(before) (\(first)) to \(after) (\(second)), against \(against)"
        case let .itemsYearToDateFalls(category, accepted, before, first, after, second, against):
            "\(category) \(accepted ? "accepted (受理)" : "completed (办结)") falls from \(before) (\(first)) to \(after) (\(second)) within one year, against \(against)"
        case let .windowDoesNotAddUp(metric, before, previous, week, total):
            "window \(metric): last week's year to date \(before) (\(previous)) + this week's \(week) = \(before + week), but this issue prints \(total)"
        case let .authorizationIncreaseMismatch(before, previous, after, increase):
            "authorized departments went from \(before) (\(previous)) to \(after), a change of \(after - before), but the issue states an increase of \(increase)"
        }
    }
}

extension CrossIssueWarning.Neighbour: CustomStringConvertible {
    /// `the earlier issue 2023-05`.
    public var description: String {
        switch self {
        case .earlier(let key): "the earlier issue \(key)"
        case .later(let key): "the later issue \(key)"
        }
    }
}
