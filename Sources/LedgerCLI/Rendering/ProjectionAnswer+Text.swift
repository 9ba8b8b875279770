import LedgerDomain
import LedgerProjections

extension ProjectionAnswer {
    func authorizationText(terminal: Bool) -> String {
        let projection = AuthorizationProjection(state, registry: registry, years: years)
        guard let latest = projection.latest else { return t(.authorizationNone, .text(scope)) + "\n" }
        var text = t(.authorizationHeading, .text(latest.issue), "\(latest.through)") + "\n\n"
        text += t(.authorizationSummary, .text(Figures.count(latest.authorized)), .text(Figures.count(latest.stationed)), .text(Figures.percent(latest.share)))
        text += terminal ? "  " + Figures.bar(latest.share) + "\n" : "\n"
        text += t(.authorizationNotAuthorized, .text(Figures.count(latest.unauthorized))) + "\n"
        let listed: [(MessageKey, [AuthorizationProjection.Listed]?)] = [
            (.authorizationListedAuthorized, projection.listedAuthorized), (.authorizationListedUnauthorized, projection.unauthorizedDepartments)]
        for (key, departments) in listed {
            guard let departments else { continue }
            let names = departments.map { $0.department + ($0.registered ? "" : t(.unregistered)) }
            text += t(key, .text(latest.issue), .text(list(names))) + "\n"
        }
        if !projection.newlyAuthorized.isEmpty {
            let names = projection.newlyAuthorized.map { $0.department + ($0.partial ? t(.partial) : "") }
            text += t(.authorizationNewly, .text(latest.issue), .text(list(names))) + "\n"
        }
        if !projection.authorizedDepartments.isEmpty {
            text += "\n" + t(.authorizationDepartmentsHeading) + "\n"
            var table = TextTable([(t(.columnDepartment), .left), (t(.columnSince), .left), (t(.columnIssue), .left), ("", .left)])
            for department in projection.authorizedDepartments {
                table.add([department.department, department.since.description, department.issue, department.partial ? t(.partialCell) : ""])
            }
            text += table.render()
        }
        // A person reads one year week by week (the latest, unless --year or --all says otherwise).
        text += "\n" + (projection.coverage.year.map { t(.authorizationWeekByWeek, "\($0)") } ?? t(.historyEveryYear)) + "\n"
        var history = TextTable([(t(.columnThrough), .left), (t(.columnIssue), .left), (t(.columnStationed), .right),
                                 (t(.columnAuthorized), .right), (t(.columnShare), .right)])
        for report in projection.history {
            history.add([report.through.description, report.issue, Figures.count(report.stationed), Figures.count(report.authorized),
                         Figures.percent(report.share)])
        }
        return text + history.render() + coverageLine(projection.coverage)
    }

    func totalsText(terminal: Bool) -> String {
        let projection = TotalsProjection(state, years: years)
        guard projection.issue != nil else {
            guard case .year(let year) = years else { return t(.totalsNone, .text(scope)) + "\n" }
            return t(.totalsNoneForYear, .text(scope), "\(year)") + "\n" + coverageLine(projection.coverage)
        }
        guard years != .all else {
            return TotalsProjection.everyYear(state).map { totalsText($0, terminal: terminal) }.joined(separator: "\n")
        }
        return totalsText(projection, terminal: terminal) + coverageLine(projection.coverage)
    }

    /// One year's totals.
    private func totalsText(_ projection: TotalsProjection, terminal: Bool) -> String {
        guard let issue = projection.issue, let through = projection.through else { return "" }
        var text = t(.totalsHeading, "\(through.year)", "\(through)", .text(issue)) + "\n\n"
        var table = TextTable([(t(.columnCategory), .left), (t(.columnAccepted), .right), (t(.columnCompleted), .right),
                               (t(.columnCompletion), .right), (t(.columnAcceptedChange), .right), (t(.columnCompletedChange), .right)]
                              + (terminal ? [(t(.columnTrend), .left)] : []))
        let labels = ["administrativeLicensing": t(.totalsLicensing), "publicService": t(.totalsPublicService),
                      "otherPowers": t(.totalsOtherPowers)]
        for category in TotalsProjection.categories {
            let counts = projection.categories[category]
            let change = projection.sincePrevious?[category]
            var row = [labels[category] ?? category, Figures.count(counts?.accepted), Figures.count(counts?.completed),
                       Figures.percent(counts?.completionRate), Figures.signed(change?.accepted), Figures.signed(change?.completed)]
            if terminal { row.append(Sparkline.render(projection.series.map { $0.counts[category]?.accepted })) }
            table.add(row)
        }
        text += table.render()
        text += "\n" + (projection.previousIssue.map { t(.totalsChangeSince, .text($0)) } ?? t(.totalsNoEarlier)) + "\n"
        return text
    }

    func windowText() -> String {
        let projection = WindowProjection(state, years: years)
        guard let latest = projection.latest else { return t(.windowNone, .text(scope)) + "\n" }
        var text = t(.windowHeading, .text(latest.issue), "\(latest.through)") + "\n\n"
        var table = TextTable([("", .left), (t(.columnThisWeek), .right), (t(.columnYearToDate), .right)])
        let labels = ["consultations": t(.windowConsultations), "accepted": t(.windowAccepted), "issued": t(.windowIssued),
                      "transferred": t(.windowTransferred)]
        for metric in WindowProjection.metrics {
            table.add([labels[metric] ?? metric, Figures.count(latest.week[metric]), Figures.count(latest.yearToDate[metric])])
        }
        text += table.render() + "\n" + (projection.coverage.year.map { t(.windowWeekByWeek, "\($0)") } ?? t(.historyEveryYear)) + "\n"
        let short = ["consultations": t(.windowConsultationsShort), "accepted": t(.windowAcceptedShort), "issued": t(.windowIssuedShort),
                     "transferred": t(.windowTransferredShort)]
        var weeks = TextTable([(t(.columnThrough), .left), (t(.columnIssue), .left)]
                              + WindowProjection.metrics.map { (short[$0] ?? $0, TextTable.Alignment.right) })
        for report in projection.history {
            weeks.add([report.through.description, report.issue] + WindowProjection.metrics.map { Figures.count(report.week[$0]) })
        }
        return text + weeks.render() + coverageLine(projection.coverage)
    }

    func visitsText() -> String {
        let projection = VisitsProjection(state, registry: registry, department: department, person: person, years: years)
        guard !projection.visits.isEmpty else {
            return t(.visitsNone, .text(scope), .text(filterText)) + "\n" + coverageLine(projection.coverage)
        }
        var text = t(.visitsHeading, .text(scope), .text(filterText)) + "\n\n"
        var table = TextTable([(t(.columnDate), .left), (t(.columnDepartment), .left), (t(.columnPerson), .left),
                               (t(.columnTitles), .left), (t(.columnIssue), .left), (t(.columnSeq), .right)])
        for visit in projection.visits {
            table.add([visit.date.description, visit.department, visit.person, visit.titles.joined(separator: "、"), visit.issue, String(visit.seq)])
        }
        text += table.render() + "\n" + t(.visitsPerDepartment) + "\n"
        var counts = TextTable([(t(.columnDepartment), .left), (t(.columnVisits), .right)])
        for (department, count) in projection.byDepartment { counts.add([department, String(count)]) }
        return text + counts.render() + coverageLine(projection.coverage)
    }

    private var filterText: String {
        var parts: [String] = []
        if let department { parts.append(t(.filterDepartment, .text(department))) }
        if let person { parts.append(t(.filterPerson, .text(person))) }
        return parts.isEmpty ? "" : t(.filterParenthesized, .text(parts.joined(separator: language == .chinese ? "，" : ", ")))
    }

    func inspectionsText() -> String {
        let projection = InspectionsProjection(state, years: years)
        guard !projection.inspections.isEmpty else { return t(.inspectionsNone, .text(scope)) + "\n" + coverageLine(projection.coverage) }
        let unclassified = projection.unclassified == 0 ? "" : t(.inspectionsUnclassified, "\(projection.unclassified)")
        let heading: MessageKey = projection.findings == 1 ? .inspectionsHeadingOne : .inspectionsHeading
        let text = t(heading, .text(scope), "\(projection.findings)", .text(unclassified), "\(projection.inspections.count)") + "\n\n"
        var table = TextTable([(t(.columnVerdict), .left), (t(.columnThrough), .left), (t(.columnIssue), .left), (t(.columnSeq), .right),
                               (t(.columnItem), .left), (t(.columnText), .left)])
        for inspection in projection.inspections {
            let verdict: String
            switch inspection.verdict {
            case .satisfactory: verdict = t(.verdictSatisfactory)
            case .finding: verdict = t(.verdictFinding)
            case .unclassified: verdict = t(.verdictUnclassified)
            }
            table.add([verdict, inspection.through.description, inspection.issue, String(inspection.seq),
                       inspection.item, inspection.text])
        }
        return text + table.render() + coverageLine(projection.coverage)
    }

    func departmentsText() -> String {
        let projection = DepartmentsProjection(state, registry: registry)
        var table = TextTable([(t(.columnDepartment), .left), (t(.columnAuthorizedSince), .left), (t(.columnVisits), .right),
                               (t(.columnLastVisit), .left), (t(.columnAliases), .left)])
        for row in projection.rows {
            let since = row.authorizedSince.map { $0.description + (row.partial ? t(.partial) : "") } ?? ""
            let name = row.registered ? row.department : row.department + t(.unregistered)
            table.add([name, since, String(row.visits), row.lastVisit?.description ?? "", list(row.aliases)])
        }
        return t(.departmentsHeading, .text(scope)) + "\n\n" + table.render()
    }

    func issuesText() -> String {
        let projection = IssuesProjection(state, years: years)
        guard !projection.issues.isEmpty else { return t(.issuesNone, .text(scope)) + "\n" + coverageLine(projection.coverage) }
        var table = TextTable([(t(.columnIssue), .left), (t(.columnSerial), .right), (t(.columnPublished), .left), (t(.columnPeriod), .left),
                               (t(.columnEvents), .right), ("", .left)])
        for issue in projection.issues {
            let period = (issue.from.map { "\($0) – " } ?? "") + issue.through.description
            table.add([IssueKey.display(year: issue.year, numbers: issue.numbers), issue.serial.map(String.init) ?? "—", issue.published?.description ?? "—", period,
                       String(issue.events), issue.partial ? t(.partialCell) : ""])
        }
        var text = t(.issuesHeading, .text(scope)) + "\n\n" + table.render()
        text += "\n" + (projection.gaps.isEmpty ? t(.issuesNoGaps) : t(.issuesGaps, .text(list(projection.gaps)))) + "\n"
        return text + coverageLine(projection.coverage)
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
