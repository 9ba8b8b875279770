extension MessageCatalogue {
    /// The Chinese of each command's discussion paragraph in its help, by command name (the
    /// English is the command's ``CommandSpec``'s own). A test fails when a command with a
    /// discussion has none here.
    static let discussionInChinese: [String: String] = [
        "completions": """
            bash：source <(ledger completions bash)，或保存为
                  /etc/bash_completion.d/ledger（或 ~/.local/share/bash-completion/completions/ledger）
            zsh： 在 compinit 之后 source <(ledger completions zsh)
            fish：ledger completions fish > ~/.config/fish/completions/ledger.fish
            命令、选项和投影名来自本次构建；部门名称（标准名称和账本中登记的名称）在补全时向 ledger 查询。
            """,
        "correct": """
            FIELD 是投影 JSON 中的字段名（person、date、accepted、week.issued……）；未知字段会列出
            可用的字段。SEQ 也可以是一条更正的序号：它所更正的事实再次被更正。用更正之前的
            `--known-at` 可看到旧值。
            """,
        "export": """
            每期周报一行（authorization；totals 每类一行；window）、每次来访一行、每个巡查项目一行、
            每期一行或每个部门一行，每行附其事实的序号。CSV 和 TSV 每行最后一列 `head` 写明账本头
            （序号和哈希），使表格保持一个矩形，便于排序、筛选和数据透视表；XLSX 把账本头放在第二个
            工作表 `head`。CSV 和 TSV 为带 BOM 的 UTF-8（Excel 和 WPS 才能正确读中文），CRLF 换行；
            电子表格会当作公式执行的文字前加 '。XLSX 中数字保持为数字，日期保持为日期。
            不给 --out 时表格写到标准输出（XLSX 不写到终端）。
            """,
        "extract": """
            像 `ledger ingest` 一样读取 FILE（- 表示标准输入），打印每一行及其行号（事实出处引用的
            行号），PDF 还打印页码。读取器识别出的页面附属内容（页眉、页码）标为 `~`。
            不向账本写入任何内容。
            """,
        "ingest": """
            按给定顺序读取每个 FILE（- 表示标准输入）：PDF、Word 文件（.docx）或任意编码的文本，
            按内容识别；读出其中的事实，检查后连同出处行一起追加。同一文档再次导入不改变任何
            内容；账本中已有的一期换了另一份文档即为冲突，除非加 --supersede。被拒绝的文件
            不改变账本。
            """,
        "init": """
            DIR（默认：--ledger，否则 $LEDGER_HOME，否则工作目录）不存在时会被创建；空目录按原样
            使用。含有其他文件的目录会被拒绝（退出码 73），账本不会建在无关文件之间；已有账本的
            目录保持不变（退出码 0）。
            """,
        "log": """
            加 --json 时按存储原样输出记录，每行一个 JSON 对象（JSON Lines），可交给 jq 处理，
            或用 sha256sum 重新核对。
            """,
        "migrate": """
            每条事件保留其序号、ID、时间、操作人、批次和内容；新日志以一条 log.migrated 记录（序号 0）
            开头，写明旧日志最后的序号和哈希，因此从旧日志引用的账本头仍可追溯。替换日志之前，每一
            新行都会回读并与旧记录核对；快照由下一次查询重建。已是格式 2 的日志保持不变。
            """,
        "project": """
            authorization  进驻和已授权的部门、占比、新授权部门、授权时间、逐周情况
            totals         各类办件的本年累计，与上一期相比的增量
            window         综合窗口办件数：本周和本年累计
            visits         厅（局）长进大厅，按部门（任何别名）和人员，附次数
            inspections    大厅巡查结论，按周，问题在前
            departments    部门登记表及账本所知
            issues         已导入的各期，按顺序，并列出期号缺漏
            每个答案都写明计算所依据的账本头（序号和哈希）。
            """,
        "register": """
            NAME 已知时（用它的任何名称），别名加到该部门；否则 NAME 成为新部门。另一个部门已有
            的名称会被拒绝。加 --publisher NAME（且不给部门）时，NAME 成为本账本中心的另一个
            名称：ingest 拒绝报头写着账本不认识的发布者（另一个大厅）的周报，此后接受这一个。
            登记记为事件，`ledger audit` 可显示谁添加了什么、为什么。
            """,
        "report": """
            页面显示逐周授权情况（已授权和进驻部门、占比、最新新授权部门）、每年各类办件总量及
            每期增量、每周综窗办件数、按部门的厅（局）长进大厅时间线、巡查发现的问题、各期及
            期号缺漏，以及账本头哈希和写页面时 `ledger verify` 的结果。
            只用内嵌 SVG 和 CSS：没有脚本，不加载任何外部内容，文件可邮寄或存档。
            读取并核验整个日志；不改变账本。
            不给 --out 时页面写到标准输出（标准输出是终端时拒绝）。
            页面写出时退出码 0；写出但账本未通过核验时 65（页面顶部会说明）。
            """,
        "verify": """
            读取整个日志，不做任何更改。账本完好时退出码 0；否则退出码 65，并指出第一个出错的
            序号和行以及问题所在（被编辑、删除、重排、重复、伪造、截断）。还会用 SHA-256 核对
            存储的源文档，并核对快照与日志是否一致。
            """,
    ]
}
