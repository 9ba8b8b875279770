import LedgerFormats

/// The list definitions of `word/numbering.xml`: abstract definitions (`w:abstractNum`) with
/// their levels, and the instances paragraphs name (`w:num`, with `w:lvlOverride`s).
struct WordNumbering: Sendable {
    /// One level of a list (`w:lvl`).
    struct Level: Sendable, Equatable {
        var start = 1
        var format = "decimal"
        var text = ""
        /// `w:lvlRestart`: restart after a level below this 1-based number is used; nil for the
        /// default (after any higher level), 0 for never.
        var restartLevel: Int?
        /// `w:isLgl`: every number in the marker shown in decimal.
        var isLegal = false
        /// `w:suff`: `tab` (the default), `space` or `nothing`.
        var suffix = "tab"
        /// `w:pStyle`: the paragraph style bound to this level.
        var style: String?
    }

    /// A list instance: its abstract definition and what it overrides.
    struct Instance: Sendable {
        var abstractID: Int
        var startOverrides: [Int: Int] = [:]
        var levelOverrides: [Int: Level] = [:]
        var hasOverrides: Bool { !startOverrides.isEmpty || !levelOverrides.isEmpty }
    }

    /// The most levels Word has (0 to 8).
    static let levelCount = 9
    /// The largest start value kept; larger ones (only a crafted file has them) are clamped.
    static let maxStart = 1 << 30

    var abstracts: [Int: [Int: Level]] = [:]
    var abstractStyleLinks: [Int: String] = [:]
    var instances: [Int: Instance] = [:]

    /// The definitions in the numbering part `root` (`w:numbering`).
    init(_ root: XMLElement?) {
        guard let root else { return }
        for element in root.elements {
            if element.name == "w:abstractNum", let id = intValue(element.attribute("w:abstractNumId")) {
                var levels: [Int: Level] = [:]
                for lvl in element.elements("w:lvl") {
                    if let index = Self.levelIndex(lvl) { levels[index] = Self.level(lvl) }
                }
                abstracts[id] = levels
                if let link = element.firstElement("w:numStyleLink")?.attribute("w:val") { abstractStyleLinks[id] = link }
            } else if element.name == "w:num", let id = intValue(element.attribute("w:numId")),
                      let abstract = intValue(element.firstElement("w:abstractNumId")?.attribute("w:val")) {
                instances[id] = Self.instance(element, abstractID: abstract)
            }
        }
    }

    private static func instance(_ element: XMLElement, abstractID: Int) -> Instance {
        var instance = Instance(abstractID: abstractID)
        for override in element.elements("w:lvlOverride") {
            guard let index = levelIndex(override) else { continue }
            if let start = intValue(override.firstElement("w:startOverride")?.attribute("w:val")) {
                instance.startOverrides[index] = clampedStart(start)
            }
            if let lvl = override.firstElement("w:lvl") {
                var level = self.level(lvl)
                level.restartLevel = nil // Word ignores lvlRestart in an override (MS-OI29500 2.1.278).
                instance.levelOverrides[index] = level
            }
        }
        return instance
    }

    private static func level(_ lvl: XMLElement) -> Level {
        var level = Level()
        if let start = intValue(lvl.firstElement("w:start")?.attribute("w:val")) { level.start = clampedStart(start) }
        if let format = lvl.firstElement("w:numFmt")?.attribute("w:val") { level.format = format }
        if let text = lvl.firstElement("w:lvlText")?.attribute("w:val") { level.text = text }
        level.restartLevel = intValue(lvl.firstElement("w:lvlRestart")?.attribute("w:val"))
        if let legal = lvl.firstElement("w:isLgl") { level.isLegal = isOn(legal) }
        if let suffix = lvl.firstElement("w:suff")?.attribute("w:val") { level.suffix = suffix }
        level.style = lvl.firstElement("w:pStyle")?.attribute("w:val")
        if lvl.firstElement("w:lvlPicBulletId") != nil && level.format == "bullet" && level.text.isEmpty { level.text = "•" }
        return level
    }

    private static func levelIndex(_ element: XMLElement) -> Int? {
        guard let index = intValue(element.attribute("w:ilvl")), index >= 0, index < levelCount else { return nil }
        return index
    }

    private static func clampedStart(_ start: Int) -> Int { min(max(start, 0), maxStart) }
}

/// A decimal attribute value (`w:val="3"`), nil when absent or not a number.
func intValue(_ text: String?) -> Int? {
    guard let text, text.utf8.count <= 18 else { return nil }
    return Int(text.trimmingWhitespace)
}

/// A WordprocessingML on/off property: on unless `w:val` is `false`, `0` or `off`.
func isOn(_ element: XMLElement) -> Bool {
    guard let value = element.attribute("w:val") else { return true }
    return !["false", "0", "off"].contains(value)
}

extension String {
    /// The string without leading and trailing XML whitespace (space, tab, line ends).
    var trimmingWhitespace: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        var text = self[...]
        while let first = text.first, isSpace(first) { text.removeFirst() }
        while let last = text.last, isSpace(last) { text.removeLast() }
        return text
    }
}
