import Foundation
@testable import BinderyKit

/// Real pictures made at test time with BinderyKit's libvips wrapper (no
/// binary fixtures in the repository), and readers of their headers that do
/// not use libvips, so tests check Bindery's output with other eyes.
enum PictureFixtures {
    /// A photo-like picture: smooth colour gradients with fine noise (many
    /// distinct colours), deterministic for a `seed`.
    static func photoPixels(width: Int, height: Int, seed: UInt32 = 1, bands: Int = 3) -> [UInt8] {
        var state = seed &* 2_654_435_761 | 1
        var bytes = [UInt8](repeating: 0, count: width * height * bands)
        for y in 0..<height {
            for x in 0..<width {
                state ^= state << 13; state ^= state >> 17; state ^= state << 5
                let noise = Int(state & 31) - 16
                let base = (y * width + x) * bands
                for band in 0..<bands {
                    let ramp = band % 2 == 0 ? x * 255 / max(1, width - 1) : y * 255 / max(1, height - 1)
                    bytes[base + band] = UInt8(clamping: (ramp + band * 40) % 256 + noise)
                }
            }
        }
        return bytes
    }

    static func encode(_ pixels: [UInt8], width: Int, height: Int, bands: Int = 3,
                       colourSpace: VipsPicture.ColourSpace = .srgb, as suffix: String) throws -> Data {
        try pixels.withUnsafeBytes {
            try VipsPicture.pixels($0, width: width, height: height, bands: bands, colourSpace: colourSpace).encoded(suffix)
        }
    }

    static func photo(width: Int, height: Int, seed: UInt32 = 1, as suffix: String) throws -> Data {
        try encode(photoPixels(width: width, height: height, seed: seed), width: width, height: height, as: suffix)
    }

    /// A large photo-like picture made quickly: a 256-pixel tile of
    /// `photoPixels` repeated (JPEG codes each 8×8 block on its own, so the
    /// file is as large as real noise would make it), shifted by `seed`.
    static func noisyPhoto(width: Int, height: Int, seed: UInt32, as suffix: String) throws -> Data {
        let side = 256
        let tile = try photoPixels(width: side, height: side, seed: seed).withUnsafeBytes {
            try VipsPicture.pixels($0, width: side, height: side, bands: 3, colourSpace: .srgb)
        }
        let canvas = try VipsPicture.canvas(width: width, height: height, colour: [128, 128, 128])
        let shift = Int(seed % 97)
        for y in stride(from: -shift, to: height, by: side) {
            for x in stride(from: -shift, to: width, by: side) { try canvas.drawImage(tile, x: x, y: y) }
        }
        return try canvas.encoded(suffix)
    }

    /// A large flat picture (fast to make at any size): a filled canvas with a few blocks.
    static func blocks(width: Int, height: Int, as suffix: String) throws -> Data {
        let canvas = try VipsPicture.canvas(width: width, height: height, colour: [200, 220, 240])
        try canvas.drawRectangle([180, 40, 40], x: width / 4, y: height / 4, width: width / 2, height: height / 2)
        try canvas.drawRectangle([20, 20, 90], x: width / 8, y: height / 8, width: width / 10, height: height / 10)
        return try canvas.encoded(suffix)
    }

    /// A CMYK JPEG (Adobe-style, four components) without a colour profile.
    static func cmykJPEG(width: Int, height: Int) throws -> Data {
        try encode(photoPixels(width: width, height: height, seed: 9, bands: 4), width: width, height: height, bands: 4,
                   colourSpace: .cmyk, as: ".jpg[Q=90]")
    }

    /// An RGBA PNG: an opaque disc on a transparent square.
    static func pngWithAlpha(side: Int) throws -> Data {
        var bytes = [UInt8](repeating: 0, count: side * side * 4)
        let centre = Double(side) / 2
        for y in 0..<side {
            for x in 0..<side where hypot(Double(x) - centre, Double(y) - centre) < centre * 0.8 {
                let i = (y * side + x) * 4
                bytes[i] = 30; bytes[i + 1] = 120; bytes[i + 2] = 200; bytes[i + 3] = 255
            }
        }
        return try encode(bytes, width: side, height: side, bands: 4, as: ".png")
    }

    /// An animated GIF of `frames` frames, each a different colour.
    static func animatedGIF(side: Int, frames: Int) throws -> Data {
        var bytes: [UInt8] = []
        for frame in 0..<frames {
            let colour: [UInt8] = [UInt8(frame * 80 % 256), 100, UInt8(255 - frame * 60)]
            for _ in 0..<(side * side) { bytes += colour }
        }
        return try bytes.withUnsafeBytes {
            let image = try VipsPicture.pixels($0, width: side, height: side * frames, bands: 3, colourSpace: .srgb)
            image.setInteger("page-height", side)
            return try image.encoded(".gif")
        }
    }

    /// A 16-bit RGB PNG (as scanners and some editors write).
    static func sixteenBitPNG(width: Int, height: Int) throws -> Data {
        let samples = photoPixels(width: width, height: height, seed: 5).map { UInt16($0) * 257 }
        return try samples.withUnsafeBytes {
            try VipsPicture.pixels($0, width: width, height: height, bands: 3, sixteenBit: true, colourSpace: .srgb).encoded(".png")
        }
    }

    /// `jpeg` with an EXIF segment (APP1) saying "rotate 90° clockwise to
    /// show" (orientation 6, TIFF 6.0 tag 274), as phone cameras write it.
    static func withEXIFOrientation6(_ jpeg: Data) -> Data {
        let ifd: [UInt8] = [0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0, // TIFF header, little-endian, first IFD at 8
                            1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0, // one entry: 0x0112 SHORT 1 = 6
                            0, 0, 0, 0] // no next IFD
        let payload = Array("Exif".utf8) + [0, 0] + ifd
        let segment: [UInt8] = [0xFF, 0xE1, UInt8((payload.count + 2) >> 8), UInt8((payload.count + 2) & 0xFF)] + payload
        return jpeg.prefix(2) + Data(segment) + jpeg.dropFirst(2)
    }

    /// A valid JPEG cut in half, as a broken download leaves it.
    static func truncatedJPEG() throws -> Data {
        let whole = try photo(width: 300, height: 200, seed: 4, as: ".jpg[Q=90]")
        return whole.prefix(whole.count / 2)
    }

    // MARK: - Reading headers without libvips

    /// Colour channels of a JPEG (SOF components: 1 grey, 3 YCbCr, 4 CMYK) or
    /// a PNG (by IHDR colour type, alpha included); `nil` for other data.
    static func channels(_ data: Data) -> Int? {
        let b = [UInt8](data)
        if b.starts(with: [0x89, 0x50, 0x4E, 0x47]), b.count > 25 {
            return [0: 1, 2: 3, 3: 3, 4: 2, 6: 4][Int(b[25])]
        }
        guard b.starts(with: [0xFF, 0xD8]) else { return nil }
        var i = 2
        while i + 9 < b.count {
            guard b[i] == 0xFF else { return nil }
            let marker = b[i + 1]
            let length = Int(b[i + 2]) << 8 | Int(b[i + 3])
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) { return Int(b[i + 9]) }
            i += 2 + length
        }
        return nil
    }

    /// True when the JPEG has an APP1 (EXIF/XMP) or APP2 (ICC) segment, or the PNG has text, time or colour-profile chunks.
    static func hasMetadata(_ data: Data) -> Bool {
        let b = [UInt8](data)
        if b.starts(with: [0xFF, 0xD8]) {
            var i = 2
            while i + 3 < b.count, b[i] == 0xFF, b[i + 1] != 0xDA {
                if b[i + 1] == 0xE1 || b[i + 1] == 0xE2 { return true }
                i += 2 + (Int(b[i + 2]) << 8 | Int(b[i + 3]))
            }
            return false
        }
        var i = 8
        while i + 8 <= b.count {
            let length = Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3])
            let type = String(decoding: b[(i + 4)..<(i + 8)], as: UTF8.self)
            if ["tEXt", "zTXt", "iTXt", "tIME", "iCCP", "eXIf"].contains(type) { return true }
            i += 12 + length
        }
        return false
    }
}
