import Foundation

/// The small images written into the archive's `images/` folder and
/// referenced relatively by every 5th article. Encoded here (PNG with
/// stored deflate blocks, a solid-grey baseline JPEG) so the benchmark needs
/// no image files or libraries; both are valid per their specifications.
enum LocalImages {
    static let names = ["photo-1.png", "photo-2.jpg", "chart-3.png", "photo-4.jpg", "map-5.png"]

    static func files() -> [(name: String, data: Data)] {
        [
            (names[0], png(width: 64, height: 48, tint: 1)),
            (names[1], jpeg(width: 96, height: 64)),
            (names[2], png(width: 120, height: 80, tint: 2)),
            (names[3], jpeg(width: 160, height: 120)),
            (names[4], png(width: 48, height: 48, tint: 3)),
        ]
    }

    static let tinyPNGBase64 = png(width: 2, height: 2, tint: 4).base64EncodedString()

    // MARK: PNG (ISO/IEC 15948)

    static func png(width: Int, height: Int, tint: Int) -> Data {
        var rgb: [UInt8] = []
        rgb.reserveCapacity(width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                rgb += [UInt8((x * 255) / max(width - 1, 1)), UInt8((y * 255) / max(height - 1, 1)), UInt8(truncatingIfNeeded: tint * 60)]
            }
        }
        return png(width: width, height: height, rgb: rgb)
    }

    /// An 8-bit RGB PNG of `rgb` (`width × height × 3` bytes, row by row).
    static func png(width: Int, height: Int, rgb: [UInt8]) -> Data {
        var raw: [UInt8] = []
        raw.reserveCapacity(rgb.count + height)
        for y in 0..<height {
            raw.append(0) // filter type None
            raw += rgb[(y * width * 3)..<((y + 1) * width * 3)]
        }
        var out: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        chunk("IHDR", bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [8, 2, 0, 0, 0], into: &out)
        chunk("IDAT", zlibStored(raw), into: &out)
        chunk("IEND", [], into: &out)
        return Data(out)
    }

    private static func chunk(_ type: String, _ data: [UInt8], into out: inout [UInt8]) {
        let typed = Array(type.utf8) + data
        out += bigEndian(UInt32(data.count)) + typed + bigEndian(crc32(typed))
    }

    /// A zlib stream (RFC 1950) of stored deflate blocks (RFC 1951 §3.2.4).
    private static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let count = min(65_535, data.count - offset)
            let final: UInt8 = offset + count == data.count ? 1 : 0
            out += [final, UInt8(count & 0xFF), UInt8(count >> 8), UInt8(~count & 0xFF), UInt8((~count >> 8) & 0xFF)]
            out += data[offset..<(offset + count)]
            offset += count
        } while offset < data.count
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return out + bigEndian(b << 16 | a)
    }

    /// CRC-32 (ISO 3309, as PNG uses it), a byte at a time through a table:
    /// the image benchmark encodes tens of megabytes.
    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return ~crc
    }

    private static let crcTable: [UInt32] = (0..<256).map { index in
        var crc = UInt32(index)
        for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        return crc
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    // MARK: JPEG (ITU T.81 baseline)

    /// A mid-grey greyscale JPEG; `width`, `height` multiples of 8. Every
    /// 8×8 block is "DC difference 0, end of block": with one-symbol Huffman
    /// tables (code `0`) that is two zero bits per block.
    static func jpeg(width: Int, height: Int) -> Data {
        var out: [UInt8] = [0xFF, 0xD8]
        out += [0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]
        out += [0xFF, 0xDB, 0x00, 0x43, 0x00] + Array(repeating: 1, count: 64)
        out += [0xFF, 0xC0, 0x00, 0x0B, 8, UInt8(height >> 8), UInt8(height & 0xFF), UInt8(width >> 8), UInt8(width & 0xFF), 1, 1, 0x11, 0]
        for tableClass: UInt8 in [0x00, 0x10] { // DC table 0, AC table 0
            out += [0xFF, 0xC4, 0x00, 0x14, tableClass, 1] + Array(repeating: 0, count: 15) + [0x00]
        }
        out += [0xFF, 0xDA, 0x00, 0x08, 1, 1, 0x00, 0, 63, 0]
        let bits = (width / 8) * (height / 8) * 2
        out += Array(repeating: 0, count: bits / 8)
        if bits % 8 != 0 { out.append(UInt8(0xFF >> (bits % 8))) } // pad with 1-bits (T.81 F.1.2.3)
        out += [0xFF, 0xD9]
        return Data(out)
    }
}
