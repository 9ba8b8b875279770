import Foundation
import LedgerDomain
@testable import LedgerParser

/// The two real issues, read from the files next to these tests.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    /// Lines as the decoder gives them: split on line ends, no final empty line.
    static func lines(_ text: String) -> [String] {
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    static func parse(_ text: String) -> BulletinParser.Outcome {
        BulletinParser.parse(lines: lines(text))
    }

    static func bulletin(_ name: String) throws -> Bulletin {
        guard let bulletin = parse(try text(name)).bulletin else { throw FixtureError.unreadable(name) }
        return bulletin
    }

    enum FixtureError: Error { case unreadable(String) }
}
