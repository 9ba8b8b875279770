import LedgerFormats

/// Reads a Word document (.docx, Office Open XML WordprocessingML) into the lines Word shows.
///
/// The body (`word/document.xml`) gives one line per paragraph, with its automatic list number
/// (`一、`, `（一）`, `1.`) prefixed as Word shows it (from `word/numbering.xml`, directly or
/// through the paragraph's style in `word/styles.xml`); line breaks start new lines; tables give
/// one line per row, cells separated by a tab; text boxes give their paragraphs where they are
/// anchored. Fields show their result, never their instruction; deleted and hidden text is left
/// out, inserted text kept. Headers, footers, footnotes and comments are not the body and are
/// not read (a note says so). Lines carry no page or position: a .docx has no pages until laid out.
///
/// Refused with a sentence saying what the file is: Word 97–2003 `.doc` and WPS files (OLE2),
/// RTF, password-protected files, zips that hold no Word document (an .xlsx, an .odt), and
/// damaged or crafted archives (see ``ZipArchive``) or XML (see ``XMLReader``).
public enum DocxReader {
    /// The lines of the .docx `bytes`, in document order.
    public static func read(_ bytes: [UInt8]) throws(DocxReadError) -> ExtractedDocument {
        switch DocumentFormat.recognise(bytes) {
        case .legacyOffice: throw isEncryptedPackage(bytes) ? .passwordProtected : .legacyOffice
        case .rtf: throw .rtf
        default: break
        }
        let archive: ZipArchive
        do {
            archive = try ZipArchive(bytes)
        } catch {
            throw .damagedArchive(error)
        }
        let package = try DocxPackage(archive: archive)
        let document = try package.xml(package.mainPart)
        var partNotes: [DocumentNote] = []
        let numbering = supportingPart(package, "numbering", fallback: "word/numbering.xml", notes: &partNotes)
        let styles = supportingPart(package, "styles", fallback: "word/styles.xml", notes: &partNotes)
        let lists = WordListCounter(numbering: WordNumbering(numbering), styles: WordStyles(styles))
        var walker = DocxBodyWalker(lists: lists)
        let body = document.firstElement("w:body") ?? document
        let lines = walker.blockLines(body).map { DocumentLine(text: $0) }
        return ExtractedDocument(format: .docx, lines: lines, notices: partNotes + notes(walker, archive: archive))
    }

    /// The numbering or styles part, if the document has one. A damaged one is left out with a
    /// note rather than refusing the document: the body is still read, without list numbers.
    private static func supportingPart(_ package: DocxPackage, _ type: String, fallback: String,
                                       notes: inout [DocumentNote]) -> XMLElement? {
        guard let name = package.relatedPart(type, fallback: fallback) else { return nil }
        do {
            return try package.xml(name)
        } catch {
            let reason: String
            switch error {
            case let .unreadablePart(_, xmlError): reason = xmlError.description
            case let .damagedArchive(zipError): reason = zipError.description
            default: reason = error.description
            }
            notes.append(.partNotRead(part: name.escapingControlCharacters, reason: reason))
            return nil
        }
    }

    private static func notes(_ walker: DocxBodyWalker, archive: ZipArchive) -> [DocumentNote] {
        var notes = walker.notes + walker.lists.notes
        let furniture = archive.entries.filter { entry in
            let name = entry.name
            return name.hasPrefix("word/") && (name.contains("/header") || name.contains("/footer")) && name.hasSuffix(".xml")
        }
        if !furniture.isEmpty {
            notes.append(.furnitureNotRead(count: furniture.count))
        }
        if walker.footnoteCount > 0 {
            notes.append(.footnotesNotRead(count: walker.footnoteCount))
        }
        if !walker.fields.isEmpty {
            notes.append(.fieldNotClosed)
        }
        return notes
    }

    /// Whether an OLE2 file holds an `EncryptedPackage` stream: a password-protected .docx or .xlsx.
    static func isEncryptedPackage(_ bytes: [UInt8]) -> Bool {
        let name = Array("EncryptedPackage".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        return bytes.firstRange(of: name) != nil
    }
}
