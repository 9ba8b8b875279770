import LedgerDocuments
import LedgerParser

extension ExtractedDocument {
    /// The pages of the document's lines and the reader that made them, as the facts read from
    /// it cite them.
    public var sourceLayout: SourceLayout {
        SourceLayout(reader: DocumentReader.recordedName(of: format), linePages: pages)
    }
}
