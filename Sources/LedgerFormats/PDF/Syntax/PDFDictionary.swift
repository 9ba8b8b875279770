/// A PDF dictionary: names to objects. A key given twice keeps its last value.
public struct PDFDictionary: Sendable, Equatable {
    /// The entries, keyed by name (without the slash).
    public var entries: [String: PDFObject]

    /// Creates a dictionary.
    public init(_ entries: [String: PDFObject] = [:]) {
        self.entries = entries
    }

    /// The value for `key`, nil when absent (a `null` value counts as absent, as the spec says).
    public subscript(key: String) -> PDFObject? {
        get {
            guard let value = entries[key], value != .null else { return nil }
            return value
        }
        set { entries[key] = newValue }
    }

    /// The value of `/Type`, if it is a name.
    public var type: String? { self["Type"]?.name }
}
