/// Numbers written in Chinese (and Japanese) numerals, as Word's counting formats show them:
/// `十一`, `二十`, `一百零一`, `一千零一十`, `一万零五`.
enum ChineseNumeral {
    /// The style of one counting system.
    struct Style {
        var digits: [String]
        var units: [String]
        var wan: String
        /// Writes 10–19 as 十… rather than 一十… (only at the number's start).
        var omitsLeadingOneBeforeTen: Bool
        /// Writes 百, 千 without 一 (Japanese).
        var omitsOneBeforeEveryUnit: Bool
        /// Writes 零 for skipped places (Chinese), or nothing (Japanese).
        var writesZero: Bool
        /// The zero written for skipped places (零), apart from the zero that is the whole number (〇).
        var placeZero = "零"
    }

    static let chinese = Style(digits: ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"], units: ["", "十", "百", "千"],
                               wan: "万", omitsLeadingOneBeforeTen: true, omitsOneBeforeEveryUnit: false, writesZero: true)
    static let legal = Style(digits: ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"], units: ["", "拾", "佰", "仟"],
                             wan: "万", omitsLeadingOneBeforeTen: false, omitsOneBeforeEveryUnit: false, writesZero: true)
    static let japanese = Style(digits: ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"], units: ["", "十", "百", "千"],
                                wan: "万", omitsLeadingOneBeforeTen: true, omitsOneBeforeEveryUnit: true, writesZero: false)

    /// Chinese counting (一, 二, … 十, 十一, … 一百零一), 0 to 99,999,999; nil outside.
    static func counting(_ value: Int) -> String? { text(value, style: chinese) }
    /// Chinese financial numerals (壹, 贰, … 壹拾), 0 to 99,999,999; nil outside.
    static func legal(_ value: Int) -> String? { text(value, style: legal) }
    /// Japanese counting (一, … 十, 十一, … 百一), 0 to 99,999,999; nil outside.
    static func japanese(_ value: Int) -> String? { text(value, style: japanese) }

    /// Digit by digit (一〇一 for 101), as `ideographDigital` shows numbers.
    static func digits(_ value: Int) -> String {
        guard value >= 0 else { return "\(value)" }
        return String(value).compactMap { $0.wholeNumberValue.map { chinese.digits[$0] } }.joined()
    }

    static func text(_ value: Int, style: Style) -> String? {
        guard value >= 0, value < 100_000_000 else { return nil }
        if value == 0 { return style.digits[0] }
        let high = value / 10_000, low = value % 10_000
        guard high > 0 else { return belowTenThousand(low, style: style, atStart: true) }
        var result = belowTenThousand(high, style: style, atStart: true) + style.wan
        if low > 0 {
            if low < 1000 && style.writesZero { result += style.placeZero }
            result += belowTenThousand(low, style: style, atStart: false)
        }
        return result
    }

    private static func belowTenThousand(_ value: Int, style: Style, atStart: Bool) -> String {
        let places = [value / 1000 % 10, value / 100 % 10, value / 10 % 10, value % 10]
        var result = "", started = false, pendingZero = false
        for (index, digit) in places.enumerated() {
            let unit = 3 - index
            guard digit != 0 else {
                if started { pendingZero = true }
                continue
            }
            if pendingZero && style.writesZero { result += style.placeZero }
            pendingZero = false
            let omitOne = digit == 1 && unit > 0
                && (style.omitsOneBeforeEveryUnit || (style.omitsLeadingOneBeforeTen && unit == 1 && !started && atStart))
            if !omitOne { result += style.digits[digit] }
            result += style.units[unit]
            started = true
        }
        return result
    }
}
