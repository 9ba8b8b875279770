/// The PDF standard security handler (ISO 32000-1 §7.6.3–7.6.4, ISO 32000-2 §7.6.4 for revision 6),
/// opened with the empty password, and the decryption of strings and streams it gives.
///
/// Many government PDFs are encrypted with an empty user password only to restrict printing or
/// copying; they open for anyone, and this type opens them. Revisions 2–4 (RC4 and AES-128 with
/// MD5 key derivation) and 5–6 (AES-256 with SHA-2) are supported. When the empty user password
/// fails, the empty owner password is tried too (a file protected only by a user password and an
/// empty owner password opens for the owner, as in every reader).
///
/// What the caller must not decrypt (ISO 32000-1 §7.6.1, §7.5.8.2): strings inside the encryption
/// dictionary itself, cross-reference streams, and, when ``Parameters/encryptMetadata`` is false,
/// the metadata stream (/Type /Metadata), and strings of objects inside an object stream (the
/// object stream is decrypted as a whole, once). A stream whose /Filter begins with /Crypt names
/// its own crypt filter; when that is /Identity it is not decrypted.
public struct PDFStandardSecurity: Sendable {
    /// How strings or streams are encrypted: a crypt filter's /CFM.
    ///
    /// For /V 4 and 5, /StrF and /StmF name a crypt filter in /CF; when absent, or named
    /// /Identity, the method is `.identity`. A /CFM of /V2 is `.rc4`, /AESV2 `.aesV2`,
    /// /AESV3 `.aesV3`, /None `.identity`.
    public enum CryptMethod: Sendable, Equatable {
        /// Not encrypted (/Identity, or /CFM /None).
        case identity
        /// RC4 with a per-object key (/CFM /V2, and always for /V 1 and 2).
        case rc4
        /// AES-128-CBC with a per-object key (/CFM /AESV2).
        case aesV2
        /// AES-256-CBC with the file key (/CFM /AESV3).
        case aesV3
    }

    /// The encryption dictionary's entries, and the trailer's first /ID, as the reader found them.
    public struct Parameters: Sendable {
        /// /Filter: "Standard" is the only handler read.
        public var filter: String
        /// /V, the algorithm: 1, 2, 4 or 5.
        public var v: Int
        /// /R, the revision of the standard handler: 2 to 6.
        public var r: Int
        /// /Length, the key length in bits (default 40); for /V 4 with AESV2 the key is 128 bits whatever it says.
        ///
        /// For /V 4 without /Length, pass the crypt filter's /Length: values 5 to 16 are read as bytes,
        /// as some producers write them.
        public var lengthBits: Int
        /// /O, the owner password entry (32 bytes; 48 for revisions 5–6).
        public var o: [UInt8]
        /// /U, the user password entry (32 bytes; 48 for revisions 5–6).
        public var u: [UInt8]
        /// /OE, the owner-encrypted file key (revisions 5–6).
        public var oe: [UInt8]?
        /// /UE, the user-encrypted file key (revisions 5–6).
        public var ue: [UInt8]?
        /// /Perms, the encrypted permissions (revisions 5–6); not checked (see the init).
        public var perms: [UInt8]?
        /// /P, the permission flags as a signed 32-bit integer. Some producers (pypdf) write it
        /// unsigned (4294967292 for -4): pass `Int32(truncatingIfNeeded:)` of what the file says.
        public var p: Int32
        /// /EncryptMetadata (default true).
        public var encryptMetadata: Bool
        /// How strings are encrypted: /StrF's crypt filter via /CF for /V 4–5; `.rc4` for /V 1–2.
        public var stringMethod: CryptMethod
        /// How streams are encrypted: /StmF's crypt filter via /CF for /V 4–5; `.rc4` for /V 1–2.
        public var streamMethod: CryptMethod
        /// The first element of the trailer's /ID (empty when the file has none).
        public var firstID: [UInt8]

        /// Creates parameters from the encryption dictionary's entries.
        public init(filter: String, v: Int, r: Int, lengthBits: Int, o: [UInt8], u: [UInt8], oe: [UInt8]?, ue: [UInt8]?,
                    perms: [UInt8]?, p: Int32, encryptMetadata: Bool, stringMethod: CryptMethod,
                    streamMethod: CryptMethod, firstID: [UInt8]) {
            self.filter = filter
            self.v = v
            self.r = r
            self.lengthBits = lengthBits
            self.o = o
            self.u = u
            self.oe = oe
            self.ue = ue
            self.perms = perms
            self.p = p
            self.encryptMetadata = encryptMetadata
            self.stringMethod = stringMethod
            self.streamMethod = streamMethod
            self.firstID = firstID
        }
    }

    /// The file encryption key: 5 to 16 bytes for revisions 2–4, 32 for 5–6.
    let fileKey: [UInt8]
    /// The method for strings, after /V 1–2's rule (always RC4) is applied.
    let stringMethod: CryptMethod
    /// The method for streams, after /V 1–2's rule is applied.
    let streamMethod: CryptMethod

    /// Authenticates the empty user password; throws when the file needs a password or uses something else.
    ///
    /// Throws ``PDFSecurityError/unsupportedHandler(_:)`` for a /Filter other than Standard,
    /// ``PDFSecurityError/unsupported(_:)`` for a /V, /R or method combination not read here,
    /// ``PDFSecurityError/damaged(_:)`` for entries of the wrong size or a /Length out of range,
    /// and ``PDFSecurityError/needsPassword`` when neither the empty user nor the empty owner
    /// password opens the file. /Perms is not checked: real readers ignore it, and a key that
    /// passed /U's check is right.
    public init(_ parameters: Parameters) throws(PDFSecurityError) {
        guard parameters.filter == "Standard" else { throw .unsupportedHandler(parameters.filter) }
        guard [1, 2, 4, 5].contains(parameters.v) else {
            throw .unsupported("encryption algorithm /V \(parameters.v) (only 1, 2, 4 and 5 are published)")
        }
        let methods = parameters.v < 4
            ? (strings: CryptMethod.rc4, streams: CryptMethod.rc4)
            : (strings: parameters.stringMethod, streams: parameters.streamMethod)
        switch parameters.r {
        case 2, 3, 4:
            for method in [methods.strings, methods.streams] where method == .aesV3 {
                throw .unsupported("AES-256 (AESV3) under revision \(parameters.r)")
            }
            fileKey = try Self.authenticateMD5Revision(parameters, methods: [methods.strings, methods.streams])
        case 5, 6:
            for method in [methods.strings, methods.streams] where method == .rc4 || method == .aesV2 {
                throw .unsupported("\(method == .rc4 ? "RC4" : "AES-128") under revision \(parameters.r)")
            }
            fileKey = try Self.authenticateSHA2Revision(parameters)
        default:
            throw .unsupported("revision \(parameters.r) of the standard security handler (2 to 6 are read)")
        }
        stringMethod = methods.strings
        streamMethod = methods.streams
    }

    /// Decrypts one string (`isStream` false) or stream's data of the object `objectNumber`
    /// `generation` (the indirect object that holds it, for a string inside a dictionary).
    ///
    /// Empty data is returned empty. AES data is a 16-byte IV then the ciphertext; padding that is
    /// not valid PKCS#5 is left in place and a trailing part block is dropped, as real readers do;
    /// data shorter than the IV is ``PDFSecurityError/damaged(_:)``.
    public func decrypt(_ data: [UInt8], objectNumber: Int, generation: Int, isStream: Bool) throws(PDFSecurityError) -> [UInt8] {
        guard !data.isEmpty else { return [] }
        switch isStream ? streamMethod : stringMethod {
        case .identity:
            return data
        case .rc4:
            return RC4.process(data, key: objectKey(objectNumber: objectNumber, generation: generation, aes: false))
        case .aesV2:
            return try Self.decryptAES(data, key: objectKey(objectNumber: objectNumber, generation: generation, aes: true),
                                       objectNumber: objectNumber)
        case .aesV3:
            return try Self.decryptAES(data, key: fileKey, objectNumber: objectNumber)
        }
    }

    /// Algorithm 1: the file key, the object number's low 3 bytes and the generation's low 2
    /// (least significant first), "sAlT" for AES, hashed with MD5 and cut to min(n + 5, 16) bytes.
    func objectKey(objectNumber: Int, generation: Int, aes: Bool) -> [UInt8] {
        var input = fileKey
        for shift in [0, 8, 16] { input.append(UInt8(truncatingIfNeeded: objectNumber >> shift)) }
        for shift in [0, 8] { input.append(UInt8(truncatingIfNeeded: generation >> shift)) }
        if aes { input.append(contentsOf: [0x73, 0x41, 0x6c, 0x54]) }
        return Array(MD5.hash(input).prefix(min(fileKey.count + 5, 16)))
    }

    private static func decryptAES(_ data: [UInt8], key: [UInt8], objectNumber: Int) throws(PDFSecurityError) -> [UInt8] {
        guard data.count >= AES.blockByteCount else {
            throw .damaged("object \(objectNumber): \(data.count) bytes of AES data, shorter than its 16-byte IV")
        }
        do {
            return try AES(key: key).decryptCBC(ivAndCiphertext: data, padding: .pkcs5Tolerant)
        } catch {
            // The key is 16 or 32 bytes and tolerant CBC takes any length from 16: not reached.
            throw .damaged("object \(objectNumber): \(error.description)")
        }
    }
}
