import LedgerDocuments
import LedgerFormats

// The document readers' refusals and notes, as catalogue messages. Each English text is the
// reader's own `description`, word for word (a test renders every case and compares). What the
// PDF, zip and XML layers below say (a damaged cross-reference, an XML error) stays in English
// inside the sentence: it is for whoever repairs the file.

private func n(_ number: Int) -> Message.Argument { .text(String(number)) }
private func thousands(_ number: Int) -> Message.Argument { .text(TextDecodingError.grouped(number)) }

extension DocumentReadError {
    /// Why the document could not be read, as a catalogue message.
    var message: Message {
        switch self {
        case .text(let error): error.message
        case .pdf(let error): error.message
        case .docx(let error): error.message
        }
    }
}

extension TextDecodingError {
    /// Why the bytes are not text, as a catalogue message.
    var message: Message {
        switch reason {
        case .empty: return Message(.textEmpty)
        case .binary(let offset):
            let evidence: Message
            switch binaryEvidence {
            case nil: evidence = Message(.textBinaryControlByte, thousands(offset))
            case .nulByte: evidence = Message(.textBinaryNulByte, thousands(offset))
            case let .controlCharacters(count, bytes): evidence = Message(.textBinaryControls, thousands(count), thousands(bytes), thousands(offset))
            case .nulCharacter: evidence = Message(.textBinaryNulCharacter, thousands(offset))
            }
            return Message(.textBinary, .message(evidence))
        case let .undecodable(encoding, offset, line):
            return Message(.textUndecodable, .text(encoding.displayName), thousands(offset),
                           .message(line.map { Message(.textLine, thousands($0)) } ?? Message(.verbatim, "")))
        case let .tooLarge(bytes, limit): return Message(.textTooLarge, thousands(bytes), thousands(limit))
        }
    }
}

extension PDFReadError {
    /// Why the PDF could not be read, as a catalogue message.
    var message: Message {
        switch self {
        case .notAPDF: return Message(.pdfNotAPDF)
        case .damaged(let why): return Message(.pdfDamaged, .text(why))
        case .encrypted(let why):
            return Message(.pdfEncrypted, why == PDFReadError.needsPassword ? .message(Message(.pdfNeedsPassword)) : .text(why))
        case let .noTextLayer(pages, images):
            let pageCount = Message(pages == 1 ? .pdfPagesOne : .pdfPages, n(pages))
            guard images > 0 else { return Message(.pdfNoText, .message(pageCount)) }
            return Message(.pdfScan, .message(pageCount), .message(Message(images == 1 ? .pdfImagesOne : .pdfImages, n(images))))
        case let .unsupportedFilter(name, page): return Message(.pdfUnsupportedFilter, n(page), .text(name))
        case let .unreadableFonts(fonts, pages):
            return Message(.pdfUnreadableFonts, .text(fonts.joined(separator: ", ")), .text(PDFTextReader.ranges(pages)))
        case .tooLarge(let what): return Message(.pdfTooLarge, .text(what))
        }
    }
}

extension DocxReadError {
    /// Why the Word document could not be read, as a catalogue message.
    var message: Message {
        switch self {
        case .legacyOffice: Message(.docxLegacyOffice)
        case .passwordProtected: Message(.docxPasswordProtected)
        case .rtf: Message(.docxRTF)
        case .damagedArchive(let error): Message(.docxDamagedArchive, .text("\(error)"))
        case .notWordDocument(let kind): Message(.docxNotWordDocument, Self.kind(kind))
        case let .unreadablePart(part, error): Message(.docxUnreadablePart, .text(part.escapingControlCharacters), .text("\(error)"))
        }
    }

    /// What a zip archive is, from the reader's English (`an Excel workbook (.xlsx)`).
    private static func kind(_ english: String) -> Message.Argument {
        let keys: [MessageKey] = [.zipKindXLSX, .zipKindPPTX, .zipKindODT, .zipKindODS, .zipKindODP, .zipKindEPUB, .zipKindHangulOFD, .zipKindZip]
        return keys.first { MessageCatalogue.entries[$0]?.english == english }.map { .message(Message($0)) } ?? .text(english)
    }
}

extension DocumentNote {
    /// The note as a catalogue message.
    var message: Message {
        switch self {
        case let .onPage(page, note): Message(.docNoteOnPage, n(page), .message(note.message))
        case .damagedContent(let why): Message(.docNoteDamagedContent, .text(why))
        case .scannedPage: Message(.docNoteScannedPage)
        case let .unmappedGlyphs(font, glyphs, pages):
            Message(.docNoteUnmappedGlyphs, .text(font), .message(Message(glyphs == 1 ? .docNoteGlyphsOne : .docNoteGlyphs, n(glyphs))),
                    .message(Message(pages.count == 1 ? .docNotePagesOne : .docNotePages, .text(PDFTextReader.ranges(pages)))))
        case .rotatedGlyphs(let count): Message(count == 1 ? .docNoteRotatedGlyphsOne : .docNoteRotatedGlyphs, n(count))
        case let .partNotRead(part, reason): Message(.docNotePartNotRead, .text(part), .text(reason))
        case .furnitureNotRead(let count): Message(.docNoteFurnitureNotRead, n(count))
        case .footnotesNotRead(let count): Message(.docNoteFootnotesNotRead, n(count))
        case .fieldNotClosed: Message(.docNoteFieldNotClosed)
        case let .symbolLeftOut(font, code): Message(.docNoteSymbolLeftOut, .text(font), .text(code))
        case .importedPartNotRead: Message(.docNoteImportedPartNotRead)
        case .undefinedList(let id): Message(.docNoteUndefinedList, .text(id))
        case .listWithoutDefinition(let id): Message(.docNoteListWithoutDefinition, .text(id))
        case .numberingFormatAsDecimal(let format): Message(.docNoteNumberingFormatAsDecimal, .text(format))
        case .pdf(let note): note.message
        }
    }
}

extension PDFNote {
    /// The PDF layer's note as a catalogue message.
    var message: Message {
        switch self {
        case .formDrawsItself(let name): Message(.pdfNoteFormDrawsItself, .text(name))
        case .formsTooDeep(let maxDepth): Message(.pdfNoteFormsTooDeep, n(maxDepth))
        case .fontNotDefined(let name): Message(.pdfNoteFontNotDefined, .text(name))
        case .toUnicodeUndecodable: Message(.pdfNoteToUnicodeUndecodable)
        case let .predefinedCMap(font, baseFont, cmap): Message(.pdfNotePredefinedCMap, .text(font), .text(baseFont), .text(cmap))
        case .crossReferenceRebuilt(let reason): Message(.pdfNoteCrossReferenceRebuilt, .text(reason))
        }
    }
}
