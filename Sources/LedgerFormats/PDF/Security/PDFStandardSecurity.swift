// STUB of the API another branch (h/crypto) implements: when merging, take that branch's file.
// It refuses every encrypted file, so that the reader builds and reports encryption clearly.

/// The standard security handler (stub: refuses every file; replaced by the real one at merge).
public struct PDFStandardSecurity: Sendable {
    /// How strings or streams are encrypted.
    public enum CryptMethod: Sendable, Equatable { case identity, rc4, aesV2, aesV3 }

    /// What the encryption dictionary says.
    public struct Parameters: Sendable {
        /// `/Filter`, "Standard".
        public var filter: String
        /// `/V` and `/R`.
        public var v: Int, r: Int
        /// `/Length`, default 40.
        public var lengthBits: Int
        /// `/O` and `/U`.
        public var o: [UInt8], u: [UInt8]
        /// R5/R6 only.
        public var oe: [UInt8]?, ue: [UInt8]?, perms: [UInt8]?
        /// `/P`.
        public var p: Int32
        /// `/EncryptMetadata`, default true.
        public var encryptMetadata: Bool
        /// From `/StrF` via `/CF` (V4/V5); `.rc4` for V1/V2.
        public var stringMethod: CryptMethod
        /// From `/StmF` via `/CF`.
        public var streamMethod: CryptMethod
        /// The first element of the trailer's `/ID`.
        public var firstID: [UInt8]

        /// Creates parameters.
        public init(filter: String, v: Int, r: Int, lengthBits: Int, o: [UInt8], u: [UInt8], oe: [UInt8]?, ue: [UInt8]?,
                    perms: [UInt8]?, p: Int32, encryptMetadata: Bool, stringMethod: CryptMethod, streamMethod: CryptMethod,
                    firstID: [UInt8]) {
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

    /// Authenticates the empty user password; throws when the file needs a password or uses something else.
    public init(_ parameters: Parameters) throws(PDFSecurityError) {
        guard parameters.filter == "Standard" else { throw .unsupportedHandler(parameters.filter) }
        throw .unsupported("decryption is not built into this version")
    }

    /// Decrypts one string or stream of object `objectNumber`.
    public func decrypt(_ data: [UInt8], objectNumber: Int, generation: Int, isStream: Bool) throws(PDFSecurityError) -> [UInt8] {
        data
    }
}

/// Why an encrypted file cannot be opened.
public enum PDFSecurityError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A `/Filter` other than Standard (certificates, Adobe LiveCycle…).
    case unsupportedHandler(String)
    /// The empty user password does not open it.
    case needsPassword
    /// A revision or method this reader does not do.
    case unsupported(String)
    /// The encryption dictionary is damaged.
    case damaged(String)

    /// One sentence for a developer.
    public var description: String {
        switch self {
        case .unsupportedHandler(let name): "the security handler /\(name) is not supported"
        case .needsPassword: "a password is needed"
        case .unsupported(let what): "unsupported encryption: \(what)"
        case .damaged(let why): "the encryption dictionary is damaged: \(why)"
        }
    }
}
