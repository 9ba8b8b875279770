/// Why a PDF could not be read, at the level of the file's structure. `LedgerDocuments` turns these
/// into sentences for a person.
public enum PDFError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bytes do not start like a PDF (no `%PDF-` header, no objects).
    case notPDF
    /// The file is damaged beyond what the reader repairs (what was wrong, where).
    case damaged(String)
    /// Encrypted by a handler or password this reader cannot open.
    case encrypted(PDFSecurityError)
    /// A stream the text depends on uses a filter this reader does not decode (the filter's name).
    case unsupportedFilter(String)
    /// The input passes one of ``PDFLimits`` (which limit, and its value).
    case limitExceeded(String)

    /// One sentence for a developer.
    public var description: String {
        switch self {
        case .notPDF: "not a PDF file"
        case .damaged(let why): "damaged PDF: \(why)"
        case .encrypted(let why): "encrypted PDF: \(why)"
        case .unsupportedFilter(let name): "stream filter /\(name) is not supported for text"
        case .limitExceeded(let what): "PDF exceeds a limit: \(what)"
        }
    }
}
