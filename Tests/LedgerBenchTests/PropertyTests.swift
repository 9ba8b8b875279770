import Foundation
import Testing
import LedgerBench
import LedgerDomain
import LedgerParser
import LedgerProjections

/// The seeds the property test runs: 1…8, or 1…N with `LEDGER_BENCH_SEEDS=N`.
let propertySeeds: [UInt64] = {
    let count = ProcessInfo.processInfo.environment["LEDGER_BENCH_SEEDS"].flatMap { UInt64($0) } ?? 8
    return Array(1...max(1, count))
}()

/// About twenty issues from November of the first year: they span a year end.
func issuesAcrossYearEnd(seed: UInt64, count: Int = 20) -> [BulletinModel] {
    BulletinGenerator.issues(44 + count, seed: seed).filter { $0.through.year > 2023 || $0.through.month >= 11 }
        .prefix(count).map { $0 }
}

@Suite("Synthetic bulletins read back as generated")
struct PropertyTests {
    @Test("render with artefacts, parse, fold: the projections show the generated facts", arguments: propertySeeds)
    func roundTrip(seed: UInt64) {
        let issues = issuesAcrossYearEnd(seed: seed)
        #expect(Set(issues.map(\.through.year)).count == 2, "seed \(seed): the issues should span a year end")
        let expected = ExpectedFacts(issues)
        var ledger = InMemoryLedger()
        var houses = HouseStyle.Tally()
        for issue in issues {
            let (house, text) = BulletinRenderer.document(issue, seed: seed)
            houses.add(house)
            let (problems, bulletin) = ledger.ingest(text)
            #expect(problems.isEmpty, "seed \(seed), issue \(issue.key) (\(house)): \(problems.joined(separator: "\n"))\n--- text:\n\(text)")
            if let bulletin {
                let notes = expected.notes[issue.key]
                #expect(bulletin.news.count == notes?.news && bulletin.progress.count == notes?.progress,
                        "seed \(seed), issue \(issue.key): news \(bulletin.news.count), progress \(bulletin.progress.count), expected \(String(describing: notes))")
            }
        }
        let mismatches = ProjectionCheck.mismatches(expected, in: ledger.state)
        #expect(mismatches.isEmpty, "seed \(seed): \(mismatches.joined(separator: "\n"))")
        print("property seed \(seed): \(houses)")
    }

    @Test("each house style's documents read back, none needing the safety net", arguments: HouseStyle.allCases)
    func houseStyleRoundTrip(house: HouseStyle) {
        for seed in propertySeeds.prefix(2) {
            let issues = issuesAcrossYearEnd(seed: seed, count: 6)
            var ledger = InMemoryLedger()
            for issue in issues {
                let text = BulletinRenderer.render(issue, house: house, seed: seed)
                let (problems, _) = ledger.ingest(text)
                // The net's warning is a problem too; named here so that a catch reads as one.
                #expect(!problems.contains { $0.contains("read by no part of the parser") }, "\(house), seed \(seed), issue \(issue.key)")
                #expect(problems.isEmpty, "\(house), seed \(seed), issue \(issue.key): \(problems.joined(separator: "\n"))\n--- text:\n\(text)")
            }
            let mismatches = ProjectionCheck.mismatches(ExpectedFacts(issues), in: ledger.state)
            #expect(mismatches.isEmpty, "\(house), seed \(seed): \(mismatches.joined(separator: "\n"))")
        }
    }

    @Test func everyHouseStyleIsDrawnAmongTheFirstSeeds() {
        var drawn: Set<HouseStyle> = []
        for seed in 1...4 as ClosedRange<UInt64> {
            for issue in issuesAcrossYearEnd(seed: seed) { drawn.insert(BulletinRenderer.document(issue, seed: seed).house) }
        }
        #expect(drawn == Set(HouseStyle.allCases), "drawn: \(drawn)")
    }

    @Test("the same seed gives byte-identical issues", arguments: [1, 2, 99] as [UInt64])
    func sameSeedSameBytes(seed: UInt64) {
        let first = BulletinGenerator.issues(30, seed: seed).map { BulletinRenderer.render($0, seed: seed) }
        let second = BulletinGenerator.issues(30, seed: seed).map { BulletinRenderer.render($0, seed: seed) }
        #expect(first.map { Array($0.utf8) } == second.map { Array($0.utf8) }, "seed \(seed)")
    }

    @Test("different seeds give different issues", arguments: [(1, 2), (2, 3), (7, 8)] as [(UInt64, UInt64)])
    func differentSeedsDifferentBytes(first: UInt64, second: UInt64) {
        let one = BulletinGenerator.issues(5, seed: first)
        let other = BulletinGenerator.issues(5, seed: second)
        #expect(one != other, "seeds \(first) and \(second)")
        #expect(zip(one, other).allSatisfy { BulletinRenderer.render($0, seed: first) != BulletinRenderer.render($1, seed: second) },
                "seeds \(first) and \(second)")
    }

    @Test("an issue rendered without artefacts reads back too", arguments: propertySeeds.prefix(3))
    func cleanStyle(seed: UInt64) {
        let issues = issuesAcrossYearEnd(seed: seed, count: 8)
        var ledger = InMemoryLedger()
        for issue in issues {
            let (problems, _) = ledger.ingest(BulletinRenderer.render(issue, style: .clean, seed: seed))
            #expect(problems.isEmpty, "seed \(seed), issue \(issue.key): \(problems)")
        }
        let mismatches = ProjectionCheck.mismatches(ExpectedFacts(issues), in: ledger.state)
        #expect(mismatches.isEmpty, "seed \(seed): \(mismatches.joined(separator: "\n"))")
    }
}
