#if canImport(Glibc)
import Glibc
#endif
import LedgerDomain
import LedgerFormats

extension EventStore {
    /// The longest run of bytes ``records(in:committed:)`` reads at once.
    public static let maxSpanBytes = 64 << 20

    /// The records whose lines (each with its newline) fill `bytes` of the committed log, each
    /// checked against its hash and chained to the one before; nil when those bytes are not
    /// such records (a place named by a snapshot that does not describe this log).
    public func records(in bytes: Range<Int>, committed head: HeadFile) throws -> [EventRecord]? {
        guard bytes.lowerBound >= 0, !bytes.isEmpty, bytes.upperBound <= head.bytes,
              bytes.count <= Self.maxSpanBytes else { return nil }
        let descriptor = try system.open(layout.log, flags: O_RDONLY | O_NOFOLLOW, mode: 0)
        defer { system.close(descriptor) }
        let read = try io.read(descriptor, count: bytes.count, at: bytes.lowerBound, path: layout.log)
        guard read.count == bytes.count, read.last == 0x0A else { return nil }
        var previousHash = SHA256Digest.zero
        if head.format == .two, bytes.lowerBound > 0 {
            guard let before = try lineEnding(at: bytes.lowerBound, descriptor: descriptor),
                  let hash = before.line.withUnsafeBytes({ RecordAssembler.storedHash($0) }) else { return nil }
            previousHash = hash
        }
        let start = bytes.lowerBound
        var assembler = RecordAssembler(format: head.format, previousHash: previousHash,
                                        earlier: { [self] in try? self.context(before: start, format: head.format) })
        var decoder = RecordDecoder()
        return read.withUnsafeBytes { raw -> [EventRecord]? in
            var records: [EventRecord] = []
            var start = 0
            while start < raw.count {
                guard let newline = raw[start...].firstIndex(of: 0x0A) else { return nil }
                let line = UnsafeRawBufferPointer(rebasing: raw[start..<newline])
                let decoded = DecodedLine(line, format: head.format, after: assembler.previousHash, decoder: &decoder)
                let (result, matches) = assembler.assemble(decoded, line: line)
                guard matches, let record = try? result.get() else { return nil }
                if let previous = records.last, record.seq != previous.seq.next || record.prev != previous.hash { return nil }
                records.append(record)
                start = newline + 1
            }
            return records
        }
    }
}
