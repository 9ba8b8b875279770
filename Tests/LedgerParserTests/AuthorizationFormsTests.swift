import Testing
import LedgerDomain
@testable import LedgerParser
import LedgerFormats

/// The authorization paragraph as other staff write it: counts without shares, lists of the
/// departments not (or already) authorized, `已全部授权`. Each is read into the same fact; a list
/// that is not one of names, or a count that disagrees with its list, is warned about and kept.
@Suite("Authorization wordings")
struct AuthorizationFormsTests {
    /// A small issue whose authorization sub-section is `paragraph`.
    static func issue(_ paragraph: String) -> String {
        """
        2024年第 15期（总第 470期）
        四川省政府政务服务和公共资源交易服务中心 2024年 4月 22日
        政务服务工作
        （4月 15日—4月 19日）
        一、综窗改革攻坚行动
        （一）省级部门（单位）事项纳入及授权情况
        \(paragraph)
        （二）推进情况
        1.组织综合窗口工作人员开展业务培训。
        二、大厅巡查情况
        （一）按时到岗情况。总体情况良好。
        报：中心领导。
        （共印 60份）
        """
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let paragraph: String
        let stationed: Int?
        let authorized: Int?
        let unauthorized: Int?
        let authorizedList: [String]?
        let unauthorizedList: [String]?
        var testDescription: String { name }
    }

    static let eight = "省公安厅、民政厅、司法厅、财政厅、自然资源厅、水利厅、商务厅、审计厅"
    static let eightNames = ["公安厅", "民政厅", "司法厅", "财政厅", "自然资源厅", "水利厅", "商务厅", "审计厅"]

    static let read: [Case] = [
        Case(name: "尚未授权的 N个部门为：", paragraph: "已进驻省政务服务大厅的省级部门（单位）共 45个，已授权 37个部门，尚未授权的 8个部门为：\(eight)。",
             stationed: 45, authorized: 37, unauthorized: 8, authorizedList: nil, unauthorizedList: eightNames),
        Case(name: "分别是：", paragraph: "已进驻省政务服务大厅的省级部门（单位）共 45个。其中，已授权无差别综合窗口的 37个，占比为 82.2%，较上周无新增；尚未授权的 8个，分别是：\(eight)。",
             stationed: 45, authorized: 37, unauthorized: 8, authorizedList: nil, unauthorizedList: eightNames),
        Case(name: "分别为： without a count", paragraph: "已进驻大厅的省级部门共 45个，已授权 37个；尚未授权的部门分别为：\(eight)。",
             stationed: 45, authorized: 37, unauthorized: nil, authorizedList: nil, unauthorizedList: eightNames),
        Case(name: "已全部授权, stationed stated", paragraph: "已进驻省政务服务大厅的省级部门（单位）共 45个，已全部授权无差别综合窗口。",
             stationed: 45, authorized: 45, unauthorized: 0, authorizedList: nil, unauthorizedList: nil),
        Case(name: "授权 N个部门：A、B、C", paragraph: "已进驻大厅的省级部门共 45个，其中已授权 3个部门：省地震局、省气象局和省税务局；未授权 42个。",
             stationed: 45, authorized: 3, unauthorized: 42, authorizedList: ["地震局", "气象局", "税务局"], unauthorizedList: nil),
        Case(name: "目前授权 N个", paragraph: "已进驻大厅的省级部门共 45个，目前授权无差别综合窗口的有 37个，尚未授权的 8个。",
             stationed: 45, authorized: 37, unauthorized: 8, authorizedList: nil, unauthorizedList: nil),
    ]

    @Test("each wording is read into the same figures and lists", arguments: read)
    func reads(_ form: Case) throws {
        let text = Self.issue(form.paragraph)
        let outcome = Fixtures.parse(text)
        let status = try #require(outcome.bulletin?.authorization)
        #expect(status.stationed?.value == form.stationed)
        #expect(status.authorized?.value == form.authorized)
        #expect(status.unauthorized?.value == form.unauthorized)
        #expect(status.authorizedList?.map(\.canonical) == form.authorizedList)
        #expect(status.unauthorizedList?.map(\.canonical) == form.unauthorizedList)
        #expect(outcome.bulletin?.unplaced.isEmpty == true)
        #expect(!outcome.diagnostics.contains { $0.severity >= .warning }, "\(outcome.diagnostics)")
        LineAccountTests.expectWhole(text, outcome, form.name)
    }

    @Test("lists go into the authorization.reported payload only when printed")
    func payload() throws {
        let listed = try #require(Fixtures.parse(Self.issue(Self.read[0].paragraph)).bulletin)
        let event = try #require(listed.events(document: SHA256.hash([]), encoding: "utf-8", partial: false)
            .first { $0.type == EventType.authorizationReported })
        #expect(event.payload["unauthorizedDepartments"]?.array?.compactMap(\.string) == Self.eightNames)
        #expect(event.payload["authorizedDepartments"] == nil)
        let plain = try Fixtures.bulletin("2023-06.txt")
        let old = try #require(plain.events(document: SHA256.hash([]), encoding: "utf-8", partial: false)
            .first { $0.type == EventType.authorizationReported })
        #expect(old.payload["unauthorizedDepartments"] == nil && old.payload["authorizedDepartments"] == nil)
    }

    @Test("新增授权 N个部门： is the week's increase, not the authorized count")
    func increaseWithAuthorized() throws {
        let text = Self.issue("已进驻大厅的省级部门共 45个，已授权 39个，较上周新增授权 2个部门：省地震局、省气象局；尚未授权 6个。")
        let bulletin = try #require(Fixtures.parse(text).bulletin)
        #expect(bulletin.authorization?.authorized?.value == 39)
        #expect(bulletin.authorization?.increase == 2)
        #expect(bulletin.newlyAuthorized.map(\.department.canonical) == ["地震局", "气象局"])
    }

    @Test("已全部授权 without a stationed count: the registry's count, with a warning to check it")
    func allAuthorizedFromRegistry() throws {
        let text = Self.issue("省级部门（单位）已全部授权无差别综合窗口受理其事项。")
        let outcome = Fixtures.parse(text)
        let status = try #require(outcome.bulletin?.authorization)
        #expect(status.authorized?.value == DepartmentRegistry.standard.count)
        #expect(status.unauthorized?.value == 0 && status.stationed == nil)
        #expect(outcome.diagnostics.contains { $0.severity == .warning && $0.message.contains("全部授权") })
    }

    @Test("未全部授权 is not all authorized")
    func notAllAuthorized() throws {
        let text = Self.issue("已进驻大厅的省级部门共 45个，已授权 40个，其余部门未全部授权。")
        let status = try #require(Fixtures.parse(text).bulletin?.authorization)
        #expect(status.authorized?.value == 40 && status.unauthorized == nil)
    }

    @Test("a count that disagrees with its list: a warning, both kept as printed, no rejection")
    func countAgainstList() throws {
        let text = Self.issue("已进驻大厅的省级部门共 45个，已授权 37个部门，尚未授权的 8个部门为：省公安厅、民政厅、司法厅。")
        let outcome = Fixtures.parse(text)
        let status = try #require(outcome.bulletin?.authorization)
        #expect(status.unauthorized?.value == 8 && status.unauthorizedList?.count == 3)
        let warning = try #require(outcome.diagnostics.first { $0.kind == .inconsistent })
        #expect(warning.severity == .warning && warning.message.contains("lists 3"))
        #expect(!outcome.diagnostics.contains { $0.severity == .error })
    }

    @Test("a listed name in no table: kept as written, flagged unregistered, warned about")
    func unregisteredName() throws {
        let text = Self.issue("已进驻大厅的省级部门共 45个，已授权 43个部门，尚未授权的 2个部门为：省公安厅、省乡村振兴局。")
        let outcome = Fixtures.parse(text)
        let list = try #require(outcome.bulletin?.authorization?.unauthorizedList)
        #expect(list.map(\.canonical) == ["公安厅", "省乡村振兴局"])
        #expect(list.map(\.isRegistered) == [true, false])
        #expect(outcome.diagnostics.contains { $0.severity == .warning && $0.message.contains("省乡村振兴局") })
    }

    @Test("a list whose parts are not names: kept unplaced, warned about, no department invented")
    func notAList() throws {
        let text = Self.issue("已进驻大厅的省级部门共 45个，已授权 37个部门，尚未授权的 8个部门为：正在按照2023年工作计划有序推进授权工作，预计下月完成。")
        let outcome = Fixtures.parse(text)
        let bulletin = try #require(outcome.bulletin)
        #expect(bulletin.authorization?.unauthorized?.value == 8)
        #expect(bulletin.authorization?.unauthorizedList == nil)
        #expect(bulletin.unplaced.contains { $0.text.contains("有序推进授权工作") })
        #expect(outcome.diagnostics.contains { $0.severity == .warning && $0.message.contains("not a department's name") })
        LineAccountTests.expectWhole(text, outcome, "not a list")
    }

    @Test("a newly authorized list that is not one of names is kept, not read as departments")
    func newlyNotAList() throws {
        let text = Self.issue("已进驻大厅的省级部门共 45个，已授权 39个，较上周新增 2个部门：分别是地震局和其他2个单位；未授权 6个。")
        let outcome = Fixtures.parse(text)
        let bulletin = try #require(outcome.bulletin)
        #expect(bulletin.newlyAuthorized.isEmpty)
        #expect(bulletin.unplaced.contains { $0.text.contains("其他2个单位") })
    }

    @Test("text about authorization with no figure at all: kept unplaced with a warning")
    func noFigure() throws {
        let text = Self.issue("各部门授权工作正在有序推进中。")
        let outcome = Fixtures.parse(text)
        let bulletin = try #require(outcome.bulletin)
        #expect(bulletin.authorization == nil)
        #expect(bulletin.unplaced.contains { $0.text.contains("有序推进") })
        #expect(outcome.diagnostics.contains { $0.severity == .warning && $0.kind == .unplaced })
    }
}
