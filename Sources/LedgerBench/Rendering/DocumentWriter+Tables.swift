import LedgerDomain
import LedgerFormats

extension ArtefactStyle {
    /// How a document gives the service-item counts.
    public enum CountsForm: Sendable, Equatable, CaseIterable {
        /// `2023年1月1日至2023年2月17日，省本级行政许可事项受理62827件，办结63468件；…` (the real issues).
        case prose
        /// `截至2月17日，省本级行政许可事项累计受理6.2827万件，累计办结63468件；…`.
        case untilTotals
        /// A table whose cells are separated by runs of spaces, units in the header.
        case spacedTable
        /// A table whose cells are separated by tabs.
        case tabbedTable
        /// A table drawn with `|` (as a Markdown or plain-text export writes it).
        case barredTable
        /// A table drawn with box-drawing characters (as PDF table extraction leaves it).
        case boxTable
        /// Measures as rows, categories as columns.
        case transposedTable
        /// Rows wrapped: a long category name broken, its figures on the next line.
        case wrappedTable

        /// Prose for most documents, every other form for some.
        static func random(_ rng: inout SplitMix64) -> CountsForm {
            allCases[rng.weighted([0.6, 0.1, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05])]
        }
    }
}

extension DocumentWriter {
    static let categoryNames = [
        ("administrativeLicensing", "行政许可事项"), ("publicService", "公共服务事项"), ("otherPowers", "其它九类行权事项"),
    ]

    /// The service-item counts in the form the style says (``ArtefactStyle/countsForm``).
    mutating func serviceItemsInStyle(_ items: BulletinModel.ServiceItems) {
        let form = layout.style.countsForm
        let counts = Dictionary(uniqueKeysWithValues: items.categories.map { ($0.category, ($0.accepted, $0.completed)) })
        let rows: [(name: String, accepted: Int, completed: Int)] = Self.categoryNames.map { key, name in
            guard let (accepted, completed) = counts[key] else { preconditionFailure("no counts for \(key)") }
            return (name, accepted, completed)
        }
        let firstDay = CalendarDate(year: items.through.year, month: 1, day: 1) ?? items.through
        switch form {
        case .prose:
            serviceItems(items)
        case .untilTotals:
            var clauses: [Prose] = []
            for row in rows {
                clauses.append("\(row.name)累计受理\(wan(row.accepted))件，累计办结\(wan(row.completed))件")
            }
            paragraph("截至\(fullDate: items.through)，省本级" + Prose.joined(clauses, separator: "；") + "。")
        default:
            paragraph("据统计，\(fullDate: firstDay)至\(fullDate: items.through)，省本级政务服务事项受理办理情况如下：")
            table(rows, form: form)
        }
    }

    /// `6.2827万` for a count of five digits or more, now and then; the count as it is otherwise.
    /// Always exact: the decimals are the count's own digits.
    private mutating func wan(_ value: Int) -> Prose {
        guard value >= 10_000, layout.rng.chance(0.5) else { return "\(count: value)" }
        var decimals = String(value % 10_000)
        decimals = String(repeating: "0", count: 4 - decimals.count) + decimals
        while decimals.last == "0" { decimals.removeLast() }
        return Prose(stringLiteral: "\(value / 10_000)" + (decimals.isEmpty ? "" : "." + decimals) + "万")
    }

    private mutating func table(_ rows: [(name: String, accepted: Int, completed: Int)], form: ArtefactStyle.CountsForm) {
        let gap = String(repeating: " ", count: layout.rng.int(in: 2...6))
        switch form {
        case .tabbedTable:
            heading("类别\t受理\t办结")
            for row in rows { heading("\(row.name)\t\(count: row.accepted)\t\(count: row.completed)") }
        case .barredTable:
            heading("| 类别 | 受理（件） | 办结（件） |")
            heading("|------|------|------|")
            for row in rows { heading("| \(row.name) | \(count: row.accepted) | \(count: row.completed) |") }
        case .boxTable:
            heading("┌──────┬────┬────┐")
            heading("│类别│受理│办结│")
            heading("├──────┼────┼────┤")
            for row in rows { heading("│\(row.name)│\(count: row.accepted)│\(count: row.completed)│") }
            heading("└──────┴────┴────┘")
        case .transposedTable:
            heading(Prose(stringLiteral: "项目" + gap + rows.map(\.name).joined(separator: gap)))
            heading("受理" + Prose.joined(rows.map { "\(gap)\(count: $0.accepted)" }))
            heading("办结" + Prose.joined(rows.map { "\(gap)\(count: $0.completed)" }))
        case .wrappedTable:
            heading(Prose(stringLiteral: "类别" + gap + "受理（件）" + gap + "办结（件）"))
            for row in rows {
                let cut = row.name.index(row.name.startIndex, offsetBy: layout.rng.int(in: 2...(row.name.count - 1)))
                heading(Prose(stringLiteral: String(row.name[..<cut])))
                if layout.rng.chance(0.5) {
                    heading(Prose(stringLiteral: String(row.name[cut...]) + gap) + "\(count: row.accepted)\(gap)\(count: row.completed)")
                } else {
                    heading(Prose(stringLiteral: String(row.name[cut...])))
                    heading(Prose(stringLiteral: gap) + "\(count: row.accepted)\(gap)\(count: row.completed)")
                }
            }
        default:
            heading(Prose(stringLiteral: "类别" + gap + "受理（件）" + gap + "办结（件）"))
            for row in rows { heading(Prose(stringLiteral: row.name + gap) + "\(count: row.accepted)\(gap)\(count: row.completed)") }
        }
    }
}
