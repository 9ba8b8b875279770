/// The counts of a section, read from a table when the section has one, else from its prose.
extension SectionReader {
    /// 省级政务服务事项受理办理情况: the three categories' accepted and completed, as a table or
    /// prose; a table that cannot be read whole leaves the section unplaced, with a warning.
    mutating func readServiceItems(_ section: Outline.Section, into bulletin: inout Bulletin) {
        let mark = bulletin.mark
        let body = section.text.droppingFirstLine()
        var items: [Bulletin.ServiceItems] = []
        switch TableReader.read(body) {
        case .noTable:
            items = CountsReader.serviceItems(section.text, issue: issue, diagnostics: &diagnostics)
        case .table(let table):
            if let read = CountsReader.serviceItems(table, source: section.text, issue: issue) {
                items = read
            } else {
                refuseTable(.notServiceItemRows, lines: table.lines)
            }
        case .refused(let why, let lines):
            refuseTable(why, lines: lines)
        }
        if items.isEmpty { unplaced(section.title, section.text, into: &bulletin) }
        bulletin.serviceItems += items
        bulletin.claim(body, since: mark)
    }

    /// 本周 and 本年累计 window counts from a table in `text`, or from its prose; nil when neither
    /// gives any (a refused table warned about).
    mutating func windowCounts(_ text: SourceText) -> Bulletin.WindowCounts? {
        switch TableReader.read(text.droppingFirstLine()) {
        case .noTable:
            return CountsReader.window(text)
        case .table(let table):
            if let counts = CountsReader.window(table, source: text) { return counts }
            refuseTable(.notWindowRows, lines: table.lines)
            return nil
        case .refused(let why, let lines):
            refuseTable(why, lines: lines)
            return nil
        }
    }

    private mutating func refuseTable(_ why: Diagnostic.TableRefusal, lines: ClosedRange<Int>) {
        diagnostics.append(Diagnostic(.warning, .unplaced, .tableNotReadWhole(why),
            lines: lines))
    }
}
