/// The RC4 stream cipher (ARCFOUR), as PDF revisions 2–4 use it: encryption and decryption
/// are the same operation.
///
/// RC4 is broken as a cipher; it is here only to read PDFs that were encrypted with it.
public struct RC4: Sendable {
    private var permutation: [UInt8]
    private var i: UInt8 = 0
    private var j: UInt8 = 0

    /// Creates the keystream for `key` (1 to 256 bytes; PDF uses 5 to 16).
    ///
    /// An empty key is a caller's error and traps.
    public init(key: [UInt8]) {
        precondition(!key.isEmpty && key.count <= 256, "RC4 keys are 1 to 256 bytes")
        permutation = (0...255).map { UInt8($0) }
        var mixer: UInt8 = 0
        for index in 0..<256 {
            mixer = mixer &+ permutation[index] &+ key[index % key.count]
            permutation.swapAt(index, Int(mixer))
        }
    }

    /// `bytes` XORed with the next `bytes.count` bytes of the keystream.
    public mutating func process<Bytes: Sequence>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        var output = Array(bytes)
        var (i, j) = (self.i, self.j)
        // Indices are UInt8, so always inside the 256-byte permutation.
        permutation.withUnsafeMutableBufferPointer { state in
            output.withUnsafeMutableBufferPointer { output in
                for index in output.indices {
                    i &+= 1
                    let atI = state[Int(i)]
                    j &+= atI
                    let atJ = state[Int(j)]
                    state[Int(i)] = atJ
                    state[Int(j)] = atI
                    output[index] ^= state[Int(atI &+ atJ)]
                }
            }
        }
        (self.i, self.j) = (i, j)
        return output
    }

    /// `bytes` encrypted (or decrypted) with a fresh keystream for `key`.
    public static func process<Bytes: Sequence>(_ bytes: Bytes, key: [UInt8]) -> [UInt8] where Bytes.Element == UInt8 {
        var cipher = RC4(key: key)
        return cipher.process(bytes)
    }
}
