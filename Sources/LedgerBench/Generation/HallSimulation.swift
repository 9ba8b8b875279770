import LedgerDomain
import LedgerFormats

/// The hall behind the bulletins: year-to-date counts that grow every week and start again in
/// January, the departments that have authorized the comprehensive window, and each
/// department's leaders. The generator advances it once per issue and prints what it shows.
struct HallSimulation {
    typealias Metrics = BulletinModel.WindowMetrics

    /// The stationed departments' names come from here.
    let departments: [Department]
    private(set) var windowYearToDate = Metrics(consultations: 0, accepted: 0, issued: 0, transferred: 0)
    private(set) var items: [BulletinModel.CategoryCounts] = []
    /// The year the year-to-date counts belong to.
    private var countsYear: Int?
    /// Canonical names, in the order they authorized the window.
    private(set) var authorized: [String]
    /// Each department's leaders: name and titles, drawn the first time one visits.
    private var rosters: [String: [(person: String, titles: [String])]] = [:]

    /// Weekly growth of the service-item categories: accepted per week, and how far completions
    /// may stray from it (backlog makes completed exceed accepted).
    static let categoryGrowth: [(category: String, accepted: ClosedRange<Int>, completedPercent: ClosedRange<Int>)] = [
        ("administrativeLicensing", 11_500...14_500, 93...109),
        ("publicService", 55_000...80_000, 94...106),
        ("otherPowers", 350...700, 90...115),
    ]

    init(departments: [Department], rng: inout SplitMix64) {
        precondition(departments.count >= 40, "the hall has about 45 stationed departments")
        self.departments = departments
        let initially = rng.int(in: 20...30)
        authorized = Array(rng.shuffled(departments.map(\.canonical)).prefix(initially))
    }

    /// The week's counts: the window's this week and year to date, and the service items from
    /// 1 January to `through`. Both start again when `through` falls in a new year.
    mutating func counts(through: CalendarDate, _ rng: inout SplitMix64)
        -> (window: BulletinModel.WindowCounts, items: BulletinModel.ServiceItems) {
        let newYear = countsYear != through.year
        countsYear = through.year
        let week = Metrics(consultations: rng.int(in: 300...900), accepted: rng.int(in: 60...200),
                           issued: rng.int(in: 1500...4000), transferred: rng.int(in: 3000...7500))
        let before = newYear ? Metrics(consultations: 0, accepted: 0, issued: 0, transferred: 0) : windowYearToDate
        windowYearToDate = Metrics(consultations: before.consultations + week.consultations, accepted: before.accepted + week.accepted,
                                   issued: before.issued + week.issued, transferred: before.transferred + week.transferred)
        // A new year's first report covers only the days since 1 January.
        let sevenths = newYear ? min(7, through.day) : 7
        var updated: [BulletinModel.CategoryCounts] = []
        for (index, growth) in Self.categoryGrowth.enumerated() {
            let accepted = max(1, rng.int(in: growth.accepted) * sevenths / 7)
            let completed = max(1, accepted * rng.int(in: growth.completedPercent) / 100)
            let previous = newYear || items.isEmpty ? nil : items[index]
            updated.append(BulletinModel.CategoryCounts(category: growth.category,
                                                        accepted: (previous?.accepted ?? 0) + accepted,
                                                        completed: (previous?.completed ?? 0) + completed))
        }
        items = updated
        return (BulletinModel.WindowCounts(week: week, yearToDate: windowYearToDate),
                BulletinModel.ServiceItems(through: through, categories: updated))
    }

    /// The authorization figures after this week's newly authorized departments (if any).
    mutating func authorization(_ rng: inout SplitMix64) -> BulletinModel.Authorization {
        let waiting = departments.filter { !authorized.contains($0.canonical) }
        var newly: [BulletinModel.NewAuthorization] = []
        if !waiting.isEmpty && rng.chance(0.2) {
            let count = min(waiting.count, 1 + rng.weighted([0.6, 0.3, 0.1]))
            for department in rng.shuffled(waiting).prefix(count) {
                authorized.append(department.canonical)
                newly.append(BulletinModel.NewAuthorization(department: department.canonical,
                                                            written: Phrasebook.writtenInList(department, &rng),
                                                            partial: rng.chance(0.3)))
            }
        }
        let stationed = max(authorized.count, [44, 45, 46][rng.weighted([0.05, 0.9, 0.05])])
        return BulletinModel.Authorization(stationed: stationed, authorized: authorized.count, newlyAuthorized: newly)
    }

    /// 0–4 leaders' visits on days of the week, in date order, no one twice.
    mutating func visits(from: CalendarDate, through: CalendarDate, _ rng: inout SplitMix64) -> [BulletinModel.Visit] {
        var visits: [BulletinModel.Visit] = []
        for _ in 0..<rng.weighted([0.25, 0.35, 0.2, 0.12, 0.08]) {
            let department = rng.pick(departments)
            let leader = rng.pick(roster(of: department.canonical, &rng))
            guard !visits.contains(where: { $0.person == leader.person && $0.department == department.canonical }) else { continue }
            let written = Phrasebook.written(department, &rng)
            let date = from.adding(days: rng.int(in: 0...(through.daysSinceEpoch - from.daysSinceEpoch)))
            visits.append(BulletinModel.Visit(date: date, department: department.canonical, written: written,
                                              titles: leader.titles, person: leader.person,
                                              account: Phrasebook.visitAccount(window: written, &rng)))
        }
        return visits.sorted { $0.date < $1.date }
    }

    /// A department's three or four leaders, the same every time it is asked.
    private mutating func roster(of department: String, _ rng: inout SplitMix64) -> [(person: String, titles: [String])] {
        if let known = rosters[department] { return known }
        var leaders: [(person: String, titles: [String])] = []
        for titles in rng.shuffled(Phrasebook.titleChoices(for: department)).prefix(rng.int(in: 3...4)) {
            var person = Phrasebook.personName(&rng)
            while leaders.contains(where: { $0.person == person }) { person = Phrasebook.personName(&rng) }
            leaders.append((person, titles))
        }
        rosters[department] = leaders
        return leaders
    }
}
