/// The widths of a CIDFont (`/W`, `/DW`, `/DW2`), in glyph space units (1/1000 em).
struct PDFCIDWidths: Sendable {
    /// Widths listed one by one.
    var widths: [Int: Double] = [:]
    /// `first last width` ranges.
    var ranges: [(first: Int, last: Int, width: Double)] = []
    /// `/DW`, 1000 by default.
    var defaultWidth: Double = 1000
    /// The vertical advance of `/DW2`, −1000 by default.
    var defaultVertical: Double = -1000

    /// Most widths listed one by one kept from a `/W` array.
    static let maxListed = 1 << 20

    /// Reads a `/W` array (`c [w1 w2 …]` and `first last w` groups).
    init(w: [PDFObject], defaultWidth: Double, defaultVertical: Double) {
        self.defaultWidth = defaultWidth
        self.defaultVertical = defaultVertical
        var index = 0
        while index + 1 < w.count {
            guard let first = w[index].integer, first >= 0 else { break }
            if let list = w[index + 1].array {
                for (offset, value) in list.enumerated() where widths.count < Self.maxListed {
                    if let width = value.number { widths[first &+ offset] = PDFNumber.finite(width, limit: 1e5) }
                }
                index += 2
            } else if index + 2 < w.count, let last = w[index + 1].integer, let width = w[index + 2].number {
                if ranges.count < Self.maxListed / 16 { ranges.append((first, last, PDFNumber.finite(width, limit: 1e5))) }
                index += 3
            } else {
                break
            }
        }
    }

    /// No widths: every glyph 1000 units wide.
    init() {}

    /// The advance of `cid`.
    func width(cid: Int, vertical: Bool) -> Double {
        if vertical { return defaultVertical }
        if let width = widths[cid] { return width }
        for range in ranges where cid >= range.first && cid <= range.last { return range.width }
        return defaultWidth
    }
}
