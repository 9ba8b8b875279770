import LedgerDomain

/// The page's words: Chinese, as the bulletins write them.
enum Labels {
    /// `2023年2月17日`.
    static func date(_ date: CalendarDate) -> String { "\(date.year)年\(date.month)月\(date.day)日" }

    /// `2月17日`, for a date within a year already named.
    static func monthDay(_ date: CalendarDate) -> String { "\(date.month)月\(date.day)日" }

    /// A week for a table of issues numbered in `year`: `1月9日–13日`; with the years where
    /// the week is not all in `year` (`2023年12月27日–31日` for 2024年第1期); the end alone
    /// when the start is unknown.
    static func period(_ from: CalendarDate?, _ through: CalendarDate, numberedIn year: Int) -> String {
        guard let from else { return through.year == year ? monthDay(through) : date(through) }
        if from.year != through.year { return "\(date(from))–\(date(through))" }
        if from.year != year { return date(from) + "–" + (from.month == through.month ? "\(through.day)日" : monthDay(through)) }
        return monthDay(from) + "–" + (from.month == through.month ? "\(through.day)日" : monthDay(through))
    }

    /// A share that is a number of percent (`82.2`, `100`), else nil.
    static func percentFigure(_ text: String?) -> String? {
        guard let text, !text.isEmpty, text.count <= 8, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              text.filter({ $0 == "." }).count <= 1, text.first != ".", text.last != "." else { return nil }
        return text
    }

    /// `82.2%`, or a dash when no share is known.
    static func percent(_ share: String?) -> String { percentFigure(share).map { $0 + "%" } ?? "—" }

    /// `2023年第6期`, from an issue key `2023-06`.
    static func issue(_ key: String) -> String {
        let parts = key.split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), let number = Int(parts[1]) else { return key }
        return "\(year)年第\(number)期"
    }

    /// The service-item categories (省级政务服务事项), in the bulletin's order.
    static let categories: [(key: String, label: String, short: String)] = [
        ("administrativeLicensing", "行政许可事项", "行政许可"), ("publicService", "公共服务事项", "公共服务"),
        ("otherPowers", "其它九类行权事项", "其它九类"),
    ]

    /// The comprehensive-window counts (省本级综窗办件情况), with their units.
    static let windowMetrics: [(key: String, label: String, unit: String)] = [
        ("consultations", "咨询", "人次"), ("accepted", "受理", "件"), ("issued", "颁发", "件"), ("transferred", "流转", "件"),
    ]

    /// An instant for people, to the minute (`2026-12-01 13:40 UTC`) or the second.
    static func instant(_ instant: Instant, seconds: Bool = false) -> String {
        let text = instant.description
        guard text.count >= 19 else { return text }
        return text.prefix(10) + " " + text.dropFirst(11).prefix(seconds ? 8 : 5) + " UTC"
    }

    /// `ledger verify`'s notes in the page's language, those it knows; others as verify wrote them.
    static func verifyNote(_ note: String) -> String {
        let words = note.split(separator: " ")
        if note.hasSuffix("checked against their SHA-256"), let count = words.first {
            return "\(count) 份原始文件已与其 SHA-256 核对一致"
        }
        if note.hasPrefix("Snapshots/"), note.contains(" matches the log at seq "), let file = words.first,
           let at = words.firstIndex(of: "seq"), at + 1 < words.count {
            let behind = note.contains("behind the head")
            return "快照 \(file) 与日志在 seq \(words[at + 1]) 处一致" + (behind ? "（其后的记录另行折算）" : "")
        }
        if note.hasPrefix("no snapshot") { return "没有快照：各项数字由整个日志计算" }
        return note
    }
}
