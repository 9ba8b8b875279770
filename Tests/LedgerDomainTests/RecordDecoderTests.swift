import Foundation
import Testing
@testable import LedgerDomain
import LedgerFormats

/// The fast reader of canonical lines against the general reader: for every line, valid or
/// not, both give the same record or the same error.
@Suite("Record decoder")
struct RecordDecoderTests {
    typealias Random = SplitMix64

    /// Records of every shape the envelope allows, encoded as the store writes them.
    static func records(_ random: inout Random, count: Int) -> [EventRecord] {
        let types = ["issue.published", "items.counted", "visit.recorded", "inspection.recorded", "test.\u{4E8B}"]
        let texts = ["", "2 月 14 日下午，司法厅党委委员、副厅长王飙进大厅", "quote \" and backslash \\ and tab \t", "\u{1F600} emoji, \u{0} NUL", "公\n共服务事项"]
        var head = LogHead.empty
        var records: [EventRecord] = []
        for index in 0..<count {
            let seq = head.seq.next
            var idBytes: [UInt8] = []
            for _ in 0..<16 { idBytes.append(UInt8(truncatingIfNeeded: random.next())) }
            let source: SourceReference? = random.below(4) == 0 ? nil : SourceReference(
                document: SHA256.hash("document \(random.below(3))"),
                issue: random.below(5) == 0 ? nil : random.pick(["2023-06", "2024-51", "年-1"]),
                lines: random.below(4) == 0 ? nil : (1 + index)...(1 + index + random.below(3)),
                pages: random.below(3) == 0 ? (1 + random.below(3))...(4 + random.below(2)) : nil,
                parser: random.below(5) == 0 ? nil : "1.0.0",
                reader: random.below(3) == 0 ? random.pick(["pdf 1.0.0", "docx 1.0.0"]) : nil,
                text: random.below(5) == 0 ? nil : random.pick(texts))
            let payload: JSONObject = [
                "n": .int(random.below(1_000_000) - 1000), "text": .string(random.pick(texts)),
                "list": .array([.bool(true), .null, .number("1.5e3")]), "nested": ["部门": "司法厅"],
            ]
            let record = EventRecord(
                seq: seq, id: EventID(randomBytes: idBytes), type: random.pick(types), version: 1 + random.below(2),
                valid: random.below(5) == 0 ? nil : CalendarDate(daysSinceEpoch: random.below(40_000) - 5000),
                recordedAt: Instant(millisecondsSinceEpoch: Int64(random.below(4_000_000_000)) * 1000 + Int64(random.below(1000))),
                actor: random.pick(["ledger-bench", "王@hall", "clerk"]),
                batch: BatchMarker(first: seq, count: 1 + random.below(20),
                                   command: random.below(3) == 0 ? "ledger ingest \(random.pick(texts))" : nil,
                                   reason: random.below(4) == 0 ? random.pick(texts) : nil),
                source: source, payload: payload, prev: head.hash)
            let hashed = RecordLine.encode(record).record
            records.append(hashed)
            head = hashed.asHead
        }
        return records
    }

    static func line(_ record: EventRecord) -> [UInt8] { Array(RecordLine.encode(record).line.dropLast()) }

    /// The general reader's answer: the record, or the error's message.
    static func general(_ line: [UInt8]) -> Result<EventRecord, RecordDecodingError> {
        line.withUnsafeBytes { raw in Result { () throws(RecordDecodingError) in try RecordLine.decodeGeneral(raw) } }
    }

    static func decoded(_ line: [UInt8], with decoder: inout RecordDecoder) -> Result<EventRecord, RecordDecodingError> {
        line.withUnsafeBytes { raw in Result { () throws(RecordDecodingError) in try decoder.decode(raw) } }
    }

    @Test("every line the store writes is read by the fast path, into the record written")
    func canonicalLinesTakeTheFastPath() throws {
        var random = Random(state: 1)
        var decoder = RecordDecoder()
        for record in Self.records(&random, count: 400) {
            let line = Self.line(record)
            let fast = line.withUnsafeBytes { decoder.canonical($0) }
            #expect(fast == record)
            #expect(try Self.general(line).get() == record)
        }
    }

    @Test("mutated lines: the decoder and the general reader agree on every one")
    func mutatedLinesAgree() {
        var random = Random(state: 2)
        var decoder = RecordDecoder()
        let records = Self.records(&random, count: 200)
        var fastAccepted = 0
        var rejected = 0
        for record in records {
            let original = Self.line(record)
            for _ in 0..<25 {
                let line = Self.mutate(original, &random)
                let expected = Self.general(line)
                let actual = Self.decoded(line, with: &decoder)
                #expect(actual == expected, "\(String(decoding: line, as: UTF8.self))")
                if line.withUnsafeBytes({ decoder.canonical($0) }) != nil {
                    fastAccepted += 1
                    #expect((try? expected.get()) != nil, "the fast path accepted what the general reader refuses")
                }
                if case .failure = expected { rejected += 1 }
            }
        }
        // Both kinds must occur, or the test would prove nothing about one of them.
        #expect(fastAccepted > 100)
        #expect(rejected > 1000)
    }

    @Test("non-canonical spellings of a valid record are read by the general reader into the same record")
    func otherSpellings() throws {
        var random = Random(state: 3)
        let record = Self.records(&random, count: 1)[0]
        let line = String(decoding: Self.line(record), as: UTF8.self)
        let spellings = [
            line.replacingFirst(#","type":"#, with: #", "type" : "#),
            line.replacingFirst(#"{"seq":"#, with: #"{ "seq":"#) + " ",
            line.replacingFirst(#""version":"#, with: #""version": "#),
        ]
        var decoder = RecordDecoder()
        for spelling in spellings {
            let bytes = Array(spelling.utf8)
            #expect(bytes.withUnsafeBytes { decoder.canonical($0) } == nil)
            #expect(try Self.decoded(bytes, with: &decoder).get() == record)
        }
    }

    @Test("strings remembered from earlier lines never stand in for different bytes")
    func rememberedStrings() throws {
        var random = Random(state: 4)
        var base = Self.records(&random, count: 1)[0]
        var decoder = RecordDecoder()
        // Types and actors that share lengths and prefixes, in an order that recycles the cache.
        let names = (0..<80).map { "type.\($0 % 40 < 10 ? "0" : "")\($0 % 40)" } + ["type.a\\\"b", "type.a\\\"c", "司法厅", "司法局"]
        for (index, name) in names.enumerated() {
            base.type = name
            base.actor = names[(index * 7) % names.count]
            let hashed = RecordLine.encode(base).record
            let decoded = try Self.decoded(Self.line(hashed), with: &decoder).get()
            #expect(decoded.type == name)
            #expect(decoded.actor == hashed.actor)
            #expect(decoded == hashed)
        }
    }

    @Test("the canonical instant and date are read as Instant(iso:) and CalendarDate(iso:) read them", arguments: [
        "2024-02-29T23:59:59.999Z", "1970-01-01T00:00:00.000Z", "0001-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z",
        "2023-02-29T00:00:00.000Z", "2023-13-01T00:00:00.000Z", "2023-01-01T24:00:00.000Z", "2023-01-01T00:60:00.000Z",
        "2023-01-01T00:00:60.000Z", "2023-01-00T00:00:00.000Z", "0000-01-01T00:00:00.000Z", "2023-01-01t00:00:00.000Z",
    ])
    func instants(text: String) {
        var random = Random(state: 5)
        let record = Self.records(&random, count: 1)[0]
        let written = record.recordedAt.description
        let line = Array(String(decoding: Self.line(record), as: UTF8.self).replacingFirst(written, with: text).utf8)
        var decoder = RecordDecoder()
        let result = Self.decoded(line, with: &decoder)
        #expect(result == Self.general(line))
        if let expected = Instant(iso: text) {
            #expect((try? result.get())?.recordedAt == expected)
        } else {
            #expect((try? result.get()) == nil)
        }
    }

    /// One random change: a flipped bit, a byte dropped, inserted or duplicated, an uppercase
    /// hex digit, a cut, a space, a swapped pair.
    static func mutate(_ line: [UInt8], _ random: inout Random) -> [UInt8] {
        var bytes = line
        let index = random.below(bytes.count)
        switch random.below(8) {
        case 0: bytes[index] ^= UInt8(1 << random.below(8))
        case 1: bytes.remove(at: index)
        case 2: bytes.insert(random.pick([0x20, 0x22, 0x5C, 0x2C, 0x7D, 0x30, 0x31, 0x2D, 0xE5, 0xFF, 0x0A]), at: index)
        case 3: bytes.insert(bytes[index], at: index)
        case 4:
            if let hex = bytes.indices.filter({ (0x61...0x66).contains(bytes[$0]) }).randomElement(using: &random) { bytes[hex] -= 0x20 }
        case 5: bytes = Array(bytes.prefix(index))
        case 6:
            if let comma = bytes.indices.filter({ bytes[$0] == 0x2C || bytes[$0] == 0x3A }).randomElement(using: &random) {
                bytes.insert(0x20, at: comma + 1)
            }
        default:
            let other = random.below(bytes.count)
            bytes.swapAt(index, other)
        }
        return bytes
    }
}

extension SplitMix64 {
    /// The seeded generator of these tests, started at `state`.
    init(state: UInt64) { self.init(seed: state) }

    /// A number in `0..<bound`.
    mutating func below(_ bound: Int) -> Int { int(in: 0...(bound - 1)) }
}

private extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}

/// The pages and reader of a fact read from a PDF: written in key order between the fields
/// that were there before, absent for a fact read from text (whose line is as it always was).
@Suite("Source pages and reader in the record line")
struct SourcePagesLineTests {
    static func record(_ source: SourceReference) -> EventRecord {
        EventRecord(seq: Seq(1), id: EventID(randomBytes: [UInt8](repeating: 7, count: 16)), type: "visit.recorded", version: 1,
                    valid: CalendarDate(year: 2023, month: 2, day: 14), recordedAt: Instant(millisecondsSinceEpoch: 1_795_319_400_123),
                    actor: "clerk", batch: BatchMarker(first: Seq(1), count: 1, command: nil, reason: nil), source: source,
                    payload: ["person": "王飙"], prev: SHA256Digest.zero)
    }

    @Test("a PDF fact's source: lines, pages, parser, reader, text, in that order; both readers read it back")
    func written() throws {
        let source = SourceReference(document: SHA256.hash("d"), issue: "2023-06", lines: 12...14, pages: 2...2, parser: "1.0.0",
                                     reader: "pdf 1.0.0", text: "2月14日…")
        let line = RecordDecoderTests.line(Self.record(source))
        let text = String(decoding: line, as: UTF8.self)
        #expect(text.contains(#""lines":[12,14],"pages":[2,2],"parser":"1.0.0","reader":"pdf 1.0.0","text":"2月14日…"}"#), "\(text)")
        var decoder = RecordDecoder()
        #expect(line.withUnsafeBytes { decoder.canonical($0) }?.source == source)
        #expect(try RecordDecoderTests.general(line).get().source == source)
    }

    @Test("a text fact's source has neither field")
    func absent() {
        let source = SourceReference(document: SHA256.hash("d"), issue: "2023-06", lines: 12...14, parser: "1.0.0", text: "t")
        let text = String(decoding: RecordDecoderTests.line(Self.record(source)), as: UTF8.self)
        #expect(text.contains(#""lines":[12,14],"parser":"1.0.0","text":"t"}"#), "\(text)")
    }

    @Test("pages that are not [first, last] are an error naming the field")
    func badPages() {
        let source = SourceReference(document: SHA256.hash("d"), lines: 1...1, pages: 2...2)
        let good = String(decoding: RecordDecoderTests.line(Self.record(source)), as: UTF8.self)
        let bad = Array(good.replacingOccurrences(of: #""pages":[2,2]"#, with: #""pages":[3,2]"#).utf8)
        guard case .failure(let error) = RecordDecoderTests.general(bad) else { Issue.record("read \(bad)"); return }
        #expect("\(error)".contains("source.pages"))
    }
}
