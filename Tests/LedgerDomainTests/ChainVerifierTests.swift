import Foundation
import Testing
@testable import LedgerDomain
import LedgerFormats

@Suite("Chain verification")
struct ChainVerifierTests {
    let lines = RecordFixtures.lines(batches: [3, 4, 3])

    @Test func intactChain() {
        let verifier = RecordFixtures.verify(lines)
        #expect(verifier.problems.isEmpty)
        #expect(verifier.recordCount == 10)
        #expect(verifier.lastRecord.seq == 10)
    }

    @Test func flippedByteIsEdited() throws {
        var damaged = lines
        let index = try #require(damaged[4].firstIndex(of: UInt8(ascii: "n")))
        damaged[4][index + 4] ^= 0x01  // inside the payload's number
        let first = try #require(RecordFixtures.verify(damaged).problems.first)
        #expect(first.kind == .edited)
        #expect(first.seq == 5)
        #expect(first.lineNumber == 5)
    }

    @Test func deletedLine() throws {
        var damaged = lines
        damaged.remove(at: 5)
        let problems = RecordFixtures.verify(damaged).problems
        let first = try #require(problems.first)
        #expect(first.kind == .deleted)
        #expect(first.seq == 6)
        #expect(first.lineNumber == 6)
    }

    @Test func swappedLines() throws {
        var damaged = lines
        damaged.swapAt(4, 5)
        let problems = RecordFixtures.verify(damaged).problems
        #expect(problems.count == 1)
        let first = try #require(problems.first)
        #expect(first.kind == .reordered)
        #expect(first.seq == 5)
        #expect(first.lineNumber == 6)
    }

    @Test func duplicatedLine() throws {
        var damaged = lines
        damaged.insert(damaged[3], at: 4)
        let first = try #require(RecordFixtures.verify(damaged).problems.first)
        #expect(first.kind == .duplicated)
        #expect(first.seq == 4)
        #expect(first.lineNumber == 5)
    }

    @Test func truncatedMidRecord() throws {
        var damaged = Array(lines.prefix(6))
        damaged[5] = Array(damaged[5].prefix(40))
        let problems = RecordFixtures.verify(damaged, lastEnded: false).problems
        let first = try #require(problems.first)
        #expect(first.kind == .truncated)
        #expect(first.seq == 6)
        #expect(first.lineNumber == 6)
    }

    @Test func batchCutShortAtTheEnd() throws {
        let problems = RecordFixtures.verify(Array(lines.prefix(5))).problems
        let first = try #require(problems.first)
        #expect(first.kind == .truncated)
        #expect(first.seq == 4)
    }

    @Test func forgedRecordWithMadeUpHash() throws {
        var forged = lines
        var text = String(decoding: lines[9], as: UTF8.self)
        text = text.replacingOccurrences(of: #""seq":10"#, with: #""seq":11"#)
        forged.append(Array(text.utf8))
        let first = try #require(RecordFixtures.verify(forged, committed: 10).problems.first)
        #expect(first.kind == .forged)
        #expect(first.seq == 11)
        #expect(first.lineNumber == 11)
    }

    @Test("a record rewritten with a correct hash of its own still breaks the chain")
    func rehashedRecordBreaksTheChain() throws {
        var damaged = lines
        let original = try damaged[6].withUnsafeBytes { try RecordLine.decode($0) }
        var changed = original
        changed.payload["n"] = .int(999)
        damaged[6] = Array(RecordLine.encode(changed).line.dropLast())
        let first = try #require(RecordFixtures.verify(damaged).problems.first)
        #expect(first.kind == .forged)
        #expect(first.seq == 8)
    }
}
