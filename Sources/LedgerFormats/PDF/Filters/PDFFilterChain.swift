/// Decodes a stream's bytes through its `/Filter` chain (ISO 32000-1 §7.4).
///
/// FlateDecode (with predictors), LZWDecode, ASCIIHexDecode, ASCII85Decode and RunLengthDecode
/// are decoded; the image filters (DCT, JPX, JBIG2, CCITTFax) are refused with
/// ``PDFError/unsupportedFilter(_:)``, which callers drawing images skip.
public enum PDFFilterChain {
    /// The image-only filters, which carry no text.
    public static let imageFilters: Set<String> = ["DCTDecode", "DCT", "JPXDecode", "JBIG2Decode", "CCITTFaxDecode", "CCF"]

    /// The filters of `dictionary` with their parameters, in the order they apply.
    public static func filters(of dictionary: PDFDictionary) -> [(name: String, parameters: PDFDictionary)] {
        let names: [String]
        switch dictionary["Filter"] ?? dictionary["F"] {
        case .name(let name)?: names = [name]
        case .array(let list)?: names = list.compactMap(\.name)
        default: names = []
        }
        let parameters: [PDFDictionary]
        switch dictionary["DecodeParms"] ?? dictionary["DP"] {
        case .dictionary(let single)?: parameters = [single]
        case .array(let list)?: parameters = list.map { $0.dictionary ?? PDFDictionary() }
        default: parameters = []
        }
        return names.enumerated().map { index, name in
            (name, index < parameters.count ? parameters[index] : PDFDictionary())
        }
    }

    /// `data` decoded by the filters of `dictionary`. `budget` is how many more bytes the document
    /// may decode; it is reduced by what this stream gives.
    public static func decode(_ data: [UInt8], dictionary: PDFDictionary, limits: PDFLimits,
                              budget: inout Int) throws(PDFError) -> [UInt8] {
        var current = data
        for (name, parameters) in filters(of: dictionary) {
            current = try apply(name, parameters: parameters, to: current, limits: limits)
            guard current.count <= budget else { break }
        }
        guard current.count <= budget else {
            throw .limitExceeded("the streams decode to more than \(limits.maxDecodedBytes) bytes in all")
        }
        budget -= current.count
        return current
    }

    /// One filter.
    static func apply(_ name: String, parameters: PDFDictionary, to data: [UInt8], limits: PDFLimits) throws(PDFError) -> [UInt8] {
        switch name {
        case "FlateDecode", "Fl":
            let inflated: [UInt8]
            do {
                inflated = try Inflate.inflate(data[...], wrapping: .zlib, limits: limits.inflate, tolerant: true).bytes
            } catch .tooLarge(let output, let input) {
                throw .limitExceeded("a compressed stream expands past the limit (\(output) bytes from \(input)): a decompression bomb")
            } catch {
                throw .damaged("a Flate stream is damaged (\(error))")
            }
            return try PDFPredictor.undo(inflated, parameters: parameters)
        case "LZWDecode", "LZW":
            let early = parameters["EarlyChange"]?.integer ?? 1
            let decoded = try PDFLZWDecoder.decode(data, earlyChange: early != 0, maxOutputBytes: limits.inflate.maxOutputBytes)
            return try PDFPredictor.undo(decoded, parameters: parameters)
        case "ASCIIHexDecode", "AHx": return PDFASCIIDecoders.hex(data)
        case "ASCII85Decode", "A85": return try PDFASCIIDecoders.base85(data)
        case "RunLengthDecode", "RL": return PDFASCIIDecoders.runLength(data, maxOutputBytes: limits.inflate.maxOutputBytes)
        case "Crypt": return data
        default: throw .unsupportedFilter(name)
        }
    }
}
