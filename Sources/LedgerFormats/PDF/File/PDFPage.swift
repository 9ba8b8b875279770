/// One page of a document, with what it inherits from the page tree.
public struct PDFPage: Sendable {
    /// The 1-based page number, in the page tree's order.
    public var number: Int
    /// The page dictionary.
    public var dictionary: PDFDictionary
    /// The resources (the page's own or inherited).
    public var resources: PDFDictionary
    /// The visible area `[llx lly urx ury]` in default user space (CropBox, else MediaBox).
    public var box: (llx: Double, lly: Double, urx: Double, ury: Double)
    /// The clockwise rotation for display: 0, 90, 180 or 270.
    public var rotation: Int

    /// The width of the page as displayed (after rotation), in points.
    public var displayWidth: Double { rotation % 180 == 0 ? box.urx - box.llx : box.ury - box.lly }
    /// The height of the page as displayed (after rotation), in points.
    public var displayHeight: Double { rotation % 180 == 0 ? box.ury - box.lly : box.urx - box.llx }

    /// A point of default user space as seen on the displayed page: points from its top-left corner.
    public func displayPoint(x: Double, y: Double) -> (x: Double, y: Double) {
        switch rotation {
        case 90: (y - box.lly, x - box.llx)
        case 180: (box.urx - x, y - box.lly)
        case 270: (box.ury - y, box.urx - x)
        default: (x - box.llx, box.ury - y)
        }
    }
}
