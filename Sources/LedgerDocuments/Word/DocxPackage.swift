import LedgerFormats

/// The parts of a .docx as an Open Packaging Conventions package: the main document found
/// through `_rels/.rels` (else at `word/document.xml`), and the parts it relates to (numbering,
/// styles) through its own relationships (else at their usual paths).
struct DocxPackage {
    let archive: ZipArchive
    /// The main document part's name in the archive (`word/document.xml`).
    let mainPart: String

    /// The package of `archive`, or an error saying what the archive is when it holds no Word document.
    init(archive: ZipArchive) throws(DocxReadError) {
        self.archive = archive
        let rels = (try? Self.relationships(in: archive, for: "")) ?? []
        let main = rels.first { $0.type.hasSuffix("/officeDocument") }?.target
        if let main, archive.entry(named: main) != nil, main.hasSuffix(".xml"), !main.hasPrefix("xl/"), !main.hasPrefix("ppt/") {
            mainPart = main
        } else if archive.entry(named: "word/document.xml") != nil {
            mainPart = "word/document.xml"
        } else {
            throw .notWordDocument(kind: Self.kind(of: archive))
        }
    }

    /// The part related to the main document by a relationship whose type ends in `/type`, if any.
    func relatedPart(_ type: String, fallback: String) -> String? {
        let rels = (try? Self.relationships(in: archive, for: mainPart)) ?? []
        if let target = rels.first(where: { $0.type.hasSuffix("/" + type) })?.target, archive.entry(named: target) != nil {
            return target
        }
        return archive.entry(named: fallback) == nil ? nil : fallback
    }

    /// The part `name` read as XML.
    func xml(_ name: String) throws(DocxReadError) -> XMLElement {
        let bytes: [UInt8]
        do {
            bytes = try archive.data(of: name)
        } catch {
            throw .damagedArchive(error)
        }
        do {
            return try XMLReader.parse(bytes)
        } catch {
            throw .unreadablePart(part: name, error)
        }
    }

    /// The relationships of the part `source` ("" for the package), targets resolved to part names.
    static func relationships(in archive: ZipArchive, for source: String) throws -> [(type: String, target: String)] {
        let directory = source.split(separator: "/").dropLast().joined(separator: "/")
        let file = source.split(separator: "/").last.map(String.init) ?? ""
        let relsName = (directory.isEmpty ? "" : directory + "/") + "_rels/" + file + ".rels"
        guard archive.entry(named: relsName) != nil else { return [] }
        let root = try XMLReader.parse(try archive.data(of: relsName))
        return root.elements("Relationship").compactMap { relationship in
            guard relationship.attribute("TargetMode") != "External", let type = relationship.attribute("Type"),
                  let target = relationship.attribute("Target"), let resolved = resolve(target, from: directory)
            else { return nil }
            return (type, resolved)
        }
    }

    /// `target` relative to `directory` (or absolute, from the package root) as a part name;
    /// nil when it climbs out of the package.
    static func resolve(_ target: String, from directory: String) -> String? {
        var components: [Substring] = target.hasPrefix("/") ? [] : directory.split(separator: "/")
        for component in target.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if components.popLast() == nil { return nil }
            default: components.append(component)
            }
        }
        return components.joined(separator: "/")
    }

    /// What a zip archive without a Word document is, as far as can be told.
    static func kind(of archive: ZipArchive) -> String {
        if archive.entry(named: "xl/workbook.xml") != nil { return "an Excel workbook (.xlsx)" }
        if archive.entry(named: "ppt/presentation.xml") != nil { return "a PowerPoint presentation (.pptx)" }
        if let entry = archive.entry(named: "mimetype"), entry.uncompressedSize < 200,
           let type = try? archive.data(of: entry) {
            switch String(decoding: type, as: UTF8.self) {
            case "application/vnd.oasis.opendocument.text": return "an OpenDocument text (.odt)"
            case "application/vnd.oasis.opendocument.spreadsheet": return "an OpenDocument spreadsheet (.ods)"
            case "application/vnd.oasis.opendocument.presentation": return "an OpenDocument presentation (.odp)"
            case "application/epub+zip": return "an EPUB book"
            default: break
            }
        }
        if archive.entry(named: "Contents/0.xml") != nil || archive.entry(named: "Contents/content.hpf") != nil {
            return "a Hangul or OFD document"
        }
        return "a zip archive"
    }
}
