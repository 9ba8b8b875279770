import LedgerDomain
import LedgerFormats

extension BulletinGenerator {
    /// The sections: the hall advances a week, then each section is printed or left
    /// out, and the order changes from issue to issue.
    mutating func sections(from: CalendarDate, through: CalendarDate) -> [BulletinModel.Section] {
        var draw = ProseDraw(rng: SplitMix64(seed: rng.next()), from: from, through: through,
                             departments: simulation.departments)
        let (window, items) = simulation.counts(through: through, &rng)
        let authorization = simulation.authorization(&rng)
        let visits = simulation.visits(from: from, through: through, &rng)
        var sections: [BulletinModel.Section] = []
        if rng.chance(0.65), let section = windowSection(window, authorization, &draw) { sections.append(.window(section)) }
        if rng.chance(0.9) { sections.append(.serviceItems(items)) }
        if rng.chance(0.9), let section = newsSection(visits, &draw) { sections.append(.news(section)) }
        if rng.chance(0.9) || sections.isEmpty { sections.append(.inspection(inspection())) }
        return rng.chance(0.5) ? sections : rng.shuffled(sections)
    }

    private mutating func windowSection(_ counts: BulletinModel.WindowCounts, _ authorization: BulletinModel.Authorization,
                                        _ draw: inout ProseDraw) -> BulletinModel.WindowSection? {
        let progressCount = rng.chance(0.25) ? 0 : rng.int(in: 1...5)
        let section = BulletinModel.WindowSection(
            counts: rng.chance(0.85) ? counts : nil,
            authorization: rng.chance(0.85) ? authorization : nil,
            progress: Self.paragraphs(progressCount, from: Phrasebook.progress, &draw))
        let empty = section.counts == nil && section.authorization == nil && section.progress.isEmpty
        return empty ? nil : section
    }

    private mutating func newsSection(_ visits: [BulletinModel.Visit], _ draw: inout ProseDraw) -> BulletinModel.NewsSection? {
        let section = BulletinModel.NewsSection(
            business: Self.paragraphs(rng.weighted([0.3, 0.4, 0.2, 0.1]), from: Phrasebook.business, &draw),
            efficiency: Self.paragraphs(rng.weighted([0.3, 0.4, 0.2, 0.1]), from: Phrasebook.efficiency, &draw),
            visits: visits)
        let empty = section.business.isEmpty && section.efficiency.isEmpty && section.visits.isEmpty
        return empty ? nil : section
    }

    private mutating func inspection() -> BulletinModel.Inspection {
        let items = Phrasebook.inspectionItems.enumerated().map { index, item in
            let ordinal = index + 1
            let finding = rng.chance(0.05)
            let verdict = finding ? Phrasebook.findings(item: ordinal, &rng) : rng.pick(Phrasebook.satisfactoryVerdicts(item: ordinal))
            return BulletinModel.InspectionItem(ordinal: ordinal, item: item, verdict: verdict, satisfactory: !finding)
        }
        return BulletinModel.Inspection(items: items)
    }

    /// `count` paragraphs from different templates.
    private static func paragraphs(_ count: Int, from templates: [Phrasebook.Template], _ draw: inout ProseDraw) -> [Prose] {
        let chosen = draw.rng.shuffled(Array(templates.indices)).prefix(count)
        return chosen.map { templates[$0](&draw) }
    }
}
