/// Why an encrypted PDF cannot be read: the handler, a password, an unsupported method, or damage.
public enum PDFSecurityError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The encryption dictionary's /Filter names a handler other than Standard (e.g. Adobe.PubSec,
    /// certificates); the name is carried.
    case unsupportedHandler(String)
    /// The empty user password (and the empty owner password) do not open the file.
    case needsPassword
    /// A revision, version or crypt method this reader does not do; what it is is carried.
    case unsupported(String)
    /// The encryption dictionary or an encrypted string or stream is malformed; why is carried.
    case damaged(String)

    /// One sentence for a person.
    public var description: String {
        switch self {
        case let .unsupportedHandler(name):
            "the PDF is encrypted with the \(name) security handler (certificates or a plug-in), which this reader cannot open; save an unencrypted copy, or use the Word file"
        case .needsPassword:
            "the PDF is encrypted with a user password; open it with the password and save an unencrypted copy, or use the Word file"
        case let .unsupported(what):
            "the PDF is encrypted with \(what), which this reader does not support; save an unencrypted copy, or use the Word file"
        case let .damaged(why):
            "the PDF's encryption is damaged (\(why)); it cannot be decrypted"
        }
    }
}
