import LedgerFormats

/// Why a PDF could not be read into lines: one sentence each for a person, saying what the file
/// is and what to do.
public enum PDFReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bytes are not a PDF.
    case notAPDF
    /// The file is damaged beyond what the reader repairs.
    case damaged(String)
    /// Encrypted with a password or a handler this reader cannot open.
    case encrypted(String)
    /// No page has a text layer (images only, or nothing).
    case noTextLayer(pageCount: Int, imageCount: Int)
    /// A content stream uses a filter this reader does not decode.
    case unsupportedFilter(name: String, page: Int)
    /// Every glyph is in fonts that map to no Unicode (which fonts, on which pages).
    case unreadableFonts(fonts: [String], pages: [Int])
    /// The file passes a safety limit (a decompression bomb, too many objects or pages, nesting too deep).
    case tooLarge(String)

    /// The sentence for a person.
    public var description: String {
        switch self {
        case .notAPDF:
            "this file is not a PDF (it has no %PDF- header); check that it is the bulletin, or use the Word file"
        case .damaged(let why):
            "this PDF is damaged beyond repair (\(why)); ask for the file again, or use the Word file"
        case .encrypted(let why):
            "this PDF is encrypted (\(why)); open it with its password and save an unencrypted copy, or use the Word file"
        case .noTextLayer(let pages, let images):
            images > 0
                ? "this PDF looks like a scan (\(pages) page\(pages == 1 ? "" : "s"), \(images) image\(images == 1 ? "" : "s"), no text); ledger reads the text layer of PDFs, not images; ask for the Word file or an exported PDF"
                : "this PDF has no text on its \(pages) page\(pages == 1 ? "" : "s"); ledger reads the text layer of PDFs; ask for the Word file or an exported PDF"
        case .unsupportedFilter(let name, let page):
            "page \(page) of this PDF is compressed with /\(name), which ledger does not decode; re-export the PDF, or use the Word file"
        case .unreadableFonts(let fonts, let pages):
            "the text of this PDF cannot be read: its fonts (\(fonts.joined(separator: ", "))) on pages \(PDFTextReader.ranges(pages)) have no Unicode mapping; re-export the PDF with fonts embedded for text, or use the Word file"
        case .tooLarge(let what):
            "this PDF exceeds a safety limit (\(what)) and was not read; if it is a real bulletin, use the Word file"
        }
    }

    /// Why an encrypted PDF could not be opened, when it is for want of its password.
    public static let needsPassword = "it needs a password"

    /// The reader's error for an error of the PDF layer.
    init(_ error: PDFError) {
        switch error {
        case .notPDF: self = .notAPDF
        case .damaged(let why): self = .damaged(why)
        case .encrypted(let why):
            switch why {
            case .needsPassword: self = .encrypted(Self.needsPassword)
            case .unsupportedHandler(let name): self = .encrypted("with the /\(name) security handler")
            case .unsupported(let what): self = .encrypted(what)
            case .damaged(let what): self = .damaged("its encryption dictionary is damaged: \(what)")
            }
        case .unsupportedFilter(let name): self = .unsupportedFilter(name: name, page: 0)
        case .limitExceeded(let what): self = .tooLarge(what)
        }
    }
}
