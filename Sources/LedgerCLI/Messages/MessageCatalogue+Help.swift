extension MessageCatalogue {
    /// The Chinese of every option's and argument's help, keyed by the English the command's
    /// ``CommandSpec`` holds (so the spec stays readable where it is declared). A test fails
    /// when a command's option or argument has no Chinese here.
    static let helpInChinese: [String: String] = [
        "Only entries about this department (any of its names).": "只看关于该部门的记录（用它的任何名称）。",
        "Only entries about this issue, like 2023-06.": "只看关于该期的记录，如 2023-06。",
        "Only entries by this actor.": "只看该操作人的记录。",
        "Only entries recorded at or after this instant (or date).": "只看在此时刻（或日期）及以后记录的。",
        "Only entries recorded at or before this instant (or date: its end).": "只看在此时刻（或日期：当日结束）及以前记录的。",
        "Only corrections and retractions of facts of this type (visit.recorded…).": "只看对该类型事实的更正和撤回（visit.recorded……）。",
        "Print one JSON document.": "输出一个 JSON 文档。",
        "bash, zsh or fish.": "bash、zsh 或 fish。",
        "departments, projections or commands.": "departments（部门）、projections（投影）或 commands（命令）。",
        "The new value of a field (repeatable).": "字段的新值（可重复）。",
        "The fact's seq, as `ledger log` or any --json answer shows it.": "事实的序号，即 `ledger log` 或任何 --json 答案所示。",
        "The fact's seq.": "事实的序号。",
        "Why (required): recorded with the correction.": "原因（必填）：随更正一并记录。",
        "Why (required): recorded with the retraction.": "原因（必填）：随撤回一并记录。",
        "csv, tsv or xlsx (default: from --out's extension, else csv).": "csv、tsv 或 xlsx（默认：按 --out 的扩展名，否则 csv）。",
        "Write to this file, replacing it whole (default, or -: standard output).": "写入此文件，整体替换（默认或 -：标准输出）。",
        "CSV, TSV: leave out the UTF-8 byte-order mark.": "CSV、TSV：不写 UTF-8 字节顺序标记（BOM）。",
        "Print the lines as one JSON document, with each line's page and position.": "以一个 JSON 文档输出各行，附每行的页码和位置。",
        "Read a text file as utf-8, utf-16le, utf-16be or gb18030 instead of detecting.": "按 utf-8、utf-16le、utf-16be 或 gb18030 读取文本文件，而不自动识别。",
        "A document; - for standard input.": "一份文档；- 表示标准输入。",
        "Who is ingesting (default: $LEDGER_ACTOR, else user@host).": "导入人（默认：$LEDGER_ACTOR，否则 用户@主机）。",
        "Read and check, print what would be appended, write nothing.": "读取并检查，输出将追加的内容，不写入。",
        "Print the outcome as one JSON document (with --dry-run: the events).": "以一个 JSON 文档输出结果（与 --dry-run 一起：输出事件）。",
        "Read the files as utf-8, utf-16le, utf-16be or gb18030 instead of detecting.": "按 utf-8、utf-16le、utf-16be 或 gb18030 读取文件，而不自动识别。",
        "Accept an issue without its footer (most likely truncated).": "接受没有报尾的一期（很可能不完整）。",
        "Replace an issue already in the ledger by this document (needs --reason).": "用这份文档替换账本中已有的一期（需要 --reason）。",
        "Append an issue whose figures contradict each other, as printed (needs --reason).": "按原样追加数字自相矛盾的一期（需要 --reason）。",
        "Why: recorded with the batch.": "原因：随这批事件一并记录。",
        "A bulletin: its PDF, its Word file (.docx) or its text; - for standard input.": "一份周报：PDF、Word 文件（.docx）或文本；- 表示标准输入。",
        "Where to make the ledger.": "在何处新建账本。",
        "Start at this seq.": "从此序号开始。",
        "Only events of this type (`visit.recorded`), or of a family (`visit.`).": "只看该类型（`visit.recorded`）或该类（`visit.`）的事件。",
        "Print the stored JSON lines.": "输出存储的 JSON 行。",
        "The hall as it stood on this date (2023-02-20, 2023/2/20, 2023年2月20日…), from facts true on or before it.":
            "大厅在这一天的状况（2023-02-20、2023/2/20、2023年2月20日……），依据当日及以前成立的事实。",
        "Only what the ledger had recorded by then (a date: the end of that day, UTC; a date and time in UTC like 2023/2/20 10:00; or ISO 8601 with a zone).":
            "只用账本到那时已记录的内容（日期：当日结束，UTC；UTC 日期和时间，如 2023/2/20 10:00；或带时区的 ISO 8601）。",
        "Show this year's weeks and rows (default: the latest year's).": "只显示这一年的逐周数据和记录（默认：最近一年）。",
        "Show every year's weeks and rows, not only the latest year's.": "显示所有年份的逐周数据和记录，而不只是最近一年。",
        "visits: only this department (any of its names).": "visits：只看该部门（用它的任何名称）。",
        "visits: only visitors whose name contains this.": "visits：只看姓名含此文字的来访者。",
        "Another name of the department (repeatable).": "部门的另一个名称（可重复）。",
        "Another name of the centre that publishes the bulletin, as its masthead writes it (instead of a department).":
            "发布周报的中心的另一个名称，按报头所写（代替部门）。",
        "The department's canonical name, or any name it already has.": "部门的规范名称，或它已有的任何名称。",
        "Why (required).": "原因（必填）。",
        "Only this issue, like 2023-06.": "只看这一期，如 2023-06。",
        "Append the differences as corrections (needs --reason).": "把差异作为更正追加（需要 --reason）。",
        "Print the differences as one JSON document.": "以一个 JSON 文档输出差异。",
        "Why: recorded with the corrections.": "原因：随更正一并记录。",
        "Only the reports of this year (default: every year).": "只用该年的周报（默认：所有年份）。",
        "Write the page to this file, replacing it whole (default, or -: standard output).": "把页面写入此文件，整体替换（默认或 -：标准输出）。",
        "Print the stored record and its source lines as JSON.": "以 JSON 输出存储的记录及其出处行。",
        "The event's seq, as `ledger log` shows it.": "事件的序号，即 `ledger log` 所示。",
        "Print the report as one JSON document.": "以一个 JSON 文档输出报告。",
        "authorization, totals, window, visits, inspections, departments, issues":
            "authorization（授权）、totals（办件总量）、window（综窗）、visits（厅长进大厅）、inspections（巡查）、departments（部门）、issues（周报）",
        "Who (default: $LEDGER_ACTOR, else user@host).": "操作人（默认：$LEDGER_ACTOR，否则 用户@主机）。",
    ]

    /// An option's or argument's help in `language`.
    static func help(_ english: String, in language: Language) -> String {
        language == .chinese ? helpInChinese[english] ?? english : english
    }
}
