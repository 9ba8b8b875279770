/// Revisions 2–4: the file key from the password with MD5 (ISO 32000-1 Algorithm 2) and its
/// check against /U (Algorithms 4 and 5), for the empty user password and the empty owner
/// password (Algorithm 7).
extension PDFStandardSecurity {
    /// The 32 bytes that pad a password (ISO 32000-1 §7.6.3.3, Algorithm 2 step a).
    static let passwordPadding: [UInt8] = [
        0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08,
        0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
    ]

    /// The file key of a revision 2–4 file that the empty user or owner password opens.
    static func authenticateMD5Revision(_ parameters: Parameters, methods: [CryptMethod]) throws(PDFSecurityError) -> [UInt8] {
        let revision = parameters.r
        guard parameters.o.count >= 32 else { throw .damaged("/O is \(parameters.o.count) bytes, not 32") }
        guard parameters.u.count >= 32 else { throw .damaged("/U is \(parameters.u.count) bytes, not 32") }
        let keyByteCount = try keyByteCount(parameters, methods: methods)

        // The empty user password: the padding alone.
        let userKey = fileKey(paddedPassword: passwordPadding, parameters, keyByteCount: keyByteCount)
        if userEntryMatches(userKey, parameters) { return userKey }

        // The empty owner password: /O decrypts to the padded user password (Algorithm 7).
        var ownerHash = MD5.hash(passwordPadding)
        if revision >= 3 {
            for _ in 0..<50 { ownerHash = MD5.hash(ownerHash) }
        }
        let ownerKey = Array(ownerHash.prefix(keyByteCount))
        var userPassword = Array(parameters.o.prefix(32))
        if revision == 2 {
            userPassword = RC4.process(userPassword, key: ownerKey)
        } else {
            for round in stride(from: 19, through: 0, by: -1) {
                userPassword = RC4.process(userPassword, key: ownerKey.map { $0 ^ UInt8(round) })
            }
        }
        let keyFromOwner = fileKey(paddedPassword: userPassword, parameters, keyByteCount: keyByteCount)
        if userEntryMatches(keyFromOwner, parameters) { return keyFromOwner }
        throw .needsPassword
    }

    /// n, the file key's length in bytes: 5 for revision 2; /Length / 8 for 3–4 (40 to 128 bits
    /// in steps of 8, or a producer's 5 to 16 written in bytes); 16 whenever AESV2 is used (it is AES-128).
    private static func keyByteCount(_ parameters: Parameters, methods: [CryptMethod]) throws(PDFSecurityError) -> Int {
        if parameters.r == 2 { return 5 }
        if methods.contains(.aesV2) { return 16 }
        let bits = parameters.lengthBits
        if (40...128).contains(bits) && bits % 8 == 0 { return bits / 8 }
        if (5...16).contains(bits) { return bits }
        throw .damaged("/Length \(bits) is not a key length (40 to 128 bits in steps of 8)")
    }

    /// Algorithm 2: MD5 of the padded password, /O, /P, the first /ID (and FFFFFFFF when revision 4
    /// leaves metadata unencrypted), re-hashed 50 times from revision 3, cut to n bytes.
    private static func fileKey(paddedPassword: [UInt8], _ parameters: Parameters, keyByteCount: Int) -> [UInt8] {
        var hasher = MD5()
        hasher.update(paddedPassword)
        hasher.update(parameters.o.prefix(32))
        let permissions = UInt32(bitPattern: parameters.p)
        hasher.update([0, 8, 16, 24].map { UInt8(truncatingIfNeeded: permissions >> UInt32($0)) })
        hasher.update(parameters.firstID)
        if parameters.r >= 4 && !parameters.encryptMetadata { hasher.update([0xff, 0xff, 0xff, 0xff]) }
        var digest = hasher.finalize()
        if parameters.r >= 3 {
            for _ in 0..<50 { digest = MD5.hash(digest.prefix(keyByteCount)) }
        }
        return Array(digest.prefix(keyByteCount))
    }

    /// Algorithms 4 and 5: whether `key` reproduces /U (all 32 bytes for revision 2, the first 16 after).
    private static func userEntryMatches(_ key: [UInt8], _ parameters: Parameters) -> Bool {
        if parameters.r == 2 {
            return RC4.process(passwordPadding, key: key) == Array(parameters.u.prefix(32))
        }
        var entry = RC4.process(MD5.hash(passwordPadding + parameters.firstID), key: key)
        for round in 1...19 { entry = RC4.process(entry, key: key.map { $0 ^ UInt8(round) }) }
        return entry == Array(parameters.u.prefix(16))
    }
}
