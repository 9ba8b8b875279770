import LedgerDomain

/// Generates a consistent sequence of weekly bulletins from a seed, for as many years as asked.
///
/// - Periods are weeks, Monday to Friday; the National Day week, and now and then another, has
///   no issue (about 50 a year). An issue is published 3 to 10 days after its period ends, so
///   a December week may be published in January.
/// - The masthead's year is the year of publication; issue numbers start again at 1 each year;
///   serial numbers continue across years (2023 No. 1 is No. 421 overall, as in the real series).
/// - Now and then (2%) an issue is combined: two weeks in one, numbered `第 5-6期（总第 425-426期）`,
///   the numbering going on from the next number.
/// - Figures come from a ``HallSimulation`` advanced once per issue: year-to-date counts grow
///   every week and start again each January, whether or not the issue prints them.
///
/// Pure: the same seed always gives the same issues.
public struct BulletinGenerator: Sendable {
    /// The Monday of the first period: 2 January 2023.
    public static let firstMonday = CalendarDate(daysSinceEpoch: 19_359)
    /// The serial number of the first issue.
    public static let firstSerial = 421
    /// The most issues one generator makes; a limit on everything.
    public static let maxIssues = 100_000

    var rng: SplitMix64
    var simulation: HallSimulation
    private var monday: CalendarDate
    private var serial: Int
    private var year = 0
    private var number = 0
    private(set) var generated = 0

    /// A generator whose first issue reports on the week of `firstMonday` (a Monday).
    public init(seed: UInt64, firstMonday: CalendarDate = BulletinGenerator.firstMonday,
                firstSerial: Int = BulletinGenerator.firstSerial,
                departments: [Department] = DepartmentRegistry.standard.departments) {
        precondition(firstMonday.daysSinceEpoch % 7 == 4, "a period starts on a Monday")
        rng = SplitMix64(seed: seed, stream: 0)
        simulation = HallSimulation(departments: departments, rng: &rng)
        monday = firstMonday
        serial = firstSerial
    }

    /// The first `count` issues of `seed`'s history.
    public static func issues(_ count: Int, seed: UInt64) -> [BulletinModel] {
        var generator = BulletinGenerator(seed: seed)
        return (0..<count).map { _ in generator.next() }
    }

    /// The next issue.
    public mutating func next() -> BulletinModel {
        precondition(generated < Self.maxIssues, "more than \(Self.maxIssues) issues")
        while isSkipped(week: monday) { monday = monday.adding(days: 7) }
        let from = monday
        var through = monday.adding(days: 4)
        monday = monday.adding(days: 7)
        let combined = rng.chance(0.02)
        if combined {
            through = through.adding(days: 7)
            monday = monday.adding(days: 7)
        }
        let published = through.adding(days: rng.pick([3, 4, 5, 6, 7, 10]))
        number = published.year == year ? number + 1 : 1
        year = published.year
        let covered = combined ? 2 : 1
        defer { serial += covered; number += covered - 1; generated += 1 }
        var issue = BulletinModel(year: year, number: number, serial: serial, published: published, from: from,
                                  through: through, sections: [], printRun: rng.chance(0.85) ? 80 : rng.pick([60, 70, 100]),
                                  throughNumber: combined ? number + 1 : nil)
        issue.sections = sections(from: from, through: through)
        return issue
    }

    /// The National Day week (it holds 1–3 October), and a few others at random.
    private mutating func isSkipped(week monday: CalendarDate) -> Bool {
        let friday = monday.adding(days: 4)
        let holdsNationalDay = (0...4).contains { offset in
            let day = monday.adding(days: offset)
            return day.month == 10 && day.day <= 3
        }
        return holdsNationalDay || (friday.month <= 2 && rng.chance(0.03)) || rng.chance(0.01)
    }
}
