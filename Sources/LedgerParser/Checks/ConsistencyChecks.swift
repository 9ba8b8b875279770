/// Checks within one issue: figures that must agree with each other.
enum ConsistencyChecks {
    static func check(_ bulletin: Bulletin) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        if let status = bulletin.authorization {
            problems += authorization(status, newly: bulletin.newlyAuthorized)
        }
        if let window = bulletin.window {
            problems += yearToDate(window, issue: bulletin.issue)
        }
        return problems
    }

    /// The year to date is at least this week, unless the week spans 1 January: then the year
    /// to date counts the new year's days only, which the bulletin does not give apart, so the
    /// comparison is skipped with a note (never a rejection of a bulletin that states both).
    private static func yearToDate(_ window: Bulletin.WindowCounts, issue: Bulletin.Issue) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        if let from = issue.from, from.year < issue.through.year {
            let below = window.week.filter { key, week in window.yearToDate[key].map { $0.value < week.value } ?? false }
            guard !below.isEmpty else { return [] }
            return [Diagnostic(.note, .inconsistent,
                .weekSpansNewYear(from: "\(from)", through: "\(issue.through)", year: issue.through.year, measures: below.keys.sorted()),
                lines: window.provenance.lines)]
        }
        for (key, week) in window.week.sorted(by: { $0.key < $1.key }) {
            if let total = window.yearToDate[key], total.value < week.value {
                problems.append(Diagnostic(.error, .inconsistent,
                    .yearToDateBelowWeek(measure: key, total: total.written, week: week.written),
                    lines: window.provenance.lines))
            }
        }
        return problems
    }

    private static func authorization(_ status: Bulletin.Authorization, newly: [Bulletin.NewAuthorization]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let lines = status.provenance.lines
        if let stationed = status.stationed?.value, let authorized = status.authorized?.value,
           let unauthorized = status.unauthorized?.value, authorized + unauthorized != stationed {
            problems.append(Diagnostic(.error, .inconsistent,
                .authorizedSumMismatch(authorized: authorized, unauthorized: unauthorized, stationed: stationed),
                lines: lines))
        }
        if let stationed = status.stationed?.value, stationed > 0 {
            for (isAuthorized, count, share) in [(true, status.authorized?.value, status.authorizedShare),
                                                 (false, status.unauthorized?.value, status.unauthorizedShare)] {
                guard let count, let share, let printed = Double(share) else { continue }
                let computed = Double(count) * 100 / Double(stationed)
                if abs(computed - printed) > 0.1 + 1e-9 {
                    let rounded = (computed * 10).rounded() / 10
                    problems.append(Diagnostic(.error, .inconsistent,
                        .shareMismatch(authorized: isAuthorized, count: count, stationed: stationed, computed: "\(rounded)", printed: share),
                        lines: lines))
                }
            }
        }
        // A count beside its own list: a disagreement is shown, never settled by choosing one.
        for (isAuthorized, count, list) in [(true, status.authorized?.value, status.authorizedList),
                                            (false, status.unauthorized?.value, status.unauthorizedList)] {
            guard let count, let list, count != list.count else { continue }
            problems.append(Diagnostic(.warning, .inconsistent,
                .countBesideList(count: count, authorized: isAuthorized, listed: list.count),
                lines: lines))
        }
        if let increase = status.increase, increase != newly.count {
            problems.append(Diagnostic(.error, .inconsistent,
                .newlyCountMismatch(stated: increase, named: newly.count),
                // The names may stand before or after the status's lines: span both, in order.
                lines: newly.first.map { min($0.provenance.lines.lowerBound, lines.lowerBound)...max($0.provenance.lines.upperBound, lines.upperBound) } ?? lines))
        }
        return problems
    }
}
