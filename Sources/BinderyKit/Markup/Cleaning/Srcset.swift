/// A parsed `srcset` attribute (HTML §4.8.4.3.1) and the choice of the one
/// candidate an e-book keeps.
struct Srcset {
    struct Candidate: Equatable {
        var url: String
        /// The `w` descriptor, if any.
        var width: Int?
        /// The `x` descriptor (1 when no descriptor is given).
        var density: Double
    }

    var candidates: [Candidate]

    /// Widest image an e-reader screen makes use of.
    static let widthBound = 1600
    /// Densest `x` candidate worth its bytes.
    static let densityBound = 2.0

    init(_ attribute: String) {
        candidates = []
        let bytes = Array(attribute.utf8)
        var index = 0
        while index < bytes.count {
            while index < bytes.count, bytes[index].isHTMLSpace || bytes[index] == UInt8(ascii: ",") { index += 1 }
            let urlStart = index
            while index < bytes.count, !bytes[index].isHTMLSpace { index += 1 }
            var urlEnd = index
            // A URL ending in commas ends the candidate (no descriptors).
            var endsCandidate = false
            while urlEnd > urlStart, bytes[urlEnd - 1] == UInt8(ascii: ",") { urlEnd -= 1; endsCandidate = true }
            guard urlEnd > urlStart else { continue }
            let url = String(decoding: bytes[urlStart..<urlEnd], as: UTF8.self)
            var descriptor = ""
            if !endsCandidate {
                let start = index
                while index < bytes.count, bytes[index] != UInt8(ascii: ",") { index += 1 }
                descriptor = String(decoding: bytes[start..<index], as: UTF8.self)
            }
            candidates.append(Self.candidate(url: url, descriptor: descriptor))
        }
    }

    private static func candidate(url: String, descriptor: String) -> Candidate {
        var result = Candidate(url: url, width: nil, density: 1)
        for token in descriptor.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
            guard let unit = token.last else { continue }
            let number = token.dropLast()
            if unit == "w", let width = Int(number), width > 0 {
                result.width = width
            } else if unit == "x", let density = Double(number), density > 0 {
                result.density = density
            }
        }
        return result
    }

    /// The largest candidate within the e-reader bound, else the smallest
    /// above it. Width descriptors win over density ones.
    var best: Candidate? {
        let widths = candidates.filter { $0.width != nil }
        if !widths.isEmpty {
            let within = widths.filter { $0.width! <= Self.widthBound }
            return within.max(by: { $0.width! < $1.width! }) ?? widths.min(by: { $0.width! < $1.width! })
        }
        let within = candidates.filter { $0.density <= Self.densityBound }
        return within.max(by: { $0.density < $1.density }) ?? candidates.min(by: { $0.density < $1.density })
    }
}
