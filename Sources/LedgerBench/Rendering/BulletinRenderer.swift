import LedgerDomain

/// Writes a ``BulletinModel`` as the text a PDF extractor gives for a real issue: masthead,
/// publisher and date, title and period, sections `一、` with sub-sections `（一）` and items,
/// the footer `报：送：发：` and `（共印 80份）`, with the artefacts of an ``ArtefactStyle``.
///
/// Pure and reproducible: the same issue, style and seed give the same bytes.
public enum BulletinRenderer {
    /// The issue with artefacts drawn from `seed` (and the issue's serial, so each issue of a
    /// history looks different and can be rendered alone).
    public static func render(_ issue: BulletinModel, seed: UInt64) -> String {
        document(issue, seed: seed).text
    }

    /// The issue rendered as ``render(_:seed:)`` does, with the house style it was drawn in.
    public static func document(_ issue: BulletinModel, seed: UInt64) -> (house: HouseStyle, text: String) {
        var rng = SplitMix64(seed: seed, stream: UInt64(issue.serial))
        let house = HouseStyle.draw(&rng)
        let style = house.artefacts(&rng)
        return (house, render(issue, style: style, seed: rng.next()))
    }

    /// The issue in the given house style, its settings drawn from `seed`.
    public static func render(_ issue: BulletinModel, house: HouseStyle, seed: UInt64) -> String {
        var rng = SplitMix64(seed: seed, stream: UInt64(issue.serial))
        let style = house.artefacts(&rng)
        return render(issue, style: style, seed: rng.next())
    }

    /// The issue with the given artefacts; `seed` decides where they fall.
    public static func render(_ issue: BulletinModel, style: ArtefactStyle, seed: UInt64) -> String {
        var writer = DocumentWriter(layout: TextLayout(rng: SplitMix64(seed: seed), style: style))
        writer.masthead(issue)
        for (index, section) in issue.sections.enumerated() {
            writer.heading("\(chineseNumeral(index + 1))\(style.numbering.sectionSeparator)\(section.title)")
            switch section {
            case .window(let window): writer.window(window)
            case .serviceItems(let items): writer.serviceItemsInStyle(items)
            case .news(let news): writer.news(news)
            case .inspection(let inspection): writer.inspection(inspection)
            }
        }
        writer.footer(issue)
        return writer.layout.document(writer.lines)
    }

    /// 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (up to 99).
    static func chineseNumeral(_ value: Int) -> String {
        precondition((1...99).contains(value), "numerals from 1 to 99")
        let digits = Array("一二三四五六七八九")
        let tens = value / 10
        let ones = value % 10
        let tensText = tens == 0 ? "" : (tens == 1 ? "" : String(digits[tens - 1])) + "十"
        return tensText + (ones == 0 ? "" : String(digits[ones - 1]))
    }
}

extension BulletinModel.Section {
    /// The section's title as printed.
    var title: String {
        switch self {
        case .window: return "综窗改革攻坚行动"
        case .serviceItems: return "省级政务服务事项受理办理情况"
        case .news: return "窗口工作动态"
        case .inspection: return "大厅巡查情况"
        }
    }
}

/// Collects a document's lines: headings whole, paragraphs wrapped.
struct DocumentWriter {
    var layout: TextLayout
    var lines: [String] = []

    var numbering: Numbering { layout.style.numbering }

    /// A line that is never wrapped (headings), indented as a paragraph's first line is.
    mutating func heading(_ prose: Prose) {
        lines.append(layout.style.firstLineIndent + layout.write(prose))
    }

    /// A line of the masthead or the print run: never wrapped, centred when the style centres.
    mutating func centred(_ prose: Prose) {
        lines.append(layout.centred(layout.write(prose)))
    }

    /// A paragraph, hard-wrapped.
    mutating func paragraph(_ prose: Prose) {
        lines += layout.wrap(layout.atoms(prose))
    }

    /// The masthead as one of the layouts extractors give: the serial and the date on the
    /// issue's and publisher's lines or on lines of their own; the period with any dash.
    mutating func masthead(_ issue: BulletinModel) {
        var number: Prose = "\(number: issue.year)年第\(number: issue.number)期"
        var serial: Prose = "（总第\(number: issue.serial)期）"
        if let last = issue.throughNumber {
            let separator = Prose(stringLiteral: layout.rng.pick(["-", "—", "－", "、"]))
            number = "\(number: issue.year)年第\(number: issue.number)" + separator + "\(number: last)期"
            serial = "（总第\(number: issue.serial)" + separator + "\(number: issue.throughSerial)期）"
        }
        if layout.rng.chance(0.2) {
            centred(number)
            centred(serial)
        } else {
            centred(number + serial)
        }
        if layout.rng.chance(0.2) {
            centred(Prose(stringLiteral: Phrasebook.publisher))
            centred("\(fullDate: issue.published)")
        } else if layout.style.centredIn != nil {
            centred("\(Phrasebook.publisher)\(fullDate: issue.published)")
        } else {
            paragraph("\(Phrasebook.publisher)\(fullDate: issue.published)")
        }
        centred(Prose(stringLiteral: Phrasebook.title))
        // The house style's own dash half the time, any dash a writer uses otherwise.
        let dash = layout.rng.chance(0.5) ? Prose(stringLiteral: layout.style.punctuation.periodDash)
            : Prose(stringLiteral: layout.rng.pick(["—", "－", "-", " - ", "~", "～", "〜", "至", " 至 "]))
        centred("（\(date: issue.from)" + dash + "\(date: issue.through)）")
    }

    mutating func footer(_ issue: BulletinModel) {
        for line in Phrasebook.distribution { paragraph(Prose(stringLiteral: line)) }
        centred("（共印\(number: issue.printRun)份）")
    }

    /// `（1）` or `(1)`, as the document's style has it.
    mutating func parenthesized(_ ordinal: Int) -> Prose {
        if let marker = numbering.itemMarker(ordinal) { return marker }
        return layout.rng.chance(layout.style.asciiParentheses) ? "(\(number: ordinal))" : "（\(number: ordinal)）"
    }

    /// Paragraphs under a sub-section: numbered `（1）`, or one paragraph unnumbered.
    mutating func items(_ paragraphs: [Prose], unnumberedWhenAlone: Double = 0.5) {
        if paragraphs.count == 1 && layout.rng.chance(unnumberedWhenAlone) {
            paragraph(paragraphs[0])
            return
        }
        let ascii = layout.rng.chance(layout.style.asciiParentheses)
        for (index, text) in paragraphs.enumerated() {
            let marker: Prose = numbering.itemMarker(index + 1) ?? (ascii ? "(\(number: index + 1))" : "（\(number: index + 1)）")
            paragraph(marker + text)
        }
    }
}
