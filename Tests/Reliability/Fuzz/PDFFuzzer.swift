// libFuzzer target: any bytes through the PDF reader (cross-reference, rebuild, filters, fonts,
// content streams, lines). It must return lines or a typed error, never crash or hang, and the
// lines it returns must keep the reader's promises. Built and run by Tests/Reliability/fuzz.sh.
import LedgerDocuments
import LedgerFormats

/// Limits small enough that one input cannot take the fuzzer's time or memory.
private let fuzzLimits: PDFLimits = {
    var limits = PDFLimits.standard
    limits.maxDecodedBytes = 32 << 20
    limits.inflate = Inflate.Limits(maxOutputBytes: 8 << 20, maxRatio: 200)
    limits.maxGlyphs = 200_000
    return limits
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPDF(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let document = try? PDFTextReader.read(bytes, limits: fuzzLimits) else { return 0 }
    precondition(document.format == .pdf, "a PDF reads as a PDF")
    let pages = document.pageCount ?? 0
    precondition(!document.lines.isEmpty, "a document read without error has lines")
    var lastPage = 1
    for line in document.lines {
        let page = line.page ?? 0
        precondition(page >= lastPage && page <= pages, "lines come page by page, within the page count")
        lastPage = page
        precondition(!line.text.isEmpty && line.text.first != " " && line.text.last != " ", "lines are trimmed and not empty")
        precondition(!line.text.contains("\t\t") && !line.text.contains("  "), "one tab or space at a time")
        if let position = line.position { precondition(position.x.isFinite && position.y.isFinite, "positions are finite") }
    }
    return 0
}
