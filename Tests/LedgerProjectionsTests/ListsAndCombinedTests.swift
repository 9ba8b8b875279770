import Testing
import LedgerDomain
@testable import LedgerProjections

/// The authorization lists and a combined issue's numbers, folded and kept by snapshots.
@Suite("Authorization lists and combined issues in the state")
struct ListsAndCombinedTests {
    static func state() throws -> HallState {
        let listed = try LedgerFixtures.variant(year: 2023, number: 5, serial: 425, published: "2023年 2月 20日",
                                                period: "（2月 6日—2月 17日）", through: "2023年 2月 17日", replacing: [
            ("2023年第 5期（总第 425期）", "2023年第 5-6期（总第 425-426期）"),
            ("未授权\n\n无差别综合窗口的 8个，占比为 17.8%。", "尚未授权的 8个，占比为 17.8%，分别是：省公安厅、民政厅、司法厅、财政厅、自然资源厅、水利厅、商务厅、省乡村振兴局。"),
        ])
        return LedgerFixtures.state(LedgerFixtures.records([try LedgerFixtures.events(listed)]))
    }

    @Test("the lists and throughNumber are folded, shown, and survive a snapshot")
    func foldedAndKept() throws {
        let state = try Self.state()
        let issue = try #require(state.issues["2023-05"])
        #expect(issue.numbers == 5...6)
        let report = try #require(state.authorizations["2023-05"])
        #expect(report.unauthorizedList?.count == 8 && report.authorizedList == nil)
        let projection = AuthorizationProjection(state, registry: state.registry)
        #expect(projection.unauthorizedDepartments?.map(\.department).prefix(2) == ["公安厅", "民政厅"])
        #expect(projection.unauthorizedDepartments?.last == AuthorizationProjection.Listed(department: "省乡村振兴局", registered: false))
        #expect(IssuesProjection(state).gaps.isEmpty)
        let restored = try #require(ProjectionPropertyTests.roundTrip(state))
        #expect(restored == state)
    }
}
