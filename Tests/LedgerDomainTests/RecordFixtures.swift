@testable import LedgerDomain
import LedgerFormats

/// Builds chains of records in memory, as the store would write them.
enum RecordFixtures {
    static let instant = Instant(millisecondsSinceEpoch: 1_795_319_400_123)

    /// `batches` batches of the given sizes, chained from the empty log; returns the lines.
    static func lines(batches: [Int]) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var head = LogHead.empty
        var counter: UInt8 = 0
        for size in batches {
            let first = head.seq.next
            for index in 0..<size {
                counter &+= 1
                let record = EventRecord(
                    seq: head.seq.next, id: EventID(randomBytes: [UInt8](repeating: counter, count: 16)),
                    type: "test.fact", version: 1, valid: CalendarDate(year: 2023, month: 2, day: 17),
                    recordedAt: instant, actor: "clerk@hall",
                    batch: BatchMarker(first: first, count: size, command: index == 0 ? "ledger test" : nil),
                    source: nil, payload: ["n": .int(Int(counter)), "部门": "司法厅"], prev: head.hash)
                let (line, hashed) = RecordLine.encode(record)
                lines.append(Array(line.dropLast()))
                head = hashed.asHead
            }
        }
        return lines
    }

    /// Runs a verifier over lines; the last one is taken as ended unless `lastEnded` is false.
    static func verify(_ lines: [[UInt8]], committed: Seq? = nil, lastEnded: Bool = true) -> ChainVerifier {
        var verifier = ChainVerifier(committed: committed)
        for (index, line) in lines.enumerated() where lastEnded || index < lines.count - 1 {
            _ = line.withUnsafeBytes { verifier.check(line: $0) }
        }
        verifier.finish(lastLineEnded: lastEnded)
        return verifier
    }
}
