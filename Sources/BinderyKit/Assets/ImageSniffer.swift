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
        if let type = isoMediaImage(bytes) { return type }
        // TIFF 6.0 §2 byte-order header; BMP: "BM" then a known DIB header size.
        if starts(with: [0x49, 0x49, 0x2A, 0x00]) || starts(with: [0x4D, 0x4D, 0x00, 0x2A]) { return .tiff }
        if starts(with: Array("BM".utf8)), bytes.count >= 26 {
            let dibSize = Int(bytes[14]) | Int(bytes[15]) << 8 | Int(bytes[16]) << 16 | Int(bytes[17]) << 24
            if [12, 40, 52, 56, 64, 108, 124].contains(dibSize) { return .bmp }
        }
        if SVGSafety.isSVG(bytes) && SVGSafety.isSafe(bytes) { return .svg }
        return nil
    }

    /// AVIF and HEIF are ISO base media files: an `ftyp` box first whose
    /// major or compatible brands name the image format (ISO/IEC 23008-12
    /// §10; AV1 Image File Format §9.1). A video (`isom`, `mp42`) is none.
    private static func isoMediaImage(_ bytes: UnsafeRawBufferPointer) -> ImageType? {
        guard bytes.count >= 16, bytes[4] == 0x66, bytes[5] == 0x74, bytes[6] == 0x79, bytes[7] == 0x70 else { return nil }
        let boxSize = Int(bytes[0]) << 24 | Int(bytes[1]) << 16 | Int(bytes[2]) << 8 | Int(bytes[3])
        let end = min(bytes.count, max(16, boxSize))
        var brands: [String] = [String(decoding: bytes[8..<12], as: UTF8.self)]
        var offset = 16
        while offset + 4 <= end {
            brands.append(String(decoding: bytes[offset..<(offset + 4)], as: UTF8.self))
            offset += 4
        }
        if brands.contains(where: { $0 == "avif" || $0 == "avis" }) { return .avif }
        let heif: Set<String> = ["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"]
        return brands.contains(where: heif.contains) ? .heif : nil
    }
}
