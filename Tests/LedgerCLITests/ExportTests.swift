import Foundation
import Testing

/// `ledger export`, run as a user runs it, its files read back by Python's standard library
/// (csv, zipfile, xml.etree) and by LibreOffice where they are installed.
@Suite("Export for spreadsheets")
struct ExportTests {
    static func python(_ script: String, _ arguments: [String], in directory: String) throws -> LedgerProcess.Result? {
        guard AuditScriptTests.pythonAvailable else {
            print("SKIPPED: python3 is not installed")
            return nil
        }
        return try LedgerProcess.runProgram("/usr/bin/env", ["python3", "-c", script] + arguments, in: directory)
    }

    static func head(_ ledger: TemporaryDirectory) throws -> (seq: Int, hash: String) {
        let verify = try ProjectTests.json(try LedgerProcess.run(["verify", "--json"], in: ledger.path))
        let head = try #require(verify["head"] as? [String: Any])
        return (try #require(head["seq"] as? Int), try #require(head["hash"] as? String))
    }

    static let readCSV = """
        import csv, sys
        path, delimiter, head = sys.argv[1], sys.argv[2], sys.argv[3]
        raw = open(path, 'rb').read()
        assert raw.startswith(b'\\xef\\xbb\\xbf'), 'no BOM'
        assert b'\\r\\n' in raw and b'\\n' not in raw.replace(b'\\r\\n', b''), 'not CRLF'
        rows = list(csv.reader(open(path, encoding='utf-8-sig', newline=''), delimiter='\\t' if delimiter == 'tab' else ','))
        assert rows[0][-1] == 'head', rows[0]
        assert all(len(r) == len(rows[0]) for r in rows), 'ragged'
        assert all(r[-1] == head for r in rows[1:]), 'head column'
        for r in rows: print('|'.join(r))
        """

    @Test("CSV and TSV of every projection: BOM, CRLF, a rectangle, the head on every row", arguments: [
        ("authorization", "through|issue|stationed|authorized|unauthorized|share|seq|head", "2023-02-17|2023-06|45|37|8|82.2|18|"),
        ("totals", "year|through|issue|category|accepted|completed|seq|head", "2023|2023-01-13|2023-02|publicService|157350|155143|3|"),
        ("window", "through|issue|week.consultations|week.accepted|week.issued|week.transferred|yearToDate.consultations|yearToDate.accepted|yearToDate.issued|yearToDate.transferred|seq|head",
         "2023-02-17|2023-06|618|116|3189|6346|1748|1156|4110|8406|17|"),
        ("visits", "date|department|person|titles|issue|seq|head", "2023-01-12|司法厅|李慎伦|一级巡视员|2023-02|7|"),
        ("inspections", "through|issue|ordinal|item|verdict|text|seq|head", "2023-01-13|2023-02|1|按时到岗情况|satisfactory|总体情况良好。|8|"),
        ("issues", "issue|year|number|throughNumber|serial|published|from|through|events|partial|seq|head", "2023-06|2023|6||426|2023-02-27|2023-02-13|2023-02-17|25|false|16|"),
        ("departments", "department|aliases|registered|authorizedSince|partial|visits|lastVisit|authorizedSeq|head", "司法厅|"),
    ])
    func delimited(_ projection: String, _ header: String, _ row: String) throws {
        let ledger = try ProjectTests.ledger()
        let head = try Self.head(ledger)
        let stamp = "seq \(head.seq) hash \(head.hash)"
        for (format, delimiter) in [("csv", "comma"), ("tsv", "tab")] {
            let result = try LedgerProcess.run(["export", projection, "--format", format, "--out", "x.\(format)"], in: ledger.path)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.hasPrefix("wrote x.\(format) (\(format), "), "\(result.stdout)")
            guard let read = try Self.python(Self.readCSV, [ledger.file("x.\(format)"), delimiter, stamp], in: ledger.path) else { return }
            #expect(read.status == 0, "\(read.stderr)")
            let lines = read.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first == header)
            #expect(lines.dropFirst().contains { $0.hasPrefix(row) }, "\(projection): \(lines)")
        }
    }

    @Test("standard output when not a terminal; --no-bom; the format from --out's extension")
    func standardOutput() throws {
        let ledger = try ProjectTests.ledger()
        let plain = try LedgerProcess.run(["export", "visits", "--no-bom"], in: ledger.path)
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(plain.stdout.hasPrefix("date,department,person,titles,issue,seq,head\r\n"))
        let withBOM = try LedgerProcess.run(["export", "visits", "--as-of", "2023年1月31日"], in: ledger.path)
        #expect(withBOM.stdout.hasPrefix("\u{FEFF}date,"))
        #expect(!withBOM.stdout.contains(",2023-06,"), "--as-of keeps the later issue out")
        #expect(try LedgerProcess.run(["export", "issues", "--out", "i.xlsx"], in: ledger.path).status == 0)
        #expect(ledger.read("i.xlsx").prefix(2) == Data("PK".utf8))
    }

    @Test("text that a spreadsheet would run is neutralised; numbers are not")
    func formulaInjection() throws {
        let ledger = try ProjectTests.ledger()
        let visits = try ProjectTests.json(try LedgerProcess.run(["project", "visits", "--json"], in: ledger.path))
        let seq = try #require((visits["visits"] as? [[String: Any]])?.first?["seq"] as? Int)
        let corrected = try LedgerProcess.run(["correct", String(seq), "--set", "person==HYPERLINK(\"http://x\",\"点\")",
                                               "--reason", "a test of formula injection"], in: ledger.path)
        #expect(corrected.status == 0, "\(corrected.stderr)")
        let csv = try LedgerProcess.run(["export", "visits", "--no-bom"], in: ledger.path)
        #expect(csv.stdout.contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"点\"\")\","), "\(csv.stdout)")
    }

    static let readXLSX = """
        import sys, zipfile, xml.etree.ElementTree as ET
        ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
        z = zipfile.ZipFile(sys.argv[1])
        assert z.testzip() is None
        for name in z.namelist(): ET.fromstring(z.read(name))
        assert 'xl/styles.xml' in z.namelist() and '[Content_Types].xml' in z.namelist()
        wb = ET.fromstring(z.read('xl/workbook.xml'))
        print('sheets', [s.get('name') for s in wb.find('m:sheets', ns)])
        sheet = ET.fromstring(z.read('xl/worksheets/sheet1.xml'))
        pane = sheet.find('.//m:pane', ns)
        print('frozen', pane.get('state'), pane.get('ySplit'))
        for row in sheet.find('m:sheetData', ns):
            cells = []
            for c in row:
                t = c.find('.//m:t', ns)
                v = c.find('m:v', ns)
                cells.append((c.get('t') or 'n') + ':' + (c.get('s') or '') + ':' + (t.text if t is not None else v.text))
            print(' '.join(cells))
        head = ET.fromstring(z.read('xl/worksheets/sheet2.xml'))
        for row in head.find('m:sheetData', ns):
            print('head', ' '.join((c.find('.//m:t', ns) if c.get('t') else c.find('m:v', ns)).text for c in row))
        """

    @Test("XLSX: a valid zip of XML parts, numbers as numbers, dates as serials with a date style, a frozen header, the head on a second sheet")
    func xlsx() throws {
        let ledger = try ProjectTests.ledger()
        let head = try Self.head(ledger)
        let result = try LedgerProcess.run(["export", "authorization", "--format", "xlsx", "--out", "a.xlsx"], in: ledger.path)
        #expect(result.status == 0, "\(result.stderr)")
        guard let read = try Self.python(Self.readXLSX, [ledger.file("a.xlsx")], in: ledger.path) else { return }
        #expect(read.status == 0, "\(read.stderr)")
        let lines = read.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("sheets ['authorization', 'head']"))
        #expect(lines.contains("frozen frozen 1"))
        #expect(lines.contains("inlineStr:2:through inlineStr:2:issue inlineStr:2:stationed inlineStr:2:authorized inlineStr:2:unauthorized inlineStr:2:share inlineStr:2:seq"))
        // 2023-02-17 is Excel's serial 44974; 82.2 a number with the one-decimal style.
        #expect(lines.contains("n:1:44974 inlineStr::2023-06 n::45 n::37 n::8 n:3:82.2 n::18"), "\(lines)")
        #expect(lines.contains("head head.seq \(head.seq)"))
        #expect(lines.contains("head head.hash \(head.hash)"))
    }

    @Test("LibreOffice reads the workbook back: dates as dates, figures as numbers, the Chinese intact")
    func libreOffice() throws {
        let ledger = try ProjectTests.ledger()
        #expect(try LedgerProcess.run(["export", "visits", "--out", "v.xlsx"], in: ledger.path).status == 0)
        #expect(try LedgerProcess.run(["export", "authorization", "--out", "a.xlsx"], in: ledger.path).status == 0)
        let profile = "-env:UserInstallation=file://\(ledger.path)/lo-profile"
        func convert(_ file: String, _ filter: String) throws -> LedgerProcess.Result? {
            let result = try? LedgerProcess.runProgram("/usr/bin/env", ["soffice", profile, "--headless", "--convert-to", filter,
                                                                         "--outdir", ledger.file("lo"), ledger.file(file)], in: ledger.path)
            guard let result, result.status == 0, !result.stderr.contains("could not be loaded") else { return nil }
            return result
        }
        guard try convert("v.xlsx", "csv:Text - txt - csv (StarCalc):44,34,76") != nil,
              FileManager.default.fileExists(atPath: ledger.file("lo/v.csv")) else {
            print("SKIPPED: LibreOffice Calc (soffice) is not installed")
            return
        }
        let csv = String(decoding: ledger.read("lo/v.csv"), as: UTF8.self)
        #expect(csv.hasPrefix("date,department,person,titles,issue,seq\n"), "\(csv)")
        #expect(csv.contains("2023-01-12,司法厅,李慎伦,一级巡视员,2023-02,7\n"), "\(csv)")
        _ = try convert("a.xlsx", "fods")
        let flat = String(decoding: ledger.read("lo/a.fods"), as: UTF8.self)
        #expect(flat.contains("office:value-type=\"date\" office:date-value=\"2023-02-17\""), "the date is a date")
        #expect(flat.contains("office:value-type=\"float\" office:value=\"45\""), "the count is a number")
        #expect(flat.contains("office:value-type=\"float\" office:value=\"82.2\""), "the share is a number")
    }

    @Test("XLSX to a terminal is refused (a pseudo-terminal from script(1)); CSV to one is not")
    func terminal() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            print("SKIPPED: script(1) is not installed to give the command a terminal")
            return
        }
        let ledger = try ProjectTests.ledger()
        let quoted = CommandContextQuote.quote(LedgerProcess.executable)
        let xlsx = try LedgerProcess.runProgram("/usr/bin/script", ["-qec", "\(quoted) export visits --format xlsx", "/dev/null"], in: ledger.path)
        #expect(xlsx.status == 64)
        #expect(xlsx.stdout.contains("an XLSX workbook is binary: give --out FILE"), "\(xlsx.stdout)")
        let csv = try LedgerProcess.runProgram("/usr/bin/script", ["-qec", "\(quoted) export visits", "/dev/null"], in: ledger.path)
        #expect(csv.status == 0)
        #expect(csv.stdout.contains("date,department,person"))
    }

    @Test("refused: an unknown projection or format, a path inside the ledger")
    func refused() throws {
        let ledger = try ProjectTests.ledger()
        let unknown = try LedgerProcess.run(["export", "vists"], in: ledger.path)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("did you mean 'visits'"))
        let format = try LedgerProcess.run(["export", "visits", "--format", "ods"], in: ledger.path)
        #expect(format.status == 64)
        #expect(format.stderr.contains("csv, tsv or xlsx"))
        let inside = try LedgerProcess.run(["export", "visits", "--out", "EventLog/v.csv"], in: ledger.path)
        #expect(inside.status == 64)
        #expect(inside.stderr.contains("inside a ledger's EventLog/"), "\(inside.stderr)")
        #expect(!FileManager.default.fileExists(atPath: ledger.file("EventLog/v.csv")))
    }
}
