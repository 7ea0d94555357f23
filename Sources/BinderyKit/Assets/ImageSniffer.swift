import Foundation

extension ImageType {
    /// The image type of `data`, decided from its bytes alone (file names and
    /// `Content-Type` headers lie: an HTML error page is often served as 200
    /// with an image name). SVG counts only when `SVGSafety` accepts it.
    /// `nil` for anything else.
    public static func sniff(_ data: Data) -> ImageType? {
        data.withUnsafeBytes { sniff(bytes: $0) }
    }

    static func sniff(bytes: UnsafeRawBufferPointer) -> ImageType? {
        func starts(with signature: [UInt8], at offset: Int = 0) -> Bool {
            guard bytes.count >= offset + signature.count else { return false }
            for (i, byte) in signature.enumerated() where bytes[offset + i] != byte { return false }
            return true
        }
        // Signatures: JPEG SOI + marker (ITU T.81 B.1.1.2), PNG (RFC 2083 3.1),
        // GIF (GIF89a spec 17), RIFF/WEBP (RFC 9649 2.5).
        if starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts(with: Array("GIF87a".utf8)) || starts(with: Array("GIF89a".utf8)) { return .gif }
        if starts(with: Array("RIFF".utf8)) && starts(with: Array("WEBP".utf8), at: 8) { return .webp }
        if SVGSafety.isSVG(bytes) && SVGSafety.isSafe(bytes) { return .svg }
        return nil
    }
}
