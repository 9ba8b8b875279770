import Testing
@testable import LedgerDomain

/// A sentence and the departments `matches(in:)` must find in it, as canonical and as written.
struct DepartmentMatchCase: Sendable, CustomTestStringConvertible {
    let text: String
    let canonicals: [String]
    let written: [String]
    var testDescription: String { text }
}

/// A name as written and the canonical name it must resolve to.
struct DepartmentResolveCase: Sendable, CustomTestStringConvertible {
    let written: String
    let canonical: String
    var testDescription: String { "\(written) → \(canonical)" }
}

@Suite("Department registry")
struct DepartmentRegistryTests {
    let registry = DepartmentRegistry.standard

    @Test func standardTableHasFortyFiveDepartments() {
        #expect(registry.count == 45)
        #expect(registry.departments == DepartmentRegistry.standardTable)
    }

    @Test(arguments: DepartmentRegistry.standardTable.map(\.canonical))
    func everyTableNameResolvesToItsCanonical(canonical: String) throws {
        let department = try #require(registry.departments.first { $0.canonical == canonical })
        for name in [department.canonical] + department.aliases {
            // `省省…` is no name: an alias written with 省 takes the prefixes on its bare form.
            let bare = name.hasPrefix("省") ? String(name.dropFirst()) : name
            for written in [name, "省" + bare, "四川省" + bare, name + "窗口"] {
                let resolved = registry.resolve(written)
                #expect(resolved.isRegistered, "\(written)")
                #expect(resolved.canonical == canonical, "\(written)")
            }
        }
    }

    @Test(arguments: [
        DepartmentResolveCase(written: "四川省应急管理厅", canonical: "应急管理厅"),
        DepartmentResolveCase(written: "四川省司法厅", canonical: "司法厅"),
        DepartmentResolveCase(written: "四川省市场监督管理局", canonical: "市场监管局"),
        DepartmentResolveCase(written: "应急厅", canonical: "应急管理厅"),
        DepartmentResolveCase(written: "应急窗口", canonical: "应急管理厅"),
        DepartmentResolveCase(written: "应急管理窗口", canonical: "应急管理厅"),
        DepartmentResolveCase(written: "市场监管窗口", canonical: "市场监管局"),
        DepartmentResolveCase(written: "省市场监管局窗口", canonical: "市场监管局"),
        DepartmentResolveCase(written: "公安窗口", canonical: "公安厅"),
        DepartmentResolveCase(written: "司法窗口", canonical: "司法厅"),
        DepartmentResolveCase(written: "司法厅窗口", canonical: "司法厅"),
        DepartmentResolveCase(written: "大数据窗口", canonical: "大数据中心"),
        DepartmentResolveCase(written: "邮政窗口", canonical: "邮政管理局"),
        DepartmentResolveCase(written: "消防救援窗口", canonical: "消防救援总队"),
        DepartmentResolveCase(written: "外事窗口", canonical: "外事办"),
        DepartmentResolveCase(written: "卫生健康窗口", canonical: "卫生健康委"),
        DepartmentResolveCase(written: "  省统计局\n", canonical: "统计局"),
        DepartmentResolveCase(written: "\u{3000}发改委\u{3000}", canonical: "发展改革委"),
    ])
    func resolvesVariantsAndWindows(_ example: DepartmentResolveCase) {
        let resolved = registry.resolve(example.written)
        #expect(resolved.isRegistered)
        #expect(resolved.canonical == example.canonical)
        #expect(resolved.asWritten == example.written)
    }

    @Test(arguments: [
        ("四川省某某局", "四川省某某局"),
        ("  四川省某某局 ", "四川省某某局"),
        ("公安", "公安"),
        ("市场监管", "市场监管"),
        ("窗口", "窗口"),
        ("", ""),
    ])
    func unknownNamesAreKeptUnregistered(written: String, trimmed: String) {
        let resolved = registry.resolve(written)
        #expect(!resolved.isRegistered)
        #expect(resolved.canonical == trimmed)
        #expect(resolved.asWritten == written)
    }

    @Test(arguments: [
        DepartmentMatchCase(
            text: "省地震局、省测绘地理信息局（部分事项授权）",
            canonicals: ["地震局", "测绘地理信息局"], written: ["省地震局", "省测绘地理信息局"]),
        DepartmentMatchCase(
            text: "自然资源厅会同省大数据中心全面梳理公安、民政、市场监管等部门的共享数据",
            canonicals: ["自然资源厅", "大数据中心"], written: ["自然资源厅", "省大数据中心"]),
        DepartmentMatchCase(
            text: "对已授权的省市场监管局窗口开展培训",
            canonicals: ["市场监管局"], written: ["省市场监管局窗口"]),
        DepartmentMatchCase(
            text: "组织经济和信息化厅、教育厅、生态环境厅和水利厅的业务骨干",
            canonicals: ["经济和信息化厅", "教育厅", "生态环境厅", "水利厅"],
            written: ["经济和信息化厅", "教育厅", "生态环境厅", "水利厅"]),
        DepartmentMatchCase(
            text: "1月 11日，应急厅党委委员、副厅长周彤来到应急窗口",
            canonicals: ["应急管理厅", "应急管理厅"], written: ["应急厅", "应急窗口"]),
        DepartmentMatchCase(
            text: "四川省交通运输厅与交通厅窗口",
            canonicals: ["交通运输厅", "交通运输厅"], written: ["四川省交通运输厅", "交通厅窗口"]),
        // Bare stems are sectors as often as departments: deliberately not matched.
        DepartmentMatchCase(text: "公安、民政、市场监管等部门", canonicals: [], written: []),
        DepartmentMatchCase(text: "", canonicals: [], written: []),
        // A combining accent makes "厅́" another grapheme: no match may split it.
        DepartmentMatchCase(text: "司法厅\u{0301}", canonicals: [], written: []),
    ])
    func matchesRealSentences(_ example: DepartmentMatchCase) {
        let found = registry.matches(in: example.text)
        #expect(found.map(\.name.canonical) == example.canonicals)
        #expect(found.map(\.name.asWritten) == example.written)
        #expect(found.allSatisfy { $0.name.isRegistered })
        let characters = Array(example.text)
        for match in found {
            #expect(String(characters[match.range]) == match.name.asWritten)
        }
    }

    @Test func windowAfterNameIsInsideTheRange() {
        let found = registry.matches(in: "对已授权的省市场监管局窗口开展培训")
        #expect(found.map(\.range) == [5..<13])
    }

    @Test func rangesCountGraphemesNotScalars() {
        let found = registry.matches(in: "👨‍👩‍👧é司法厅")
        #expect(found.map(\.range) == [2..<5])
    }

    @Test func prefixMatchFindsTheLeadingDepartment() throws {
        let match = try #require(registry.prefixMatch(of: Substring("司法厅党委委员、副厅长王飙来到")))
        #expect(match.name.canonical == "司法厅")
        #expect(match.range == 0..<3)
    }

    @Test func prefixMatchCountsFromTheSubstring() throws {
        let text = "1月 11日，应急厅窗口受理"
        let start = try #require(text.firstIndex(of: "应"))
        let match = try #require(registry.prefixMatch(of: text[start...]))
        #expect(match.name.canonical == "应急管理厅")
        #expect(match.name.asWritten == "应急厅窗口")
        #expect(match.range == 0..<5)
    }

    @Test(arguments: ["党委司法厅", "公安、民政", "", "窗口"])
    func prefixMatchIsNilWithoutALeadingName(_ text: String) {
        #expect(registry.prefixMatch(of: Substring(text)) == nil)
    }

    @Test func noRecognisedNameBelongsToTwoDepartments() {
        var owners: [String: String] = [:]
        var clashes: [String] = []
        for department in DepartmentRegistry.standardTable {
            var names: Set<String> = []
            for name in [department.canonical] + department.aliases {
                names.formUnion(DepartmentRegistry.recognisedNames(of: name))
            }
            for name in names {
                if let owner = owners[name] { clashes.append("\(name): \(owner), \(department.canonical)") }
                owners[name] = department.canonical
            }
        }
        #expect(clashes.isEmpty)
        for (name, canonical) in owners {
            #expect(registry.resolve(name).canonical == canonical, "\(name)")
        }
    }

    @Test func addingNewDepartmentAndAlias() {
        let (extended, conflicts) = registry.adding([
            Department(canonical: "新区管委会", aliases: ["新区"]),
            Department(canonical: "应急管理厅", aliases: ["应急局"]),
        ])
        #expect(conflicts.isEmpty)
        #expect(extended.count == 46)
        #expect(extended.resolve("新区").canonical == "新区管委会")
        #expect(extended.resolve("新区管委会").isRegistered)
        #expect(extended.resolve("应急局").canonical == "应急管理厅")
        #expect(extended.resolve("四川省应急局").canonical == "应急管理厅")
        #expect(extended.matches(in: "新区管委会窗口和应急局").map(\.name.canonical) == ["新区管委会", "应急管理厅"])
        // The original is a value: it is left as it was.
        #expect(!registry.resolve("应急局").isRegistered)
        #expect(registry.count == 45)
    }

    @Test func aliasClaimedByAnotherDepartmentIsReported() {
        let (extended, conflicts) = registry.adding([Department(canonical: "公安厅", aliases: ["应急厅", "警务"])])
        #expect(conflicts == ["应急厅"])
        #expect(extended.resolve("应急厅").canonical == "应急管理厅")
        #expect(extended.resolve("警务").canonical == "公安厅")
        #expect(!extended.departments.contains { $0.canonical == "公安厅" && $0.aliases.contains("应急厅") })
    }

    @Test func newCanonicalClaimedAsAliasIsReported() {
        let (extended, conflicts) = registry.adding([Department(canonical: "应急厅", aliases: ["应急部门"])])
        #expect(conflicts == ["应急厅"])
        #expect(extended.count == 45)
        #expect(!extended.resolve("应急部门").isRegistered)
    }

    @Test func derivedNameClaimedElsewhereIsReportedButAliasKept() {
        let (extended, conflicts) = registry.adding([Department(canonical: "民政厅", aliases: ["公安局"])])
        #expect(conflicts.contains("公安窗口"))
        #expect(extended.resolve("公安局").canonical == "民政厅")
        #expect(extended.resolve("公安窗口").canonical == "公安厅")
    }

    @Test func initMergesRepeatedCanonicalAndDropsClaimedNames() {
        let built = DepartmentRegistry(departments: [
            Department(canonical: "甲局", aliases: ["甲"]),
            Department(canonical: "乙局", aliases: ["甲"]),
            Department(canonical: "甲局", aliases: ["甲甲局"]),
        ])
        #expect(built.count == 2)
        #expect(built.departments[0].aliases == ["甲", "甲甲局"])
        #expect(built.departments[1].aliases.isEmpty)
        #expect(built.resolve("甲甲窗口").canonical == "甲局")
    }
}
