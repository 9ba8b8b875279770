#if canImport(Glibc)
import Glibc
#endif

/// Where a command writes text: standard output, standard error, or a buffer in tests.
public protocol TextOutput: AnyObject {
    /// Writes text as is (add your own newlines).
    func write(_ text: String)
    /// Writes raw bytes (log lines are passed through untouched).
    func write(bytes: UnsafeRawBufferPointer)
    /// Pushes buffered text out.
    func flush()
    /// Whether this output is a terminal (bars and colours only go to a terminal).
    var isTerminal: Bool { get }
}

/// A buffered writer to a file descriptor (1 for standard output, 2 for standard error).
public final class FileDescriptorOutput: TextOutput {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private let capacity = 64 << 10
    /// Set when a write failed (a closed pipe): later writes are dropped.
    public private(set) var failed = false

    /// Wraps a descriptor; the caller keeps it open.
    public init(descriptor: Int32) {
        self.descriptor = descriptor
        buffer.reserveCapacity(capacity)
    }

    public var isTerminal: Bool { isatty(descriptor) == 1 }

    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= capacity { flush() }
    }

    public func write(bytes: UnsafeRawBufferPointer) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { flush() }
    }

    public func flush() {
        var offset = 0
        while offset < buffer.count && !failed {
            let written = buffer.withUnsafeBytes { raw in
                Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { failed = true } else { offset += written }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}

/// A ``TextOutput`` that keeps everything in memory: the test double.
public final class CapturedOutput: TextOutput {
    /// Everything written so far, as UTF-8 bytes.
    public private(set) var bytes: [UInt8] = []
    /// Whether to claim to be a terminal.
    public var isTerminal: Bool

    /// Creates an empty capture.
    public init(isTerminal: Bool = false) { self.isTerminal = isTerminal }

    /// Everything written so far, as text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public func write(_ text: String) { bytes.append(contentsOf: text.utf8) }
    public func write(bytes raw: UnsafeRawBufferPointer) { bytes.append(contentsOf: raw) }
    public func flush() {}
}
