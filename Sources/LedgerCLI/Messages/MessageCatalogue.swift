/// The one table of everything `ledger` says to a person, in English and in simplified
/// Chinese. A text names its arguments by position: `{0}`, `{1}`… Both languages of a key use
/// the same placeholders (a test checks it, and that no key lacks a language).
///
/// To add a message: add a case to ``MessageKey``, its two texts here, and build a
/// ``Message`` where the thing happens; the CLI renders it in the invocation's ``Language``.
enum MessageCatalogue {
    /// A message's two texts.
    struct Entry: Sendable {
        var english: String
        var chinese: String

        func text(in language: Language) -> String { language == .chinese ? chinese : english }
    }

    /// The message in `language`: its text with the arguments in place.
    static func render(_ message: Message, in language: Language) -> String {
        let template = entries[message.key]?.text(in: language) ?? message.key.rawValue
        guard template.contains("{") else { return template }
        var output = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            output += rest[..<open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}"), let index = Int(rest[afterOpen..<close]),
                  message.arguments.indices.contains(index) else {
                output.append("{")
                rest = rest[afterOpen...]
                continue
            }
            output += message.arguments[index].rendered(in: language)
            rest = rest[rest.index(after: close)...]
        }
        return output + rest
    }

    /// The placeholders a text uses: `{0}`, `{1}`… as their numbers.
    static func placeholders(_ text: String) -> Set<Int> {
        var found: Set<Int> = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}") else { break }
            if let index = Int(rest[afterOpen..<close]) { found.insert(index) }
            rest = rest[rest.index(after: close)...]
        }
        return found
    }

    /// Every key's texts: the CLI's own, and those of the lower layers' messages (the parser's
    /// diagnostics, the store's errors and verify's problems, the document readers' refusals and notes).
    static let entries: [MessageKey: Entry] = cliEntries
        .merging(parserEntries) { first, _ in first }
        .merging(storeEntries) { first, _ in first }
        .merging(documentEntries) { first, _ in first }

    static let cliEntries: [MessageKey: Entry] = [
        .verbatim: Entry(english: "{0}", chinese: "{0}"),

        .errorLine: Entry(english: "Error: {0}", chinese: "错误：{0}"),
        .usageLine: Entry(english: "Usage: {0}", chinese: "用法：{0}"),
        .seeCommandHelp: Entry(english: "  See 'ledger help {0}' for more information.", chinese: "  详见 'ledger help {0}'。"),
        .seeToolHelp: Entry(english: "  See 'ledger --help' for more information.", chinese: "  详见 'ledger --help'。"),
        .failureLine: Entry(english: "ledger: error: {0}", chinese: "ledger：错误：{0}"),
        .internalErrorLine: Entry(english: "ledger: internal error: {0}", chinese: "ledger：内部错误：{0}"),
        .noteLine: Entry(english: "ledger: note: {0}", chinese: "ledger：提示：{0}"),

        .unknownOption: Entry(english: "Unknown option '{0}'", chinese: "未知选项 '{0}'"),
        .optionTakesNoValue: Entry(english: "Option '--{0}' takes no value", chinese: "选项 '--{0}' 不接受值"),
        .missingOptionValue: Entry(english: "Missing value for '--{0} <{1}>'", chinese: "缺少 '--{0} <{1}>' 的值"),
        .optionRepeated: Entry(english: "Option '--{0}' was given more than once", chinese: "选项 '--{0}' 给了不止一次"),
        .missingArgument: Entry(english: "Missing expected argument '<{0}>'", chinese: "缺少参数 '<{0}>'"),
        .unexpectedArgument: Entry(english: "Unexpected argument '{0}'", chinese: "多余的参数 '{0}'"),
        .unknownSubcommand: Entry(english: "Unknown subcommand '{0}'", chinese: "未知子命令 '{0}'"),
        .didYouMean: Entry(english: "Unknown subcommand '{0}' (did you mean '{1}'?)", chinese: "未知子命令 '{0}'（是否想用 '{1}'？）"),
        .invalidValue: Entry(english: "Invalid value '{0}' for '--{1}': expected {2}", chinese: "'--{1}' 的值 '{0}' 无效：应为 {2}"),

        .ledgerSourceOption: Entry(english: "--ledger", chinese: "--ledger"),
        .ledgerSourceEnvironment: Entry(english: "LEDGER_HOME", chinese: "LEDGER_HOME"),
        .ledgerSourceWorkingDirectory: Entry(english: "the working directory and its parents", chinese: "工作目录及其上级目录"),
        .ledgerDirectoryDanglingLink: Entry(english: "the ledger directory {0} is a symbolic link to nothing that exists (from {1}).",
                                            chinese: "账本目录 {0} 是指向不存在之处的符号链接（来自 {1}）。"),
        .ledgerDirectoryMissing: Entry(english: "the ledger directory {0} does not exist (from {1}).", chinese: "账本目录 {0} 不存在（来自 {1}）。"),
        .ledgerDirectoryNotDirectory: Entry(english: "the ledger directory {0} is not a directory (from {1}).", chinese: "账本目录 {0} 不是目录（来自 {1}）。"),
        .ledgerEventLogNotDirectory: Entry(english: "refusing to use {0}: it is not a directory, not the directory the ledger made. Nothing was read or written.",
                                           chinese: "拒绝使用 {0}：它不是目录，不是账本建立的目录。未读取也未写入任何内容。"),
        .ledgerEventLogSymlink: Entry(english: "refusing to use {0}: it is a symbolic link, not the directory the ledger made. Nothing was read or written.",
                                      chinese: "拒绝使用 {0}：它是符号链接，不是账本建立的目录。未读取也未写入任何内容。"),
        .noLedger: Entry(english: "there is no ledger in {0}: it has no EventLog/ (from {1}). `ledger init` there makes one (or `ledger ingest FILE` starts one); --ledger DIR or LEDGER_HOME points elsewhere.",
                         chinese: "{0} 中没有账本：其中没有 EventLog/（来自 {1}）。在那里运行 `ledger init` 可新建一个（或用 `ledger ingest 文件` 开始）；--ledger 目录 或 LEDGER_HOME 可指向别处。"),

        .helpOverviewHeading: Entry(english: "OVERVIEW: ", chinese: "概述："),
        .helpUsageHeading: Entry(english: "USAGE: ", chinese: "用法："),
        .helpOptionsHeading: Entry(english: "OPTIONS:", chinese: "选项："),
        .helpArgumentsHeading: Entry(english: "ARGUMENTS:", chinese: "参数："),
        .helpSubcommandsHeading: Entry(english: "SUBCOMMANDS:", chinese: "子命令："),
        .helpExitCodesHeading: Entry(english: "EXIT CODES:", chinese: "退出码："),
        .helpToolOverview: Entry(english: """
            Keeps the weekly bulletins (窗口工作周报) of a government service hall as an
            event-sourced ledger: an append-only, hash-chained log of facts that can be traced to
            the lines they came from.
            """, chinese: """
            把政务服务大厅的窗口工作周报保存为事件溯源账本：一份只追加、以哈希链接的事实日志，
            每条事实都能追溯到它所出自的文档行。
            """),
        .helpVersionOption: Entry(english: "Show the version.", chinese: "显示版本。"),
        .helpHelpOption: Entry(english: "Show help information.", chinese: "显示帮助信息。"),
        .helpLedgerOption: Entry(english: "The ledger directory (default: $LEDGER_HOME, else the nearest directory upwards holding EventLog/, else the working directory).",
                                 chinese: "账本目录（默认：$LEDGER_HOME，否则向上最近的含 EventLog/ 的目录，否则工作目录）。"),
        .helpHelpCommand: Entry(english: "Show help for a subcommand.", chinese: "显示子命令的帮助。"),
        .helpSeeSubcommand: Entry(english: "  See 'ledger help <subcommand>' for detailed help.", chinese: "  详细帮助见 'ledger help <子命令>'。"),

        .commandInitAbstract: Entry(english: "Make an empty ledger: EventLog/ (an empty log and its HEAD), Snapshots/ and a README.txt.", chinese: "新建空账本：EventLog/（空日志及其 HEAD）、Snapshots/ 和 README.txt。"),
        .commandIngestAbstract: Entry(english: "Append weekly bulletins to the ledger, one batch of events each.", chinese: "把周报追加到账本，每份一批事件。"),
        .commandCorrectAbstract: Entry(english: "Correct fields of one fact; the correction is a new event, the old value stays in the log.", chinese: "更正一条事实的字段；更正是新事件，旧值留在日志中。"),
        .commandRetractAbstract: Entry(english: "Withdraw one fact; projections no longer count it, the log keeps it.", chinese: "撤回一条事实；投影不再计入，日志仍保留。"),
        .commandAuditAbstract: Entry(english: "The recorded history: ingests, supersessions, corrections and retractions, with actor, instant and reason.", chinese: "记录的历史：导入、替换、更正和撤回，附操作人、时间和原因。"),
        .commandReparseAbstract: Entry(english: "Re-read the stored documents with the current parser; show (or --apply) what would change.", chinese: "用当前解析器重读已存文档；显示（或 --apply 应用）会有的变化。"),
        .commandRegisterAbstract: Entry(english: "Register a department, or more names for one, or another name of the centre that publishes the bulletin, without a rebuild.", chinese: "登记部门或其别名，或发布周报的中心的另一个名称，无需重新构建。"),
        .commandProjectAbstract: Entry(english: "Answer one question: authorization, totals, window, visits, inspections, departments or issues.", chinese: "回答一个问题：authorization（授权）、totals（办件总量）、window（综窗）、visits（厅长进大厅）、inspections（巡查）、departments（部门）或 issues（周报）。"),
        .commandReplayAbstract: Entry(english: "Rebuild every projection from the log at once, now or as of a date.", chinese: "从日志一次重建所有投影，当前或截至某日。"),
        .commandSnapshotAbstract: Entry(english: "Save the projections' state and the ingest history at the log's head in Snapshots/ (an optimisation: deleting them changes no answer).", chinese: "把投影状态和导入历史按日志头保存到 Snapshots/（只是优化：删除它们不改变任何答案）。"),
        .commandShowAbstract: Entry(english: "Show one event with the source lines it was read from.", chinese: "显示一个事件及其出处的文档行。"),
        .commandExtractAbstract: Entry(english: "Print the lines ledger reads from a document (PDF, Word .docx or text).", chinese: "打印 ledger 从文档（PDF、Word .docx 或文本）读出的行。"),
        .commandReportAbstract: Entry(english: "Write the ledger as one self-contained HTML page with charts (Chinese labels), for screens and A4 print.", chinese: "把账本写成一个自包含的 HTML 页面，带图表（中文标签），适合屏幕和 A4 打印。"),
        .commandExportAbstract: Entry(english: "Write a projection's history as a table for Excel or WPS 表格: CSV, TSV or XLSX.", chinese: "把投影的历史写成 Excel 或 WPS 表格可用的表：CSV、TSV 或 XLSX。"),
        .commandVerifyAbstract: Entry(english: "Check every hash, the chain, seq continuity and batch completeness.", chinese: "检查每个哈希、链、序号连续性和批次完整性。"),
        .commandLogAbstract: Entry(english: "Print the events, oldest first.", chinese: "打印事件，最早的在前。"),
        .commandCompletionsAbstract: Entry(english: "Print a shell completion script for bash, zsh or fish.", chinese: "打印 bash、zsh 或 fish 的命令补全脚本。"),
        .exitCode0: Entry(english: "success (verify: the ledger is intact)", chinese: "成功（verify：账本完好）"),
        .exitCode64: Entry(english: "usage error: unknown command or option, bad value", chinese: "用法错误：未知命令或选项、值不对"),
        .exitCode65: Entry(english: "bad data: damaged ledger, unreadable document", chinese: "数据有误：账本损坏、文档无法读取"),
        .exitCode66: Entry(english: "an input file is missing or cannot be opened", chinese: "输入文件不存在或无法打开"),
        .exitCode70: Entry(english: "internal error in ledger", chinese: "ledger 内部错误"),
        .exitCode73: Entry(english: "cannot create: init in a directory that holds other files", chinese: "无法创建：在含有其他文件的目录中 init"),
        .exitCode74: Entry(english: "I/O error: full disk, failed fsync, permission", chinese: "读写错误：磁盘已满、fsync 失败、权限"),
        .exitCode75: Entry(english: "ledger is busy: another command holds the write lock", chinese: "账本正忙：另一个命令持有写锁"),
        .exitCode77: Entry(english: "permission denied: a command that writes, on a ledger you may only read", chinese: "权限不足：对只读账本运行写入命令"),

        .scopeAsOf: Entry(english: "on or before {0}", chinese: "截至 {0}"),
        .scopeKnownAt: Entry(english: "recorded by {0}", chinese: "记录于 {0} 前"),
        .scopeLedger: Entry(english: "in the ledger", chinese: "账本中"),
        .listSeparator: Entry(english: ", ", chinese: "、"),
        .unregistered: Entry(english: " (unregistered)", chinese: "（未登记）"),
        .partial: Entry(english: " (partial)", chinese: "（部分）"),
        .partialCell: Entry(english: "partial", chinese: "部分"),

        .columnDepartment: Entry(english: "department", chinese: "部门"),
        .columnSince: Entry(english: "since", chinese: "起始"),
        .columnIssue: Entry(english: "issue", chinese: "期号"),
        .columnThrough: Entry(english: "through", chinese: "截至"),
        .columnStationed: Entry(english: "stationed", chinese: "进驻"),
        .columnAuthorized: Entry(english: "authorized", chinese: "已授权"),
        .columnShare: Entry(english: "share", chinese: "占比"),
        .columnCategory: Entry(english: "category", chinese: "类别"),
        .columnAccepted: Entry(english: "accepted", chinese: "受理"),
        .columnCompleted: Entry(english: "completed", chinese: "办结"),
        .columnCompletion: Entry(english: "completion", chinese: "办结率"),
        .columnAcceptedChange: Entry(english: "Δ accepted", chinese: "受理增量"),
        .columnCompletedChange: Entry(english: "Δ completed", chinese: "办结增量"),
        .columnTrend: Entry(english: "trend", chinese: "趋势"),
        .columnThisWeek: Entry(english: "this week", chinese: "本周"),
        .columnYearToDate: Entry(english: "year to date", chinese: "本年累计"),
        .columnDate: Entry(english: "date", chinese: "日期"),
        .columnPerson: Entry(english: "person", chinese: "人员"),
        .columnTitles: Entry(english: "titles", chinese: "职务"),
        .columnSeq: Entry(english: "seq", chinese: "序号"),
        .columnVisits: Entry(english: "visits", chinese: "次数"),
        .columnVerdict: Entry(english: "verdict", chinese: "结论"),
        .columnItem: Entry(english: "item", chinese: "项目"),
        .columnText: Entry(english: "text", chinese: "原文"),
        .columnAuthorizedSince: Entry(english: "authorized since", chinese: "授权起始"),
        .columnLastVisit: Entry(english: "last visit", chinese: "最近一次"),
        .columnAliases: Entry(english: "aliases", chinese: "别名"),
        .columnSerial: Entry(english: "serial", chinese: "总期数"),
        .columnPublished: Entry(english: "published", chinese: "印发"),
        .columnPeriod: Entry(english: "period", chinese: "统计期间"),
        .columnEvents: Entry(english: "events", chinese: "事件"),

        .seqOne: Entry(english: "seq {0}", chinese: "序号 {0}"),
        .seqRange: Entry(english: "seq {0}–{1}", chinese: "序号 {0}–{1}"),
        .ingestAppended: Entry(english: "{0}: appended {1} as {2} ({3} events)", chinese: "{0}：已追加 {1}，{2}（{3} 个事件）"),
        .ingestSuperseded: Entry(english: "{0}: superseded the earlier document of {1} as {2} ({3} events)",
                                 chinese: "{0}：已替换 {1} 的原文档，{2}（{3} 个事件）"),
        .ingestAlready: Entry(english: "{0}: already ingested as {1} ({2}); nothing to do", chinese: "{0}：已作为 {1} 导入过（{2}）；无需操作"),
        .ingestAlreadySameFacts: Entry(english: "{0}: already ingested as {1} ({2}) from another document (another format, encoding or layout) with the same facts; nothing to do",
                                       chinese: "{0}：已作为 {1} 导入过（{2}），来自另一份文档（格式、编码或版式不同）但事实相同；无需操作"),
        .ingestDryRun: Entry(english: "{0}: would append {1} as {2} events (dry run: nothing written)", chinese: "{0}：将追加 {1}，共 {2} 个事件（试运行：未写入）"),
        .ingestWarning: Entry(english: "{0}: warning: {1} (kept as a check.failed event)", chinese: "{0}：警告：{1}（记为 check.failed 事件）"),
        .andMore: Entry(english: "  … and {0} more", chinese: "  …… 另有 {0} 条"),
        .ingestNotBulletin: Entry(english: "{0} is not a weekly bulletin: it has no masthead (issue number and date). Nothing was written.",
                                  chinese: "{0} 不是窗口工作周报：没有报头（期号和日期）。未写入任何内容。"),
        .ingestNotBulletinRead: Entry(english: "{0} is not a weekly bulletin: it has no masthead (issue number and date) (read from its {1} as {2} lines: `ledger extract {0}` shows them). Nothing was written.",
                                      chinese: "{0} 不是窗口工作周报：没有报头（期号和日期）（从其 {1} 读出 {2} 行：`ledger extract {0}` 可显示）。未写入任何内容。"),
        .ingestNoFooter: Entry(english: "{0} ({1}) ends without its footer (报/送/发, 共印): it looks truncated. Nothing was written; check the file, or add --allow-partial to ingest it as it is.",
                               chinese: "{0}（{1}）结尾没有报尾（报/送/发、共印）：似乎不完整。未写入任何内容；请检查文件，或加 --allow-partial 按原样导入。"),
        .ingestUnreadableFigure: Entry(english: "{0} ({1}) holds a figure that cannot be read (see below). Nothing was written.",
                                       chinese: "{0}（{1}）含有无法读取的数字（见下）。未写入任何内容。"),
        .ingestContradicts: Entry(english: "{0} ({1}) contradicts itself (see below). Nothing was written; to ingest it as printed, add --accept-inconsistent --reason TEXT.",
                                  chinese: "{0}（{1}）自相矛盾（见下）。未写入任何内容；如要按原样导入，请加 --accept-inconsistent --reason 原因。"),
        .ingestDuplicate: Entry(english: "{0}: {1} ({2}) is a duplicate: the ledger already covers this number with {3}. Nothing was written.{4}",
                                chinese: "{0}：{1}（{2}）重复：账本中已有此期号，见 {3}。未写入任何内容。{4}"),
        .ingestDuplicateSome: Entry(english: "{0}: {1} ({2}) is a duplicate: the ledger already covers some of these numbers with {3}. Nothing was written.{4}",
                                    chinese: "{0}：{1}（{2}）重复：账本中已有其中部分期号，见 {3}。未写入任何内容。{4}"),
        .ingestSupersedeAdvice: Entry(english: " To replace it with this document, add --supersede --reason TEXT.",
                                      chinese: "如要用这份文档替换，请加 --supersede --reason 原因。"),
        .ingestOtherPublisher: Entry(english: "{0}: this bulletin ({1}) is published by {2}, not by this ledger's centre ({3}{4}): it looks like another hall's bulletin. Nothing was written. If {2} is another name of the same centre, add it with `ledger register --publisher '{2}' --reason TEXT`, then ingest the file again.",
                                     chinese: "{0}：这份周报（{1}）由 {2} 发布，不是本账本的中心（{3}{4}）：似乎是另一个大厅的周报。未写入任何内容。如果 {2} 是同一中心的另一个名称，请用 `ledger register --publisher '{2}' --reason 原因` 登记，再重新导入该文件。"),
        .ingestPublisherAlso: Entry(english: " or any other name registered for it ({0})", chinese: "或为它登记的其他名称（{0}）"),
        .diagnosticLine: Entry(english: "{0}: {1}: {2}", chinese: "{0}：{1}：{2}"),
        .diagnosticPage: Entry(english: " (page {0})", chinese: "（第 {0} 页）"),
        .diagnosticAccepted: Entry(english: "accepted as printed", chinese: "按原样接受"),
        .diagnosticAcceptedPartial: Entry(english: "accepted as partial", chinese: "按不完整接受"),
        .diagnosticError: Entry(english: "error", chinese: "错误"),
        .diagnosticWarning: Entry(english: "warning", chinese: "警告"),
        .diagnosticNote: Entry(english: "note", chinese: "提示"),
        .ingestConflict: Entry(english: "{0}: {1} is already in the ledger from another document, and {2} facts differ (below). Nothing was written; to replace it, add --supersede --reason TEXT.",
                               chinese: "{0}：{1} 已由另一份文档导入账本，有 {2} 条事实不同（见下）。未写入任何内容；如要替换，请加 --supersede --reason 原因。"),
        .ingestConflictOne: Entry(english: "{0}: {1} is already in the ledger from another document, and {2} fact differ (below). Nothing was written; to replace it, add --supersede --reason TEXT.",
                                  chinese: "{0}：{1} 已由另一份文档导入账本，有 {2} 条事实不同（见下）。未写入任何内容；如要替换，请加 --supersede --reason 原因。"),

        .verifyIntact: Entry(english: "ledger verify: intact", chinese: "ledger verify：完好"),
        .verifyDamaged: Entry(english: "ledger verify: DAMAGED: {0} problems; the first: {1}", chinese: "ledger verify：已损坏：{0} 处问题；第一处：{1}"),
        .verifyDamagedOne: Entry(english: "ledger verify: DAMAGED: {0} problem; the first: {1}", chinese: "ledger verify：已损坏：{0} 处问题；第一处：{1}"),
        .verifyLedgerLine: Entry(english: "  ledger   {0}", chinese: "  账本     {0}"),
        .verifyLogLine: Entry(english: "  log      {0}: {1} records, {2} bytes", chinese: "  日志     {0}：{1} 条记录，{2} 字节"),
        .verifyHeadLine: Entry(english: "  head     seq {0}, hash {1}", chinese: "  头       序号 {0}，哈希 {1}"),
        .verifyProblemsHeading: Entry(english: "Problems, in the order of the log:", chinese: "问题（按日志顺序）："),
        .verifyNote: Entry(english: "note: {0}", chinese: "提示：{0}"),

        .initAlready: Entry(english: "{0} already holds a ledger (head seq {1}); nothing was changed.", chinese: "{0} 中已有账本（头序号 {1}）；未做任何更改。"),
        .initReadmeNotWritten: Entry(english: "README.txt was not written ({0}); the ledger is made.", chinese: "未写入 README.txt（{0}）；账本已建好。"),
        .initMade: Entry(english: "made an empty ledger in {0}: EventLog/ (an empty log and its HEAD), Snapshots/, README.txt.", chinese: "已在 {0} 新建空账本：EventLog/（空日志及其 HEAD）、Snapshots/、README.txt。"),
        .initNext: Entry(english: "Next: ledger ingest FILE there, or ledger --ledger {0} ingest FILE from elsewhere.", chinese: "下一步：在那里运行 ledger ingest 文件，或在别处运行 ledger --ledger {0} ingest 文件。"),
        .initForeignFiles: Entry(english: "refusing to make a ledger in {0}: it holds other files ({1}). Give a new or empty directory: ledger init DIR. Nothing was made.", chinese: "拒绝在 {0} 新建账本：其中有其他文件（{1}）。请给一个新的或空的目录：ledger init 目录。未建立任何内容。"),
        .initNotDirectory: Entry(english: "refusing to make a ledger at {0}: it is not a directory. Nothing was made.", chinese: "拒绝在 {0} 新建账本：它不是目录。未建立任何内容。"),
        .logEmpty: Entry(english: "The ledger is empty.", chinese: "账本是空的。"),
        .logNoMatch: Entry(english: "No events match.", chinese: "没有符合条件的事件。"),
        .expectedSeq: Entry(english: "a seq, a whole number from 1", chinese: "序号，从 1 起的整数"),
        .showInvalidSeq: Entry(english: "Invalid seq '{0}': expected a whole number from 1", chinese: "无效的序号 '{0}'：应为从 1 起的整数"),
        .showNoSuchSeq: Entry(english: "there is no seq {0}: the ledger's last event is seq {1}", chinese: "没有序号 {0}：账本最后一个事件的序号是 {1}"),
        .showNotFound: Entry(english: "seq {0} was not found", chinese: "找不到序号 {0}"),
        .auditNoMatch: Entry(english: "No audit entries match.", chinese: "没有符合条件的审计记录。"),
        .auditNeedsLook: Entry(english: "Needs a look: {0} inspection verdicts the parser could not classify (the wording says neither good nor a problem); settle each with ledger correct SEQ --set verdict=satisfactory|finding --reason TEXT:", chinese: "待核：{0} 条巡查结论解析器无法归类（原文既未说良好也未说有问题）；请逐条用 ledger correct SEQ --set verdict=satisfactory|finding --reason 原因 确定："),
        .auditNeedsLookOne: Entry(english: "Needs a look: {0} inspection verdict the parser could not classify (the wording says neither good nor a problem); settle each with ledger correct SEQ --set verdict=satisfactory|finding --reason TEXT:", chinese: "待核：{0} 条巡查结论解析器无法归类（原文既未说良好也未说有问题）；请逐条用 ledger correct SEQ --set verdict=satisfactory|finding --reason 原因 确定："),
        .extractMissingDocument: Entry(english: "Missing the document to read.", chinese: "缺少要读取的文档。"),
        .fileNote: Entry(english: "{0}: note: {1}", chinese: "{0}：提示：{1}"),
        .exportWrote: Entry(english: "wrote {0} ({1}, {2} rows of {3}), head seq {4} {5}…", chinese: "已写入 {0}（{1}，{3} 共 {2} 行），头序号 {4} {5}…"),
        .exportWroteOne: Entry(english: "wrote {0} ({1}, {2} row of {3}), head seq {4} {5}…", chinese: "已写入 {0}（{1}，{3} 共 {2} 行），头序号 {4} {5}…"),
        .outNeedsPath: Entry(english: "--out needs the path of a file to write (or - for standard output)", chinese: "--out 需要要写入的文件路径（或 - 表示标准输出）"),
        .exportXLSXToTerminal: Entry(english: "an XLSX workbook is binary: give --out FILE (for example --out {0}.xlsx), or redirect standard output to a file", chinese: "XLSX 工作簿是二进制文件：请给 --out 文件（例如 --out {0}.xlsx），或把标准输出重定向到文件"),
        .reportToTerminal: Entry(english: "ledger report writes an HTML page: give --out FILE (for example --out report.html), or redirect standard output to a file", chinese: "ledger report 写出的是 HTML 页面：请给 --out 文件（例如 --out report.html），或把标准输出重定向到文件"),
        .reportIssues: Entry(english: "{0} issues through {1}", chinese: "{0} 期，至 {1}"),
        .reportIssuesOne: Entry(english: "{0} issue through {1}", chinese: "{0} 期，至 {1}"),
        .reportNoIssues: Entry(english: "no issues", chinese: "没有周报"),
        .reportWroteIntact: Entry(english: "wrote {0} ({1} KB): {2}, head seq {3} {4}…, ledger intact", chinese: "已写入 {0}（{1} KB）：{2}，头序号 {3} {4}…，账本完好"),
        .reportWroteDamaged: Entry(english: "wrote {0} ({1} KB): {2}, head seq {3} {4}…, ledger NOT intact", chinese: "已写入 {0}（{1} KB）：{2}，头序号 {3} {4}…，账本不完好"),

        .snapshotRefreshed: Entry(english: "refreshed {0} at seq {1}", chinese: "已在序号 {1} 更新 {0}"),
        .ingestStartedLedger: Entry(english: "{0} was not a ledger: this ingest started one there (next time, `ledger init {1}` makes an empty one first)", chinese: "{0} 原来不是账本：这次导入在那里新建了一个（下次可先用 `ledger init {1}` 建空账本）"),
        .snapshotUnreadable: Entry(english: "ignoring {0}: its state cannot be read; answering from the log", chinese: "忽略 {0}：其状态无法读取；改从日志作答"),
        .snapshotIgnored: Entry(english: "ignoring {0}: {1}; answering from the log", chinese: "忽略 {0}：{1}；改从日志作答"),
        .snapshotWroteHall: Entry(english: "wrote {0} at seq {1} ({2} records)", chinese: "已在序号 {1} 写入 {0}（{2} 条记录）"),
        .snapshotWrote: Entry(english: "wrote {0} at seq {1}", chinese: "已在序号 {1} 写入 {0}"),
        .seqLine: Entry(english: "seq {0}: {1}", chinese: "序号 {0}：{1}"),
        .registerAddedAliases: Entry(english: "added {0} as names of {1}", chinese: "已把 {0} 添加为 {1} 的名称"),
        .registerDepartment: Entry(english: "registered {0}", chinese: "已登记 {0}"),
        .registerDepartmentWithAliases: Entry(english: "registered {0} (also {1})", chinese: "已登记 {0}（又名 {1}）"),
        .registerPublisher: Entry(english: "registered {0} as another name of this ledger's centre ({1}); bulletins it publishes are now accepted", chinese: "已把 {0} 登记为本账本中心（{1}）的另一个名称；现在接受它发布的周报"),
        .reparseAppended: Entry(english: "appended {0} corrections as seq {1}–{2}", chinese: "已追加 {0} 条更正，序号 {1}–{2}"),
        .reparseAppendedOne: Entry(english: "appended {0} correction as seq {1}–{2}", chinese: "已追加 {0} 条更正，序号 {1}–{2}"),
        .reparseNoChange: Entry(english: "{0}: no change", chinese: "{0}：没有变化"),
        .reparseWouldChange: Entry(english: "{0}: {1} facts would change", chinese: "{0}：{1} 条事实会改变"),
        .reparseWouldChangeOne: Entry(english: "{0}: {1} fact would change", chinese: "{0}：{1} 条事实会改变"),

        .recordValid: Entry(english: "  valid {0}", chinese: "  有效日期 {0}"),
        .showRecorded: Entry(english: "  recorded {0} by {1}, batch of seq {2}–{3}", chinese: "  记录于 {0}，操作人 {1}，批次序号 {2}–{3}"),
        .showFrom: Entry(english: "  from {0}", chinese: "  出自 {0}"),
        .showADocument: Entry(english: "a document", chinese: "一份文档"),
        .showPage: Entry(english: ", page {0}", chinese: "，第 {0} 页"),
        .showPages: Entry(english: ", pages {0}–{1}", chinese: "，第 {0}–{1} 页"),
        .showLines: Entry(english: ", lines {0}–{1}", chinese: "，第 {0}–{1} 行"),
        .showOfDocument: Entry(english: " of document {0}…", chinese: "，文档 {0}…"),
        .showParser: Entry(english: ", read by parser {0}", chinese: "，由解析器 {0} 读取"),
        .showReader: Entry(english: " from the lines of reader {0}", chinese: "（读取器 {0} 给出的行）"),
        .showSourceText: Entry(english: "Source text (the stored document could not be read):", chinese: "原文（存储的文档无法读取）："),
        .showSinceThen: Entry(english: "Since then:", chinese: "此后："),
        .showCorrected: Entry(english: "corrected {0}", chinese: "更正 {0}"),
        .showRetracted: Entry(english: "retracted", chinese: "撤回"),
        .showSuperseded: Entry(english: "superseded by another document of its issue", chinese: "被同期的另一份文档替换"),
        .showReason: Entry(english: " (reason: {0})", chinese: "（原因：{0}）"),
        .showNow: Entry(english: "Now:", chinese: "现在："),
        .showNotQuoted: Entry(english: "ledger: warning: the source lines are not quoted: EventLog/documents/{0}…: {1}. Run `ledger verify` for the full report.", chinese: "ledger：警告：未引用出处行：EventLog/documents/{0}…：{1}。完整报告请运行 `ledger verify`。"),
        .logRecorded: Entry(english: "  recorded {0} by {1}", chinese: "  记录于 {0}，操作人 {1}"),
        .logBatch: Entry(english: "  (batch {0}, {1} of {2})", chinese: "  （批次 {0}，第 {1}/{2} 条）"),
        .logFrom: Entry(english: "    from {0}, lines {1}–{2}", chinese: "    出自 {0}，第 {1}–{2} 行"),

        .correctReasonRequired: Entry(english: "--reason TEXT is required: say why, it is recorded with the correction", chinese: "需要 --reason 原因：说明为什么，它随更正一并记录"),
        .correctReasonRequiredRetraction: Entry(english: "--reason TEXT is required: say why, it is recorded with the retraction", chinese: "需要 --reason 原因：说明为什么，它随撤回一并记录"),
        .correctMissingSet: Entry(english: "Missing '--set FIELD=VALUE': what should the fact say?", chinese: "缺少 '--set 字段=值'：这条事实应当是什么？"),
        .correctInvalidSet: Entry(english: "Invalid '--set {0}': expected FIELD=VALUE", chinese: "无效的 '--set {0}'：应为 字段=值"),
        .correctNoField: Entry(english: "{0} (seq {1}) has no field '{2}'; its fields are: {3}. Nothing was written.", chinese: "{0}（序号 {1}）没有字段 '{2}'；它的字段是：{3}。未写入任何内容。"),
        .correctNothingToCorrect: Entry(english: "seq {0} already has {1} = {2}: nothing to correct. Nothing was written.", chinese: "序号 {0} 的 {1} 已是 {2}：无需更正。未写入任何内容。"),
        .correctNoSuchSeq: Entry(english: "there is no seq {0}: the ledger's last event is seq {1}. Nothing was written.", chinese: "没有序号 {0}：账本最后一个事件的序号是 {1}。未写入任何内容。"),
        .correctNotAFact: Entry(english: "seq {0} is a {1} event, not a fact that can be corrected or retracted. Nothing was written.", chinese: "序号 {0} 是 {1} 事件，不是可以更正或撤回的事实。未写入任何内容。"),
        .correctRetracted: Entry(english: "seq {0}: retracted seq {1} ({2})", chinese: "序号 {0}：已撤回序号 {1}（{2}）"),
        .correctCorrected: Entry(english: "seq {0}: corrected seq {1} ({2}): {3}", chinese: "序号 {0}：已更正序号 {1}（{2}）：{3}"),

        .computedFromHead: Entry(english: "Computed from the ledger's head: seq {0}, hash {1}", chinese: "依据账本头计算：序号 {0}，哈希 {1}"),
        .unknownProjection: Entry(english: "Unknown projection '{0}': expected one of {1}", chinese: "未知投影 '{0}'：应为 {1} 之一"),
        .unknownProjectionSuggested: Entry(english: "Unknown projection '{0}' (did you mean '{1}'?): expected one of {2}",
                                           chinese: "未知投影 '{0}'（是否想用 '{1}'？）：应为 {2} 之一"),

        .authorizationNone: Entry(english: "No authorization figures {0}.", chinese: "{0}没有授权数据。"),
        .authorizationHeading: Entry(english: "Comprehensive-window authorization (无差别综合窗口授权), {0}, period ending {1}",
                                     chinese: "无差别综合窗口授权，{0}，统计截至 {1}"),
        .authorizationSummary: Entry(english: "  {0} of {1} stationed departments have authorized the window: {2}",
                                     chinese: "  进驻部门 {1} 个，已授权 {0} 个：{2}"),
        .authorizationNotAuthorized: Entry(english: "  not authorized: {0}", chinese: "  未授权：{0}"),
        .authorizationListedAuthorized: Entry(english: "  listed as authorized in {0}: {1}", chinese: "  {0} 列为已授权：{1}"),
        .authorizationListedUnauthorized: Entry(english: "  listed as not authorized in {0}: {1}", chinese: "  {0} 列为未授权：{1}"),
        .authorizationNewly: Entry(english: "  newly authorized in {0}: {1}", chinese: "  {0} 新授权：{1}"),
        .authorizationDepartmentsHeading: Entry(english: "Departments known to be authorized, and since when", chinese: "已知已授权的部门及授权时间"),
        .authorizationWeekByWeek: Entry(english: "Week by week, {0}", chinese: "{0} 年逐周"),
        .authorizationEarlier: Entry(english: " ({0} earlier reports: see --json, or --as-of a past date)",
                                     chinese: "（更早的 {0} 期：见 --json，或 --as-of 过去的日期）"),

        .totalsNone: Entry(english: "No service-item totals {0}.", chinese: "{0}没有办件总量。"),
        .totalsNoneForYear: Entry(english: "No service-item totals {0} for {1}.", chinese: "{0}没有 {1} 年的办件总量。"),
        .totalsHeading: Entry(english: "Provincial service items, year to date {0}-01-01 – {1} ({2})",
                              chinese: "省本级办件情况，本年累计 {0}-01-01 – {1}（{2}）"),
        .totalsLicensing: Entry(english: "行政许可 licensing", chinese: "行政许可"),
        .totalsPublicService: Entry(english: "公共服务 public services", chinese: "公共服务"),
        .totalsOtherPowers: Entry(english: "其它九类 other powers", chinese: "其它九类"),
        .totalsChangeSince: Entry(english: "  Δ: the change since {0}.", chinese: "  增量：与 {0} 相比。"),
        .totalsNoEarlier: Entry(english: "  Δ: no earlier report this year.", chinese: "  增量：本年没有更早的周报。"),

        .windowNone: Entry(english: "No comprehensive-window counts {0}.", chinese: "{0}没有综窗办件数据。"),
        .windowHeading: Entry(english: "Comprehensive-window counts (省本级综窗办件情况), {0}, period ending {1}",
                              chinese: "省本级综窗办件情况，{0}，统计截至 {1}"),
        .windowConsultations: Entry(english: "咨询 consultations (人次)", chinese: "咨询（人次）"),
        .windowAccepted: Entry(english: "受理 accepted", chinese: "受理"),
        .windowIssued: Entry(english: "颁发 issued", chinese: "颁发"),
        .windowTransferred: Entry(english: "流转 transferred", chinese: "流转"),

        .visitsNone: Entry(english: "No leader visits {0}{1}.", chinese: "{0}{1}没有厅（局）长进大厅的记录。"),
        .visitsHeading: Entry(english: "Leader visits (厅（局）长进大厅) {0}{1}", chinese: "厅（局）长进大厅，{0}{1}"),
        .visitsPerDepartment: Entry(english: "Per department", chinese: "按部门"),
        .filterDepartment: Entry(english: "department {0}", chinese: "部门 {0}"),
        .filterPerson: Entry(english: "person {0}", chinese: "人员 {0}"),
        .filterParenthesized: Entry(english: " ({0})", chinese: "（{0}）"),

        .inspectionsNone: Entry(english: "No hall inspections {0}.", chinese: "{0}没有大厅巡查记录。"),
        .inspectionsHeading: Entry(english: "Hall inspections (大厅巡查情况) {0}: {1} findings{2} of {3} verdicts",
                                   chinese: "大厅巡查情况，{0}：{3} 条结论中有 {1} 条问题{2}"),
        .inspectionsHeadingOne: Entry(english: "Hall inspections (大厅巡查情况) {0}: {1} finding{2} of {3} verdicts",
                                      chinese: "大厅巡查情况，{0}：{3} 条结论中有 {1} 条问题{2}"),
        .inspectionsUnclassified: Entry(english: ", {0} to check (the wording says neither; settle each with ledger correct SEQ --set verdict=…)",
                                        chinese: "，{0} 条待核（原文未说明；请逐条用 ledger correct SEQ --set verdict=… 确定）"),
        .verdictSatisfactory: Entry(english: "ok", chinese: "良好"),
        .verdictFinding: Entry(english: "FINDING", chinese: "问题"),
        .verdictUnclassified: Entry(english: "CHECK", chinese: "待核"),

        .departmentsHeading: Entry(english: "Departments stationed in the hall, and what the ledger knows of them {0}",
                                   chinese: "进驻大厅的部门，以及账本所知（{0}）"),
        .issuesNone: Entry(english: "No issues {0}.", chinese: "{0}没有周报。"),
        .issuesHeading: Entry(english: "Issues {0}, in the order of their periods", chinese: "周报（{0}），按统计期间排序"),
        .issuesNoGaps: Entry(english: "  No gaps in the numbering.", chinese: "  期号没有缺漏。"),
        .issuesGaps: Entry(english: "  Missing from the numbering: {0}", chinese: "  缺少的期号：{0}"),
    ]
}
