/// AES's constant tables, computed once from their definitions in FIPS-197 (§4.2, §5.1.1)
/// rather than typed in: the S-box is the multiplicative inverse in GF(2^8) followed by the
/// affine transformation.
enum AESTables {
    /// Multiplication by x (02) in GF(2^8) modulo x^8 + x^4 + x^3 + x + 1.
    static func xtime(_ value: UInt8) -> UInt8 {
        (value << 1) ^ (value & 0x80 == 0 ? 0 : 0x1b)
    }

    /// The product of two elements of GF(2^8).
    static func multiply(_ left: UInt8, _ right: UInt8) -> UInt8 {
        var (a, b, product): (UInt8, UInt8, UInt8) = (left, right, 0)
        while b != 0 {
            if b & 1 != 0 { product ^= a }
            a = xtime(a)
            b >>= 1
        }
        return product
    }

    /// SubBytes' S-box.
    static let sbox: [UInt8] = (0...255).map { value in
        let byte = UInt8(value)
        // The inverse is byte^254; 0 maps to 0.
        var inverse: UInt8 = 1
        var power = byte
        var exponent = 254
        while exponent > 0 {
            if exponent & 1 != 0 { inverse = multiply(inverse, power) }
            power = multiply(power, power)
            exponent >>= 1
        }
        if byte == 0 { inverse = 0 }
        func rotate(_ b: UInt8, _ count: UInt8) -> UInt8 { b << count | b >> (8 - count) }
        return inverse ^ rotate(inverse, 1) ^ rotate(inverse, 2) ^ rotate(inverse, 3) ^ rotate(inverse, 4) ^ 0x63
    }

    /// InvSubBytes' S-box.
    static let inverseSbox: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for (index, value) in sbox.enumerated() { table[Int(value)] = UInt8(index) }
        return table
    }()

    /// Encryption T-table: SubBytes then MixColumns' column (02·s, s, s, 03·s), big-endian;
    /// tables 1–3 are it rotated right by 8, 16 and 24 bits.
    static let encrypt0: [UInt32] = sbox.map { s in
        UInt32(multiply(s, 2)) << 24 | UInt32(s) << 16 | UInt32(s) << 8 | UInt32(multiply(s, 3))
    }
    static let encrypt1: [UInt32] = encrypt0.map { $0 >> 8 | $0 << 24 }
    static let encrypt2: [UInt32] = encrypt0.map { $0 >> 16 | $0 << 16 }
    static let encrypt3: [UInt32] = encrypt0.map { $0 >> 24 | $0 << 8 }

    /// Decryption T-table: InvSubBytes then InvMixColumns' column (0e·s, 09·s, 0d·s, 0b·s), big-endian;
    /// tables 1–3 are it rotated right by 8, 16 and 24 bits.
    static let decrypt0: [UInt32] = inverseSbox.map { s in
        UInt32(multiply(s, 14)) << 24 | UInt32(multiply(s, 9)) << 16 | UInt32(multiply(s, 13)) << 8 | UInt32(multiply(s, 11))
    }
    static let decrypt1: [UInt32] = decrypt0.map { $0 >> 8 | $0 << 24 }
    static let decrypt2: [UInt32] = decrypt0.map { $0 >> 16 | $0 << 16 }
    static let decrypt3: [UInt32] = decrypt0.map { $0 >> 24 | $0 << 8 }
}
