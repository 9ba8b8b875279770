/// The kinds of document `ledger` reads, recognised by their content, never by a file name.
public enum DocumentFormat: String, Sendable, CaseIterable {
    /// Plain text in UTF-8, UTF-16 or GB18030 (a bulletin already extracted from its PDF).
    case text
    /// A PDF file (`%PDF-` within its first 1,024 bytes).
    case pdf
    /// A Word document (.docx): a zip holding `word/document.xml`.
    case docx

    /// The format `bytes` are in, by their content: a PDF header, a zip's local header, else text.
    public static func recognise(_ bytes: [UInt8]) -> DocumentFormat {
        let head = bytes.prefix(1024)
        if head.count >= 5, let at = head.firstRange(of: Array("%PDF-".utf8)), at.lowerBound < 1024 { return .pdf }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .docx }
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
        }
    }
}
