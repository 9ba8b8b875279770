import Testing
import LedgerTestSupport
@testable import LedgerFormats

/// Zip archives: entries read back, and every crafted or damaged archive refused with its reason.
@Suite("Zip archive")
struct ZipArchiveTests {
    static let text = Array(String(repeating: "窗口工作周报 weekly bulletin\n", count: 50).utf8)

    @Test("stored and deflated entries read back, only the one asked for")
    func readsEntries() throws {
        let bytes = TestZip.archive([
            .init("word/", [UInt8]()),
            .init("word/document.xml", Self.text, deflated: true),
            .init("mimetype", "application/test"),
        ])
        let archive = try ZipArchive(bytes)
        #expect(archive.entries.map(\.name) == ["word/", "word/document.xml", "mimetype"])
        #expect(archive.entries[0].isDirectory)
        #expect(archive.entries[1].method == 8 && archive.entries[1].compressedSize < Self.text.count)
        #expect(try archive.data(of: "word/document.xml") == Self.text)
        #expect(try archive.data(of: "mimetype") == Array("application/test".utf8))
        #expect(throws: ZipError.noSuchEntry("word/styles.xml")) { try archive.data(of: "word/styles.xml") }
    }

    @Test("the end record is found past a comment", arguments: [0, 1, 300, 65_535])
    func comment(length: Int) throws {
        let comment = [UInt8](repeating: 0x50, count: length)
        let archive = try ZipArchive(TestZip.archive([.init("a.txt", "a")], comment: comment))
        #expect(try archive.data(of: "a.txt") == [0x61])
    }

    @Test("a name with control characters is quoted on one line in the error")
    func controlCharactersInNames() throws {
        let archive = try ZipArchive(Self.with([.init("a\nb\u{2028}", "x")]) { $0.crc = 1 })
        do {
            _ = try archive.data(of: "a\nb\u{2028}")
            Issue.record("read")
        } catch {
            #expect(error.description.hasPrefix("the zip entry \"a\\u{A}b\\u{2028}\" is damaged"), "\(error)")
        }
    }

    @Test("an end record's signature inside the comment is not taken for the record")
    func signatureInComment() throws {
        let fake = TestZip.end(count: 0, size: 0, offset: 0)
        let archive = try ZipArchive(TestZip.archive([.init("a.txt", "a")], comment: fake + Array("trailing".utf8)))
        #expect(archive.entries.map(\.name) == ["a.txt"])
    }

    @Test("an empty archive has no entries")
    func empty() throws {
        #expect(try ZipArchive(TestZip.end(count: 0, size: 0, offset: 0)).entries.isEmpty)
    }

    /// A crafted or damaged archive and the error reading it (its central directory, or then
    /// the entry `a`) must give.
    struct Crafted: CustomTestStringConvertible, Sendable {
        var testDescription: String
        var bytes: [UInt8]
        var limits = ZipArchive.Limits.standard
        var expected: ZipError
    }

    static let crafted: [Crafted] = {
        let good = TestZip.archive([.init("a", text, deflated: true)])
        var cases: [Crafted] = [
            .init(testDescription: "not a zip", bytes: Array("plain text, no zip here at all".utf8), expected: .notZip),
            .init(testDescription: "end cut off", bytes: Array(good.dropLast(10)), expected: .notZip),
            .init(testDescription: "central directory cut", bytes: Array(good.prefix(good.count - 30)) + TestZip.end(count: 1, size: 46 + 1, offset: good.count - 30 - 47 + 20),
                  expected: .truncated(what: "the central directory lies past the end of the archive")),
            .init(testDescription: "zip64 end record", bytes: TestZip.end(count: 0xFFFF, size: 0, offset: 0), expected: .zip64),
            .init(testDescription: "zip64 sizes", bytes: with([.init("a", "x")]) { $0.declaredSize = 0xFFFF_FFFF }, expected: .zip64),
            .init(testDescription: "split archive", bytes: TestZip.le32(0x0605_4B50) + TestZip.le16(1) + [UInt8](repeating: 0, count: 16), expected: .multiDisk),
            .init(testDescription: "too many entries (a count of 10,001 is refused before reading)",
                  bytes: TestZip.end(count: 10_001, size: 0, offset: 0), expected: .tooManyEntries(count: 10_001, limit: 10_000)),
            .init(testDescription: "too many entries (limit 2)", bytes: TestZip.archive([.init("a", "1"), .init("b", "2"), .init("c", "3")]),
                  limits: .init(maxEntries: 2, maxEntryBytes: 1 << 20, maxTotalBytes: 1 << 20, maxRatio: 100),
                  expected: .tooManyEntries(count: 3, limit: 2)),
            .init(testDescription: "duplicate name", bytes: TestZip.archive([.init("a", "1"), .init("a", "2")]), expected: .duplicateName("a")),
            .init(testDescription: "encrypted entry", bytes: with([.init("a", "x")]) { $0.flags = 1 }, expected: .encrypted("a")),
            .init(testDescription: "AES entry", bytes: with([.init("a", "x")]) { $0.method = 99 }, expected: .encrypted("a")),
            .init(testDescription: "bzip2 entry", bytes: with([.init("a", "x")]) { $0.method = 12 }, expected: .unsupportedMethod(entry: "a", method: 12)),
            .init(testDescription: "local name differs", bytes: with([.init("a", "x")]) { $0.localName = "b" }, expected: .inconsistentHeaders("a")),
            .init(testDescription: "stored size lies", bytes: with([.init("a", "xyz")]) { $0.declaredSize = 2 },
                  expected: .sizeMismatch(entry: "a", declaredBytes: 2, actualBytes: 3)),
            .init(testDescription: "deflated size lies (smaller)", bytes: with([.init("a", text, deflated: true)]) { $0.declaredSize = 100 },
                  expected: .sizeMismatch(entry: "a", declaredBytes: 100, actualBytes: text.count)),
            .init(testDescription: "deflated size lies (larger)", bytes: with([.init("a", text, deflated: true)]) { $0.declaredSize = text.count + 1 },
                  expected: .sizeMismatch(entry: "a", declaredBytes: text.count + 1, actualBytes: text.count)),
            .init(testDescription: "bad CRC-32", bytes: with([.init("a", "xyz")]) { $0.crc = 0x1234_5678 },
                  expected: .checksumMismatch(entry: "a", declared: 0x1234_5678, actual: TestZip.crc(Array("xyz".utf8)))),
            .init(testDescription: "damaged deflate data", bytes: with([.init("a", [0xFF, 0xFF, 0xFF, 0xFF])]) { $0.method = 8 },
                  expected: .damaged(entry: "a", reason: "zlib error -3")),
            .init(testDescription: "entry cap", bytes: good, limits: .init(maxEntries: 10, maxEntryBytes: 100, maxTotalBytes: 1 << 20, maxRatio: 200),
                  expected: .tooLarge(entry: "a", declaredBytes: text.count, limitBytes: 100)),
            .init(testDescription: "total cap", bytes: TestZip.archive([.init("a", text), .init("b", text)]),
                  limits: .init(maxEntries: 10, maxEntryBytes: 1 << 20, maxTotalBytes: text.count + 1, maxRatio: 200),
                  expected: .tooLarge(entry: "b", declaredBytes: 2 * text.count, limitBytes: text.count + 1)),
            .init(testDescription: "overlapping entries", bytes: overlapping(), expected: .overlapping("a", "b")),
        ]
        for name in ["../evil.txt", "word/../../evil", "/etc/passwd", "word\\document.xml", "C:/evil", ""] {
            cases.append(.init(testDescription: "unsafe name \(name)", bytes: TestZip.archive([.init(name, "x")]), expected: .unsafeName(name)))
        }
        return cases
    }()

    @Test("a crafted or damaged archive is refused with its reason", arguments: crafted)
    func refused(_ crafted: Crafted) {
        do {
            let archive = try ZipArchive(crafted.bytes, limits: crafted.limits)
            _ = try archive.data(of: "a")
            Issue.record("read without error")
        } catch {
            #expect(error == crafted.expected)
        }
    }

    @Test("a zip bomb is refused by its ratio before it is inflated, or at its declared size")
    func bomb() throws {
        let zeros = [UInt8](repeating: 0, count: 20 << 20)
        let bomb = TestZip.archive([.init("a", zeros, deflated: true)])
        #expect(bomb.count < 64 << 10)
        #expect(throws: ZipError.self) { try ZipArchive(bomb) }
        // The same bomb declaring 1,000 bytes is stopped there, not inflated to 20 MiB.
        let liar = Self.with([.init("a", zeros, deflated: true)]) { $0.declaredSize = 1000 }
        let archive = try ZipArchive(liar)
        do {
            _ = try archive.data(of: "a")
            Issue.record("a lying bomb was read")
        } catch {
            guard case let .sizeMismatch(_, declared, actual) = error else { Issue.record("\(error)"); return }
            #expect(declared == 1000 && actual <= 1 << 17)
        }
    }

    @Test("every truncation of a good archive is an error, never a crash")
    func truncations() {
        let good = TestZip.archive([.init("a", Self.text, deflated: true), .init("b", "bb")])
        for length in 0..<good.count {
            let cut = Array(good.prefix(length))
            #expect(throws: ZipError.self) {
                let archive = try ZipArchive(cut)
                for entry in archive.entries { _ = try archive.data(of: entry) }
                if archive.entries.count < 2 { throw ZipError.notZip }
            }
        }
    }

    /// One-entry archive after `change` to its entry.
    static func with(_ entries: [TestZip.Entry], _ change: (inout TestZip.Entry) -> Void) -> [UInt8] {
        var entries = entries
        change(&entries[0])
        return TestZip.archive(entries)
    }

    /// Entry `a`'s stored data holds entry `b`'s local header and data: two names for overlapping bytes.
    static func overlapping() -> [UInt8] {
        let b = TestZip.Entry("b", "bbbb")
        let inner = TestZip.local(b, storedCount: 4) + b.data
        let a = TestZip.Entry("a", inner)
        let aLocal = TestZip.local(a, storedCount: inner.count)
        let body = aLocal + inner
        let directory = TestZip.central(a, storedCount: inner.count, offset: 0)
            + TestZip.central(b, storedCount: 4, offset: aLocal.count)
        return body + directory + TestZip.end(count: 2, size: directory.count, offset: body.count)
    }
}
