extension DepartmentRegistry {
    /// The 45 provincial departments of the service hall, in table order, with their usual aliases.
    ///
    /// Every name it recognises belongs to one department only (checked by the tests).
    /// Extend it at run time with `adding`; no rebuild is needed.
    public static let standard = DepartmentRegistry(departments: standardTable)

    /// The shipped table (canonical | aliases). Aliases that are the canonical name with `省`
    /// in front are listed because bulletins write them; the registry derives them anyway.
    static let standardTable: [Department] = [
        Department(canonical: "发展改革委", aliases: ["省发展改革委", "发展和改革委员会", "发改委"]),
        Department(canonical: "经济和信息化厅", aliases: ["经信厅"]),
        Department(canonical: "教育厅"),
        Department(canonical: "科技厅", aliases: ["科学技术厅"]),
        Department(canonical: "民族宗教委", aliases: ["民族宗教事务委员会"]),
        Department(canonical: "公安厅", aliases: ["省公安厅"]),
        Department(canonical: "民政厅"),
        Department(canonical: "司法厅"),
        Department(canonical: "财政厅"),
        Department(canonical: "人力资源社会保障厅", aliases: ["人力资源和社会保障厅", "人社厅"]),
        Department(canonical: "自然资源厅"),
        Department(canonical: "生态环境厅"),
        Department(canonical: "住房城乡建设厅", aliases: ["住房和城乡建设厅", "住建厅"]),
        Department(canonical: "交通运输厅", aliases: ["交通厅"]),
        Department(canonical: "水利厅"),
        Department(canonical: "农业农村厅"),
        Department(canonical: "商务厅"),
        Department(canonical: "文化和旅游厅", aliases: ["文旅厅"]),
        Department(canonical: "卫生健康委", aliases: ["卫生健康委员会", "卫健委"]),
        Department(canonical: "退役军人厅", aliases: ["退役军人事务厅"]),
        Department(canonical: "应急管理厅", aliases: ["应急厅"]),
        Department(canonical: "审计厅"),
        Department(canonical: "外事办", aliases: ["外事办公室"]),
        Department(canonical: "国资委", aliases: ["国有资产监督管理委员会"]),
        Department(canonical: "市场监管局", aliases: ["省市场监管局", "市场监督管理局"]),
        Department(canonical: "广电局", aliases: ["广播电视局"]),
        Department(canonical: "体育局", aliases: ["省体育局"]),
        Department(canonical: "统计局", aliases: ["省统计局"]),
        Department(canonical: "医保局", aliases: ["省医保局", "医疗保障局"]),
        Department(canonical: "林草局", aliases: ["省林草局", "林业和草原局"]),
        Department(canonical: "药监局", aliases: ["省药监局", "药品监督管理局"]),
        Department(canonical: "粮食和物资储备局", aliases: ["粮食局"]),
        Department(canonical: "地方金融监管局", aliases: ["地方金融监督管理局", "金融局"]),
        Department(canonical: "中医药局", aliases: ["中医药管理局"]),
        Department(canonical: "文物局"),
        Department(canonical: "地震局", aliases: ["省地震局"]),
        Department(canonical: "气象局", aliases: ["省气象局"]),
        Department(canonical: "测绘地理信息局", aliases: ["省测绘地理信息局"]),
        Department(canonical: "税务局", aliases: ["省税务局"]),
        Department(canonical: "邮政管理局"),
        Department(canonical: "通信管理局"),
        Department(canonical: "人防办", aliases: ["人民防空办公室"]),
        Department(canonical: "消防救援总队"),
        Department(canonical: "档案局"),
        Department(canonical: "大数据中心", aliases: ["省大数据中心"]),
    ]
}
