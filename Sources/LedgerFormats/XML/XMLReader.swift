/// Reads an XML 1.0 document into a tree of ``XMLElement``s: enough of XML for Office files,
/// held to its rules where they matter for safety and for the text.
///
/// Read: elements and attributes (both quote kinds) with their prefixes kept, character data,
/// CDATA, the five predefined entities and numeric character references, comments and
/// processing instructions (skipped), the XML declaration, and UTF-8 or UTF-16 with a byte
/// order mark. Refused: a DOCTYPE that declares entities (the "billion laughs" attack), an
/// entity XML does not predefine, nesting deeper than ``Limits/maxDepth``, documents over
/// ``Limits/maxDocumentBytes``, more elements or attributes than the limits allow, and every grammar error met. Errors carry the byte offset,
/// line and column. Not done: namespace resolution (prefixes are kept as written), DTD
/// validation, and the full check of which characters a name may hold.
public enum XMLReader {
    /// What one document may be.
    public struct Limits: Sendable, Equatable {
        /// The most bytes the document may have.
        public var maxDocumentBytes: Int
        /// The most levels elements may nest (the root is level 1).
        public var maxDepth: Int
        /// The most elements the document may have (the tree costs some 100 bytes each).
        public var maxElements: Int
        /// The most attributes one element may have.
        public var maxAttributesPerElement: Int

        /// Creates limits.
        public init(maxDocumentBytes: Int, maxDepth: Int, maxElements: Int = 1_000_000, maxAttributesPerElement: Int = 256) {
            self.maxDocumentBytes = maxDocumentBytes
            self.maxDepth = maxDepth
            self.maxElements = maxElements
            self.maxAttributesPerElement = maxAttributesPerElement
        }

        /// 64 MiB, 256 levels, 1,000,000 elements, 256 attributes an element.
        public static let standard = Limits(maxDocumentBytes: 64 << 20, maxDepth: 256)
    }

    /// The root element of the document `bytes`.
    public static func parse(_ bytes: [UInt8], limits: Limits = .standard) throws(XMLError) -> XMLElement {
        guard bytes.count <= limits.maxDocumentBytes else {
            throw XMLError(reason: .tooLarge(bytes: bytes.count, limitBytes: limits.maxDocumentBytes), byteOffset: 0, line: 1, column: 1)
        }
        let utf8 = try XMLEncoding.utf8(bytes)
        var scanner = XMLScanner(bytes: utf8, limits: limits)
        return try scanner.document()
    }

    /// The root element of the document `text`.
    public static func parse(_ text: String, limits: Limits = .standard) throws(XMLError) -> XMLElement {
        try parse(Array(text.utf8), limits: limits)
    }
}
