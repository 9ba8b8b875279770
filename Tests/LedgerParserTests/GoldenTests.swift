import Testing
import LedgerDomain
@testable import LedgerParser

/// Every fact DOMAIN.md lists for the two real issues, each number and name.
@Suite("Golden facts of the two real issues")
struct GoldenTests {
    @Test func issue2023No2() throws {
        let outcome = Fixtures.parse(try Fixtures.text("2023-02.txt"))
        #expect(outcome.diagnostics.filter { $0.severity >= .warning }.isEmpty, "\(outcome.diagnostics)")
        let bulletin = try #require(outcome.bulletin)
        let issue = bulletin.issue
        #expect(issue.key == "2023-02")
        #expect(issue.serial == 422)
        #expect(issue.publisher == "四川省政府政务服务和公共资源交易服务中心")
        #expect(issue.published.description == "2023-01-31")
        #expect(issue.from?.description == "2023-01-09")
        #expect(issue.through.description == "2023-01-13")
        #expect(issue.title == "政务服务工作")
        #expect(issue.printRun == 80)
        #expect(issue.distribution.map(\.key) == ["报", "送", "发"])

        #expect(counts(bulletin) == [
            "administrativeLicensing": [26641, 27287], "publicService": [157350, 155143], "otherPowers": [2237, 2274],
        ])
        #expect(bulletin.serviceItems.allSatisfy { $0.through.description == "2023-01-13" && $0.from?.description == "2023-01-01" })
        #expect(visits(bulletin) == [
            "2023-01-11 应急管理厅 周彤 党委委员、副厅长",
            "2023-01-11 交通运输厅 张勇 党组成员、副厅长",
            "2023-01-12 司法厅 李慎伦 一级巡视员",
        ])
        #expect(bulletin.inspections.count == 6)
        #expect(bulletin.inspections.allSatisfy { $0.verdict == .satisfactory })
        #expect(bulletin.inspections.map(\.item).first == "按时到岗情况")
        #expect(bulletin.window == nil)
        #expect(bulletin.authorization == nil)
        #expect(bulletin.news.count == 2)
        #expect(bulletin.unplaced.isEmpty)
    }

    @Test func issue2023No6() throws {
        let outcome = Fixtures.parse(try Fixtures.text("2023-06.txt"))
        #expect(outcome.diagnostics.filter { $0.severity >= .warning }.isEmpty, "\(outcome.diagnostics)")
        let bulletin = try #require(outcome.bulletin)
        #expect(bulletin.issue.key == "2023-06")
        #expect(bulletin.issue.serial == 426)
        #expect(bulletin.issue.published.description == "2023-02-27")
        #expect(bulletin.issue.from?.description == "2023-02-13")
        #expect(bulletin.issue.through.description == "2023-02-17")

        let window = try #require(bulletin.window)
        #expect(window.week.mapValues(\.value) == ["consultations": 618, "accepted": 116, "issued": 3189, "transferred": 6346])
        #expect(window.yearToDate.mapValues(\.value) == ["consultations": 1748, "accepted": 1156, "issued": 4110, "transferred": 8406])

        let status = try #require(bulletin.authorization)
        #expect(status.stationed?.value == 45)
        #expect(status.authorized?.value == 37)
        #expect(status.authorizedShare == "82.2")
        #expect(status.unauthorized?.value == 8)
        #expect(status.unauthorizedShare == "17.8")
        #expect(status.increase == 2)
        #expect(bulletin.newlyAuthorized.map(\.department.canonical) == ["地震局", "测绘地理信息局"])
        #expect(bulletin.newlyAuthorized.map(\.partial) == [false, true])
        #expect(bulletin.newlyAuthorized.allSatisfy { $0.department.isRegistered })

        #expect(counts(bulletin) == [
            "administrativeLicensing": [62827, 63468], "publicService": [503970, 491421], "otherPowers": [5060, 5307],
        ])
        #expect(visits(bulletin) == ["2023-02-14 司法厅 王飙 党委委员、副厅长"])
        #expect(bulletin.inspections.count == 6)
        #expect(bulletin.inspections.allSatisfy { $0.verdict == .satisfactory })
        #expect(bulletin.progress.count == 5)
        #expect(bulletin.progress.first?.departments.map(\.canonical) == ["经济和信息化厅", "教育厅", "生态环境厅", "水利厅"])
        #expect(bulletin.news.count == 5)
        #expect(bulletin.news.map(\.date?.description) == [nil, nil, "2023-02-16", "2023-02-15", nil])
        #expect(bulletin.unplaced.isEmpty)
    }

    @Test("facts carry their lines: the visit in 2023 No. 6 comes from the lines that tell it")
    func provenance() throws {
        let bulletin = try Fixtures.bulletin("2023-06.txt")
        let visit = try #require(bulletin.visits.first)
        let lines = Fixtures.lines(try Fixtures.text("2023-06.txt"))
        let first = lines[visit.provenance.lines.lowerBound - 1]
        #expect(first.contains("2 月 14 日下午，司法厅党委委员、副厅长王飙来到"))
        #expect(visit.provenance.text.hasPrefix(first))
        let stationed = try #require(bulletin.authorization)
        #expect(lines[stationed.provenance.lines.lowerBound - 1].contains("已进驻省政务服务大厅"))
    }

    func counts(_ bulletin: Bulletin) -> [String: [Int]] {
        Dictionary(uniqueKeysWithValues: bulletin.serviceItems.map {
            ($0.category.rawValue, [$0.accepted?.value ?? -1, $0.completed?.value ?? -1])
        })
    }

    func visits(_ bulletin: Bulletin) -> [String] {
        bulletin.visits.map { "\($0.date) \($0.department.canonical) \($0.person) \($0.titles.joined(separator: "、"))" }
    }
}
