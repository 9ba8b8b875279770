import LedgerFormats

/// Why a file given as a Word document could not be read: what the file is, and what to do.
public enum DocxReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An OLE2 compound file: a Word 97–2003 `.doc` or a WPS `.wps` (or another old Office file).
    case legacyOffice
    /// An OLE2 compound file holding an `EncryptedPackage`: a password-protected Office file.
    case passwordProtected
    /// A Rich Text Format file.
    case rtf
    /// Not a zip archive, or a damaged or crafted one (the zip reader's reason).
    case damagedArchive(ZipError)
    /// A zip archive with no Word document in it; `kind` says what it is when recognisable
    /// ("an Excel workbook (.xlsx)").
    case notWordDocument(kind: String)
    /// A part of the document (`word/document.xml`) that is not well-formed XML.
    case unreadablePart(part: String, XMLError)

    /// One sentence for a person: what the file is and what to do.
    public var description: String {
        switch self {
        case .legacyOffice:
            "this is a Word 97–2003 (.doc) or WPS file; ledger reads .docx and PDF: save it as .docx or PDF"
        case .passwordProtected:
            "this Office file is password-protected; remove the password in Word, or save it as PDF, and read that"
        case .rtf:
            "this is a Rich Text Format (.rtf) file; ledger reads .docx and PDF: save it as .docx or PDF"
        case let .damagedArchive(error):
            "this is not a readable .docx (\(error)): open it in Word and save it again, or save it as PDF"
        case let .notWordDocument(kind):
            "this is \(kind), not a Word document; ledger reads .docx and PDF: save the bulletin as .docx or PDF"
        case let .unreadablePart(part, error):
            "this .docx is damaged: its part \(part.escapingControlCharacters) is not well-formed (\(error)); open it in Word and save it again, or save it as PDF"
        }
    }
}
