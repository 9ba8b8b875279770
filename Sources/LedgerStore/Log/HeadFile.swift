import LedgerDomain
import LedgerFormats

/// The commit point of the log: `EventLog/HEAD`, one JSON line naming the last committed
/// record and the log's committed length in bytes.
///
/// `{"format":2,"seq":12,"hash":"<64 hex>","bytes":4821}`. A batch is committed when HEAD is
/// replaced (atomically, after the log is fsynced); bytes beyond `bytes` are an interrupted write.
/// `format` names the log's line format (``LogFormat``); this build reads and appends to both.
public struct HeadFile: Equatable, Sendable {
    /// HEAD is never larger than this.
    static let maxBytes = 512

    /// The log's format.
    public var format: LogFormat
    /// The last committed record.
    public var head: LogHead
    /// The committed length of `events.jsonl` in bytes.
    public var bytes: Int

    /// Creates a HEAD for a log of `bytes` bytes in `format` ending at `head`.
    public init(head: LogHead, bytes: Int, format: LogFormat = .current) {
        self.head = head
        self.bytes = bytes
        self.format = format
    }

    /// The HEAD of an empty log, in the format new ledgers are written in.
    public static let empty = HeadFile(head: .empty, bytes: 0)

    /// The file's bytes.
    public func encoded() -> [UInt8] {
        var line = JSONWriter.encode(.object([
            "format": .int(format.rawValue), "seq": .int(head.seq.value),
            "hash": .string(head.hash.hex), "bytes": .int(bytes),
        ]))
        line.append(0x0A)
        return line
    }

    /// Reads HEAD's bytes, or says in a phrase why they are not a HEAD this build can read.
    public static func decode(_ bytes: [UInt8]) -> Result<HeadFile, RecordDecodingError> {
        guard let value = try? JSONParser.parse(bytes), case .object(let object) = value else {
            return .failure(RecordDecodingError("it is not a JSON object"))
        }
        guard case .int(let format)? = object["format"] else {
            return .failure(RecordDecodingError("it has no format number"))
        }
        guard let known = LogFormat(rawValue: format) else {
            let formats = LogFormat.allCases.map(\.description).joined(separator: " and ")
            return .failure(RecordDecodingError("it is format \(format); this build of ledger reads formats \(formats)"))
        }
        guard case .int(let seq)? = object["seq"], seq >= 0,
              case .string(let hex)? = object["hash"], let hash = SHA256Digest(hex: hex),
              case .int(let length)? = object["bytes"], length >= 0, object.keys.count == 4 else {
            return .failure(RecordDecodingError("its fields are not {format, seq, hash, bytes}"))
        }
        return .success(HeadFile(head: LogHead(seq: Seq(seq), hash: hash), bytes: length, format: known))
    }
}
