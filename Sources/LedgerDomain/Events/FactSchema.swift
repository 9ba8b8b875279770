import LedgerFormats
/// Which fields of each fact can be corrected, and of what kind their values are. Field names
/// are the projections' JSON names; nested counts use a dot: `week.accepted`.
public enum FactSchema {
    /// The kind of a correctable field's value.
    public enum Kind: String, Sendable {
        case integer, share, text, date, boolean, list, verdict

        /// Reads a value as the user typed it, or nil when it is not of this kind.
        public func parse(_ text: String) -> JSONValue? {
            switch self {
            case .integer:
                guard let value = Int(text), value >= 0 else { return text == "null" ? .null : nil }
                return .int(value)
            case .share: return text == "null" ? .null : Kind.share(text).map { .string($0) }
            case .text: return text.isEmpty ? nil : .string(text)
            case .date: return DateInput.date(text).map { .string($0.description) }
            case .boolean: return text == "true" ? .bool(true) : text == "false" ? .bool(false) : nil
            case .list:
                let items = text.split { $0 == "、" || $0 == "," || $0 == "，" }.map { JSONValue.string(String($0)) }
                return items.isEmpty ? nil : .array(items)
            case .verdict: return InspectionVerdict(rawValue: text).map { .string($0.rawValue) }
            }
        }

        /// A share as the bulletins print it (`82.2`): digits with at most one point, an optional
        /// `%` dropped, 0…100; nil for anything else (`八十`, `82,2`, `-1`, `120`).
        static func share(_ text: String) -> String? {
            let digits = text.hasSuffix("%") || text.hasSuffix("％") ? String(text.dropLast()) : text
            let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
            guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { (48...57).contains($0) } }),
                  parts[0].count <= 3, let whole = Int(parts[0]) else { return nil }
            let fraction = parts.count == 2 ? parts[1] : ""
            guard whole < 100 || (whole == 100 && fraction.allSatisfy { $0 == "0" }) else { return nil }
            return digits
        }

        /// What to type, for error messages.
        public var expected: String {
            switch self {
            case .integer: return "a whole number (or null)"
            case .share: return "a share in percent from 0 to 100, like 82.2 or 82.2% (or null)"
            case .text: return "text"
            case .date: return "a date that exists, written \(DateInput.dateForms)"
            case .boolean: return "true or false"
            case .list: return "a list separated by 、 or ,"
            case .verdict: return "satisfactory, finding or unclassified"
            }
        }
    }

    /// The correctable fields of an event type; empty for types that are not facts.
    public static func fields(of type: String) -> [(name: String, kind: Kind)] {
        switch type {
        case EventType.issuePublished:
            return [("serial", .integer), ("publisher", .text), ("published", .date), ("title", .text), ("from", .date),
                    ("through", .date), ("printRun", .integer), ("throughNumber", .integer), ("throughSerial", .integer)]
        case EventType.itemsCounted: return [("accepted", .integer), ("completed", .integer)]
        case EventType.windowCounted:
            return ["week", "yearToDate"].flatMap { part in
                ["consultations", "accepted", "issued", "transferred"].map { ("\(part).\($0)", Kind.integer) }
            }
        case EventType.authorizationReported:
            return [("stationed", .integer), ("authorized", .integer), ("unauthorized", .integer),
                    ("authorizedShare", .share), ("unauthorizedShare", .share), ("increase", .integer),
                    ("authorizedDepartments", .list), ("unauthorizedDepartments", .list)]
        case EventType.departmentAuthorized: return [("department", .text), ("partial", .boolean)]
        case EventType.visitRecorded: return [("date", .date), ("department", .text), ("person", .text), ("titles", .list)]
        case EventType.inspectionRecorded: return [("item", .text), ("verdict", .verdict), ("text", .text)]
        case EventType.newsReported, EventType.progressReported:
            return [("date", .date), ("departments", .list), ("text", .text)]
        default: return []
        }
    }

    /// The value of a field, dotted paths included.
    public static func value(of field: String, in payload: JSONObject) -> JSONValue? {
        let parts = field.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return payload[field] }
        return payload[parts[0]]?.object?[parts[1]]
    }

    /// The payload with one field set, dotted paths included.
    public static func setting(_ field: String, to value: JSONValue, in payload: JSONObject) -> JSONObject {
        var result = payload
        let parts = field.split(separator: ".", maxSplits: 1).map(String.init)
        if parts.count == 2 {
            var inner = payload[parts[0]]?.object ?? JSONObject()
            inner[parts[1]] = value
            result[parts[0]] = .object(inner)
        } else {
            result[field] = value
        }
        return result
    }
}
