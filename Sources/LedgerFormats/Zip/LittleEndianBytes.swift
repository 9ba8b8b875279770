/// Little-endian integers read from a byte array, bounds-checked: a read past the end is nil,
/// never a trap, so a truncated or crafted archive is an error and not a crash.
extension Array where Element == UInt8 {
    /// The 16-bit little-endian integer at `offset`, or nil when it does not fit.
    func uint16LE(at offset: Int) -> UInt16? {
        guard offset >= 0, offset <= count - 2 else { return nil }
        return UInt16(self[offset]) | UInt16(self[offset + 1]) << 8
    }

    /// The 32-bit little-endian integer at `offset`, or nil when it does not fit.
    func uint32LE(at offset: Int) -> UInt32? {
        guard offset >= 0, offset <= count - 4 else { return nil }
        return UInt32(self[offset]) | UInt32(self[offset + 1]) << 8
            | UInt32(self[offset + 2]) << 16 | UInt32(self[offset + 3]) << 24
    }

    /// The bytes `offset..<offset + length`, or nil when they do not fit.
    func slice(at offset: Int, length: Int) -> ArraySlice<UInt8>? {
        guard offset >= 0, length >= 0, offset <= count, length <= count - offset else { return nil }
        return self[offset..<(offset + length)]
    }
}
