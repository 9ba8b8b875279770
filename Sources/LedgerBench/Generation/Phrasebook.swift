import LedgerDomain
import LedgerFormats

/// The words synthetic bulletins are made of: people's names, leaders' titles, the way
/// departments are written, and the hall inspection's items and verdicts.
///
/// Prose here must never look like the document's structure once a line break lands inside
/// it: no `二、` or `三，` (a section), no `（一）` or `(1)`, no `2.` or `2、` before a word (an
/// item), no `报：` `送：` `发：` (the footer), no `周报` (the running title). A test checks.
enum Phrasebook {
    static let surnames: [Character] = Array(
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔向汤")
    static let givenNameCharacters: [Character] = Array(
        "伟刚勇毅俊峰强军平东文辉力明永健世广志义兴良海山仁波宁贵福生元全国胜学祥才武新利清飞彬富顺信杰涛昌成康星光天达安岩中茂进林坚彪博诚先敬震振群豪邦承乐绍松善厚庆磊民友裕哲超浩亮谦奇翰朗宏鸣斌栋维启克伦翔旭鹏泽晨辰建家树德泰盛雄钧策腾航弘秀娟英华慧美娜静淑惠玉萍红玲芬芳燕春兰凤洁梅琳云莲雪荣霞艳瑞佳嘉琼勤珍莉桂晶妍秋锦青倩婷婉瑾颖露瑶怡丹蓉君琴蕊薇岚馨韵悦昭冰欣晓枫菲亚宜丽阳彤飙慎")

    /// A plausible Chinese name: a surname and one or two given-name characters.
    static func personName(_ rng: inout SplitMix64) -> String {
        let surname = rng.pick(surnames)
        var name = String(surname)
        // Surnames that also end titles (任, as in 主任) are drawn like any other: the parser must
        // tell `副厅长任晓晓` from a title 副厅长任.
        let length = rng.chance(0.45) ? 1 : 2
        for _ in 0..<length { name.append(rng.pick(givenNameCharacters)) }
        return name
    }

    /// Plausible titles of a department's leaders, by the kind of unit (厅, 局, 委, 办, 中心, 总队).
    static func titleChoices(for department: String) -> [[String]] {
        if department.hasSuffix("总队") {
            return [["总队长"], ["党委书记", "政委"], ["党委委员", "副总队长"], ["副总队长"]]
        }
        let head: String
        if department.hasSuffix("厅") {
            head = "厅长"
        } else if department.hasSuffix("局") {
            head = "局长"
        } else {
            head = "主任"
        }
        return [
            ["党组书记", head], [head], ["党组成员", "副" + head], ["党委委员", "副" + head], ["副" + head],
            ["一级巡视员"], ["二级巡视员"], ["党组成员", "总工程师"],
        ]
    }

    /// The department as an issue might print it: canonical, with `省` in front, or an alias.
    static func written(_ department: Department, _ rng: inout SplitMix64) -> String {
        let aliases = department.aliases.filter { !$0.hasSuffix("窗口") }
        switch rng.weighted([0.6, 0.2, aliases.isEmpty ? 0 : 0.2]) {
        case 0: return department.canonical
        case 1: return "省" + department.canonical
        default: return rng.pick(aliases)
        }
    }

    /// The department as a list of newly authorized departments prints it: names with 和
    /// (`经济和信息化厅`) included, which the parser must not split at 和.
    static func writtenInList(_ department: Department, _ rng: inout SplitMix64) -> String {
        written(department, &rng)
    }

    /// The six items of every hall inspection, in their order.
    static let inspectionItems = ["按时到岗情况", "工作区域标准化执行情况", "着装情况", "工作牌佩戴情况", "纪律秩序", "大厅防控情况"]

    /// Verdicts that are satisfactory, for an item (1-based).
    static func satisfactoryVerdicts(item ordinal: Int) -> [Prose] {
        switch ordinal {
        case 1: return ["总体情况良好。", "总体情况良好。", "未发现迟到、早退现象。"]
        case 2: return ["总体情况良好。", "各窗口桌面整洁、物品摆放规范。"]
        case 6: return ["大厅人员管控到位，物业对大厅各点位消杀落实到位，大厅运行保障有序。", "大厅运行平稳有序。"]
        default: return ["总体情况良好。"]
        }
    }

    /// Findings for an item (1-based): what the inspectors saw, to be shown to a user.
    static func findings(item ordinal: Int, _ rng: inout SplitMix64) -> Prose {
        let people = rng.int(in: 1...3)
        switch ordinal {
        case 1: return rng.chance(0.5) ? "发现\(count: people)名工作人员迟到。" : "发现\(count: people)名工作人员早退，已通报所在部门。"
        case 2: return "发现\(count: people)个窗口桌面物品摆放不规范，已督促整改。"
        case 3: return "发现\(count: people)名工作人员未按规定着装。"
        case 4: return "发现\(count: people)名工作人员未佩戴工作牌。"
        case 5: return "发现\(count: people)名工作人员工作时间玩手机，已批评教育。"
        default: return "发现个别区域消杀记录不全，已要求物业整改。"
        }
    }

    /// The inspection section's introduction (as in the real issues).
    static let inspectionIntroduction: Prose = "大厅窗口规范化、标准化作为大厅管理贯彻始终的重点工作之一，各部门窗口须严格执行规范化、标准化要求，政务平台服务处结合“放管服”大督查要求，将加强管理力度和措施、加大督（巡）查力度，落实各项规范化、标准化要求。本周大厅巡查情况如下："

    /// The distribution footer lines, before the print run.
    static let distribution = ["报：中心领导。", "送：各相关省级部门（单位），中心各处（室）、直属单位。", "发：各部门窗口。"]

    static let publisher = "四川省政府政务服务和公共资源交易服务中心"
    static let title = "政务服务工作"
    static let runningTitle = "窗 口 工 作 周 报"
}
