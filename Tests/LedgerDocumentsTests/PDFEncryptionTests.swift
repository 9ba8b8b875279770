import Foundation
import Testing
@testable import LedgerDocuments

/// Files encrypted by qpdf with the empty user password read like the plain file; one with a
/// user password is refused with what to do.
@Suite("PDF encryption")
struct PDFEncryptionTests {
    /// qpdf's arguments for each way of encrypting with the empty user password.
    static let modes: [(String, [String])] = [
        ("RC4 40-bit", ["--allow-weak-crypto", "--encrypt", "", "owner", "40", "--"]),
        ("RC4 128-bit", ["--allow-weak-crypto", "--encrypt", "", "owner", "128", "--use-aes=n", "--"]),
        ("AES-128", ["--encrypt", "", "owner", "128", "--use-aes=y", "--"]),
        ("AES-128 with object streams", ["--object-streams=generate", "--encrypt", "", "owner", "128", "--use-aes=y", "--"]),
        ("AES-256", ["--encrypt", "", "owner", "256", "--"]),
    ]

    /// The plain file encrypted by qpdf with `arguments`, nil when qpdf is not installed.
    static func encrypted(_ arguments: [String]) throws -> [UInt8]? {
        guard let qpdf = PDFRealProducerTests.tool("qpdf") else { return nil }
        let directory = try PDFRealProducerTests.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = PDFRealProducerTests.directory.appendingPathComponent("chromium-excerpt.pdf").path
        let output = directory.appendingPathComponent("encrypted.pdf")
        try PDFRealProducerTests.run(qpdf, arguments + [input, output.path], in: directory)
        return [UInt8](try Data(contentsOf: output))
    }

    /// True when this build's standard security handler is the stub that refuses every file.
    static func isStub(_ error: PDFReadError) -> Bool {
        error.description.contains("not built into this version")
    }

    @Test("encrypted with the empty user password: read like the plain file", arguments: modes.map(\.0))
    func emptyPassword(_ mode: String) throws {
        let arguments = Self.modes.first { $0.0 == mode }?.1 ?? []
        guard let bytes = try Self.encrypted(arguments) else {
            print("SKIPPED: qpdf is not installed")
            return
        }
        let plain = try PDFRealProducerTests.read("chromium-excerpt.pdf")
        do {
            let document = try PDFTextReader.read(bytes)
            #expect(document.lines.map(\.text) == plain.lines.map(\.text), "\(mode)")
        } catch {
            guard Self.isStub(error) else { throw error }
            print("SKIPPED: the standard security handler is the stub on this branch (\(mode))")
        }
    }

    @Test("a file that needs a user password is refused with what to do")
    func userPassword() throws {
        guard let bytes = try Self.encrypted(["--encrypt", "user", "owner", "256", "--"]) else {
            print("SKIPPED: qpdf is not installed")
            return
        }
        do {
            _ = try PDFTextReader.read(bytes)
            Issue.record("a password-protected file was read")
        } catch {
            if Self.isStub(error) {
                print("SKIPPED: the standard security handler is the stub on this branch")
            } else {
                #expect(error == .encrypted("it needs a password"))
            }
        }
    }
}
