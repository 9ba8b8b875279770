import LedgerDomain
import LedgerFormats

/// Which years of a history an answer shows: a long history is read a year at a time.
public enum YearSelection: Equatable, Sendable {
    /// The latest year that has rows (the default of `ledger project`).
    case latest
    /// One year (`--year`).
    case year(Int)
    /// Every year (`--all`, and what `export` and the report use).
    case all
}

/// The years an answer covers: the one it shows (or all), and every year that has rows, shown
/// or not, so that the answer can say what it leaves out.
public struct YearCoverage: Equatable, Sendable {
    /// What was asked for.
    public var selection: YearSelection
    /// The year shown; nil when every year is shown, or when nothing is there to show.
    public var year: Int?
    /// Every year with rows, ascending, those read and those a snapshot holds but were not read.
    public var years: [Int]

    /// The coverage of rows of `rowYears` (the years of the rows the state holds) and of
    /// `omitted` (years a snapshot holds whose rows were not read). Traps when the year to show
    /// is one of `omitted`: its rows were not read.
    public init(_ selection: YearSelection, rowYears: some Sequence<Int>, omitted: Set<Int> = []) {
        self.selection = selection
        let years = Set(rowYears).union(omitted)
        self.years = years.sorted()
        switch selection {
        case .latest: year = self.years.last
        case .year(let chosen): year = chosen
        case .all: year = nil
        }
        if let year { precondition(!omitted.contains(year), "the rows of \(year) were not read") }
    }

    /// Whether a row of `year` is shown.
    public func shows(_ rowYear: Int) -> Bool {
        selection == .all || rowYear == year
    }

    /// Whether rows of years not shown exist: the answer says how to see them.
    public var hidesYears: Bool {
        selection != .all && years.contains { $0 != year }
    }

    /// `{"all": false, "year": 2023, "firstYear": 2019, "lastYear": 2023, "years": 5}`: what a
    /// `--json` answer covers; `year` null with `--all` or when nothing is there.
    public var json: JSONValue {
        .object(["all": .bool(selection == .all), "year": .integer(year), "firstYear": .integer(years.first),
                 "lastYear": .integer(years.last), "years": .int(years.count)])
    }
}
