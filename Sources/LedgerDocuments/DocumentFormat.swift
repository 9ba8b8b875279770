/// The kinds of document `ledger` reads, recognised by their content, never by a file name.
public enum DocumentFormat: String, Sendable, CaseIterable {
    /// Plain text in UTF-8, UTF-16 or GB18030 (a bulletin already extracted from its PDF).
    case text
    /// A PDF file (`%PDF-` within its first 1,024 bytes).
    case pdf
    /// A Word document (.docx): a zip holding `word/document.xml`.
    case docx
    /// An OLE2 compound file (magic `D0 CF 11 E0 A1 B1 1A E1`): a Word 97–2003 `.doc`, a WPS
    /// `.wps`, or an encrypted Office file. Not read: refused with advice to save as .docx or PDF.
    case legacyOffice
    /// Rich Text Format (`{\rtf`). Not read: refused with advice to save as .docx or PDF.
    case rtf

    /// The OLE2 compound file's signature, the first 8 bytes of every `.doc`, `.wps` and `.xls`.
    static let ole2Signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// The format `bytes` are in, by their content: a PDF header, a zip's local header, an OLE2
    /// or RTF signature, else text.
    public static func recognise(_ bytes: [UInt8]) -> DocumentFormat {
        let head = bytes.prefix(1024)
        if head.count >= 5, let at = head.firstRange(of: Array("%PDF-".utf8)), at.lowerBound < 1024 { return .pdf }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .docx }
        if bytes.starts(with: ole2Signature) { return .legacyOffice }
        if bytes.starts(with: Array("{\\rtf".utf8)) { return .rtf }
        return .text
    }
}

extension DocumentFormat {
    /// The format's name for a person: `text`, `PDF`, `Word document`.
    public var displayName: String {
        switch self {
        case .text: "text"
        case .pdf: "PDF"
        case .docx: "Word document"
        case .legacyOffice: "Word 97–2003 or WPS document"
        case .rtf: "RTF document"
        }
    }
}
