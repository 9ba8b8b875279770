import Testing
@testable import LedgerFormats

@Suite("JSON scanner")
struct JSONScannerTests {
    /// Reads `[[string, int|null, bool], …]` with the scanner.
    static func rows(_ text: String) throws(JSONParseError) -> [(String, Int?, Bool)] {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer throws(JSONParseError) in
            var scanner = JSONScanner(buffer)
            var rows: [(String, Int?, Bool)] = []
            try scanner.openArray()
            while try scanner.nextElement() {
                try scanner.openArray()
                guard try scanner.nextElement() else { throw JSONParseError(offset: 0, message: "short") }
                let name = try scanner.string()
                guard try scanner.nextElement() else { throw JSONParseError(offset: 0, message: "short") }
                let count = scanner.null() ? nil : try scanner.int()
                guard try scanner.nextElement() else { throw JSONParseError(offset: 0, message: "short") }
                let flag = try scanner.bool()
                try scanner.closeArray()
                rows.append((name, count, flag))
            }
            try scanner.end()
            return rows
        }
    }

    @Test func readsRowsWithWhitespaceAnywhere() throws {
        let rows = try Self.rows(#" [ ["司法厅", 3, true] ,["a\"b",null,false]]  "#)
        #expect(rows.count == 2)
        #expect(rows[0] == ("司法厅", 3, true))
        #expect(rows[1].0 == "a\"b" && rows[1].1 == nil && rows[1].2 == false)
        #expect(try Self.rows("[]").isEmpty)
    }

    @Test("malformed or mistyped input is refused at the byte", arguments: [
        (#"[["a",1,true],]"#, "trailing comma in array"),
        (#"[["a",1,true]"#, "expected ',' or ']'"),
        (#"[["a","1",true]]"#, "expected an integer"),
        (#"[["a",1.5,true]]"#, "expected an integer"),
        (#"[["a",1,nul]]"#, "invalid literal"),
        (#"[["a",1,true,4]]"#, "expected ']'"),
        (#"[[1,1,true]]"#, "expected a string"),
        (#"[["a",1,true]] x"#, "trailing characters"),
        (#"[["a",nullx,true]]"#, "expected an integer"),
        ("[[\"\u{1}\",1,true]]", "control character"),
    ])
    func refused(text: String, phrase: String) {
        do {
            _ = try Self.rows(text)
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.message.contains(phrase), "\(error.message)")
        }
    }
}
