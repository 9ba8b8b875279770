/// An affine transformation `[a b c d e f]` as PDF writes them (ISO 32000-1 §8.3.4): a point
/// `(x, y)` becomes `(a·x + c·y + e, b·x + d·y + f)`.
public struct PDFMatrix: Sendable, Equatable {
    /// The six numbers.
    public var a, b, c, d, e, f: Double

    /// Creates a matrix; every number is clamped to a finite range so products never give NaN.
    public init(_ a: Double, _ b: Double, _ c: Double, _ d: Double, _ e: Double, _ f: Double) {
        self.a = PDFNumber.finite(a, limit: 1e7)
        self.b = PDFNumber.finite(b, limit: 1e7)
        self.c = PDFNumber.finite(c, limit: 1e7)
        self.d = PDFNumber.finite(d, limit: 1e7)
        self.e = PDFNumber.finite(e, limit: 1e9)
        self.f = PDFNumber.finite(f, limit: 1e9)
    }

    /// The identity.
    public static let identity = PDFMatrix(1, 0, 0, 1, 0, 0)

    /// A translation.
    public static func translation(_ x: Double, _ y: Double) -> PDFMatrix { PDFMatrix(1, 0, 0, 1, x, y) }

    /// `self × other`: first this transformation, then `other`.
    public func concatenating(_ other: PDFMatrix) -> PDFMatrix {
        PDFMatrix(a * other.a + b * other.c, a * other.b + b * other.d,
                  c * other.a + d * other.c, c * other.b + d * other.d,
                  e * other.a + f * other.c + other.e, e * other.b + f * other.d + other.f)
    }

    /// The image of a point.
    public func apply(_ x: Double, _ y: Double) -> (x: Double, y: Double) {
        (a * x + c * y + e, b * x + d * y + f)
    }

    /// The matrix of six operands, nil unless there are six numbers.
    init?(_ operands: ArraySlice<PDFObject>) {
        let numbers = operands.compactMap(\.number)
        guard numbers.count == 6 else { return nil }
        self.init(numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5])
    }
}
