/// The parser behind ``XMLReader``: one pass over UTF-8 bytes, an explicit stack of open
/// elements (so nesting costs no call depth), each construct consumed as it is read.
struct XMLScanner {
    let bytes: [UInt8]
    let limits: XMLReader.Limits
    var position = 0

    /// An element whose end tag has not been read yet.
    struct Open {
        var element: XMLElement
        var offset: Int
    }

    var stack: [Open] = []
    var root: XMLElement?
    var elementCount = 0

    /// True before the root element's start tag.
    var rootNotStarted: Bool { stack.isEmpty && root == nil }

    init(bytes: [UInt8], limits: XMLReader.Limits) {
        self.bytes = bytes
        self.limits = limits
    }

    /// Reads the whole document and returns its root element.
    mutating func document() throws(XMLError) -> XMLElement {
        if starts(with: "<?xml") && position + 5 < bytes.count && isSpace(bytes[position + 5]) {
            try declaration()
        }
        while position < bytes.count {
            if bytes[position] == UInt8(ascii: "<") {
                try markup()
            } else {
                try characterData()
            }
        }
        if let open = stack.last { throw error(.unexpectedEnd("the element <\(open.element.name)>"), at: open.offset) }
        guard let root else { throw error(.notOneRoot("the document has no root element"), at: position) }
        return root
    }

    /// One construct starting with `<`.
    private mutating func markup() throws(XMLError) {
        if starts(with: "<!--") {
            try skip(past: "-->", from: position + 4, inside: "a comment")
        } else if starts(with: "<![CDATA[") {
            guard !stack.isEmpty else { throw error(.malformed("a CDATA section outside the root element"), at: position) }
            let start = position + 9
            guard let end = find("]]>", from: start) else { throw error(.unexpectedEnd("a CDATA section"), at: position) }
            appendText(try string(bytes[start..<end], at: start))
            position = end + 3
        } else if starts(with: "<!DOCTYPE") {
            try doctype()
        } else if starts(with: "<?") {
            try processingInstruction()
        } else if starts(with: "</") {
            try endTag()
        } else {
            try startTag()
        }
    }

    /// Text between tags: inside the root element, kept; outside it, only whitespace may be.
    private mutating func characterData() throws(XMLError) {
        let start = position
        var end = start
        while end < bytes.count && bytes[end] != UInt8(ascii: "<") { end += 1 }
        position = end
        guard !stack.isEmpty else {
            if bytes[start..<end].allSatisfy(isSpace) { return }
            let what = root == nil ? "text before the root element" : "text after the root element"
            throw error(.notOneRoot(what), at: start)
        }
        appendText(try decodeText(bytes[start..<end], at: start, isAttribute: false))
    }

    private mutating func appendText(_ text: String) {
        guard !text.isEmpty, !stack.isEmpty else { return }
        let last = stack.count - 1
        if case .text(var previous)? = stack[last].element.children.last {
            // Taken out before appending, so the string is uniquely held and grows in place:
            // text split by a million comments stays linear.
            stack[last].element.children.removeLast()
            previous += text
            stack[last].element.children.append(.text(previous))
        } else {
            stack[last].element.children.append(.text(text))
        }
    }

    private mutating func startTag() throws(XMLError) {
        let start = position
        position += 1
        let name = try self.name()
        guard root == nil else { throw error(.notOneRoot("a second root element <\(name)>"), at: start) }
        guard stack.count < limits.maxDepth else { throw error(.tooDeep(limit: limits.maxDepth), at: start) }
        elementCount += 1
        guard elementCount <= limits.maxElements else { throw error(.tooManyElements(limit: limits.maxElements), at: start) }
        var element = XMLElement(name: name)
        var names: Set<String> = []
        while true {
            let hadSpace = skipSpace()
            guard position < bytes.count else { throw error(.unexpectedEnd("the tag <\(name)>"), at: start) }
            if starts(with: "/>") {
                position += 2
                close(element)
                return
            }
            if bytes[position] == UInt8(ascii: ">") {
                position += 1
                stack.append(Open(element: element, offset: start))
                return
            }
            guard hadSpace else { throw error(.malformed("expected whitespace, > or /> in the tag <\(name)>"), at: position) }
            guard element.attributes.count < limits.maxAttributesPerElement else {
                throw error(.tooManyAttributes(limit: limits.maxAttributesPerElement), at: position)
            }
            let attribute = try self.attribute()
            // A set once the list is long, so an element of many attributes stays linear.
            let isDuplicate = element.attributes.count < 16
                ? element.attributes.contains { $0.name == attribute.name }
                : !names.insert(attribute.name).inserted
            if isDuplicate { throw error(.duplicateAttribute(attribute.name), at: position) }
            if element.attributes.count == 15 { names = Set(element.attributes.map(\.name) + [attribute.name]) }
            element.attributes.append(attribute)
        }
    }

    private mutating func attribute() throws(XMLError) -> XMLAttribute {
        let name = try self.name()
        skipSpace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else {
            throw error(.malformed("expected = after the attribute \(name)"), at: position)
        }
        position += 1
        skipSpace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") else {
            throw error(.malformed("expected a quoted value for the attribute \(name)"), at: position)
        }
        let quote = bytes[position]
        let start = position + 1
        var end = start
        while end < bytes.count && bytes[end] != quote {
            if bytes[end] == UInt8(ascii: "<") { throw error(.malformed("< in the value of the attribute \(name)"), at: end) }
            end += 1
        }
        guard end < bytes.count else { throw error(.unexpectedEnd("the value of the attribute \(name)"), at: start) }
        position = end + 1
        return XMLAttribute(name: name, value: try decodeText(bytes[start..<end], at: start, isAttribute: true))
    }

    private mutating func endTag() throws(XMLError) {
        let start = position
        position += 2
        let name = try self.name()
        skipSpace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: ">") else {
            throw error(.malformed("expected > to end </\(name)>"), at: position)
        }
        position += 1
        guard let open = stack.popLast() else { throw error(.malformed("</\(name)> closes no element"), at: start) }
        guard open.element.name == name else { throw error(.mismatchedTag(expected: open.element.name, found: name), at: start) }
        close(open.element)
    }

    /// Adds a finished element to its parent, or makes it the root.
    private mutating func close(_ element: XMLElement) {
        if stack.isEmpty {
            root = element
        } else {
            stack[stack.count - 1].element.children.append(.element(element))
        }
    }
}
