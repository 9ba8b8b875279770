/// Why a zip archive, or one of its entries, could not be read.
///
/// Each case says which entry (by its name in the archive) and what was wrong; the description
/// is one sentence for a person.
public enum ZipError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No end of central directory record: the bytes are not a zip archive, or its end is cut off.
    case notZip
    /// A record runs past the end of the bytes, or points outside them.
    case truncated(what: String)
    /// A zip64 archive (over 4 GiB or 65,535 entries), which no Office document needs.
    case zip64
    /// An archive split over several disks.
    case multiDisk
    /// More entries than the limit allows.
    case tooManyEntries(count: Int, limit: Int)
    /// An entry named like a path outside the archive (`..`, an absolute path, a backslash).
    case unsafeName(String)
    /// Two entries with the same name.
    case duplicateName(String)
    /// An encrypted entry: `ledger` has no password to read it with.
    case encrypted(String)
    /// A compression method other than stored (0) or deflated (8).
    case unsupportedMethod(entry: String, method: Int)
    /// Two entries whose bytes overlap (the classic zip bomb's trick), or an entry overlapping
    /// the central directory.
    case overlapping(String, String)
    /// The local header disagrees with the central directory about the entry.
    case inconsistentHeaders(String)
    /// The entry inflates to more or fewer bytes than it declares.
    case sizeMismatch(entry: String, declaredBytes: Int, actualBytes: Int)
    /// The entry's bytes do not match its CRC-32.
    case checksumMismatch(entry: String, declared: UInt32, actual: UInt32)
    /// The entry's compressed data is damaged.
    case damaged(entry: String, reason: String)
    /// The entry, or the archive in all, expands past a limit: refused as a decompression bomb.
    case tooLarge(entry: String, declaredBytes: Int, limitBytes: Int)
    /// No entry of that name.
    case noSuchEntry(String)

    /// One sentence for a person.
    public var description: String {
        switch escaped {
        case .notZip: "not a zip archive: no end of central directory record was found"
        case let .truncated(what): "the zip archive is cut short or damaged: \(what)"
        case .zip64: "a zip64 archive, which is not supported (an Office document never needs it)"
        case .multiDisk: "a zip archive split over several disks, which is not supported"
        case let .tooManyEntries(count, limit): "the zip archive has \(count) entries, more than the \(limit) allowed"
        case let .unsafeName(name): "the zip entry \"\(name)\" is named like a path outside the archive: refused as a crafted archive"
        case let .duplicateName(name): "the zip archive holds two entries named \"\(name)\": refused as a crafted archive"
        case let .encrypted(name): "the zip entry \"\(name)\" is encrypted and cannot be read"
        case let .unsupportedMethod(name, method): "the zip entry \"\(name)\" uses compression method \(method); only stored and deflated are read"
        case let .overlapping(first, second): "the zip entries \"\(first)\" and \"\(second)\" overlap: refused as a zip bomb"
        case let .inconsistentHeaders(name): "the zip entry \"\(name)\" has a local header that disagrees with the central directory"
        case let .sizeMismatch(name, declared, actual):
            "the zip entry \"\(name)\" declares \(declared) bytes but holds \(actual): refused as a crafted archive"
        case let .checksumMismatch(name, declared, actual):
            "the zip entry \"\(name)\" is damaged: its CRC-32 is \(hex(actual)), not the \(hex(declared)) declared"
        case let .damaged(name, reason): "the zip entry \"\(name)\" is damaged (\(reason))"
        case let .tooLarge(name, declared, limit):
            "the zip entry \"\(name)\" expands to \(declared) bytes, past the limit of \(limit): refused as a decompression bomb"
        case let .noSuchEntry(name): "the zip archive has no entry \"\(name)\""
        }
    }
}

extension ZipError {
    /// The same error with every entry name escaped, so its description is one line.
    private var escaped: ZipError {
        switch self {
        case let .unsafeName(name): .unsafeName(name.escapingControlCharacters)
        case let .duplicateName(name): .duplicateName(name.escapingControlCharacters)
        case let .encrypted(name): .encrypted(name.escapingControlCharacters)
        case let .unsupportedMethod(name, method): .unsupportedMethod(entry: name.escapingControlCharacters, method: method)
        case let .overlapping(first, second): .overlapping(first.escapingControlCharacters, second.escapingControlCharacters)
        case let .inconsistentHeaders(name): .inconsistentHeaders(name.escapingControlCharacters)
        case let .sizeMismatch(name, declared, actual):
            .sizeMismatch(entry: name.escapingControlCharacters, declaredBytes: declared, actualBytes: actual)
        case let .checksumMismatch(name, declared, actual):
            .checksumMismatch(entry: name.escapingControlCharacters, declared: declared, actual: actual)
        case let .damaged(name, reason): .damaged(entry: name.escapingControlCharacters, reason: reason)
        case let .tooLarge(name, declared, limit): .tooLarge(entry: name.escapingControlCharacters, declaredBytes: declared, limitBytes: limit)
        case let .noSuchEntry(name): .noSuchEntry(name.escapingControlCharacters)
        case let .truncated(what): .truncated(what: what.escapingControlCharacters)
        case .notZip, .zip64, .multiDisk, .tooManyEntries: self
        }
    }
}

private func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
}
