import LedgerDomain
import LedgerProjections

/// Compares the ledger's projections with ``ExpectedFacts``: every difference as a sentence.
public enum ProjectionCheck {
    /// The differences between what the projections of `state` show and what `expected` says
    /// they must; empty when they agree. Failed checks across issues (`check.failed`) count as
    /// differences too: consistent issues must not raise any.
    public static func mismatches(_ expected: ExpectedFacts, in state: HallState,
                                  registry: DepartmentRegistry = .standard) -> [String] {
        var problems: [String] = []
        for warning in state.warnings { problems.append("check failed for \(warning.issue): \(warning.message)") }
        problems += issues(expected, state)
        problems += authorization(expected, state, registry)
        problems += totals(expected, state)
        let windows = WindowProjection(state).history.map {
            ExpectedFacts.WindowReport(issue: $0.issue, through: $0.through, week: $0.week, yearToDate: $0.yearToDate)
        }
        problems += compare("window history", expected.windowHistory, windows)
        let visits = VisitsProjection(state, registry: registry).visits.map {
            ExpectedFacts.Visit(issue: $0.issue, date: $0.date, department: $0.department, person: $0.person, titles: $0.titles)
        }
        let byVisit = { (visit: ExpectedFacts.Visit) in "\(visit.date) \(visit.department) \(visit.person) \(visit.issue)" }
        problems += compare("visits", expected.visits.sorted { byVisit($0) < byVisit($1) }, visits.sorted { byVisit($0) < byVisit($1) })
        problems += inspections(expected, state)
        return problems
    }

    private static func issues(_ expected: ExpectedFacts, _ state: HallState) -> [String] {
        let projection = IssuesProjection(state)
        let found = projection.issues.map {
            ExpectedFacts.Issue(key: $0.key, serial: $0.serial ?? -1, published: $0.published ?? $0.through,
                                from: $0.from ?? $0.through, through: $0.through, throughNumber: $0.throughNumber)
        }
        let gaps = projection.gaps.isEmpty ? [] : ["issues: numbering gaps \(projection.gaps)"]
        return compare("issues", expected.issues, found) + gaps
    }

    private static func authorization(_ expected: ExpectedFacts, _ state: HallState, _ registry: DepartmentRegistry) -> [String] {
        let projection = AuthorizationProjection(state, registry: registry)
        let history = projection.history.map {
            ExpectedFacts.AuthorizationReport(issue: $0.issue, through: $0.through, stationed: $0.stationed ?? -1,
                                              authorized: $0.authorized ?? -1, unauthorized: $0.unauthorized ?? -1,
                                              share: $0.share ?? "")
        }
        var problems = compare("authorization history", expected.authorizationHistory, history)
        if projection.latest?.issue != expected.authorizationLatest?.issue {
            problems.append("authorization latest: expected \(expected.authorizationLatest?.issue ?? "none"), found \(projection.latest?.issue ?? "none")")
        }
        let departments = { (list: [ExpectedFacts.AuthorizedDepartment]) in
            list.map { "\($0.department) partial=\($0.partial) since \($0.since) (\($0.issue))" }.sorted()
        }
        let found = projection.authorizedDepartments.map {
            ExpectedFacts.AuthorizedDepartment(department: $0.department, partial: $0.partial, since: $0.since, issue: $0.issue)
        }
        let newly = projection.newlyAuthorized.map {
            ExpectedFacts.AuthorizedDepartment(department: $0.department, partial: $0.partial, since: $0.since, issue: $0.issue)
        }
        problems += compare("authorized departments", departments(expected.authorizedDepartments), departments(found))
        problems += compare("newly authorized (latest)", departments(expected.newlyAuthorizedLatest), departments(newly))
        return problems
    }

    private static func totals(_ expected: ExpectedFacts, _ state: HallState) -> [String] {
        var problems: [String] = []
        let years = Set(state.items.map(\.through.year))
        if years != Set(expected.totals.keys) {
            problems.append("totals: expected years \(expected.totals.keys.sorted()), found \(years.sorted())")
        }
        for (year, totals) in expected.totals.sorted(by: { $0.key < $1.key }) {
            let projection = TotalsProjection(state, year: year)
            var categories: [String: ExpectedFacts.Counts] = [:]
            for (category, counts) in projection.categories {
                categories[category] = ExpectedFacts.Counts(accepted: counts.accepted ?? -1, completed: counts.completed ?? -1)
            }
            let found = ExpectedFacts.Totals(year: year, issue: projection.issue ?? "none",
                                             through: projection.through ?? totals.through, categories: categories)
            problems += compare("totals \(year)", [totals], [found])
        }
        return problems
    }

    private static func inspections(_ expected: ExpectedFacts, _ state: HallState) -> [String] {
        let projection = InspectionsProjection(state)
        let found = projection.inspections.map {
            ExpectedFacts.Inspection(issue: $0.issue, through: $0.through, ordinal: $0.ordinal, item: $0.item,
                                     verdict: $0.verdict, text: $0.text)
        }
        let order = { (inspection: ExpectedFacts.Inspection) in "\(inspection.issue) \(inspection.ordinal)" }
        var problems = compare("inspections", expected.inspections.sorted { order($0) < order($1) }, found.sorted { order($0) < order($1) })
        if projection.findings != expected.findings {
            problems.append("inspections: expected \(expected.findings) findings, found \(projection.findings)")
        }
        return problems
    }

    /// The first difference between two lists, as a sentence; none when equal.
    static func compare<T: Equatable>(_ what: String, _ expected: [T], _ found: [T]) -> [String] {
        guard expected != found else { return [] }
        if let index = zip(expected, found).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            return ["\(what) #\(index + 1): expected \(expected[index]), found \(found[index])"]
        }
        return ["\(what): expected \(expected.count) entries, found \(found.count); first extra: \(expected.count > found.count ? "\(expected[found.count])" : "\(found[expected.count])")"]
    }
}
