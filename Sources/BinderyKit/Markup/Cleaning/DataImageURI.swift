import Foundation

/// Recognises `data:` image URIs (RFC 2397) an e-book can carry: base64
/// JPEG, PNG, GIF or WebP, checked by the decoded bytes' magic numbers rather
/// than the declared type.
enum DataImageURI {
    enum Kind: Equatable {
        /// A real raster image.
        case raster
        /// A tiny image used as a lazy-loading placeholder or tracking pixel.
        case placeholder
        /// Anything else: SVG, HTML, undecodable data.
        case unusable
    }

    /// Base64 data shorter than this is a 1×1 pixel or blank, not a picture.
    static let placeholderLength = 200

    static func classify(_ uri: String) -> Kind {
        let declaresSVG = uri.utf8.startsIgnoringASCIICase(with: "data:image/svg")
        // 16 base64 characters decode to the 12 bytes the magic numbers need.
        guard let data = DataURI(uri), let head = data.decodedPrefix(), let type = ImageType.sniff(head), type != .svg else {
            return declaresSVG ? .placeholder : .unusable
        }
        return data.payload.utf8.count < placeholderLength ? .placeholder : .raster
    }
}
