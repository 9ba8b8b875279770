/// Checks within one issue: figures that must agree with each other.
enum ConsistencyChecks {
    static func check(_ bulletin: Bulletin) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        if let status = bulletin.authorization {
            problems += authorization(status, newly: bulletin.newlyAuthorized)
        }
        if let window = bulletin.window {
            for (key, week) in window.week.sorted(by: { $0.key < $1.key }) {
                if let total = window.yearToDate[key], total.value < week.value {
                    problems.append(Diagnostic(.error, .inconsistent,
                        "the year-to-date \(key) count \(total.written) is below this week's \(week.written)",
                        lines: window.provenance.lines))
                }
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
                "authorized + not authorized = \(authorized) + \(unauthorized) = \(authorized + unauthorized), but \(stationed) departments are stationed",
                lines: lines))
        }
        if let stationed = status.stationed?.value, stationed > 0 {
            for (label, count, share) in [("authorized", status.authorized?.value, status.authorizedShare),
                                          ("not authorized", status.unauthorized?.value, status.unauthorizedShare)] {
                guard let count, let share, let printed = Double(share) else { continue }
                let computed = Double(count) * 100 / Double(stationed)
                if abs(computed - printed) > 0.1 + 1e-9 {
                    let rounded = (computed * 10).rounded() / 10
                    problems.append(Diagnostic(.error, .inconsistent,
                        "\(label): \(count) of \(stationed) is \(rounded)%, but the bulletin prints \(share)%", lines: lines))
                }
            }
        }
        if let increase = status.increase, increase != newly.count {
            problems.append(Diagnostic(.error, .inconsistent,
                "the bulletin says \(increase) department\(increase == 1 ? " was" : "s were") newly authorized but names \(newly.count)",
                // The names may stand before or after the status's lines: span both, in order.
                lines: newly.first.map { min($0.provenance.lines.lowerBound, lines.lowerBound)...max($0.provenance.lines.upperBound, lines.upperBound) } ?? lines))
        }
        return problems
    }
}
