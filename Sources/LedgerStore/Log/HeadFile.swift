import LedgerDomain
import LedgerFormats

/// The commit point of the log: `EventLog/HEAD`, one JSON line naming the last committed
/// record and the log's committed length in bytes.
///
/// `{"format":1,"seq":12,"hash":"<64 hex>","bytes":4821}`. A batch is committed when HEAD is
/// replaced (atomically, after the log is fsynced); bytes beyond `bytes` are an interrupted write.
public struct HeadFile: Equatable, Sendable {
    /// The on-disk format this build reads and writes; read first, before anything else.
    public static let format = 1
    /// HEAD is never larger than this.
    static let maxBytes = 512

    /// The last committed record.
    public var head: LogHead
    /// The committed length of `events.jsonl` in bytes.
    public var bytes: Int

    /// Creates a HEAD for a log of `bytes` bytes ending at `head`.
    public init(head: LogHead, bytes: Int) {
        self.head = head
        self.bytes = bytes
    }

    /// The HEAD of an empty log.
    public static let empty = HeadFile(head: .empty, bytes: 0)

    /// The file's bytes.
    public func encoded() -> [UInt8] {
        var line = JSONWriter.encode(.object([
            "format": .int(HeadFile.format), "seq": .int(head.seq.value),
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
        guard format == HeadFile.format else {
            return .failure(RecordDecodingError("it is format \(format); this build of ledger reads format \(HeadFile.format)"))
        }
        guard case .int(let seq)? = object["seq"], seq >= 0,
              case .string(let hex)? = object["hash"], let hash = SHA256Digest(hex: hex),
              case .int(let length)? = object["bytes"], length >= 0, object.keys.count == 4 else {
            return .failure(RecordDecodingError("its fields are not {format, seq, hash, bytes}"))
        }
        return .success(HeadFile(head: LogHead(seq: Seq(seq), hash: hash), bytes: length))
    }
}
