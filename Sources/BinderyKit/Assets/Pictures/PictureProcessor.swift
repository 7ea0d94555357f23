import CLibVips
import Foundation

/// What processing made of one picture.
enum ProcessedPicture: Sendable, Equatable {
    /// The source bytes can go into the output as they are.
    case original
    /// Re-encoded: scaled, converted, stripped.
    case converted(Data, ImageType)
    /// A tracking pixel: left out without a word.
    case dropped
    /// Cannot be decoded (damaged, cut short); the reason from libvips.
    case undecodable(String)
}

/// Prepares one picture for a reading device with libvips: shrinks it into
/// the settings' box (never enlarging), turns it upright by its EXIF
/// orientation, converts CMYK, 16-bit and colour-managed pictures to 8-bit
/// sRGB (or grey), strips metadata, and writes photos as JPEG and pictures
/// with transparency or few colours as PNG. Pure: the same bytes and settings
/// always give the same result, on any thread.
///
/// A picture is kept byte for byte when the output can carry it as it is and
/// re-encoding would not make it smaller; with `PictureSettings.original`,
/// whenever the output can carry it. SVG is never rasterized here: it reaches
/// the processor only after `SVGSafety` accepted it, and stays as it is.
struct PictureProcessor: Sendable {
    var settings: PictureSettings
    /// Types the output carries as they are (`AssetOptions.acceptedTypes`).
    var accepted: Set<ImageType>

    /// Pictures this thin or thinner are tracking pixels and spacers.
    static let trackingPixelSide = 2
    /// An animated GIF up to this size stays animated; a larger one keeps its first frame.
    static let smallAnimationBytes = 1_000_000
    /// Colours counted on a nearest-neighbour sample this large; with at most
    /// `graphicColours` (grey: `graphicGreys`) a picture is a drawing, chart
    /// or screenshot, and PNG keeps its edges crisp.
    static let colourSampleSide = 128
    static let graphicColours = 1024
    static let graphicGreys = 64

    func process(_ data: Data, type: ImageType) -> ProcessedPicture {
        if type == .svg { return .original }
        do {
            return try data.withUnsafeBytes { try process(bytes: $0, type: type) }
        } catch {
            return .undecodable("\(error)")
        }
    }

    private func process(bytes: UnsafeRawBufferPointer, type: ImageType) throws -> ProcessedPicture {
        let header = try VipsPicture.header(bytes)
        guard min(header.width, header.height) > Self.trackingPixelSide else { return .dropped }
        let sourceIsGrey = header.interpretation == VIPS_INTERPRETATION_B_W || header.interpretation == VIPS_INTERPRETATION_GREY16
        let fits = settings.box.map { header.width <= $0.width && header.height <= $0.height } ?? true
        let plain = header.isEightBit && header.orientation <= 1
            && (settings.grayscale ? header.interpretation == VIPS_INTERPRETATION_B_W
                                   : [VIPS_INTERPRETATION_sRGB, VIPS_INTERPRETATION_B_W].contains(header.interpretation))
        let asIs = accepted.contains(type) && fits && plain
        if asIs && settings.keepsOriginals { return .original }
        if asIs && type == .gif && header.pageCount > 1 && bytes.count <= Self.smallAnimationBytes { return .original }

        let box = settings.box ?? PictureBox(width: Int(VIPS_MAX_COORD), height: Int(VIPS_MAX_COORD))
        let grey = settings.grayscale || sourceIsGrey
        var image = try VipsPicture.fit(bytes, width: box.width, height: box.height,
                                        loadOptions: Self.shrinkOnLoad(header, type: type, box: box),
                                        colourManaged: header.hasColourProfile)
        image = try image.colourspace(grey ? VIPS_INTERPRETATION_B_W : VIPS_INTERPRETATION_sRGB)
        if !image.isEightBit { image = try image.castToUInt8() }
        // Decoded once into memory: the decoder streams its input and can be
        // read only once, and the steps below look at the pixels several times.
        image = try image.inMemory()
        image = try withoutNeedlessAlpha(image)

        let encoded: Data, encodedType: ImageType
        let drawing = try type != .jpeg && (image.hasAlpha || isGraphic(image.sample(maximumSide: Self.colourSampleSide)))
        if drawing {
            (encoded, encodedType) = (try image.encoded(".png[compression=9,strip]"), .png)
        } else {
            (encoded, encodedType) = (try image.encoded(".jpg[Q=\(settings.quality),optimize_coding,strip]"), .jpeg)
        }
        if asIs && encoded.count >= bytes.count { return .original }
        return .converted(encoded, encodedType)
    }

    /// How much the decoder may shrink while decoding, leaving the picture
    /// still at least as large as it must end up (the rest is done with a
    /// Lanczos filter): JPEG by 2, 4 or 8 in the DCT, WebP by any factor.
    /// Decoding a 6-megapixel JPEG at half size takes half the time.
    static func shrinkOnLoad(_ header: VipsPicture, type: ImageType, box: PictureBox) -> String {
        let turned = header.orientation >= 5
        let width = Double(turned ? header.height : header.width), height = Double(turned ? header.width : header.height)
        let factor = max(width / Double(box.width), height / Double(box.height))
        guard factor >= 2 || (type == .webp && factor > 1) else { return "" }
        switch type {
        case .jpeg: return "shrink=\([8, 4, 2].first { Double($0) <= factor }!)"
        case .webp where header.pageCount == 1: return String(format: "scale=%.6f", 1 / factor)
        default: return ""
        }
    }

    /// An alpha band that is opaque everywhere is dropped; with grey output,
    /// transparency is flattened onto white (e-ink pages are white, and a
    /// single channel is what e-ink renders fastest).
    private func withoutNeedlessAlpha(_ image: VipsPicture) throws -> VipsPicture {
        guard image.hasAlpha else { return image }
        let colourBands = image.bands - 1
        if try image.bands(colourBands, count: 1).minimum() >= 255 {
            return try image.bands(0, count: colourBands).inMemory()
        }
        return settings.grayscale ? try image.flattenedOnWhite().inMemory() : image
    }

    /// Few distinct colours in the sample: a drawing, not a photo.
    private func isGraphic(_ sample: VipsPicture) -> Bool {
        guard let pixels = try? sample.pixelBytes() else { return false }
        let bands = sample.bands
        let limit = bands < 3 ? Self.graphicGreys : Self.graphicColours
        var seen = Set<UInt32>()
        pixels.withUnsafeBytes { raw in
            var i = 0
            while i + bands <= raw.count {
                var key: UInt32 = 0
                for band in 0..<min(bands, 4) { key = key << 8 | UInt32(raw[i + band]) }
                seen.insert(key)
                if seen.count > limit { return }
                i += bands
            }
        }
        return seen.count <= limit
    }
}
