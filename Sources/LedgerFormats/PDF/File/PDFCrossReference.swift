/// Where each object of a file is: the merged cross-reference of every section, newest first.
public struct PDFCrossReference: Sendable, Equatable {
    /// Where one object is.
    public enum Entry: Sendable, Equatable {
        /// At a byte offset of the file, with its generation.
        case offset(Int, generation: Int)
        /// The `index`-th object of the object stream numbered `stream`.
        case compressed(stream: Int, index: Int)
        /// Free (deleted).
        case free
    }

    /// The entries by object number.
    public var entries: [Int: Entry]
    /// The newest trailer, with keys only older trailers give filled in from them.
    public var trailer: PDFDictionary

    /// Creates a cross-reference.
    public init(entries: [Int: Entry] = [:], trailer: PDFDictionary = PDFDictionary()) {
        self.entries = entries
        self.trailer = trailer
    }

    /// Adds an older section: its entries only where no newer section spoke, its trailer's keys only where absent.
    mutating func merge(older entries: [Int: Entry], trailer: PDFDictionary) {
        self.entries.merge(entries) { newer, _ in newer }
        for (key, value) in trailer.entries where self.trailer.entries[key] == nil && key != "Prev" && key != "XRefStm" {
            self.trailer.entries[key] = value
        }
    }
}
