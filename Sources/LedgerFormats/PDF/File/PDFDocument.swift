/// An open PDF file: its cross-reference, its objects resolved on demand (and cached), its
/// streams decoded within ``PDFLimits``.
///
/// A damaged cross-reference (missing, offsets that do not point at their object, a cut file) is
/// repaired by scanning the file for `n g obj`, as every real reader does; ``notes`` says so.
/// Not thread-safe: one document is read by one task.
public final class PDFDocument {
    /// The file's bytes.
    public let bytes: [UInt8]
    /// The limits every step of reading observes.
    public let limits: PDFLimits
    /// The trailer (newest section first, older ones filling gaps).
    public internal(set) var trailer: PDFDictionary
    /// What the reader repaired or skipped, one sentence each.
    public internal(set) var notes: [PDFNote] = []
    /// Bytes the streams may still decode to (starts at `limits.maxDecodedBytes`).
    public internal(set) var decodeBudget: Int

    var entries: [Int: PDFCrossReference.Entry]
    var cache: [Int: PDFObject] = [:]
    var resolving: Set<Int> = []
    var scannedOffsets: [Int: Int]?
    var objectStreams: [Int: PDFObjectStreamContents] = [:]
    var security: PDFStandardSecurity?
    var encryptionObjectNumber: Int?
    var fontCache: [Int: PDFFont] = [:]
    var endstreamOffsets: [Int]?
    var glyphCount = 0

    /// Opens `bytes`: finds the header, reads the cross-reference (rebuilding it when it is
    /// damaged), checks that the catalog is there, and authenticates encryption.
    public init(_ bytes: [UInt8], limits: PDFLimits = .standard) throws(PDFError) {
        self.bytes = bytes
        self.limits = limits
        self.decodeBudget = limits.maxDecodedBytes
        self.trailer = PDFDictionary()
        self.entries = [:]
        guard PDFIndirectObjectReader.find(Array("%PDF-".utf8), in: Array(bytes.prefix(1024)), from: 0) != nil else {
            throw .notPDF
        }
        let loader = PDFCrossReferenceLoader(bytes: bytes, limits: limits)
        var budget = decodeBudget
        var loadError: PDFError?
        do {
            let crossReference = try loader.load(budget: &budget)
            entries = crossReference.entries
            trailer = crossReference.trailer
            decodeBudget = budget
        } catch {
            if case .limitExceeded = error { throw error }
            loadError = error
        }
        if loadError != nil || catalogIfValid() == nil {
            try rebuild(because: loadError?.description ?? "its catalog cannot be found through it")
        }
        guard catalogIfValid() != nil else { throw .damaged("no document catalog (/Root) can be found") }
        try setUpEncryption()
    }

    /// The document catalog (`/Root`).
    public func catalog() throws(PDFError) -> PDFDictionary {
        guard let catalog = try resolve(trailer["Root"] ?? .null).dictionary else { throw .damaged("the /Root is not a dictionary") }
        return catalog
    }

    /// The catalog when it resolves to a dictionary, else nil (used to decide on a rebuild).
    func catalogIfValid() -> PDFDictionary? {
        guard let root = trailer["Root"], let catalog = try? resolve(root).dictionary else { return nil }
        return catalog
    }

    /// `object` with references followed (at most `limits.maxReferenceChainLength` of them).
    public func resolve(_ object: PDFObject) throws(PDFError) -> PDFObject {
        var current = object
        var hops = 0
        while case .reference(let reference) = current {
            hops += 1
            guard hops <= limits.maxReferenceChainLength else {
                throw .damaged("object \(reference.number) is reached through a cycle or a chain of over \(limits.maxReferenceChainLength) references")
            }
            current = try self.object(reference.number)
        }
        return current
    }

    /// The value of `key` in `dictionary`, resolved.
    public func value(_ dictionary: PDFDictionary, _ key: String) throws(PDFError) -> PDFObject? {
        guard let raw = dictionary[key] else { return nil }
        let resolved = try resolve(raw)
        return resolved == .null ? nil : resolved
    }

    /// The object numbered `number` (null when the file does not hold it).
    public func object(_ number: Int) throws(PDFError) -> PDFObject {
        if let cached = cache[number] { return cached }
        guard resolving.count < limits.maxNestingDepth else {
            throw .limitExceeded("objects whose reading needs one another more than \(limits.maxNestingDepth) deep")
        }
        guard resolving.insert(number).inserted else {
            throw .damaged("object \(number) refers to itself while it is being read")
        }
        defer { resolving.remove(number) }
        let object = try load(number)
        cache[number] = object
        return object
    }

    /// Reads object `number` from where the cross-reference says, falling back on a scan of the file.
    private func load(_ number: Int) throws(PDFError) -> PDFObject {
        switch entries[number] {
        case .offset(let offset, _)?:
            if let object = try direct(number, at: offset) { return object }
        case .compressed(let stream, let index)?:
            if let object = try compressed(number, stream: stream, index: index) { return object }
        case .free?, nil:
            break
        }
        if scannedOffsets == nil { scannedOffsets = scanForObjects() }
        if let offset = scannedOffsets?[number], let object = try direct(number, at: offset) { return object }
        return .null
    }

    /// The object at `offset` if its header names `number`; decrypted when the file is encrypted.
    private func direct(_ number: Int, at offset: Int) throws(PDFError) -> PDFObject? {
        if endstreamOffsets == nil { endstreamOffsets = PDFIndirectObjectReader.offsets(of: PDFIndirectObjectReader.endstream, in: bytes) }
        let reader = PDFIndirectObjectReader(bytes, maxDepth: limits.maxNestingDepth, endstreams: endstreamOffsets ?? [])
        guard let head = reader.header(at: offset), head.number == number else { return nil }
        let (reference, object) = try reader.object(at: offset) { [unowned self] length in
            (try? self.resolve(length))?.integer
        }
        return try decrypt(object, reference: reference)
    }

    /// The bytes of `stream` decoded by its filters, within the document's budget.
    public func decodedData(_ stream: PDFStream) throws(PDFError) -> [UInt8] {
        var dictionary = stream.dictionary
        // Filters and their parameters may be indirect.
        if let filter = dictionary["Filter"] { dictionary["Filter"] = try resolveShallow(filter) }
        if let parameters = dictionary["DecodeParms"] { dictionary["DecodeParms"] = try resolveShallow(parameters) }
        return try PDFFilterChain.decode(stream.data, dictionary: dictionary, limits: limits, budget: &decodeBudget)
    }

    /// `object` resolved, and each element of it resolved when it is an array.
    private func resolveShallow(_ object: PDFObject) throws(PDFError) -> PDFObject {
        let resolved = try resolve(object)
        guard case .array(let elements) = resolved else { return resolved }
        var result: [PDFObject] = []
        for element in elements { result.append(try resolve(element)) }
        return .array(result)
    }
}
