/// Reads a document's bytes, whatever their format, into the lines the parser reads.
///
/// The format is told by the content (``DocumentFormat/recognise(_:)``), never by a file name:
/// text in UTF-8, UTF-16 or GB18030 is decoded (``TextDecoder``); a PDF's text layer is read
/// into lines from its glyphs' positions; a Word document's paragraphs and table rows become
/// lines, with the list numbers Word shows.
public enum DocumentReader {
    /// The version of the document readers, recorded with every fact read from a PDF or a Word
    /// document beside the parser's, so that `ledger reparse` can tell which reader read it.
    public static let version = "1.0.0"

    /// The largest document read: a PDF carries its fonts, so it may be larger than its text
    /// (a text file is refused past ``TextDecoder/defaultMaxBytes``).
    public static let maxDocumentBytes = 64 << 20

    /// Reads `bytes`. `encoding` forces a text encoding; it is ignored for PDF and Word.
    public static func read(_ bytes: [UInt8], encoding: DocumentEncoding? = nil) throws(DocumentReadError) -> ExtractedDocument {
        switch DocumentFormat.recognise(bytes) {
        case .text:
            let decoded: DecodedText
            do { decoded = try TextDecoder.decode(bytes, forced: encoding) } catch { throw .text(error) }
            var document = ExtractedDocument(format: .text, lines: decoded.lines.map { DocumentLine(text: $0) })
            document.decodedAs = decoded.encoding.rawValue
            return document
        case .pdf:
            do { return try PDFTextReader.read(bytes) } catch { throw .pdf(error) }
        case .docx, .legacyOffice, .rtf:
            do { return try DocxReader.read(bytes) } catch { throw .docx(error) }
        }
    }

    /// The name the reader is recorded under in a fact's provenance: nil for text (read by the
    /// text decoder alone, as before there were other readers), else the format and the version.
    public static func recordedName(of format: DocumentFormat) -> String? {
        format == .text ? nil : "\(format.rawValue) \(version)"
    }
}

/// Why a document could not be read: one sentence for a person, saying what the file is and,
/// where something can be done, what to do.
public enum DocumentReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Text that could not be decoded (empty, binary, too large, not in any known encoding).
    case text(TextDecodingError)
    /// A PDF that could not be read.
    case pdf(PDFReadError)
    /// A Word document (or an older Office or RTF file, which `ledger` does not read) that could not be read.
    case docx(DocxReadError)

    /// The sentence for a person.
    public var description: String {
        switch self {
        case .text(let error): error.description
        case .pdf(let error): error.description
        case .docx(let error): error.description
        }
    }
}
