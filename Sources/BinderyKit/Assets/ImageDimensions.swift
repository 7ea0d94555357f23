import Foundation

/// Pixel size of an image, read from its header bytes (no decoding).
public struct ImageDimensions: Sendable, Hashable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    public var area: Int { width * height }

    /// The size of a JPEG, PNG, GIF or WebP image; `nil` for SVG (no intrinsic
    /// pixel size), for the types Bindery always converts (AVIF, HEIF, TIFF,
    /// BMP) and for truncated or unknown data.
    public static func read(_ data: Data) -> ImageDimensions? {
        data.withUnsafeBytes { bytes in
            switch ImageType.sniff(bytes: bytes) {
            case .png: return png(bytes)
            case .gif: return gif(bytes)
            case .webp: return webp(bytes)
            case .jpeg: return jpeg(bytes)
            case .svg, .avif, .heif, .tiff, .bmp, nil: return nil
            }
        }
    }

    private static func valid(_ width: Int, _ height: Int) -> ImageDimensions? {
        width > 0 && height > 0 ? ImageDimensions(width: width, height: height) : nil
    }

    /// IHDR is the first chunk: width and height, big-endian (PNG spec 11.2.2).
    private static func png(_ b: UnsafeRawBufferPointer) -> ImageDimensions? {
        guard b.count >= 24 else { return nil }
        return valid(Int(b.bigEndian32(at: 16)), Int(b.bigEndian32(at: 20)))
    }

    /// Logical screen descriptor, little-endian (GIF89a section 18).
    private static func gif(_ b: UnsafeRawBufferPointer) -> ImageDimensions? {
        guard b.count >= 10 else { return nil }
        return valid(Int(b.littleEndian16(at: 6)), Int(b.littleEndian16(at: 8)))
    }

    /// RFC 9649: simple lossy (`VP8 `), lossless (`VP8L`) or extended (`VP8X`).
    private static func webp(_ b: UnsafeRawBufferPointer) -> ImageDimensions? {
        guard b.count >= 16 else { return nil }
        let chunk = String(decoding: [b[12], b[13], b[14], b[15]], as: UTF8.self)
        switch chunk {
        case "VP8 ":
            // Frame header: 3-byte frame tag, start code 9D 01 2A, then 14-bit sizes.
            guard b.count >= 30, b[23] == 0x9D, b[24] == 0x01, b[25] == 0x2A else { return nil }
            return valid(Int(b.littleEndian16(at: 26) & 0x3FFF), Int(b.littleEndian16(at: 28) & 0x3FFF))
        case "VP8L":
            // Signature 0x2F, then 14 bits width-1 and 14 bits height-1.
            guard b.count >= 25, b[20] == 0x2F else { return nil }
            let bits = UInt32(b[21]) | UInt32(b[22]) << 8 | UInt32(b[23]) << 16 | UInt32(b[24]) << 24
            return valid(Int(bits & 0x3FFF) + 1, Int((bits >> 14) & 0x3FFF) + 1)
        case "VP8X":
            guard b.count >= 30 else { return nil }
            let width = Int(b[24]) | Int(b[25]) << 8 | Int(b[26]) << 16
            let height = Int(b[27]) | Int(b[28]) << 8 | Int(b[29]) << 16
            return valid(width + 1, height + 1)
        default:
            return nil
        }
    }

    /// Walks the marker segments to the first start-of-frame (ITU T.81 B.2.2).
    private static func jpeg(_ b: UnsafeRawBufferPointer) -> ImageDimensions? {
        var i = 2
        while i + 3 < b.count {
            guard b[i] == 0xFF else { return nil }
            let marker = b[i + 1]
            if marker == 0xFF { i += 1; continue }  // fill byte
            // Standalone markers carry no length (TEM, RSTn, SOI, EOI).
            if marker == 0x01 || (0xD0...0xD9).contains(marker) { i += 2; continue }
            let length = Int(b.bigEndian16(at: i + 2))
            guard length >= 2 else { return nil }
            let isStartOfFrame = (0xC0...0xCF).contains(marker) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC
            if isStartOfFrame {
                guard i + 8 < b.count else { return nil }
                return valid(Int(b.bigEndian16(at: i + 7)), Int(b.bigEndian16(at: i + 5)))
            }
            i += 2 + length
        }
        return nil
    }
}

extension UnsafeRawBufferPointer {
    fileprivate func bigEndian16(at i: Int) -> UInt16 { UInt16(self[i]) << 8 | UInt16(self[i + 1]) }
    fileprivate func littleEndian16(at i: Int) -> UInt16 { UInt16(self[i]) | UInt16(self[i + 1]) << 8 }
    fileprivate func bigEndian32(at i: Int) -> UInt32 {
        UInt32(self[i]) << 24 | UInt32(self[i + 1]) << 16 | UInt32(self[i + 2]) << 8 | UInt32(self[i + 3])
    }
}
