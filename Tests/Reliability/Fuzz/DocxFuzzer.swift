// libFuzzer target: any bytes through what `ledger` does with a Word document. Input starting
// with "PK" is read as a whole .docx (zip, XML, body); any other input is taken as the XML
// parts themselves (document.xml, then numbering.xml and styles.xml, split at NUL bytes),
// packed here into a stored zip, so the mutations reach the XML reader and the body walker
// rather than dying at the first CRC-32. Built and run by Tests/Reliability/fuzz.sh.
import LedgerDocuments
import LedgerFormats

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocx(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    let bytes: [UInt8]
    if input.starts(with: [0x50, 0x4B]) {
        bytes = input
        if let archive = try? ZipArchive(input) {
            for entry in archive.entries.prefix(64) { _ = try? archive.data(of: entry) }
        }
    } else {
        let parts = input.split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
        let names = ["word/document.xml", "word/numbering.xml", "word/styles.xml"]
        bytes = storedZip(zip(names, parts).map { ($0, Array($1)) })
        _ = try? XMLReader.parse(Array(parts[0]))
    }
    do {
        let document = try DocxReader.read(bytes)
        precondition(document.format == .docx, "a .docx reads as .docx")
        precondition(document.lines.allSatisfy { $0.page == nil && $0.position == nil }, "a .docx has no pages")
        precondition(document.notes.allSatisfy { !$0.isEmpty && !$0.contains("\n") }, "a note is one sentence")
    } catch {
        precondition(!error.description.isEmpty && !error.description.contains("\n"), "an error is one sentence")
    }
    return 0
}

/// A zip of stored entries.
private func storedZip(_ entries: [(String, [UInt8])]) -> [UInt8] {
    var body: [UInt8] = [], directory: [UInt8] = []
    for (name, data) in entries {
        let nameBytes = Array(name.utf8), crc = crc32(data)
        let common = le16(20) + le16(0) + le16(0) + le16(0) + le16(0) + le32(crc) + le32(UInt32(data.count)) + le32(UInt32(data.count))
            + le16(UInt16(nameBytes.count)) + le16(0)
        directory += le32(0x0201_4B50) + le16(20) + common + le16(0) + le16(0) + le16(0) + le32(0) + le32(UInt32(body.count)) + nameBytes
        body += le32(0x0403_4B50) + common + nameBytes + data
    }
    return body + directory + le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(entries.count)) + le16(UInt16(entries.count))
        + le32(UInt32(directory.count)) + le32(UInt32(body.count)) + le16(0)
}

private func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
private func le32(_ value: UInt32) -> [UInt8] { le16(UInt16(value & 0xFFFF)) + le16(UInt16(value >> 16)) }

private func crc32(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
        crc ^= UInt32(byte)
        for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }
    return ~crc
}
