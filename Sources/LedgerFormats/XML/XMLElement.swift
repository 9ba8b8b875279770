/// An element of an XML document: its qualified name as written (`w:p`, prefix kept), its
/// attributes in document order and its content.
///
/// Namespaces are not resolved: Office files bind the same prefixes everywhere (`w:` for
/// WordprocessingML), and a reader of them matches names as written.
public struct XMLElement: Sendable, Equatable {
    /// The name as written, with its prefix (`w:p`).
    public var name: String
    /// The attributes in document order, names as written (`w:val`, `xml:space`).
    public var attributes: [XMLAttribute]
    /// Elements and character data, in document order (adjacent text and CDATA merged).
    public var children: [XMLContent]

    /// Creates an element.
    public init(name: String, attributes: [XMLAttribute] = [], children: [XMLContent] = []) {
        self.name = name
        self.attributes = attributes
        self.children = children
    }

    /// The name without its prefix (`p` for `w:p`).
    public var localName: Substring {
        guard let colon = name.firstIndex(of: ":") else { return name[...] }
        return name[name.index(after: colon)...]
    }

    /// The value of the attribute named `name` (as written, prefix and all), if present.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The child elements, in order.
    public var elements: [XMLElement] {
        children.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    /// The first child element named `name`, if any.
    public func firstElement(_ name: String) -> XMLElement? {
        for case .element(let element) in children where element.name == name { return element }
        return nil
    }

    /// The child elements named `name`, in order.
    public func elements(_ name: String) -> [XMLElement] {
        elements.filter { $0.name == name }
    }

    /// All character data inside the element and its descendants, concatenated.
    public var text: String {
        var result = ""
        appendText(to: &result)
        return result
    }

    private func appendText(to result: inout String) {
        for child in children {
            switch child {
            case .text(let text): result += text
            case .element(let element): element.appendText(to: &result)
            }
        }
    }
}

/// One attribute of an element, its value with references replaced.
public struct XMLAttribute: Sendable, Equatable {
    /// The name as written, with its prefix (`w:val`).
    public var name: String
    /// The value, entity and character references replaced, whitespace normalised to spaces.
    public var value: String

    /// Creates an attribute.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// A piece of an element's content.
public enum XMLContent: Sendable, Equatable {
    /// A child element.
    case element(XMLElement)
    /// Character data (text and CDATA sections), references replaced.
    case text(String)
}
