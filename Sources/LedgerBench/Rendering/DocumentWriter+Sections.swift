import LedgerDomain

extension DocumentWriter {
    mutating func window(_ section: BulletinModel.WindowSection) {
        var ordinal = 0
        let numbering = numbering
        func subsection(_ title: String) -> Prose {
            ordinal += 1
            return numbering.subsectionHeading(ordinal, title)
        }
        if let counts = section.counts {
            heading(subsection("省本级综窗办件情况"))
            let week = counts.week
            let total = counts.yearToDate
            paragraph("本周，共计咨询\(count: week.consultations)人次、受理\(count: week.accepted)件、颁发\(count: week.issued)件、流转\(count: week.transferred)件；今年以来，累计咨询\(count: total.consultations)人次、受理\(count: total.accepted)件、颁发\(count: total.issued)件、流转\(count: total.transferred)件。")
        }
        if let authorization = section.authorization {
            heading(subsection("省级部门（单位）事项纳入及授权情况"))
            paragraph(authorizationText(authorization))
        }
        if !section.progress.isEmpty {
            heading(subsection("推进情况"))
            let style = layout.rng.weighted([0.6, 0.2, 0.2])
            for (index, text) in section.progress.enumerated() {
                let marker: Prose = numbering.itemMarker(index + 1)
                    ?? (style == 0 ? "\(number: index + 1)." : style == 1 ? "\(number: index + 1)、" : parenthesized(index + 1))
                paragraph(marker + text)
            }
        }
    }

    /// The authorization paragraph in one of the wordings staff write: with shares (the real
    /// issues'), counts alone with `尚未授权`, shares without `为`, or `已全部授权` when none is left.
    private mutating func authorizationText(_ status: BulletinModel.Authorization) -> Prose {
        let newly: Prose
        if status.newlyAuthorized.isEmpty {
            newly = layout.rng.pick(["较上周无新增；", "较上周没有新增；"])
        } else {
            let names = status.newlyAuthorized.map { $0.written + ($0.partial ? "（部分事项授权）" : "") }
            let count = status.newlyAuthorized.count
            let written: Prose = count == 2 && layout.rng.chance(0.2) ? "两" : "\(count: count)"
            let verb: Prose = layout.rng.chance(0.2) ? "新增授权" : "新增"
            let introduction: Prose = layout.rng.pick(["：", "：", "，分别是：", "，分别为："])
            newly = "较上周\(verb)\(written)个部门\(introduction)\(names.joined(separator: "、"))；"
        }
        let stationed: Prose = "已进驻省政务服务大厅的省级部门（单位）共\(count: status.stationed)个"
        if status.unauthorized == 0 && layout.rng.chance(0.6) {
            return "\(stationed)，已全部授权无差别综合窗口，\(newly)"
        }
        switch layout.rng.weighted([0.6, 0.25, 0.15]) {
        case 1:
            return "\(stationed)，已授权\(count: status.authorized)个部门，\(newly)尚未授权的\(count: status.unauthorized)个部门。"
        case 2:
            return "\(stationed)。其中，已授权无差别综合窗口\(count: status.authorized)个，占比\(share: status.authorizedShare)%，\(newly)尚未授权\(count: status.unauthorized)个，占比\(share: status.unauthorizedShare)%。"
        default:
            return "\(stationed)。其中，已授权无差别综合窗口的\(count: status.authorized)个，占比为\(share: status.authorizedShare)%，\(newly)未授权无差别综合窗口的\(count: status.unauthorized)个，占比为\(share: status.unauthorizedShare)%。"
        }
    }

    mutating func serviceItems(_ items: BulletinModel.ServiceItems) {
        let counts = Dictionary(uniqueKeysWithValues: items.categories.map { ($0.category, $0) })
        func pair(_ category: String) -> (Int, Int) {
            guard let found = counts[category] else { preconditionFailure("no counts for \(category)") }
            return (found.accepted, found.completed)
        }
        let (licensingAccepted, licensingCompleted) = pair("administrativeLicensing")
        let (publicAccepted, publicCompleted) = pair("publicService")
        let (otherAccepted, otherCompleted) = pair("otherPowers")
        let firstDay = CalendarDate(year: items.through.year, month: 1, day: 1) ?? items.through
        paragraph("据四川一体化政务服务平台数据统计，\(fullDate: firstDay)至\(fullDate: items.through)，省本级行政许可事项受理\(count: licensingAccepted)件，办结\(count: licensingCompleted)件；公共服务事项受理\(count: publicAccepted)件，办结\(count: publicCompleted)件，其它九类行权事项受理\(count: otherAccepted)件，累计办结\(count: otherCompleted)件。")
    }

    mutating func news(_ section: BulletinModel.NewsSection) {
        var ordinal = 0
        let numbering = numbering
        func subsection(_ title: String) -> Prose {
            ordinal += 1
            return numbering.subsectionHeading(ordinal, title)
        }
        if !section.business.isEmpty {
            heading(subsection("优化营商环境工作开展情况"))
            items(section.business, unnumberedWhenAlone: 0.6)
        }
        if !section.efficiency.isEmpty {
            heading(subsection("窗口服务效能提升工作情况"))
            items(section.efficiency, unnumberedWhenAlone: 0.6)
        }
        if !section.visits.isEmpty {
            heading(subsection("厅（局）长进大厅"))
            var texts: [Prose] = []
            for visit in section.visits { texts.append(visitText(visit)) }
            items(texts)
        }
    }

    /// A visit as staff write it: the date bare, with its year or with the weekday in brackets;
    /// the titles before the name or after it.
    private mutating func visitText(_ visit: BulletinModel.Visit) -> Prose {
        let time = layout.rng.pick(["", "", "", "上午", "下午"])
        let weekday = Array("一二三四五六日")[(visit.date.daysSinceEpoch + 3) % 7]
        let date: Prose = switch layout.rng.weighted([0.6, 0.15, 0.15, 0.1]) {
        case 0: "\(date: visit.date)"
        case 1: "\(fullDate: visit.date)"
        case 2: "\(date: visit.date)（星期\(String(weekday))）"
        default: "\(date: visit.date)（周\(String(weekday))）"
        }
        let titles = visit.titles.joined(separator: "、")
        let leader = layout.rng.chance(0.2) ? visit.person + titles : titles + visit.person
        return "\(date)\(time)，\(visit.written)\(leader)\(visit.account)"
    }

    mutating func inspection(_ section: BulletinModel.Inspection) {
        if layout.rng.chance(layout.style.forms.inspectionIntroduction) { paragraph(Phrasebook.inspectionIntroduction) }
        // `一是` heads a short sub-section, not an inspection item with its verdict.
        let ascii = numbering.subsection == .asciiParentheses
        for item in section.items {
            let numeral = BulletinRenderer.chineseNumeral(item.ordinal)
            paragraph("\(ascii ? "(" : "（")\(numeral)\(ascii ? ")" : "）")\(item.item)。\(item.verdict)")
        }
    }
}
