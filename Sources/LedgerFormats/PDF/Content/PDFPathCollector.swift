/// Collects the vertical lines a page strokes or fills thinly: the borders between a table's cells.
struct PDFPathCollector {
    /// A segment in display coordinates.
    private var segments: [(x0: Double, y0: Double, x1: Double, y1: Double)] = []
    /// Rectangles in display coordinates (left, top, right, bottom).
    private var rectangles: [(left: Double, top: Double, right: Double, bottom: Double)] = []
    private var current: (x: Double, y: Double)?

    /// Most segments one path may hold.
    static let maxSegments = 4_096

    /// One path operator.
    mutating func perform(_ name: String, _ operands: ArraySlice<PDFObject>, ctm: PDFMatrix, page: PDFPage,
                          into content: inout PDFPageContent) {
        let numbers = operands.map { PDFContentInterpreter.number($0) }
        func point(_ x: Double, _ y: Double) -> (x: Double, y: Double) {
            let user = ctm.apply(x, y)
            return page.displayPoint(x: user.x, y: user.y)
        }
        switch name {
        case "m" where numbers.count >= 2:
            current = point(numbers[numbers.count - 2], numbers[numbers.count - 1])
        case "l" where numbers.count >= 2:
            let next = point(numbers[numbers.count - 2], numbers[numbers.count - 1])
            if let from = current, segments.count < Self.maxSegments { segments.append((from.x, from.y, next.x, next.y)) }
            current = next
        case "re" where numbers.count >= 4:
            let (x, y, w, h) = (numbers[0], numbers[1], numbers[2], numbers[3])
            let corners = [point(x, y), point(x + w, y + h)]
            if rectangles.count < Self.maxSegments {
                rectangles.append((min(corners[0].x, corners[1].x), min(corners[0].y, corners[1].y),
                                   max(corners[0].x, corners[1].x), max(corners[0].y, corners[1].y)))
            }
        case "S", "s", "B", "B*", "b", "b*":
            commit(stroked: true, into: &content)
        case "f", "F", "f*":
            commit(stroked: false, into: &content)
        case "n":
            clear()
        default:
            break
        }
    }

    /// Turns the path into rules: vertical segments and thin rectangles; a stroked rectangle's sides.
    private mutating func commit(stroked: Bool, into content: inout PDFPageContent) {
        var rules: [PDFPageContent.Rule] = []
        for segment in segments where abs(segment.x0 - segment.x1) < 1 && abs(segment.y0 - segment.y1) >= 4 {
            rules.append(.init(x: segment.x0, top: min(segment.y0, segment.y1), bottom: max(segment.y0, segment.y1)))
        }
        for box in rectangles where box.bottom - box.top >= 4 {
            if box.right - box.left < 3 {
                rules.append(.init(x: (box.left + box.right) / 2, top: box.top, bottom: box.bottom))
            } else if stroked {
                rules.append(.init(x: box.left, top: box.top, bottom: box.bottom))
                rules.append(.init(x: box.right, top: box.top, bottom: box.bottom))
            }
        }
        let room = max(0, PDFContentInterpreter.maxRules - content.rules.count)
        content.rules.append(contentsOf: rules.prefix(room))
        clear()
    }

    private mutating func clear() {
        segments.removeAll(keepingCapacity: true)
        rectangles.removeAll(keepingCapacity: true)
        current = nil
    }
}
