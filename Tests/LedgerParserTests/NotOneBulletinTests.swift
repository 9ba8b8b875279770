import Testing
import LedgerDomain
@testable import LedgerParser

/// Documents that are not one bulletin's text are refused before anything is read from them,
/// told by their structure: markup (a saved web page, an XML file) or two mastheads. Documents
/// that only look a little like them (a stray `<`, a combined issue, a running header that
/// repeats the issue line) are read as the bulletins they are.
@Suite("What is not one bulletin")
struct NotOneBulletinTests {
    static func real(_ name: String) throws -> String { try Fixtures.text(name) }

    /// The refusal's message, when the parser refused the document as not one bulletin.
    static func refusal(_ text: String) -> String? {
        let outcome = Fixtures.parse(text)
        guard outcome.has(.notOneBulletin) else { return nil }
        #expect(outcome.bulletin == nil, "a refused document gives no bulletin")
        return outcome.diagnostics.first { $0.kind == .notOneBulletin }?.message
    }

    @Test("a web page saved with its markup is refused as an HTML page")
    func htmlPage() throws {
        let body = try Fixtures.lines(Self.real("2023-02.txt")).map { "<p>\($0)</p>" }.joined(separator: "\n")
        let page = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>周报</title></head><body>\n\(body)\n</body></html>\n"
        let message = try #require(Self.refusal(page))
        #expect(message.contains("HTML page") && message.contains("line 1"))
    }

    @Test("markup without a doctype, tags on every line, is refused all the same")
    func htmlWithoutDoctype() throws {
        let body = try Fixtures.lines(Self.real("2023-06.txt")).filter { !$0.isEmpty }
            .map { "<div class=\"p\"><span>\($0)</span></div>" }.joined(separator: "\n")
        let message = try #require(Self.refusal(body))
        #expect(message.contains("HTML page"))
    }

    @Test("an XML file (a Word document's document.xml) is refused as XML")
    func xml() throws {
        let paragraphs = try Fixtures.lines(Self.real("2023-02.txt")).filter { !$0.isEmpty }
            .map { "<w:p><w:r><w:t>\($0)</w:t></w:r></w:p>" }.joined(separator: "\n")
        let document = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document><w:body>\n\(paragraphs)\n</w:body></w:document>\n"
        let message = try #require(Self.refusal(document))
        #expect(message.contains("XML file") && message.contains(".docx"))
    }

    @Test("a bulletin with a stray < or a quoted tag is no markup")
    func strayAngleBrackets() throws {
        let text = try Self.real("2023-06.txt")
            .replacingOccurrences(of: "政务服务工作", with: "政务服务工作（办结时限<3天，详见<附件>）")
        #expect(Self.refusal(text) == nil)
        let outcome = Fixtures.parse(text)
        #expect(outcome.bulletin?.issue.key == "2023-06")
    }

    @Test("two issues pasted into one file are refused, naming both and their lines")
    func twoIssues() throws {
        let two = try Self.real("2023-02.txt") + "\n" + Self.real("2023-06.txt")
        let message = try #require(Self.refusal(two))
        #expect(message.contains("2 issues") && message.contains("2023年第2期 at line 1") && message.contains("2023年第6期 at line"))
    }

    @Test("the same issue pasted twice is refused as copies")
    func sameIssueTwice() throws {
        let twice = try Self.real("2023-06.txt") + "\n" + Self.real("2023-06.txt")
        let message = try #require(Self.refusal(twice))
        #expect(message.contains("2023年第6期 twice"))
    }

    @Test("the issue line repeated alone at the head of a page is a running header, not a second issue")
    func runningHeader() throws {
        let lines = try Fixtures.lines(Self.real("2023-06.txt"))
        let masthead = try #require(lines.first { $0.contains("年第") && $0.contains("期") })
        var paged = lines
        let middle = paged.count / 2
        paged.insert(contentsOf: ["\u{0C}" + masthead], at: middle)
        let outcome = Fixtures.parse(paged.joined(separator: "\n"))
        #expect(!outcome.has(.notOneBulletin), "\(outcome.diagnostics)")
        #expect(outcome.bulletin?.issue.key == "2023-06")
    }

    @Test("a combined issue has one masthead and is read as one document")
    func combinedIssue() throws {
        let text = try Self.real("2023-06.txt")
            .replacingOccurrences(of: "2023年第 6期（总第 426期）", with: "2023年第 5-6期（总第 425-426期）")
        #expect(Self.refusal(text) == nil)
        let issue = try #require(Fixtures.parse(text).bulletin?.issue)
        #expect(issue.number == 5 && issue.throughNumber == 6 && issue.throughSerial == 426)
    }

    @Test("a sentence quoting an issue line is prose, not a second masthead")
    func quotedIssueLine() throws {
        let text = try Self.real("2023-06.txt")
            .replacingOccurrences(of: "政务服务工作", with: "政务服务工作\n2023年第 2期周报所列问题，均已整改。")
        #expect(Self.refusal(text) == nil)
    }
}

/// Who published the bulletin, as the masthead writes it: the name alone, without the title
/// line above it, a label before it or the verb after it; the registry then knows the name.
@Suite("The masthead's publisher")
struct PublisherReadingTests {
    static let centre = PublisherRegistry.centre
    static let body = """
        一、大厅巡查情况
        （一）按时到岗情况。总体情况良好。
        报：中心领导。
        """

    @Test("the name is read whole, whatever stands around it", arguments: [
        ("\(centre) 2023年 1月 31日", centre),
        ("政务服务工作\n\(centre) 2023年 1月 31日", centre),
        ("\(centre)编 2023年 1月 31日", centre),
        ("\(centre)  编印\n2023年 1月 31日", centre),
        ("编印单位：\(centre) 2023年 1月 31日", centre),
        ("主办:\(centre)\n2023年 1月 31日", centre),
        ("四川省政府政务服务和公共资源交\n易服务中心\n2023年 1月 31日", centre),
        ("\(centre)办公室 2023年 1月 31日", centre + "办公室"),
        ("成都市政务服务中心 2023年 1月 31日", "成都市政务服务中心"),
    ])
    func publisher(_ header: String, _ expected: String) throws {
        let text = "2023年第 2期（总第 422期）\n\(header)\n（1月 9日—1月 13日）\n" + Self.body
        let issue = try #require(Fixtures.parse(text).bulletin?.issue)
        #expect(issue.publisher == expected)
    }

    @Test("the title line above the publisher stays the title")
    func titleKept() throws {
        // (窗口工作周报 alone on a line is the running page header, so the title here is another.)
        let text = "2023年第 2期（总第 422期）\n政务服务工作\n\(Self.centre) 2023年 1月 31日\n（1月 9日—1月 13日）\n" + Self.body
        let issue = try #require(Fixtures.parse(text).bulletin?.issue)
        #expect(issue.publisher == Self.centre)
        #expect(issue.title == "政务服务工作")
    }

    @Test("the registry knows the centre as written, spaced, full-width or inside a longer name; never another hall or part of the name")
    func registry() {
        let registry = PublisherRegistry.standard
        #expect(registry.knows(Self.centre))
        #expect(registry.knows("四川省政府政务服务和公共资源交易服务中心 "))
        #expect(registry.knows("四川省政府政务服务 和公共资源交易服务中心"))
        #expect(registry.knows(Self.centre + "办公室"))
        #expect(!registry.knows("成都市政务服务中心"))
        #expect(!registry.knows("四川省政务服务中心"))
        #expect(!registry.knows("服务中心"))
        #expect(!registry.knows(""))
        #expect(!registry.knows("  "))
        let more = registry.adding(["四川省政务服务中心", "四川省政务服务中心", " "])
        #expect(more.names == [Self.centre, "四川省政务服务中心"])
        #expect(more.knows("四川省政务服务中心"))
    }
}
