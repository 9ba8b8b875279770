import LedgerDomain

/// Makes a producer's document reproducible, as the generator's text is (the same seed gives
/// the same bytes): the moments the producers stamp into their output become the issue's
/// publication date, byte for byte the same length, so nothing else moves. The same as the
/// fixtures' `tools/normalize.py` does for the dates it handles.
public enum ProducerOutput {
    /// A PDF with the 14 digits of every `/CreationDate (D:…)` and `/ModDate (D:…)` set to
    /// `date` at 00:00:00 (the only bytes headless Chromium varies from run to run).
    public static func fixingPDFDates(_ bytes: [UInt8], to date: CalendarDate) -> [UInt8] {
        let digits = Array((pad(date.year, 4) + pad(date.month, 2) + pad(date.day, 2) + "000000").utf8)
        var result = bytes
        for key in ["/CreationDate", "/ModDate"].map({ Array($0.utf8) }) {
            var index = 0
            while let found = firstIndex(of: key, in: result, from: index) {
                var position = found + key.count
                while position < result.count, [0x20, 0x0A, 0x0D, 0x09].contains(result[position]) { position += 1 }
                if position + 3 + digits.count <= result.count, result[position] == UInt8(ascii: "("),
                   result[position + 1] == UInt8(ascii: "D"), result[position + 2] == UInt8(ascii: ":"),
                   result[(position + 3)..<(position + 3 + digits.count)].allSatisfy({ (0x30...0x39).contains($0) }) {
                    result.replaceSubrange((position + 3)..<(position + 3 + digits.count), with: digits)
                }
                index = found + key.count
            }
        }
        return result
    }

    /// A zip (a `.docx`) with every entry's modification time, in the central directory and in
    /// its local header, set to `date` at 00:00 (MS-DOS format). Bytes that are not a zip with
    /// an end-of-central-directory record come back unchanged.
    public static func fixingZipTimes(_ bytes: [UInt8], to date: CalendarDate) -> [UInt8] {
        var result = bytes
        let dosDate = UInt16(truncatingIfNeeded: ((max(date.year, 1980) - 1980) << 9) | (date.month << 5) | date.day)
        func u16(_ at: Int) -> Int { Int(result[at]) | Int(result[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        func stamp(_ at: Int) {
            result[at] = 0; result[at + 1] = 0
            result[at + 2] = UInt8(dosDate & 0xFF); result[at + 3] = UInt8(dosDate >> 8)
        }
        // The end-of-central-directory record: the last "PK\u{5}\u{6}", at most 64 KiB + 22 from the end.
        guard result.count >= 22 else { return bytes }
        var end = result.count - 22
        while end >= max(0, result.count - 22 - 65_535), u32(end) != 0x0605_4B50 { end -= 1 }
        guard end >= 0, u32(end) == 0x0605_4B50 else { return bytes }
        let entries = u16(end + 10)
        var entry = u32(end + 16)
        for _ in 0..<entries {
            guard entry + 46 <= result.count, u32(entry) == 0x0201_4B50 else { return bytes }
            stamp(entry + 12)
            let local = u32(entry + 42)
            guard local + 30 <= result.count, u32(local) == 0x0403_4B50 else { return bytes }
            stamp(local + 10)
            entry += 46 + u16(entry + 28) + u16(entry + 30) + u16(entry + 32)
        }
        return result
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
