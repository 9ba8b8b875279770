/// A PDF stream: its dictionary and its raw bytes, still encoded by its `/Filter`s.
public struct PDFStream: Sendable, Equatable {
    /// The stream's dictionary (`/Length`, `/Filter`, `/DecodeParms`, …).
    public var dictionary: PDFDictionary
    /// The bytes between `stream` and `endstream`, as stored (after decryption, when the file is encrypted).
    public var data: [UInt8]
    /// The number of the indirect object the stream is (nil for an inline or unknown one): caches and
    /// cycle checks key on it.
    public var objectNumber: Int?

    /// Creates a stream.
    public init(dictionary: PDFDictionary, data: [UInt8], objectNumber: Int? = nil) {
        self.dictionary = dictionary
        self.data = data
        self.objectNumber = objectNumber
    }
}
