/// Undoes the predictors of Flate and LZW streams (`/Predictor` 2: TIFF; 10–15: PNG), which
/// cross-reference streams almost always use.
public enum PDFPredictor {
    /// Widest row accepted, in bytes (columns × colours × bits / 8).
    static let maxRowBytes = 1 << 24

    /// `data` with the predictor of `parameters` undone (unchanged without one).
    public static func undo(_ data: [UInt8], parameters: PDFDictionary) throws(PDFError) -> [UInt8] {
        let predictor = parameters["Predictor"]?.integer ?? 1
        guard predictor > 1 else { return data }
        let colors = min(max(parameters["Colors"]?.integer ?? 1, 1), 32)
        let bits = min(max(parameters["BitsPerComponent"]?.integer ?? 8, 1), 16)
        let columns = min(max(parameters["Columns"]?.integer ?? 1, 1), maxRowBytes)
        let pixelBytes = max(1, (colors * bits + 7) / 8)
        let rowBytes = (columns * colors * bits + 7) / 8
        guard rowBytes <= maxRowBytes else { throw .limitExceeded("a predictor row of \(rowBytes) bytes") }
        if predictor == 2 { return tiff(data, rowBytes: rowBytes, pixelBytes: pixelBytes, bits: bits) }
        guard predictor >= 10 else { throw .damaged("unknown /Predictor \(predictor)") }
        return png(data, rowBytes: rowBytes, pixelBytes: pixelBytes)
    }

    /// PNG filtering: each row starts with its filter type (0 none, 1 sub, 2 up, 3 average, 4 Paeth).
    static func png(_ data: [UInt8], rowBytes: Int, pixelBytes: Int) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(data.count)
        var previous = [UInt8](repeating: 0, count: rowBytes)
        var row = [UInt8](repeating: 0, count: rowBytes)
        var index = 0
        while index < data.count {
            let type = data[index]
            index += 1
            let available = min(rowBytes, data.count - index)
            for column in 0..<rowBytes {
                let raw = column < available ? data[index + column] : 0
                let left = column >= pixelBytes ? row[column - pixelBytes] : 0
                let up = previous[column]
                let upLeft = column >= pixelBytes ? previous[column - pixelBytes] : 0
                switch type {
                case 1: row[column] = raw &+ left
                case 2: row[column] = raw &+ up
                case 3: row[column] = raw &+ UInt8((Int(left) + Int(up)) / 2)
                case 4: row[column] = raw &+ paeth(left, up, upLeft)
                default: row[column] = raw
                }
            }
            index += available
            output.append(contentsOf: row[0..<available])
            swap(&previous, &row)
        }
        return output
    }

    /// The Paeth predictor of PNG.
    private static func paeth(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt8 {
        let p = Int(a) + Int(b) - Int(c)
        let pa = abs(p - Int(a)), pb = abs(p - Int(b)), pc = abs(p - Int(c))
        if pa <= pb && pa <= pc { return a }
        return pb <= pc ? b : c
    }

    /// TIFF predictor 2 for 8-bit components (other depths are returned as they are).
    static func tiff(_ data: [UInt8], rowBytes: Int, pixelBytes: Int, bits: Int) -> [UInt8] {
        guard bits == 8 else { return data }
        var output = data
        var rowStart = 0
        while rowStart < output.count {
            let rowEnd = min(rowStart + rowBytes, output.count)
            var index = rowStart + pixelBytes
            while index < rowEnd {
                output[index] = output[index] &+ output[index - pixelBytes]
                index += 1
            }
            rowStart = rowEnd
        }
        return output
    }
}
