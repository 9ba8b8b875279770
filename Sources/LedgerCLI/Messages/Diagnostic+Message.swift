import LedgerFormats
import LedgerParser

extension Diagnostic.Detail {
    /// The diagnostic's sentence as a catalogue message. Its English is the parser's own
    /// (``description``), word for word; numbers are shown as the parser writes them.
    var message: Message {
        func n(_ number: Int) -> Message.Argument { .text(String(number)) }
        func place(_ section: String?) -> Message.Argument {
            .message(section.map { Message(.parserInSection, .text($0)) } ?? Message(.parserOutsideSections))
        }
        func label(_ authorized: Bool) -> Message.Argument { .message(Message(authorized ? .parserAuthorized : .parserNotAuthorized)) }
        func places(_ places: [Diagnostic.MastheadPlace]) -> Message.Argument {
            .list(places.map { .message(Message(.parserMastheadPlace, .text($0.issue), n($0.line))) })
        }
        switch self {
        case let .unclaimedLines(first, last, section, excerpt):
            return Message(.parserUnclaimedLines, n(first), n(last), place(section), .text(excerpt))
        case .noNumberedSection: return Message(.parserNoNumberedSection)
        case let .unplacedText(section, excerpt): return Message(.parserUnplacedText, place(section), .text(excerpt))
        case let .unknownSectionReadAsCounts(title): return Message(.parserUnknownSectionReadAsCounts, .text(title))
        case let .unclassifiedVerdict(ordinal, item, excerpt):
            return Message(.parserUnclassifiedVerdict, n(ordinal), .text(item), .text(excerpt))
        case let .newsLikeVisit(section, date, department, person):
            return Message(.parserNewsLikeVisit, .text(section), .text(date), .text(department), .text(person))
        case let .allAuthorizedWithoutCount(count): return Message(.parserAllAuthorizedWithoutCount, n(count))
        case let .listHoldsNonName(authorized, excerpt): return Message(.parserListHoldsNonName, label(authorized), .text(excerpt))
        case let .unregisteredName(name, authorized): return Message(.parserUnregisteredName, .text(name), label(authorized))
        case let .newlyListHoldsNonName(excerpt): return Message(.parserNewlyListHoldsNonName, .text(excerpt))
        case .noMasthead: return Message(.parserNoMasthead)
        case .noPublicationDate: return Message(.parserNoPublicationDate)
        case let .issueWithoutYear(year, issue): return Message(.parserIssueWithoutYear, n(year), .text(issue))
        case let .noReportingPeriod(published): return Message(.parserNoReportingPeriod, .text(published))
        case let .serialRangeOnly(number, serial): return Message(.parserSerialRangeOnly, n(number), .text(serial.map(String.init) ?? "—"))
        case let .notACombinedIssue(first, last): return Message(.parserNotACombinedIssue, n(first), n(last))
        case let .combinedSerialsMismatch(first, last, serial, through):
            return Message(.parserCombinedSerialsMismatch, n(first), n(last), n(serial), n(through))
        case let .noFooter(afterLine): return Message(.parserNoFooter, n(afterLine))
        case let .footerListTwice(key): return Message(.parserFooterListTwice, .text(key))
        case let .figureWithoutMeasure(figure, label): return Message(.parserFigureWithoutMeasure, .text(figure), .text(label))
        case let .tableNotReadWhole(why): return Message(.parserTableNotReadWhole, .message(why.message))
        case let .numberTooLarge(digits, start, section, maxDigits):
            return Message(.parserNumberTooLarge, n(digits), .text(start), .text(section), n(maxDigits))
        case let .fractionNotWhole(written, section): return Message(.parserFractionNotWhole, .text(written), .text(section))
        case .noPublisher: return Message(.parserNoPublisher)
        case let .weekSpansNewYear(from, through, year, measures):
            return Message(.parserWeekSpansNewYear, .text(from), .text(through), n(year), .list(measures.map(measureArgument)))
        case let .yearToDateBelowWeek(measure, total, week):
            return Message(.parserYearToDateBelowWeek, measureArgument(measure), .text(total), .text(week))
        case let .authorizedSumMismatch(authorized, unauthorized, stationed):
            return Message(.parserAuthorizedSumMismatch, n(authorized), n(unauthorized), n(authorized + unauthorized), n(stationed))
        case let .shareMismatch(authorized, count, stationed, computed, printed):
            return Message(.parserShareMismatch, label(authorized), n(count), n(stationed), .text(computed), .text(printed))
        case let .countBesideList(count, authorized, listed):
            return Message(count == 1 ? .parserCountBesideListOne : .parserCountBesideList, n(count), label(authorized), n(listed))
        case let .newlyCountMismatch(stated, named):
            return Message(stated == 1 ? .parserNewlyCountMismatchOne : .parserNewlyCountMismatch, n(stated), n(named))
        case let .markup(html, line, quoted, tags, tagLines, linesWithText):
            return Message(html ? .parserMarkupHTML : .parserMarkupXML, n(line), .text(quoted), n(tags), n(tagLines), n(linesWithText))
        case let .sameIssueRepeated(issue, all) where all.count == 2:
            return Message(.parserSameIssueTwice, .text(issue), places(all))
        case let .sameIssueRepeated(issue, all):
            return Message(.parserSameIssueRepeated, .text(issue), n(all.count), places(all))
        case let .severalIssues(all): return Message(.parserSeveralIssues, n(all.count), places(all))
        }
    }
}

/// A window or service-item measure by its key (`accepted`): English keeps the key, Chinese says 受理.
private func measureArgument(_ key: String) -> Message.Argument {
    let keys: [String: MessageKey] = ["consultations": .measureConsultations, "accepted": .measureAccepted, "issued": .measureIssued,
                                      "transferred": .measureTransferred, "completed": .measureCompleted]
    return keys[key].map { .message(Message($0)) } ?? .text(key)
}

extension CrossIssueWarning {
    /// The failed check as a catalogue message; its English is ``description``.
    var message: Message {
        func n(_ number: Int) -> Message.Argument { .text(String(number)) }
        func neighbour(_ against: Neighbour) -> Message.Argument {
            switch against {
            case .earlier(let key): .message(Message(.crossEarlier, .text(key)))
            case .later(let key): .message(Message(.crossLater, .text(key)))
            }
        }
        switch self {
        case let .windowYearToDateFalls(metric, before, first, after, second, against):
            return Message(.crossWindowFalls, measureArgument(metric), n(before), .text(first), n(after), .text(second), neighbour(against))
        case let .itemsYearToDateFalls(category, accepted, before, first, after, second, against):
            return Message(.crossItemsFalls, .text(category), .message(Message(accepted ? .crossAccepted : .crossCompleted)), n(before), .text(first),
                           n(after), .text(second), neighbour(against))
        case let .windowDoesNotAddUp(metric, before, previous, week, total):
            return Message(.crossWindowAddsUp, measureArgument(metric), n(before), .text(previous), n(week), n(before + week), n(total))
        case let .authorizationIncreaseMismatch(before, previous, after, increase):
            return Message(.crossAuthorization, n(before), .text(previous), n(after), n(after - before), n(increase))
        }
    }
}

extension Diagnostic.TableRefusal {
    /// Why a table was not read, as a catalogue message.
    var message: Message {
        switch self {
        case .headerMixesMeasuresAndCategories: Message(.tableHeaderMixes)
        // Chinese words, listed the Chinese way in either language.
        case .unknownHeaderWords(let words): Message(.tableUnknownHeaderWords, .text(words.joined(separator: "、")))
        case .noRowAfterHeader(let columns): Message(.tableNoRowAfterHeader, .text(String(columns)))
        case .rowWithoutFigures(let columns): Message(.tableRowWithoutFigures, .text(String(columns)))
        case .labelWithoutFigures: Message(.tableLabelWithoutFigures)
        case .unknownMeasureRow(let label): Message(.tableUnknownMeasureRow, .text(label))
        case .unknownCategoryRow(let label): Message(.tableUnknownCategoryRow, .text(label))
        case .rowTwice: Message(.tableRowTwice)
        case .headerWordTwice: Message(.tableHeaderWordTwice)
        case .notServiceItemRows: Message(.tableNotServiceItemRows)
        case .notWindowRows: Message(.tableNotWindowRows)
        }
    }
}

extension IngestPlanner.Difference {
    /// One fact that differs between two documents of an issue, as a catalogue message; its
    /// English is ``description``. The fact and field keep their names, as `ledger correct` takes them.
    var message: Message {
        func value(_ value: JSONValue?) -> Message.Argument {
            value == nil ? .message(Message(.valueNone)) : .text(IngestPlanner.show(value))
        }
        switch kind {
        case "changed": return Message(.differenceChanged, .text(fact), .text(field ?? ""), value(from), value(to))
        case "added": return Message(.differenceAdded, .text(fact), value(to))
        default: return Message(.differenceRemoved, .text(fact), value(from))
        }
    }
}
