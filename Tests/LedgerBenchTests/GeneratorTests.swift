import Testing
import LedgerBench
import LedgerDomain

@Suite("The generator's history is consistent")
struct GeneratorTests {
    /// Six years of issues: long enough for every January reset and several skipped weeks.
    static let history = BulletinGenerator.issues(300, seed: 11)

    @Test func numberingContinuesAndRestartsEachYear() {
        #expect(Self.history.first?.key == "2023-01")
        #expect(Self.history.first?.serial == BulletinGenerator.firstSerial)
        for (previous, issue) in zip(Self.history, Self.history.dropFirst()) {
            // A combined issue (第 5-6期) takes two numbers and two serials.
            #expect(issue.serial == previous.throughSerial + 1, "\(issue.key)")
            let expectedNumber = issue.year == previous.year ? previous.numbers.upperBound + 1 : 1
            #expect(issue.number == expectedNumber && issue.year >= previous.year, "\(previous.key) → \(issue.key)")
        }
        let perYear = Dictionary(grouping: Self.history.filter { $0.year < 2028 }, by: \.year).mapValues(\.count)
        #expect(perYear.values.allSatisfy { (46...53).contains($0) }, "\(perYear)")
    }

    @Test func periodsAreWeeksPublishedAfterwards() {
        for issue in Self.history {
            #expect(issue.from.daysSinceEpoch % 7 == 4, "\(issue.key) starts on a Monday")
            #expect(issue.through == issue.from.adding(days: issue.throughNumber == nil ? 4 : 11), "\(issue.key) ends on Friday")
            #expect((3...10).contains(issue.published.daysSinceEpoch - issue.through.daysSinceEpoch), "\(issue.key)")
            #expect(issue.year == issue.published.year)
        }
        #expect(Self.history.contains { $0.through.year < $0.year }, "some December week is published in January")
        #expect(Self.history.contains { $0.throughNumber != nil }, "some issues are combined")
    }

    @Test func yearToDateCountsGrowAndStartAgainInJanuary() {
        var lastItems: BulletinModel.ServiceItems?
        var lastWindow: (through: CalendarDate, counts: BulletinModel.WindowCounts)?
        for issue in Self.history {
            if let items = issue.serviceItems, let before = lastItems, before.through.year == items.through.year {
                for (now, then) in zip(items.categories, before.categories) {
                    #expect(now.accepted > then.accepted && now.completed > then.completed, "\(issue.key) \(now.category)")
                }
            }
            if let items = issue.serviceItems { lastItems = items }
            if let counts = issue.window?.counts {
                if let before = lastWindow, before.through.adding(days: 7) == issue.through, before.through.year == issue.through.year {
                    #expect(counts.yearToDate.accepted == before.counts.yearToDate.accepted + counts.week.accepted, "\(issue.key)")
                    #expect(counts.yearToDate.consultations == before.counts.yearToDate.consultations + counts.week.consultations)
                }
                if issue.through.month == 1 && issue.through.day <= 7 { #expect(counts.yearToDate == counts.week, "\(issue.key)") }
                lastWindow = (issue.through, counts)
            } else {
                lastWindow = nil
            }
        }
    }

    @Test func authorizationRisesTowardTheStationedCount() {
        var authorized = 0
        var named: Set<String> = []
        for issue in Self.history {
            guard let status = issue.window?.authorization else { continue }
            #expect(status.authorized >= authorized && status.authorized <= status.stationed, "\(issue.key)")
            #expect((44...46).contains(status.stationed) || status.stationed == status.authorized, "\(issue.key)")
            #expect(status.newlyAuthorized.allSatisfy { named.insert($0.department).inserted }, "\(issue.key): named once")
            authorized = status.authorized
        }
        #expect(Self.history.contains { $0.window?.authorization?.newlyAuthorized.contains(where: \.partial) == true })
    }

    @Test func visitsAreRegisteredDepartmentsOnDaysOfTheWeek() {
        let registry = DepartmentRegistry.standard
        var count = 0
        for issue in Self.history {
            for visit in issue.news?.visits ?? [] {
                count += 1
                #expect(registry.resolve(visit.written).canonical == visit.department, "\(visit.written)")
                #expect(visit.date >= issue.from && visit.date <= issue.through)
                #expect((2...3).contains(visit.person.count) && !visit.titles.isEmpty)
            }
            #expect((issue.news?.visits.count ?? 0) <= 4)
        }
        #expect(count > 100)
    }

    @Test func sectionsVaryInOrderAndPresence() {
        let orders = Set(Self.history.map { $0.sections.map(\.kind) })
        #expect(orders.count > 10)
        #expect(Self.history.contains { $0.serviceItems == nil })
        #expect(Self.history.allSatisfy { $0.inspection?.items.count ?? 6 == 6 })
        #expect(Self.history.contains { $0.inspection?.items.contains { !$0.satisfactory } == true })
    }
}

extension BulletinModel.Section {
    var kind: String {
        switch self {
        case .window: return "window"
        case .serviceItems: return "items"
        case .news: return "news"
        case .inspection: return "inspection"
        }
    }
}
