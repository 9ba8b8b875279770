/// Reading `/Encrypt` into the standard security handler's parameters, and decrypting each
/// object's strings and streams as it is loaded (ISO 32000-1 §7.6; ISO 32000-2 for AES-256).
extension PDFDocument {
    /// Sets up decryption when the trailer has an `/Encrypt` dictionary; throws
    /// ``PDFError/encrypted(_:)`` when the empty user password does not open the file.
    func setUpEncryption() throws(PDFError) {
        guard let raw = trailer["Encrypt"] else { return }
        encryptionObjectNumber = raw.reference?.number
        guard let dictionary = try resolve(raw).dictionary else { throw .encrypted(.damaged("/Encrypt is not a dictionary")) }
        let parameters = try Self.parameters(dictionary, firstID: trailerFirstID())
        do {
            security = try PDFStandardSecurity(parameters)
        } catch {
            throw .encrypted(error)
        }
        // Objects read before (the catalog, to check it) were read encrypted: read them again.
        cache = [:]
        objectStreams = [:]
    }

    /// The first string of the trailer's `/ID` (empty when absent).
    private func trailerFirstID() throws(PDFError) -> [UInt8] {
        guard let ids = try value(trailer, "ID")?.array, let first = ids.first else { return [] }
        return try resolve(first).stringBytes ?? []
    }

    /// The handler's parameters from an encryption dictionary.
    static func parameters(_ dictionary: PDFDictionary, firstID: [UInt8]) throws(PDFError) -> PDFStandardSecurity.Parameters {
        let filter = dictionary["Filter"]?.name ?? ""
        guard filter == "Standard" else { throw .encrypted(.unsupportedHandler(filter.isEmpty ? "(none)" : filter)) }
        let v = dictionary["V"]?.integer ?? 0
        let r = dictionary["R"]?.integer ?? 0
        guard let o = dictionary["O"]?.stringBytes, let u = dictionary["U"]?.stringBytes else {
            throw .encrypted(.damaged("/O or /U is missing"))
        }
        let p = Int32(truncatingIfNeeded: dictionary["P"]?.integer ?? 0)
        var lengthBits = dictionary["Length"]?.integer ?? 40
        var stringMethod = PDFStandardSecurity.CryptMethod.rc4
        var streamMethod = PDFStandardSecurity.CryptMethod.rc4
        if v >= 4 {
            let filters = dictionary["CF"]?.dictionary ?? PDFDictionary()
            stringMethod = method(named: dictionary["StrF"]?.name ?? "Identity", in: filters)
            streamMethod = method(named: dictionary["StmF"]?.name ?? "Identity", in: filters)
            if dictionary["Length"] == nil, let name = dictionary["StmF"]?.name,
               let bytes = filters[name]?.dictionary?["Length"]?.integer {
                // In a crypt filter /Length is in bytes (some writers give bits).
                lengthBits = bytes <= 32 ? bytes * 8 : bytes
            }
        }
        return PDFStandardSecurity.Parameters(
            filter: filter, v: v, r: r, lengthBits: lengthBits, o: o, u: u,
            oe: dictionary["OE"]?.stringBytes, ue: dictionary["UE"]?.stringBytes, perms: dictionary["Perms"]?.stringBytes,
            p: p, encryptMetadata: dictionary["EncryptMetadata"] != .boolean(false),
            stringMethod: stringMethod, streamMethod: streamMethod, firstID: firstID)
    }

    /// The method of crypt filter `name` (`/Identity`, or an entry of `/CF` with its `/CFM`).
    private static func method(named name: String, in filters: PDFDictionary) -> PDFStandardSecurity.CryptMethod {
        guard name != "Identity", let filter = filters[name]?.dictionary else { return .identity }
        switch filter["CFM"]?.name {
        case "V2": return .rc4
        case "AESV2": return .aesV2
        case "AESV3": return .aesV3
        default: return .identity
        }
    }

    /// `object` (read directly from the file as `reference`) with its strings and stream decrypted.
    /// The encryption dictionary and cross-reference streams are not encrypted.
    func decrypt(_ object: PDFObject, reference: PDFReference) throws(PDFError) -> PDFObject {
        guard let security, reference.number != encryptionObjectNumber else { return object }
        if case .stream(let stream) = object, stream.dictionary.type == "XRef" { return object }
        do {
            return try Self.decrypt(object, with: security, reference: reference, depth: 0)
        } catch {
            throw .encrypted(error)
        }
    }

    private static func decrypt(_ object: PDFObject, with security: PDFStandardSecurity, reference: PDFReference,
                                depth: Int) throws(PDFSecurityError) -> PDFObject {
        guard depth < 128 else { return object }
        switch object {
        case .string(let bytes):
            return .string(try security.decrypt(bytes, objectNumber: reference.number, generation: reference.generation, isStream: false))
        case .array(let elements):
            var result: [PDFObject] = []
            for element in elements { result.append(try decrypt(element, with: security, reference: reference, depth: depth + 1)) }
            return .array(result)
        case .dictionary(let dictionary):
            return .dictionary(try decrypt(dictionary, with: security, reference: reference, depth: depth))
        case .stream(var stream):
            stream.dictionary = try decrypt(stream.dictionary, with: security, reference: reference, depth: depth)
            stream.data = try security.decrypt(stream.data, objectNumber: reference.number, generation: reference.generation, isStream: true)
            return .stream(stream)
        default:
            return object
        }
    }

    private static func decrypt(_ dictionary: PDFDictionary, with security: PDFStandardSecurity, reference: PDFReference,
                                depth: Int) throws(PDFSecurityError) -> PDFDictionary {
        var result = dictionary
        for (key, value) in dictionary.entries {
            result.entries[key] = try decrypt(value, with: security, reference: reference, depth: depth + 1)
        }
        return result
    }
}
