#if canImport(Glibc)
import Glibc
#endif
import LedgerDomain
import LedgerFormats

/// The original bytes of every ingested document, kept content-addressed under
/// `EventLog/documents/<sha256>`: named by their hash, never by user input, so a stored
/// document can be checked against the events that cite it.
public struct DocumentStore {
    let layout: LedgerLayout
    let system: SystemCalls
    var io: FileIO { FileIO(system: system) }

    /// The document store of a ledger.
    public init(layout: LedgerLayout, system: SystemCalls) {
        self.layout = layout
        self.system = system
    }

    /// The path of a stored document.
    public func path(of digest: SHA256Digest) -> String { layout.documents + "/" + digest.hex }

    /// Stores bytes under their hash (durably: temporary file, fsync, rename, directory fsync).
    /// Storing the same bytes again writes nothing.
    @discardableResult
    public func store(_ bytes: [UInt8]) throws -> SHA256Digest {
        try store(all: [bytes])[0]
    }

    /// Stores several documents, durably, with one fsync of the directory for all of them.
    @discardableResult
    public func store(all documents: [[UInt8]]) throws -> [SHA256Digest] {
        try ensureDirectory()
        var written = false
        let digests = try documents.map { bytes in
            let digest = SHA256.hash(bytes)
            if try storeUnsynced(bytes, as: digest) { written = true }
            return digest
        }
        if written { try io.syncDirectory(layout.documents) }
        return digests
    }

    /// Writes one document (temporary file, fsync, rename) unless it is there already; true
    /// when it wrote, and the directory must be fsynced before the document counts as stored.
    private func storeUnsynced(_ bytes: [UInt8], as digest: SHA256Digest) throws -> Bool {
        let target = path(of: digest)
        switch try system.kind(of: target) {
        case .file(let size) where size == bytes.count:
            if let existing = try? read(digest), existing == bytes { return false }
        case .missing, .file: break
        case let other: throw StoreError.unsafePath(path: layout.relative(target), found: other)
        }
        try io.replaceAtomically(target, with: bytes, directory: nil)
        return true
    }

    /// The stored bytes of a document, checked against their hash.
    public func read(_ digest: SHA256Digest) throws -> [UInt8] {
        let target = path(of: digest)
        // Writers refuse a symlinked documents/ folder; so do readers, and so verify names it.
        switch try system.kind(of: layout.documents) {
        case .directory, .missing: break
        case let other:
            throw StoreError.damaged(path: layout.relative(layout.documents), line: nil,
                                     reason: .documentsNotFolder(found: StorePaths.describe(other)))
        }
        guard let bytes = try io.readSmallFile(target, maxBytes: 256 << 20) else {
            throw StoreError.damaged(path: layout.relative(target), line: nil, reason: .documentMissing)
        }
        guard SHA256.hash(bytes) == digest else {
            throw StoreError.damaged(path: layout.relative(target), line: nil,
                                     reason: .documentEdited)
        }
        return bytes
    }

    /// Why a stored document cannot be trusted, or nil when it is there and intact.
    public func problem(with digest: SHA256Digest) -> LogDamage? {
        do {
            _ = try read(digest)
            return nil
        } catch let error as StoreError {
            if case .damaged(_, _, let reason) = error { return reason }
            return .unreadable(error.description)
        } catch {
            return .unreadable("\(error)")
        }
    }

    private func ensureDirectory() throws {
        try io.ensureDirectory(layout.eventLog, parent: layout.root, label: layout.relative(layout.eventLog))
        try io.ensureDirectory(layout.documents, parent: layout.eventLog, label: layout.relative(layout.documents))
    }
}
