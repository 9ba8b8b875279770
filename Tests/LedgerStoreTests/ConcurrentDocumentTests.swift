import Foundation
import Testing
import LedgerDomain
@testable import LedgerStore
import LedgerFormats

@Suite("Stored documents, from two writers at once")
struct ConcurrentDocumentTests {
    @Test("two threads storing the same document at once both succeed and leave it whole")
    func sameDocumentAtOnce() async throws {
        let directory = TemporaryDirectory()
        let layout = LedgerLayout(root: directory.path)
        let bytes = Array(String(repeating: "2023年第 6期（总第 426期）窗口工作周报\n", count: 2_000).utf8)
        for round in 0..<40 {
            let document = Array("round \(round)\n".utf8) + bytes
            let failures = await withTaskGroup(of: String?.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        do {
                            _ = try DocumentStore(layout: layout, system: PosixSystemCalls()).store(document)
                            return nil
                        } catch {
                            return "\(error)"
                        }
                    }
                }
                return await group.reduce(into: [String]()) { if let failure = $1 { $0.append(failure) } }
            }
            #expect(failures.isEmpty, "round \(round): \(failures)")
            let stored = try DocumentStore(layout: layout, system: PosixSystemCalls()).read(SHA256.hash(document))
            #expect(stored == document, "round \(round)")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.file("EventLog/documents")).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }
}
