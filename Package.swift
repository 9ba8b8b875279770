// swift-tools-version:6.0
// The layers of `ledger`, from the pure core outwards. Each target may use only those above it.
import PackageDescription

// The SHA-NI intrinsics compile only with these features enabled; the target checks the CPU
// before running any of them (see Sources/LedgerSHA256Hardware).
#if arch(x86_64)
let hardwareHashingFlags: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-msha", "-Xcc", "-mssse3", "-Xcc", "-msse4.1"])]
#else
let hardwareHashingFlags: [SwiftSetting] = []
#endif

let package = Package(
    name: "ledger",
    products: [
        .executable(name: "ledger", targets: ["ledger"]),
        .executable(name: "ledger-bench", targets: ["ledger-bench"]),
        .library(name: "LedgerDomain", targets: ["LedgerDomain"]),
        .library(name: "LedgerStore", targets: ["LedgerStore"]),
    ],
    targets: [
        // The system's zlib (Debian's zlib1g-dev, on every machine with the Swift toolchain), for DEFLATE.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        // SHA-256's compression on the CPU's SHA extensions, used by LedgerDomain when present.
        .target(name: "LedgerSHA256Hardware", swiftSettings: hardwareHashingFlags),
        // Pure infrastructure below the domain, written here for want of packages: SHA-256, JSON, DEFLATE, zip, XML, PDF.
        .target(name: "LedgerFormats", dependencies: ["CZlib", "LedgerSHA256Hardware"]),
        // Pure core: the hall's events, facts and departments; the record format, dates, chain verification, a seeded generator. No I/O, no clock.
        .target(name: "LedgerDomain", dependencies: ["LedgerFormats"]),
        // Pure: reads a bulletin's lines into facts with provenance, and the facts into events.
        .target(name: "LedgerParser", dependencies: ["LedgerDomain", "LedgerFormats"]),
        // Pure: a document's bytes (text in any encoding, PDF, Word .docx) as the lines the parser reads, with their pages.
        .target(name: "LedgerDocuments", dependencies: ["LedgerFormats"]),
        // Pure: folds records into the hall's state and answers the projections' questions.
        .target(name: "LedgerProjections", dependencies: ["LedgerDomain", "LedgerFormats"]),
        // Pure: the ledger as one self-contained HTML page with inline SVG charts, for people.
        .target(name: "LedgerReport", dependencies: ["LedgerDomain", "LedgerProjections", "LedgerFormats"]),
        // The one place that touches the disk: append-only log, lock, crash recovery.
        .target(name: "LedgerStore", dependencies: ["LedgerDomain", "LedgerFormats"]),
        // Commands, argument parsing and rendering; the environment and streams are passed in.
        .target(name: "LedgerCLI", dependencies: ["LedgerDomain", "LedgerParser", "LedgerProjections", "LedgerReport", "LedgerStore", "LedgerFormats", "LedgerDocuments"]),
        // The thin executable: hands the process's arguments and environment to LedgerCLI.
        .executableTarget(name: "ledger", dependencies: ["LedgerCLI"]),
        // Synthetic bulletins: a seeded model of the hall, its rendering as PDF-extracted text, the facts it must yield.
        .target(name: "LedgerBench", dependencies: ["LedgerDomain", "LedgerParser", "LedgerProjections", "LedgerStore", "LedgerCLI", "LedgerFormats"]),
        // The thin benchmark executable: hands the process's arguments, environment and streams to LedgerBench.
        .executableTarget(name: "ledger-bench", dependencies: ["LedgerBench", "LedgerCLI", "LedgerDomain"]),

        // Test-only: what the format tests of several targets share (a zip writer that can lie).
        .target(name: "LedgerTestSupport", dependencies: ["CZlib"], path: "Tests/Support"),
        .testTarget(name: "LedgerFormatsTests", dependencies: ["LedgerFormats", "LedgerDomain", "LedgerTestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "LedgerDocumentsTests", dependencies: ["LedgerDocuments", "LedgerFormats", "LedgerParser", "LedgerDomain", "LedgerTestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "LedgerDomainTests", dependencies: ["LedgerDomain", "LedgerFormats"]),
        // Depends on the executable so that `swift test` builds the `ledger` that `run`'s end-to-end tests measure.
        .testTarget(name: "LedgerBenchTests", dependencies: ["ledger", "LedgerBench", "LedgerParser", "LedgerProjections", "LedgerStore", "LedgerCLI", "LedgerDomain", "LedgerFormats", "LedgerDocuments"]),
        .testTarget(name: "LedgerParserTests", dependencies: ["LedgerParser", "LedgerDomain", "LedgerFormats"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "LedgerProjectionsTests", dependencies: ["LedgerProjections", "LedgerParser", "LedgerDomain", "LedgerFormats"]),
        .testTarget(name: "LedgerReportTests", dependencies: ["LedgerReport", "LedgerProjections", "LedgerDomain", "LedgerFormats"]),
        .testTarget(name: "LedgerStoreTests", dependencies: ["LedgerStore", "LedgerDomain", "LedgerFormats"]),
        // Depends on the executable so that `swift test` builds the binary its end-to-end tests run.
        .testTarget(name: "LedgerCLITests", dependencies: ["ledger", "LedgerCLI", "LedgerParser", "LedgerDocuments", "LedgerStore", "LedgerDomain", "LedgerFormats"],
                    exclude: ["Fixtures"]),
    ]
)
