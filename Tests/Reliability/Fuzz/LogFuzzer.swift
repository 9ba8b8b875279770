// libFuzzer target: any bytes as a log. In memory through the chain verifier (every line
// decoded, hashed, chained), then as EventLog/events.jsonl on disk through the store's reader
// and `verify`, with a HEAD that names the last whole record. Nothing may trap, hang or grow
// without bound. Built and run by Tests/Reliability/fuzz.sh.
import Glibc
import LedgerDomain
import LedgerStore

/// A ledger directory of this process's own, in memory where /dev/shm exists.
let fuzzRoot: String = {
    let base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
    let root = "\(base)/ledger-fuzz-log-\(getpid())"
    mkdir(root, 0o755)
    mkdir(root + "/EventLog", 0o755)
    return root
}()

func writeFile(_ path: String, _ bytes: [UInt8]) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    precondition(descriptor >= 0, "cannot write \(path)")
    var offset = 0
    while offset < bytes.count {
        let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        precondition(written > 0, "short write to \(path)")
        offset += written
    }
    close(descriptor)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLog(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for format in LogFormat.allCases { exercise(bytes, as: format) }
    return 0
}

/// The bytes as a log of `format`: through the verifier in memory, then on disk.
func exercise(_ bytes: [UInt8], as format: LogFormat) {
    var verifier = ChainVerifier(format: format)
    var start = 0
    var lastEnded = true
    var committedBytes = 0
    bytes.withUnsafeBytes { raw in
        while start < raw.count {
            let newline = raw[start...].firstIndex(of: 0x0A)
            let stop = newline ?? raw.count
            if newline != nil {
                if verifier.check(line: UnsafeRawBufferPointer(rebasing: raw[start..<stop])) != nil { committedBytes = stop + 1 }
            } else {
                lastEnded = false
            }
            start = stop + 1
        }
    }
    verifier.finish(lastLineEnded: lastEnded)
    precondition(verifier.problems.count <= 100, "problems are capped")

    // The same bytes through the store, HEAD naming the last record the verifier accepted.
    writeFile(fuzzRoot + "/EventLog/events.jsonl", bytes)
    let last = verifier.lastRecord
    let head = #"{"format":\#(format.rawValue),"seq":\#(last.seq.value),"hash":"\#(last.hash.hex)","bytes":\#(committedBytes)}"# + "\n"
    writeFile(fuzzRoot + "/EventLog/HEAD", Array(head.utf8))
    let store = EventStore(layout: LedgerLayout(root: fuzzRoot))
    let report = try? store.verify()
    if let report, report.isIntact, let committed = try? store.readHeadFile() {
        var count = 0
        try? store.forEachRecord(upTo: committed) { _, _ in count += 1 }
    }
}
