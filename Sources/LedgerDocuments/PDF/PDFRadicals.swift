/// Ideographs some fonts' `/ToUnicode` maps to look-alike radicals: the Kangxi radicals
/// (U+2F00–U+2FD5) and two CJK radical supplements, as Unicode's compatibility mapping (NFKC) gives
/// them. Headless Chromium's Type3 fonts map 口 to ⼝ (U+2F1D) and fix it with `/ActualText`; a
/// reader that sees only the font must undo it, or 窗口 would not match 窗口.
enum PDFRadicals {
    /// The unified ideograph of each Kangxi radical, U+2F00 first.
    private static let kangxi = Array("""
        一丨丶丿乙亅二亠人儿入八冂冖冫几凵刀力勹匕匚匸十卜卩厂厶又口囗土士夂夊夕大女子宀
        寸小尢尸屮山巛工己巾干幺广廴廾弋弓彐彡彳心戈戶手支攴文斗斤方无日曰月木欠止歹殳毋
        比毛氏气水火爪父爻爿片牙牛犬玄玉瓜瓦甘生用田疋疒癶白皮皿目矛矢石示禸禾穴立竹米糸
        缶网羊羽老而耒耳聿肉臣自至臼舌舛舟艮色艸虍虫血行衣襾見角言谷豆豕豸貝赤走足身車辛
        辰辵邑酉釆里金長門阜隶隹雨靑非面革韋韭音頁風飛食首香馬骨高髟鬥鬯鬲鬼魚鳥鹵鹿麥麻
        黃黍黑黹黽鼎鼓鼠鼻齊齒龍龜龠
        """.filter { !$0.isWhitespace }.unicodeScalars)

    /// `text` with each radical replaced by its unified ideograph (unchanged when it has none).
    static func unified(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { (0x2E80...0x2FD5).contains($0.value) }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x2F00...0x2FD5 where Int(scalar.value - 0x2F00) < kangxi.count: scalars.append(kangxi[Int(scalar.value - 0x2F00)])
            case 0x2E9F: scalars.append("\u{6BCD}")
            case 0x2EF3: scalars.append("\u{9F9F}")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
