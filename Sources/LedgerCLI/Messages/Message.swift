/// Something `ledger` says to a person, as a value: a key into ``MessageCatalogue`` and its
/// arguments. It is built where the thing happens and rendered in a ``Language`` only at the
/// edge, when it is written to a stream.
struct Message: Equatable, Sendable, Error {
    /// One argument of a message, typed so that each language can render it its own way.
    indirect enum Argument: Equatable, Sendable {
        /// Text shown as it is: a path, a name, an option, a message from a lower layer.
        case text(String)
        /// A count, shown with thousands separators.
        case count(Int)
        /// Another message, rendered in the same language.
        case message(Message)
        /// Several arguments, joined by the language's list separator (`, ` or `、`).
        case list([Argument])
    }

    var key: MessageKey
    var arguments: [Argument]

    init(_ key: MessageKey, _ arguments: Argument...) {
        self.key = key
        self.arguments = arguments
    }

    init(_ key: MessageKey, arguments: [Argument]) {
        self.key = key
        self.arguments = arguments
    }

    /// The message in `language`.
    func rendered(in language: Language) -> String {
        MessageCatalogue.render(self, in: language)
    }
}

extension Message.Argument: ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    init(stringLiteral value: String) { self = .text(value) }
    init(stringInterpolation: DefaultStringInterpolation) { self = .text(String(stringInterpolation: stringInterpolation)) }
}

extension Message.Argument {
    /// The argument as text in `language`.
    func rendered(in language: Language) -> String {
        switch self {
        case .text(let text): return text
        case .count(let count): return Figures.count(count)
        case .message(let message): return message.rendered(in: language)
        case .list(let items): return items.map { $0.rendered(in: language) }.joined(separator: Message(.listSeparator).rendered(in: language))
        }
    }
}
