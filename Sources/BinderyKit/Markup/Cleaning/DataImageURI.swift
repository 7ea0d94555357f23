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
        guard let comma = uri.firstIndex(of: ",") else { return .unusable }
        let header = uri[..<comma].lowercased()
        let payload = uri[uri.index(after: comma)...]
        guard header.hasPrefix("data:"), header.hasSuffix(";base64") else {
            return header.hasPrefix("data:image/svg") ? .placeholder : .unusable
        }
        // 16 base64 characters decode to the 12 bytes the magic numbers need.
        guard let head = Data(base64Encoded: String(payload.prefix(16))), isRaster(head) else {
            return header.hasPrefix("data:image/svg") ? .placeholder : .unusable
        }
        return payload.utf8.count < placeholderLength ? .placeholder : .raster
    }

    private static func isRaster(_ bytes: Data) -> Bool {
        let b = [UInt8](bytes)
        if b.starts(with: [0xFF, 0xD8, 0xFF]) { return true }  // JPEG
        if b.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return true }  // PNG
        if b.starts(with: Array("GIF8".utf8)) { return true }  // GIF87a/89a
        return b.count >= 12 && b.starts(with: Array("RIFF".utf8)) && Array(b[8..<12]) == Array("WEBP".utf8)
    }
}
