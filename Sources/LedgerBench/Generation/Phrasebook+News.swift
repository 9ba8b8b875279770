import LedgerDomain
import LedgerFormats

/// What a template draws from: the random generator, the week, the departments.
struct ProseDraw {
    var rng: SplitMix64
    let from: CalendarDate
    let through: CalendarDate
    let departments: [Department]

    /// A department as an issue might print it.
    mutating func department() -> String {
        Phrasebook.written(rng.pick(departments), &rng)
    }

    /// A working day of the week reported on.
    mutating func day() -> CalendarDate {
        from.adding(days: rng.int(in: 0...(through.daysSinceEpoch - from.daysSinceEpoch)))
    }

    /// `近日` or a day of the week, to open a paragraph.
    mutating func opening() -> Prose {
        rng.chance(0.4) ? "近日" : "\(date: day())"
    }

    mutating func count(_ range: ClosedRange<Int>) -> Int {
        rng.int(in: range)
    }
}

extension Phrasebook {
    typealias Template = @Sendable (inout ProseDraw) -> Prose

    /// 优化营商环境工作开展情况.
    static let business: [Template] = [
        { (d: inout ProseDraw) -> Prose in "\(d.opening())，\(d.department())印发《优化营商环境重点任务清单》，明确\(count: d.count(8...40))项具体举措，推动审批服务提质增效，进一步降低企业制度性交易成本。" },
        { (d: inout ProseDraw) -> Prose in "\(d.opening())，\(d.department())在“天府通办”上线\(count: d.count(3...20))个高频事项“掌上办”服务，企业群众可随时查询办理进度，实现办事少跑腿、数据多跑路。" },
        { (d: inout ProseDraw) -> Prose in "\(d.opening())，\(d.department())会同省大数据中心梳理共享数据清单，新增电子证照\(count: d.count(2...12))类，累计调用电子证照\(number: d.count(12...190))万余次，有效减少群众重复提交材料。" },
        { (d: inout ProseDraw) -> Prose in "\(d.opening())，\(d.department())召开优化营商环境工作推进会，通报前期工作进展，研究部署下一阶段重点任务，要求各处室对标先进地区，持续提升服务质效。" },
        { (d: inout ProseDraw) -> Prose in "\(d.opening())，\(d.department())推出“一件事一次办”新场景\(count: d.count(2...9))个，通过流程再造和数据共享，办理时限平均压缩\(number: d.count(20...60))%，申请材料平均减少\(count: d.count(2...8))份。" },
        { (d: inout ProseDraw) -> Prose in "\(d.opening())，\(d.department())组织开展政务服务“好差评”回访工作，对\(count: d.count(30...1800))条评价逐一回访，整改落实群众反映的意见建议，群众满意度持续提升。" },
    ]

    /// 窗口服务效能提升工作情况.
    static let efficiency: [Template] = [
        { (d: inout ProseDraw) -> Prose in "\(d.opening())，\(d.department())窗口为企业开辟绿色通道，通过容缺受理、并联审批，当天完成\(count: d.count(2...30))件许可事项办理，受到企业好评。" },
        { (d: inout ProseDraw) -> Prose in "\(d.opening())，\(d.department())窗口开展业务培训，围绕事项办理流程、电子证照调用等内容进行讲解，进一步提升窗口人员的业务能力和服务水平。" },
        { (d: inout ProseDraw) -> Prose in "\(date: d.day())下午，\(d.department())窗口党支部召开党员大会，学习政务服务工作新部署、新要求，研究部署近期支部重点工作。" },
        { (d: inout ProseDraw) -> Prose in "\(d.opening())，\(d.department())窗口对办事指南进行全面梳理，修订完善\(count: d.count(5...120))项事项的申请材料和办理流程，做到指引清晰、标准统一。" },
        { (d: inout ProseDraw) -> Prose in "\(d.opening())，\(d.department())窗口接待企业咨询\(count: d.count(40...2600))人次，针对企业实际需求提供帮办代办服务，帮助企业解决办事过程中的难点堵点。" },
    ]

    /// 推进情况 (the comprehensive-window campaign's progress).
    static let progress: [Template] = [
        { (d: inout ProseDraw) -> Prose in "政务一窗受理协调处组织\(d.department())、\(d.department())的业务骨干对\(count: d.count(8...40))名综合窗口工作人员进行了业务培训。" },
        { (d: inout ProseDraw) -> Prose in "政务一窗受理协调处对已授权无差别综合窗口的省级部门（单位）的依申请类政务服务事项的类型、名称、进驻大厅情况等进行了梳理汇总。" },
        { (_: inout ProseDraw) -> Prose in "起草《四川省政务服务综合窗口攻坚破难行动方案》。" },
        { (_: inout ProseDraw) -> Prose in "筹备组建综合窗口攻坚破难行动工作专班。" },
        { (_: inout ProseDraw) -> Prose in "修订《政务服务“一窗受理”规范》省级地方标准。" },
        { (d: inout ProseDraw) -> Prose in "完成综合窗口业务系统与\(count: d.count(3...20))个部门业务系统的对接测试。" },
        { (d: inout ProseDraw) -> Prose in "会同\(d.department())梳理可由综合窗口受理的事项\(count: d.count(10...300))项，形成事项清单。" },
    ]

    /// What a visiting leader did, after the name: the verb and place, then a remark or two.
    static func visitAccount(window: String, _ rng: inout SplitMix64) -> Prose {
        let arrivals = [
            "来到\(window)窗口调研值守并组织座谈。",
            "带队赴省政务中心，看望慰问\(window)窗口全体工作人员。",
            "来到省政务服务与公共资源交易服务中心\(window)窗口开展“厅（局）长进大厅”活动。",
            "走进\(window)窗口，现场办公并指导工作。",
            "莅临\(window)窗口检查指导工作。",
        ]
        let remarks = [
            "他指出，要持续深化“放管服”改革，不断提升政务服务标准化、规范化、便利化水平。",
            "他对窗口工作人员的辛勤付出表示感谢，希望大家再接再厉，以更高标准做好服务。",
            "他强调，要坚持以企业群众需求为导向，优化办事流程，压缩办理时限，提升群众办事体验。",
            "在听取窗口工作汇报后，对取得的工作成绩予以充分肯定。",
            "其间，他亲自在前台接待办事群众，耐心细致地解答群众现场提问。",
        ]
        var text = rng.pick(arrivals)
        for remark in rng.shuffled(remarks).prefix(rng.int(in: 0...2)) { text += remark }
        return Prose(stringLiteral: text)
    }
}
