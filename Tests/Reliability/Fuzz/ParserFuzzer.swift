// libFuzzer target: any bytes through what `ledger ingest` does before it writes: reading
// (format and encoding detection, the size cap), the parser, the events, and each event's record line,
// which must read back as it was written. Built and run by Tests/Reliability/fuzz.sh.
import LedgerDocuments
import LedgerDomain
import LedgerParser
import LedgerStore
import LedgerFormats

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let document = try? DocumentReader.read(bytes) else { return 0 }
    let lines = document.lines.map(\.text)
    let outcome = BulletinParser.parse(lines: lines)
    guard let bulletin = outcome.bulletin else { return 0 }
    let events = bulletin.events(document: SHA256.hash(bytes), encoding: document.decodedAs, partial: false)
    precondition(!events.isEmpty, "a bulletin with a masthead gives at least issue.published")
    // Every non-blank line has exactly one place: the safety net leaves nothing unaccounted.
    if let account = outcome.account {
        precondition(account.violations.isEmpty, "the line account breaks its rule: \(account.violations.prefix(3))")
        let named = account.entries.compactMap { entry -> Int? in if case .event(let index) = entry.place { return index }; return nil }
        precondition(named.allSatisfy { $0 >= 1 && $0 < events.count }, "the line account names an event that does not exist")
        let content = lines.filter { !SourceLine(number: 0, raw: $0).text.isEmpty }.count
        precondition(account.entries.count == content, "the line account misses lines")
    } else {
        preconditionFailure("a bulletin comes with its line account")
    }
    var previous = LogHead.empty
    for (index, event) in events.enumerated() {
        let draft = EventRecord(
            seq: previous.seq.next, id: EventID(randomBytes: [UInt8](repeating: UInt8(truncatingIfNeeded: index), count: 16)),
            type: event.type, version: event.version, valid: event.valid,
            recordedAt: Instant(millisecondsSinceEpoch: 1_795_319_400_123), actor: "fuzz",
            batch: BatchMarker(first: Seq(1), count: events.count), source: event.source, payload: event.payload,
            prev: previous.hash)
        let (line, record) = RecordLine.encode(draft)
        // The store refuses longer records before writing; shorter ones must round-trip.
        guard line.count - 1 < RecordLine.maxLineBytes else { return 0 }
        line.withUnsafeBytes { raw in
            let body = UnsafeRawBufferPointer(rebasing: raw[0..<raw.count - 1])
            precondition((try? RecordLine.decode(body)) == record, "a record must read back as it was written")
            precondition(RecordLine.hashMatches(body, record: record), "a record's hash must match its bytes")
        }
        previous = record.asHead
    }
    return 0
}
