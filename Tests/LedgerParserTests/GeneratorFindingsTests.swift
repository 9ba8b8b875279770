import Testing
import LedgerDomain
@testable import LedgerParser

/// Texts the synthetic generator found the parser misreading.
@Suite("Generator findings")
struct GeneratorFindingsTests {
    @Test("a number with two separators broken before the last one", arguments: [
        ["办结 3,", "042,448件"], ["办结 3，", "０４２，４４８件"], ["办结 3,04", "2,448件"],
    ])
    func separatorsAcrossLines(lines: [String]) throws {
        let text = SourceText(lines.enumerated().map { SourceLine(number: $0.offset + 1, raw: $0.element) })
        #expect(CountsReader.quantity(after: "办结", in: text.text[...])?.value == 3_042_448)
    }

    @Test("a person whose surname is a title's last character (任)")
    func surnameLikeATitle() throws {
        let split = try #require(VisitReader.splitName("党组成员、副厅长任晓晓"))
        #expect(split.person == "任晓晓")
        #expect(split.titles == ["党组成员", "副厅长"])
        let chair = try #require(VisitReader.splitName("办公室主任王五"))
        #expect(chair.person == "王五")
    }

    @Test("newly authorized departments whose names contain 和", arguments: [
        ("经济和信息化厅", ["经济和信息化厅"]),
        ("文化和旅游厅、省地震局（部分事项授权）", ["文化和旅游厅", "地震局"]),
        ("省地震局和省气象局", ["地震局", "气象局"]),
        ("粮食和物资储备局及省统计局", ["粮食和物资储备局", "统计局"]),
    ])
    func namesWithAnd(list: String, expected: [String]) {
        let names = AuthorizationReader.names(in: list[...], registry: .standard).map { part in
            DepartmentRegistry.standard.resolve(String(part.firstRange(of: "（").map { part[..<$0.lowerBound] } ?? part)).canonical
        }
        #expect(names == expected)
    }
}
