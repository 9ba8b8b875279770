import LedgerDomain
import LedgerProjections

extension ProjectionAnswer {
    func authorizationText(terminal: Bool) -> String {
        let projection = AuthorizationProjection(state, registry: registry)
        guard let latest = projection.latest else { return "No authorization figures \(scope).\n" }
        var text = "Comprehensive-window authorization (无差别综合窗口授权), \(latest.issue), period ending \(latest.through)\n\n"
        text += "  \(Figures.count(latest.authorized)) of \(Figures.count(latest.stationed)) stationed departments have authorized the window: \(Figures.percent(latest.share))"
        text += terminal ? "  " + Figures.bar(latest.share) + "\n" : "\n"
        text += "  not authorized: \(Figures.count(latest.unauthorized))\n"
        for (label, list) in [("listed as authorized", projection.listedAuthorized), ("listed as not authorized", projection.unauthorizedDepartments)] {
            guard let list else { continue }
            let names = list.map { $0.department + ($0.registered ? "" : " (unregistered)") }
            text += "  \(label) in \(latest.issue): \(names.joined(separator: ", "))\n"
        }
        if !projection.newlyAuthorized.isEmpty {
            let names = projection.newlyAuthorized.map { $0.department + ($0.partial ? " (partial)" : "") }
            text += "  newly authorized in \(latest.issue): \(names.joined(separator: ", "))\n"
        }
        if !projection.authorizedDepartments.isEmpty {
            text += "\nDepartments known to be authorized, and since when\n"
            var table = TextTable([("department", .left), ("since", .left), ("issue", .left), ("", .left)])
            for department in projection.authorizedDepartments {
                table.add([department.department, department.since.description, department.issue, department.partial ? "partial" : ""])
            }
            text += table.render()
        }
        // A person reads the current year week by week; earlier years are in --json and --as-of.
        let year = projection.history.filter { $0.through.year == latest.through.year }
        let earlier = projection.history.count - year.count
        text += "\nWeek by week, \(latest.through.year)" + (earlier > 0 ? " (\(earlier) earlier reports: see --json, or --as-of a past date)" : "") + "\n"
        var history = TextTable([("through", .left), ("issue", .left), ("stationed", .right), ("authorized", .right), ("share", .right)])
        for report in year {
            history.add([report.through.description, report.issue, Figures.count(report.stationed), Figures.count(report.authorized),
                         Figures.percent(report.share)])
        }
        return text + history.render()
    }

    func totalsText(terminal: Bool) -> String {
        let projection = TotalsProjection(state, year: year)
        guard let issue = projection.issue, let through = projection.through else {
            return "No service-item totals \(scope)" + (year.map { " for \($0)" } ?? "") + ".\n"
        }
        var text = "Provincial service items, year to date \(through.year)-01-01 – \(through) (\(issue))\n\n"
        var table = TextTable([("category", .left), ("accepted", .right), ("completed", .right), ("completion", .right),
                               ("Δ accepted", .right), ("Δ completed", .right)] + (terminal ? [("trend", .left)] : []))
        let labels = ["administrativeLicensing": "行政许可 licensing", "publicService": "公共服务 public services",
                      "otherPowers": "其它九类 other powers"]
        for category in TotalsProjection.categories {
            let counts = projection.categories[category]
            let change = projection.sincePrevious?[category]
            var row = [labels[category] ?? category, Figures.count(counts?.accepted), Figures.count(counts?.completed),
                       Figures.percent(counts?.completionRate), Figures.signed(change?.accepted), Figures.signed(change?.completed)]
            if terminal { row.append(Sparkline.render(projection.series.map { $0.counts[category]?.accepted })) }
            table.add(row)
        }
        text += table.render()
        text += projection.previousIssue.map { "\n  Δ: the change since \($0).\n" } ?? "\n  Δ: no earlier report this year.\n"
        return text
    }

    func windowText() -> String {
        let projection = WindowProjection(state)
        guard let latest = projection.latest else { return "No comprehensive-window counts \(scope).\n" }
        let text = "Comprehensive-window counts (省本级综窗办件情况), \(latest.issue), period ending \(latest.through)\n\n"
        var table = TextTable([("", .left), ("this week", .right), ("year to date", .right)])
        let labels = ["consultations": "咨询 consultations (人次)", "accepted": "受理 accepted", "issued": "颁发 issued",
                      "transferred": "流转 transferred"]
        for metric in WindowProjection.metrics {
            table.add([labels[metric] ?? metric, Figures.count(latest.week[metric]), Figures.count(latest.yearToDate[metric])])
        }
        return text + table.render()
    }

    func visitsText() -> String {
        let projection = VisitsProjection(state, registry: registry, department: department, person: person)
        guard !projection.visits.isEmpty else { return "No leader visits \(scope)\(filterText).\n" }
        var text = "Leader visits (厅（局）长进大厅) \(scope)\(filterText)\n\n"
        var table = TextTable([("date", .left), ("department", .left), ("person", .left), ("titles", .left), ("issue", .left), ("seq", .right)])
        for visit in projection.visits {
            table.add([visit.date.description, visit.department, visit.person, visit.titles.joined(separator: "、"), visit.issue, String(visit.seq)])
        }
        text += table.render() + "\nPer department\n"
        var counts = TextTable([("department", .left), ("visits", .right)])
        for (department, count) in projection.byDepartment { counts.add([department, String(count)]) }
        return text + counts.render()
    }

    private var filterText: String {
        var parts: [String] = []
        if let department { parts.append("department \(department)") }
        if let person { parts.append("person \(person)") }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
    }

    func inspectionsText() -> String {
        let projection = InspectionsProjection(state)
        guard !projection.inspections.isEmpty else { return "No hall inspections \(scope).\n" }
        let unclassified = projection.unclassified == 0 ? ""
            : ", \(projection.unclassified) to check (the wording says neither; settle each with ledger correct SEQ --set verdict=…)"
        let text = "Hall inspections (大厅巡查情况) \(scope): \(projection.findings) finding\(projection.findings == 1 ? "" : "s")\(unclassified) of \(projection.inspections.count) verdicts\n\n"
        var table = TextTable([("verdict", .left), ("through", .left), ("issue", .left), ("seq", .right), ("item", .left), ("text", .left)])
        for inspection in projection.inspections {
            let verdict: String
            switch inspection.verdict {
            case .satisfactory: verdict = "ok"
            case .finding: verdict = "FINDING"
            case .unclassified: verdict = "CHECK"
            }
            table.add([verdict, inspection.through.description, inspection.issue, String(inspection.seq),
                       inspection.item, inspection.text])
        }
        return text + table.render()
    }

    func departmentsText() -> String {
        let projection = DepartmentsProjection(state, registry: registry)
        var table = TextTable([("department", .left), ("authorized since", .left), ("visits", .right), ("last visit", .left), ("aliases", .left)])
        for row in projection.rows {
            let since = row.authorizedSince.map { $0.description + (row.partial ? " (partial)" : "") } ?? ""
            let name = row.registered ? row.department : row.department + " (unregistered)"
            table.add([name, since, String(row.visits), row.lastVisit?.description ?? "", row.aliases.joined(separator: ", ")])
        }
        return "Departments stationed in the hall, and what the ledger knows of them \(scope)\n\n" + table.render()
    }

    func issuesText() -> String {
        let projection = IssuesProjection(state)
        guard !projection.issues.isEmpty else { return "No issues \(scope).\n" }
        var table = TextTable([("issue", .left), ("serial", .right), ("published", .left), ("period", .left), ("events", .right), ("", .left)])
        for issue in projection.issues {
            let period = (issue.from.map { "\($0) – " } ?? "") + issue.through.description
            table.add([IssueKey.display(year: issue.year, numbers: issue.numbers), issue.serial.map(String.init) ?? "—", issue.published?.description ?? "—", period,
                       String(issue.events), issue.partial ? "partial" : ""])
        }
        var text = "Issues \(scope), in the order of their periods\n\n" + table.render()
        text += projection.gaps.isEmpty ? "\n  No gaps in the numbering.\n" : "\n  Missing from the numbering: \(projection.gaps.joined(separator: ", "))\n"
        return text
    }
}

/// A small trend line in block characters: ▁▂▃▄▅▆▇█.
enum Sparkline {
    static func render(_ values: [Int?]) -> String {
        let known = values.compactMap { $0 }
        guard let low = known.min(), let high = known.max() else { return "" }
        let blocks = Array("▁▂▃▄▅▆▇█")
        return String(values.map { value in
            guard let value else { return " " }
            guard high > low else { return blocks[3] }
            return blocks[(value - low) * (blocks.count - 1) / (high - low)]
        })
    }
}
