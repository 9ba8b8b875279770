import Foundation
import Testing
@testable import LedgerDomain
import LedgerFormats

@Suite("The log line format")
struct RecordLineTests {
    let record = EventRecord(
        seq: 7, id: EventID(randomBytes: Array(0..<16)), type: "visit.recorded", version: 1,
        valid: CalendarDate(year: 2023, month: 2, day: 14), recordedAt: RecordFixtures.instant, actor: "王@hall",
        batch: BatchMarker(first: 5, count: 3),
        source: SourceReference(document: SHA256.hash("doc"), issue: "2023-06", lines: 120...121, parser: "0.1.0", text: "2 月 14 日下午，司法厅…"),
        payload: ["person": "王飙", "department": "司法厅", "titles": .array(["党委委员", "副厅长"])],
        prev: SHA256.hash("previous"))

    @Test func encodeThenDecodeIsIdentity() throws {
        let (line, hashed) = RecordLine.encode(record)
        #expect(line.last == 0x0A)
        let decoded = try line.dropLast().withUnsafeBytes { try RecordLine.decode($0) }
        #expect(decoded == hashed)
        #expect(line.dropLast().withUnsafeBytes { RecordLine.hashMatches($0, record: hashed) })
    }

    @Test("the hash is SHA-256 of the bytes before ,\"hash\":\" as an auditor computes it")
    func hashRule() throws {
        let (line, hashed) = RecordLine.encode(record)
        let text = String(decoding: line.dropLast(), as: UTF8.self)
        let marker = try #require(text.range(of: #","hash":""#, options: .backwards))
        let body = String(text[..<marker.lowerBound])
        #expect(SHA256.hash(body) == hashed.hash)
        #expect(text.hasSuffix(#","hash":"\#(hashed.hash.hex)"}"#))
        #expect(body.hasSuffix(#""prev":"\#(record.prev.hex)""#))
    }

    @Test func fieldOrderAndSortedPayload() {
        let text = String(decoding: RecordLine.encode(record).line, as: UTF8.self)
        #expect(text.hasPrefix(#"{"seq":7,"id":"00010203-0405-4607-8809-0a0b0c0d0e0f","type":"visit.recorded","version":1,"valid":"2023-02-14","recordedAt":"2026-11-22T03:50:00.123Z","actor":"王@hall","batch":{"first":5,"count":3},"source":{"document":"#))
        #expect(text.contains(#""payload":{"department":"司法厅","person":"王飙","titles":["党委委员","副厅长"]}"#))
    }

    @Test("malformed lines are refused with a reason", arguments: [
        ("not json", "invalid JSON"),
        (#"[1]"#, "not a JSON object"),
        (#"{"seq":0}"#, "\"seq\" is not a positive integer"),
        (#"{"id":"x"}"#, "expected field \"seq\""),
    ])
    func malformed(text: String, reason: String) {
        #expect(throws: RecordDecodingError.self) { try Array(text.utf8).withUnsafeBytes { try RecordLine.decode($0) } }
        do {
            _ = try Array(text.utf8).withUnsafeBytes { try RecordLine.decode($0) }
        } catch let error as RecordDecodingError {
            #expect(error.message.contains(reason))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func unknownFieldIsRefused() throws {
        var text = String(decoding: RecordLine.encode(record).line.dropLast(), as: UTF8.self)
        text = text.replacingOccurrences(of: #""actor""#, with: #""extra":1,"actor""#)
        #expect(throws: RecordDecodingError.self) { try Array(text.utf8).withUnsafeBytes { try RecordLine.decode($0) } }
    }
}
