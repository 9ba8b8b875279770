import Testing

/// A small issue written here, with its own year and numbers, and its expected summary.
struct NewIssue: Sendable, CustomTestStringConvertible {
    let name: String
    let text: String
    let summary: [String]

    var testDescription: String { name }

    static let all = [spring2024, newYear2024, periodWithYears, numeralsInWords]

    static let spring2024 = NewIssue(name: "2024 No. 15: no new authorization, a late arrival, 26 万余件", text: """
         2024年第 15期（总第 470期）
        四川省政府政务服务和公共资源交易服务中心 2024年 4月 22日
        政务服务工作
        （4月 15日—4月 19日）
        一、综窗改革攻坚行动
        （一）省本级综窗办件情况
        本周，共计咨询 702 人次、受理 98 件、颁发 2041 件、流转 5120 件；今年以来，累计咨询 11230 人
        次、受理 2460 件、颁发 30518 件、流转 61002 件。
        （二）省级部门（单位）事项纳入及授权情况
        已进驻省政务服务大厅的省级部门（单位）共 46个。其中，已授权无差别综合窗口的 40个，占比为 87.0%，
        较上周无新增；未授权无差别综合窗口的 6个，占比为 13.0%。
        （三）推进情况
        1.组织综合窗口工作人员开展业务培训。
        2.修订综合窗口工作规范。
        3.梳理医保局、林草局授权事项清单。
        二、大厅巡查情况
        本周大厅巡查情况如下：
        （一）按时到岗情况。发现 2名工作人员迟到。
        （二）着装情况。总体情况良好。
        三、窗口工作动态
        （一）厅（局）长进大厅
        4月 17日，四川省市场监督管理局副局长李明来到市场监管窗口调研，
        听取窗口工作汇报。4月 18日下午，省医保局党组成员、副局长王芳来到医保窗口开展“厅（局）长进大厅”活动。
        四、省级政务服务事项受理办理情况
        据统计，2024年 1月 1日至 2024年 4月 19日，省本级行政许可事项受理 18204件，办结 17950件；公共服务事项
        受理 26 万余件，办结 25 万余件；其它九类行权事项受理 1502件，办结 1498件。
        报：中心领导。
        送：各相关省级部门（单位）。
        发：各部门窗口。
        （共印 60份）
        """, summary: [
            "issue 2024-15 serial 470",
            "published 2024-04-22 period 2024-04-15…2024-04-19",
            "print run 60 to 报,送,发",
            "window week accepted=98 consultations=702 issued=2041 transferred=5120",
            "window year accepted=2460 consultations=11230 issued=30518 transferred=61002",
            "authorization stationed 46 authorized 40 87.0% not 6 13.0% new 0",
            "items administrativeLicensing 18204/17950 2024-01-01…2024-04-19",
            "items otherPowers 1502/1498 2024-01-01…2024-04-19",
            "items publicService 260000(moreThan)/250000(moreThan) 2024-01-01…2024-04-19",
            "visit 2024-04-17 市场监管局 李明 副局长",
            "visit 2024-04-18 医保局 王芳 党组成员、副局长",
            "inspection 1 按时到岗情况 finding",
            "inspection 2 着装情况 good",
            "news 0 progress 3 unplaced 0",
            "note 1 - ",
            "note 2 - ",
            "note 3 - 医保局,林草局",
        ])

    static let newYear2024 = NewIssue(name: "2024 No. 1: a December period published in January", text: """
        2024年第 1期（总第 456期）
        四川省政府政务服务和公共资源交易服务中心 2024年 1月 3日
        政务服务工作
        （12月 25日—12月 29日）
        一、窗口工作动态
        （一）窗口服务效能提升工作情况
        12月 28日，公安厅窗口开展业务培训。
        （二）厅（局）长进大厅
        12月 27日上午，交通运输厅党组成员、副厅长张强来到交通运输窗口调研。
        二、省级政务服务事项受理办理情况
        2023年 1月 1日至 12月 29日，省本级行政许可事项受理 301,245件，办结 298,760件；公共服务事项受理
        1,502,330件，办结 1,498,012件；其它九类行权事项受理 21,004件，办结 20,987件。
        三、大厅巡查情况
        （一）按时到岗情况。总体情况良好。
        （二）纪律秩序。发现 1名工作人员离岗，已当场提醒。
        报：中心领导。
        送：各相关省级部门（单位）。
        发：各部门窗口。
        （共印 80份）
        """, summary: [
            "issue 2024-01 serial 456",
            "published 2024-01-03 period 2023-12-25…2023-12-29",
            "print run 80 to 报,送,发",
            "items administrativeLicensing 301245/298760 2023-01-01…2023-12-29",
            "items otherPowers 21004/20987 2023-01-01…2023-12-29",
            "items publicService 1502330/1498012 2023-01-01…2023-12-29",
            "visit 2023-12-27 交通运输厅 张强 党组成员、副厅长",
            "inspection 1 按时到岗情况 good",
            "inspection 2 纪律秩序 finding",
            "news 1 progress 0 unplaced 0",
            "note 0 2023-12-28 公安厅",
        ])

    static let numeralsInWords = NewIssue(name: "2024 No. 20: 新增两个部门, items opening with 一", text: """
        2024年第 20期（总第 475期）
        四川省政府政务服务和公共资源交易服务中心 2024年 5月 27日
        政务服务工作
        （5月 20日—5月 24日）
        一、综窗改革攻坚行动
        （一）省级部门（单位）事项纳入及授权情况
        已进驻省政务服务大厅的省级部门（单位）共 46个。其中，已授权无差别综合窗口的 42个，占比为 91.3%，较上周新增两个部门：
        省医保局、省林草局（部分事项授权）；未授权无差别综合窗口的 4个，占比为 8.7%。
        （二）推进情况
        1.一窗受理平台完成升级。
        2.一件事一次办事项清单完成梳理。
        二、大厅巡查情况
        1.按时到岗情况。总体情况良好。
        2.纪律秩序。发现 1名工作人员脱岗。
        报：中心领导。
        （共印 60份）
        """, summary: [
            "issue 2024-20 serial 475",
            "published 2024-05-27 period 2024-05-20…2024-05-24",
            "print run 60 to 报",
            "authorization stationed 46 authorized 42 91.3% not 4 8.7% new 2",
            "newly 医保局",
            "newly 林草局 partial",
            "inspection 1 按时到岗情况 good",
            "inspection 2 纪律秩序 finding",
            "news 0 progress 2 unplaced 0",
            "note 1 - ",
            "note 2 - ",
        ])

    static let periodWithYears = NewIssue(name: "2025 No. 3: the period written with its years", text: """
        2025年第 3期（总第 508期）
        四川省政府政务服务和公共资源交易服务中心 2025年 1月 20日
        政务服务工作
        （2025年 1月 13日—2025年 1月 17日）
        一、大厅巡查情况
        （一）按时到岗情况。总体情况良好。
        报:中心领导。
        （共印 50份）
        """, summary: [
            "issue 2025-03 serial 508",
            "published 2025-01-20 period 2025-01-13…2025-01-17",
            "print run 50 to 报",
            "inspection 1 按时到岗情况 good",
            "news 0 progress 0 unplaced 0",
        ])
}
