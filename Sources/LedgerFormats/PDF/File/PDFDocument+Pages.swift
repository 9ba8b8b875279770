/// The page tree (ISO 32000-1 §7.7.3): pages in order, with inherited attributes.
extension PDFDocument {
    /// What a page inherits from its ancestors.
    private struct Inherited {
        var resources: PDFObject?
        var mediaBox: PDFObject?
        var cropBox: PDFObject?
        var rotate: PDFObject?
    }

    /// The pages in order. Cycles in the tree are cut; more than `limits.maxPages` pages is an error.
    public func pages() throws(PDFError) -> [PDFPage] {
        let root = try catalog()
        guard let top = root["Pages"] else { throw .damaged("the catalog has no /Pages") }
        var pages: [PDFPage] = []
        var visited: Set<Int> = []
        var stack: [(node: PDFObject, inherited: Inherited, depth: Int)] = [(top, Inherited(), 0)]
        while let item = stack.popLast() {
            let (node, inherited, depth) = (item.node, item.inherited, item.depth)
            if let number = node.reference?.number {
                guard visited.insert(number).inserted else { continue }
            }
            guard depth <= limits.maxNestingDepth, let dictionary = try resolve(node).dictionary else { continue }
            var here = inherited
            here.resources = dictionary["Resources"] ?? here.resources
            here.mediaBox = dictionary["MediaBox"] ?? here.mediaBox
            here.cropBox = dictionary["CropBox"] ?? here.cropBox
            here.rotate = dictionary["Rotate"] ?? here.rotate
            if let kids = try value(dictionary, "Kids")?.array, dictionary.type != "Page" {
                for kid in kids.reversed() { stack.append((kid, here, depth + 1)) }
                continue
            }
            guard pages.count < limits.maxPages else { throw .limitExceeded("more than \(limits.maxPages) pages") }
            pages.append(try page(number: pages.count + 1, dictionary: dictionary, inherited: here))
        }
        return pages
    }

    /// One page with its inherited attributes resolved.
    private func page(number: Int, dictionary: PDFDictionary, inherited: Inherited) throws(PDFError) -> PDFPage {
        let resources = try inherited.resources.flatMap { object throws(PDFError) in try resolve(object).dictionary }
        let crop = try rectangle(inherited.cropBox)
        let media = try rectangle(inherited.mediaBox)
        let box = crop ?? media ?? (0, 0, 612, 792)
        let degrees = try inherited.rotate.flatMap { object throws(PDFError) in try resolve(object).integer }
        let rotation = (((degrees ?? 0) % 360) + 360) % 360 / 90 * 90
        return PDFPage(number: number, dictionary: dictionary, resources: resources ?? PDFDictionary(), box: box, rotation: rotation)
    }

    /// A rectangle `[a b c d]`, normalised so that the first corner is the lower left.
    func rectangle(_ object: PDFObject?) throws(PDFError) -> (llx: Double, lly: Double, urx: Double, ury: Double)? {
        guard let object, let array = try resolve(object).array, array.count == 4 else { return nil }
        var values: [Double] = []
        for element in array {
            guard let number = try resolve(element).number else { return nil }
            values.append(PDFNumber.finite(number, limit: 1e6))
        }
        let box = (min(values[0], values[2]), min(values[1], values[3]), max(values[0], values[2]), max(values[1], values[3]))
        return box.2 - box.0 < 1 || box.3 - box.1 < 1 ? nil : box
    }

    /// The decoded content of `page`: its `/Contents` stream or the streams of its array, joined by newlines.
    public func contents(of page: PDFPage) throws(PDFError) -> [UInt8] {
        guard let contents = page.dictionary["Contents"] else { return [] }
        var streams: [PDFObject] = []
        switch try resolve(contents) {
        case .array(let parts):
            for part in parts { streams.append(try resolve(part)) }
        case let single:
            streams = [single]
        }
        var data: [UInt8] = []
        for case .stream(let stream) in streams {
            data.append(contentsOf: try decodedData(stream))
            data.append(0x0A)
        }
        return data
    }
}
