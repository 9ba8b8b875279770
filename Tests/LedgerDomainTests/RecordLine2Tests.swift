import Testing
@testable import LedgerDomain
import LedgerFormats

@Suite("Log format 2: one line says only what the lines before it do not")
struct RecordLine2Tests {
    typealias Random = SplitMix64

    /// Random records made into batches of 1 to 4, with sources shared or not, and the stamp
    /// repeated between some batches (as in one append of several files).
    static func batches(_ random: inout Random, count: Int) -> [[EventRecord]] {
        var records = RecordDecoderTests.records(&random, count: count)
        var batches: [[EventRecord]] = []
        var index = 0
        var stamp = (records[0].recordedAt, records[0].actor)
        while index < records.count {
            let size = min(records.count - index, 1 + Int(random.next() % 4))
            if random.next() % 3 != 0 { stamp = (records[index].recordedAt, records[index].actor) }
            let command = random.next() % 2 == 0 ? "ledger ingest a.txt" : nil
            for offset in 0..<size {
                records[index + offset].seq = Seq(index + offset + 1)
                records[index + offset].batch = BatchMarker(first: Seq(index + 1), count: size, command: offset == 0 ? command : nil)
                (records[index + offset].recordedAt, records[index + offset].actor) = stamp
            }
            batches.append(Array(records[index..<index + size]))
            index += size
        }
        return batches
    }

    /// The lines of `batches` encoded in format 2 (without newlines), and the records as written.
    static func encoded(_ batches: [[EventRecord]]) -> (lines: [[UInt8]], records: [EventRecord]) {
        var encoder = RecordEncoder2()
        var buffer: [UInt8] = []
        var written: [EventRecord] = []
        var previous = SHA256Digest.zero
        for var batch in batches {
            batch[0].prev = previous
            written += encoder.encodeBatch(batch, quotable: nil, into: &buffer)
            previous = written[written.count - 1].hash
        }
        return (buffer.split(separator: 0x0A).map(Array.init), written)
    }

    @Test("every line reads back, through the fast path and the general reader alike, into the record written, its hash chained")
    func roundTrip() throws {
        var random = Random(state: 11)
        let (lines, records) = Self.encoded(Self.batches(&random, count: 300))
        #expect(lines.count == records.count)
        var decoder = RecordDecoder()
        var assembler = RecordAssembler(format: .two)
        var stampless = 0
        for (line, record) in zip(lines, records) {
            try line.withUnsafeBytes { raw in
                let canonical = decoder.canonical2(raw)
                let fast = try #require(canonical)
                #expect(fast == (try RecordLine2.decode(raw)))
                if let header = fast.header, !header.stamp.isFull { stampless += 1 }
                let decoded = DecodedLine(raw, format: .two, after: assembler.previousHash, decoder: &decoder)
                let (read, matches) = assembler.assemble(decoded, line: raw)
                #expect(matches)
                #expect(try read.get() == record)
                #expect(!String(decoding: line, as: UTF8.self).contains(#""prev":""#))
            }
        }
        #expect(stampless > 5, "batches that inherit their stamp must occur")
    }

    @Test("mutated lines: the fast path and the general reader agree on every one")
    func mutatedLinesAgree() {
        var random = Random(state: 12)
        let (lines, _) = Self.encoded(Self.batches(&random, count: 150))
        var decoder = RecordDecoder()
        var fastAccepted = 0
        var rejected = 0
        for original in lines {
            for _ in 0..<25 {
                let line = RecordDecoderTests.mutate(original, &random)
                line.withUnsafeBytes { raw in
                    let expected = Result { () throws(RecordDecodingError) in try RecordLine2.decode(raw) }
                    let actual = Result { () throws(RecordDecodingError) in try decoder.decode2(raw) }
                    #expect(actual == expected, "\(String(decoding: line, as: UTF8.self))")
                    let canonical = decoder.canonical2(raw)
                    if canonical != nil {
                        fastAccepted += 1
                        #expect((try? expected.get()) != nil, "the fast path accepted what the general reader refuses")
                    }
                    if case .failure = expected { rejected += 1 }
                }
            }
        }
        #expect(fastAccepted > 100)
        #expect(rejected > 500)
    }

    @Test("a header states only the stamp fields that change, and the whole stamp every 64th batch")
    func stampFields() throws {
        var random = Random(state: 14)
        var batches = Array(Self.batches(&random, count: 800).map { Array($0.prefix(1)) }.prefix(200))
        let stamp = (Instant(millisecondsSinceEpoch: 1_700_000_000_000), "clerk@hall")
        for index in batches.indices {
            batches[index][0].seq = Seq(index + 1)
            batches[index][0].batch = BatchMarker(first: Seq(index + 1), count: 1, command: "ledger ingest", reason: nil)
            (batches[index][0].recordedAt, batches[index][0].actor) = stamp
        }
        // Batch 100 has its own time: only that field is stated, and the next batch states it back.
        batches[99][0].recordedAt = Instant(millisecondsSinceEpoch: 1_700_000_000_001)
        let (lines, records) = Self.encoded(batches)
        var decoder = RecordDecoder()
        let headers = try lines.map { line in try #require(try line.withUnsafeBytes { try decoder.decode2($0) }.header) }
        #expect(headers.indices.filter { headers[$0].stamp.isFull } == [0, 64, 128, 192])
        #expect(headers[1].stamp == RecordLine2.StampFields())
        #expect(headers[99].stamp == RecordLine2.StampFields(recordedAt: Instant(millisecondsSinceEpoch: 1_700_000_000_001)))
        #expect(headers[100].stamp == RecordLine2.StampFields(recordedAt: stamp.0))
        #expect(String(decoding: lines[0], as: UTF8.self).contains(#""command":"ledger ingest","reason":null"#))
        var assembler = RecordAssembler(format: .two)
        for (line, record) in zip(lines, records) {
            line.withUnsafeBytes { raw in
                let (read, matches) = assembler.assemble(DecodedLine(raw, format: .two, after: assembler.previousHash, decoder: &decoder), line: raw)
                #expect(matches && (try? read.get()) == record)
            }
        }
    }

    @Test("a line's hash covers the line before it: moved after another line, it no longer matches")
    func hashChainsWithoutPrev() {
        var random = Random(state: 13)
        let (lines, records) = Self.encoded(Self.batches(&random, count: 6))
        lines[2].withUnsafeBytes { raw in
            #expect(RecordLine2.hashMatches(raw, hash: records[2].hash, after: records[1].hash))
            #expect(!RecordLine2.hashMatches(raw, hash: records[2].hash, after: records[0].hash))
        }
    }

    @Test("source text is left out exactly where the stored document's lines give it back")
    func quotableText() {
        let document = SHA256.hash(Array("doc".utf8))
        let quotable = RecordLine2.QuotableDocument(digest: document, lines: ["第一行", "", "第二行", "第三行"])
        #expect(quotable.text(1...3) == "第一行\n第二行")
        #expect(quotable.text(3...5) == nil)
        func record(_ seq: Int, _ text: String, lines: ClosedRange<Int>) -> EventRecord {
            EventRecord(seq: Seq(seq), id: EventID(randomBytes: [UInt8](repeating: UInt8(seq), count: 16)), type: "test.fact", version: 1,
                        valid: nil, recordedAt: Instant(millisecondsSinceEpoch: 0), actor: "a",
                        batch: BatchMarker(first: 1, count: 3, command: seq == 1 ? "c" : nil),
                        source: SourceReference(document: document, issue: "2023-02", lines: lines, parser: "1.0.0", text: text),
                        payload: ["n": .int(seq)], prev: .zero)
        }
        var encoder = RecordEncoder2()
        var buffer: [UInt8] = []
        let written = encoder.encodeBatch([record(1, "第一行\n第二行", lines: 1...3), record(2, "第二行 ", lines: 3...3),
                                           record(3, "第三行", lines: 4...4)], quotable: quotable, into: &buffer)
        #expect(written.map { $0.source?.text } == [nil, "第二行 ", nil])
        let text = String(decoding: buffer, as: UTF8.self)
        #expect(text.contains(#""source":{"lines":[3,3],"text":"第二行 "}"#), "\(text)")
        #expect(text.components(separatedBy: #""document":"#).count == 2, "the document is named once, in the batch header")
    }
}
