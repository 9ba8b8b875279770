/// The names this ledger's centre publishes its bulletin under (the masthead's 发布单位), so that
/// another hall's bulletin is never taken for one of this hall's.
///
/// The shipped registry knows the centre's full name; a staff member adds another name of the
/// same centre with `ledger register --publisher NAME --reason TEXT`, recorded as a
/// `publisher.registered` event. Names are compared as ``comparable(_:)`` makes them: without
/// spaces of any width, full-width letters, digits and brackets as ASCII.
public struct PublisherRegistry: Sendable, Equatable {
    /// The names, the shipped one first, then those added in the order they were registered.
    public private(set) var names: [String]

    /// A registry of these names, in order; a repeated name (once compared) is kept once.
    public init(names: [String]) {
        self.names = []
        for name in names { add(name) }
    }

    /// The centre that publishes 窗口工作周报: 四川省政府政务服务和公共资源交易服务中心.
    public static let centre = "四川省政府政务服务和公共资源交易服务中心"

    /// The shipped registry: the centre's own name only.
    public static let standard = PublisherRegistry(names: [centre])

    /// The registry with `extra` names added after the others (names already known are skipped).
    public func adding(_ extra: [String]) -> PublisherRegistry {
        var registry = self
        for name in extra { registry.add(name) }
        return registry
    }

    /// Whether a publisher's name as written is one of the registry's, once compared, or holds
    /// one whole: `四川省…中心办公室` (an office of the centre), or the name with a word of the
    /// masthead the reader could not tell from it. A part of a name (`服务中心`) is not enough.
    public func knows(_ written: String) -> Bool {
        let name = Self.comparable(written)
        return !name.isEmpty && names.contains { name.contains(Self.comparable($0)) }
    }

    /// The name as names are compared: no whitespace (ASCII, ideographic, no-break, zero-width),
    /// full-width ASCII forms (`Ａ１（`) as ASCII, and round brackets in one form.
    public static func comparable(_ name: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            switch scalar.value {
            case 0x09...0x0D, 0x20, 0xA0, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0xFEFF:
                continue
            case 0xFF01...0xFF5E:
                scalars.append(Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar)
            default:
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    private mutating func add(_ name: String) {
        let leading = name.drop(while: \.isWhitespace)
        let trimmed = String(leading.reversed().drop(while: \.isWhitespace).reversed())
        guard !Self.comparable(trimmed).isEmpty, !knows(trimmed) else { return }
        names.append(trimmed)
    }
}
