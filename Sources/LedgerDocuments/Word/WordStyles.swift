import LedgerFormats

/// What `word/styles.xml` says about numbering: the list (`w:numPr`) each paragraph style
/// carries, through its `w:basedOn` chain, and the default paragraph style.
struct WordStyles: Sendable {
    /// A paragraph style's own numbering and parent.
    struct Style: Sendable {
        var numID: Int?
        var level: Int?
        var basedOn: String?
    }

    /// How many `w:basedOn` links are followed before giving up (a crafted file may loop).
    static let maxBasedOnDepth = 16

    var styles: [String: Style] = [:]
    var defaultParagraphStyle: String?

    /// The styles of the part `root` (`w:styles`).
    init(_ root: XMLElement?) {
        guard let root else { return }
        for element in root.elements("w:style") where element.attribute("w:type") ?? "paragraph" == "paragraph" {
            guard let id = element.attribute("w:styleId") else { continue }
            let numPr = element.firstElement("w:pPr")?.firstElement("w:numPr")
            styles[id] = Style(numID: intValue(numPr?.firstElement("w:numId")?.attribute("w:val")),
                               level: intValue(numPr?.firstElement("w:ilvl")?.attribute("w:val")),
                               basedOn: element.firstElement("w:basedOn")?.attribute("w:val"))
            if let isDefault = element.attribute("w:default"), ["1", "true", "on"].contains(isDefault) {
                defaultParagraphStyle = id
            }
        }
    }

    /// The list the style `id` gives its paragraphs (its own or inherited), and the level if it names one.
    func numbering(of id: String) -> (numID: Int, level: Int?)? {
        var current: String? = id
        var depth = 0
        while let name = current, depth < Self.maxBasedOnDepth, let style = styles[name] {
            if let numID = style.numID { return (numID, style.level) }
            current = style.basedOn
            depth += 1
        }
        return nil
    }
}
