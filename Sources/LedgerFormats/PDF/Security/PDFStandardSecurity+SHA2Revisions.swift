/// Revisions 5 and 6: AES-256 with a file key wrapped in /UE or /OE under a key hashed from the
/// password with SHA-256 (revision 5, Adobe's deprecated extension level 3) or with ISO 32000-2
/// Algorithm 2.B's iterated SHA-256/384/512 and AES-128 hash (revision 6).
extension PDFStandardSecurity {
    /// The 32-byte file key of a revision 5–6 file that the empty user or owner password opens
    /// (ISO 32000-2 Algorithms 2.A, 11 and 12).
    static func authenticateSHA2Revision(_ parameters: Parameters) throws(PDFSecurityError) -> [UInt8] {
        guard parameters.u.count >= 48 else { throw .damaged("/U is \(parameters.u.count) bytes, not 48") }
        guard parameters.o.count >= 48 else { throw .damaged("/O is \(parameters.o.count) bytes, not 48") }
        let user = Array(parameters.u.prefix(48))
        let owner = Array(parameters.o.prefix(48))
        let password: [UInt8] = []

        if hash(password + user[32..<40], revision: parameters.r, password: password, userEntry: []) == Array(user[..<32]) {
            let key = hash(password + user[40..<48], revision: parameters.r, password: password, userEntry: [])
            return try unwrapFileKey(parameters.ue, name: "/UE", key: key)
        }
        if hash(password + owner[32..<40] + user, revision: parameters.r, password: password, userEntry: user) == Array(owner[..<32]) {
            let key = hash(password + owner[40..<48] + user, revision: parameters.r, password: password, userEntry: user)
            return try unwrapFileKey(parameters.oe, name: "/OE", key: key)
        }
        throw .needsPassword
    }

    /// The file key: /UE or /OE decrypted with AES-256-CBC, a zero IV and no padding.
    private static func unwrapFileKey(_ wrapped: [UInt8]?, name: String, key: [UInt8]) throws(PDFSecurityError) -> [UInt8] {
        guard let wrapped, wrapped.count >= 32 else {
            throw .damaged("\(name) is \(wrapped?.count ?? 0) bytes, not 32")
        }
        do {
            return try AES(key: key).decryptCBC(Array(wrapped.prefix(32)), iv: [UInt8](repeating: 0, count: 16), padding: .none)
        } catch {
            throw .damaged("\(name) cannot be decrypted: \(error.description)")
        }
    }

    /// Revision 5: SHA-256 of `input`. Revision 6: Algorithm 2.B, the hash iterated at least 64
    /// rounds, each AES-128-CBC-encrypting 64 copies of password + K + user entry under K and
    /// hashing the result with SHA-256, -384 or -512 as its first 16 bytes say, until the last
    /// byte of the encryption is at most the round number − 32.
    static func hash(_ input: [UInt8], revision: Int, password: [UInt8], userEntry: [UInt8]) -> [UInt8] {
        var k = SHA2.sha256(input)
        guard revision >= 6 else { return k }
        var round = 0
        var lastByte: UInt8 = 0
        // The loop ends: past round 64 it stops as soon as a byte is ≤ round − 32, certainly by round 288.
        while round < 64 || Int(lastByte) > round - 32 {
            let block = password + k + userEntry
            var repeated: [UInt8] = []
            repeated.reserveCapacity(block.count * 64)
            for _ in 0..<64 { repeated.append(contentsOf: block) }
            let encrypted: [UInt8]
            do {
                encrypted = try AES(key: Array(k[0..<16])).encryptCBC(repeated, iv: Array(k[16..<32]))
            } catch {
                preconditionFailure("a 16-byte key is an AES-128 key")
            }
            // The first 16 bytes as a 128-bit big-endian number mod 3: 256 ≡ 1 (mod 3), so their sum mod 3.
            let selector = encrypted.prefix(16).reduce(0) { $0 + Int($1) } % 3
            k = selector == 0 ? SHA2.sha256(encrypted) : selector == 1 ? SHA2.sha384(encrypted) : SHA2.sha512(encrypted)
            lastByte = encrypted[encrypted.count - 1]
            round += 1
        }
        return Array(k.prefix(32))
    }
}
