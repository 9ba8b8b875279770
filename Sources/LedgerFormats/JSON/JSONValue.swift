/// A JSON value. Objects keep their keys in order (the log's field order is part of the hashed bytes).
///
/// Equality is structural and exact: strings and keys compare by their UTF-8 bytes, not by
/// Swift's Unicode canonical equivalence, because the ledger hashes bytes; object fields compare
/// in order; `.int(1)` and `.number("1")` are different values.
public enum JSONValue: Equatable, Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// An integer literal (no fraction, no exponent) that fits in `Int`.
    case int(Int)
    /// Any other valid number literal, kept verbatim: fractions, exponents, integers too large
    /// for `Int`, and `-0`. No precision is ever lost. The writer copies it unchecked, so it must
    /// be a valid JSON number (see ``JSONParser/isValidNumberLiteral(_:)``).
    case number(String)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object, its fields in order.
    case object(JSONObject)

    /// Structural equality; strings compare by their exact UTF-8 bytes.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.number(a), .number(b)): return sameBytes(a, b)
        case let (.string(a), .string(b)): return sameBytes(a, b)
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)): return a == b
        default: return false
        }
    }
}

// MARK: - Accessors

extension JSONValue {
    /// The string, or nil unless this is `.string`.
    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The integer, or nil unless this is `.int`.
    public var int: Int? {
        if case .int(let value) = self { return value }
        return nil
    }

    /// The Boolean, or nil unless this is `.bool`.
    public var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The elements, or nil unless this is `.array`.
    public var array: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The object, or nil unless this is `.object`.
    public var object: JSONObject? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// Whether this is `.null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The value of the object's field `key`, or nil when absent or when this is not an object.
    public subscript(key: String) -> JSONValue? {
        object?[key]
    }

    /// This value with the keys of every object, at every depth, sorted by ``JSONObject/sortedByKey()``'s
    /// order (UTF-8 bytes): the canonical form for payloads.
    public func sortedKeysRecursively() -> JSONValue {
        switch self {
        case .array(let elements):
            return .array(elements.map { $0.sortedKeysRecursively() })
        case .object(let object):
            let fields = object.fields.map { (key: $0.key, value: $0.value.sortedKeysRecursively()) }
            return .object(JSONObject(uncheckedFields: fields).sortedByKey())
        default:
            return self
        }
    }
}

extension JSONValue: CustomStringConvertible {
    /// The compact JSON text (see ``JSONWriter/string(_:)``).
    public var description: String { JSONWriter.string(self) }
}

extension JSONObject: CustomStringConvertible {
    /// The compact JSON text of the object.
    public var description: String { JSONWriter.string(.object(self)) }
}

// MARK: - Literals

extension JSONValue: ExpressibleByStringLiteral {
    /// A `.string` from a string literal.
    public init(stringLiteral value: String) { self = .string(value) }
}

extension JSONValue: ExpressibleByIntegerLiteral {
    /// An `.int` from an integer literal.
    public init(integerLiteral value: Int) { self = .int(value) }
}

extension JSONValue: ExpressibleByBooleanLiteral {
    /// A `.bool` from `true` or `false`.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension JSONValue: ExpressibleByArrayLiteral {
    /// An `.array` from an array literal.
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
}

extension JSONValue: ExpressibleByDictionaryLiteral {
    /// An `.object` keeping the literal's order; a duplicate key is a programming error and traps.
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(JSONObject(elements)) }
}

extension JSONValue: ExpressibleByNilLiteral {
    /// `.null` from `nil`.
    public init(nilLiteral: ()) { self = .null }
}

// MARK: - JSONObject

/// An ordered list of key/value pairs. Duplicate keys are rejected by the parser; the
/// initialisers trap on them (a programming error), and the subscript never creates them.
///
/// Code that edits ``fields`` directly must keep keys unique itself: the writer writes the
/// fields exactly as they are. Keys compare by their exact UTF-8 bytes.
public struct JSONObject: Equatable, Sendable, ExpressibleByDictionaryLiteral, Sequence {
    /// The fields in order.
    public var fields: [(key: String, value: JSONValue)]

    /// An object with these fields in this order; traps if a key appears twice.
    public init(_ fields: [(String, JSONValue)] = []) {
        let labelled = fields.map { (key: $0.0, value: $0.1) }
        precondition(Self.firstDuplicateKey(in: labelled) == nil, "JSONObject: duplicate key")
        self.fields = labelled
    }

    /// An object from a dictionary literal, keeping the literal's order; traps if a key appears twice.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }

    /// Fields the caller has already checked for duplicates (the parser).
    init(uncheckedFields fields: [(key: String, value: JSONValue)]) {
        self.fields = fields
    }

    /// The value of field `key`, or nil. Setting a value replaces it in place when the key is
    /// present and appends it otherwise; setting nil removes the field.
    public subscript(key: String) -> JSONValue? {
        get {
            guard let index = index(of: key) else { return nil }
            return fields[index].value
        }
        set {
            let index = index(of: key)
            switch (index, newValue) {
            case let (index?, value?): fields[index].value = value
            case let (index?, nil): fields.remove(at: index)
            case let (nil, value?): fields.append((key: key, value: value))
            case (nil, nil): break
            }
        }
    }

    /// The keys in order.
    public var keys: [String] { fields.map(\.key) }

    /// The number of fields.
    public var count: Int { fields.count }

    /// Whether the object has no fields.
    public var isEmpty: Bool { fields.isEmpty }

    /// The position of field `key` in ``fields``, or nil.
    public func index(of key: String) -> Int? {
        fields.firstIndex { sameBytes($0.key, key) }
    }

    /// This object with its fields sorted by key, comparing the keys' UTF-8 bytes (which is
    /// also Unicode code point order). Only this level is sorted: nested objects keep their
    /// order; use ``JSONValue/sortedKeysRecursively()`` for a canonical form at every depth.
    public func sortedByKey() -> JSONObject {
        JSONObject(uncheckedFields: fields.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) })
    }

    /// Iterates over the fields in order.
    public func makeIterator() -> IndexingIterator<[(key: String, value: JSONValue)]> {
        fields.makeIterator()
    }

    /// Equal when both have the same keys with equal values in the same order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.fields.count == rhs.fields.count else { return false }
        for (left, right) in zip(lhs.fields, rhs.fields) {
            guard sameBytes(left.key, right.key), left.value == right.value else { return false }
        }
        return true
    }

    /// The first key that repeats an earlier one, or nil. Small objects (literals in code, rows
    /// of projections) are checked pair by pair without allocating; large ones through a set.
    static func firstDuplicateKey(in fields: [(key: String, value: JSONValue)]) -> String? {
        if fields.count <= 16 {
            for later in fields.indices.dropFirst() {
                for earlier in 0..<later where sameBytes(fields[earlier].key, fields[later].key) { return fields[later].key }
            }
            return nil
        }
        var seen = Set<ByteKey>()
        seen.reserveCapacity(fields.count)
        for field in fields where !seen.insert(ByteKey(text: field.key)).inserted { return field.key }
        return nil
    }
}

// MARK: - Byte-exact keys

/// Whether two strings have the same UTF-8 bytes (Swift's `==` would also equate canonically
/// equivalent spellings, which hash differently in the log).
@inline(__always)
func sameBytes(_ a: String, _ b: String) -> Bool {
    guard a.utf8.count == b.utf8.count else { return false }
    // Native strings expose their bytes directly; comparing buffers avoids the generic iterator.
    let fast = a.utf8.withContiguousStorageIfAvailable { left in
        b.utf8.withContiguousStorageIfAvailable { right in left.elementsEqual(right) }
    }
    if let fast, let result = fast { return result }
    return a.utf8.elementsEqual(b.utf8)
}

/// A string hashed and compared by its UTF-8 bytes.
struct ByteKey: Hashable {
    let text: String

    static func == (lhs: ByteKey, rhs: ByteKey) -> Bool { sameBytes(lhs.text, rhs.text) }

    func hash(into hasher: inout Hasher) {
        for byte in text.utf8 { hasher.combine(byte) }
        hasher.combine(text.utf8.count)
    }
}

/// Finds repeated keys while an object is built: a linear scan for the usual small objects,
/// a hash set once an object grows large so that huge objects stay linear overall.
struct DuplicateKeyDetector {
    private static let hashThreshold = 16
    private var hashed: Set<ByteKey>?

    /// Whether `key` differs from every key in `fields`, which must hold exactly the keys
    /// passed to this detector before.
    @inline(__always)
    mutating func isNew(_ key: String, among fields: [(key: String, value: JSONValue)]) -> Bool {
        if hashed != nil {
            return hashed?.insert(ByteKey(text: key)).inserted ?? true
        }
        for index in fields.indices where sameBytes(fields[index].key, key) { return false }
        if fields.count >= Self.hashThreshold {
            var set = Set(fields.map { ByteKey(text: $0.key) })
            set.insert(ByteKey(text: key))
            hashed = set
        }
        return true
    }
}
