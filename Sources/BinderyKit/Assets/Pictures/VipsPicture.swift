import CLibVips
import Foundation

/// Thrown when libvips cannot decode, convert or encode a picture; the
/// reason is libvips's own message, first line.
struct VipsError: Error, CustomStringConvertible {
    var description: String
}

/// libvips, started once per process (`bindery_vips_start` fixes its limits:
/// one thread per image, no operation cache, untrusted loaders blocked).
enum VipsRuntime {
    /// The libvips Bindery was built against, for `bindery --version`.
    static let libraryVersion = VIPS_VERSION

    private static let started: Bool = bindery_vips_start() == 0

    /// Starts libvips if needed; throws when it cannot start.
    static func start() throws {
        guard started else { throw lastError("libvips failed to start") }
    }

    /// libvips's error buffer is one per process: reading and clearing it is
    /// serialized, and a message is attributed to whoever reads it first.
    private static let errorLock = NSLock()

    /// The first line of libvips's error text (then cleared), or `fallback`.
    static func lastError(_ fallback: String) -> VipsError {
        errorLock.lock()
        defer { errorLock.unlock() }
        guard let text = bindery_vips_take_error() else { return VipsError(description: fallback) }
        defer { g_free(text) }
        let message = String(cString: text).split(separator: "\n").first.map(String.init) ?? ""
        return VipsError(description: message.isEmpty ? fallback : message)
    }
}

/// One libvips image, owned: the reference is dropped in `deinit`. Images
/// are lazy pipelines; pixels are computed when encoded, drawn on or copied
/// to memory. An image made from a buffer reads that buffer lazily, so such
/// images must not outlive the `withUnsafeBytes` scope that made them
/// (`PictureProcessor` keeps all of its work inside one).
final class VipsPicture {
    let pointer: UnsafeMutablePointer<CLibVips.VipsImage>

    private init(_ pointer: UnsafeMutablePointer<CLibVips.VipsImage>) {
        self.pointer = pointer
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(pointer)) }

    /// Runs a wrapper that writes a new image into its out-parameter.
    private static func make(_ what: String, _ call: (UnsafeMutablePointer<UnsafeMutablePointer<CLibVips.VipsImage>?>) -> Int32) throws -> VipsPicture {
        var out: UnsafeMutablePointer<CLibVips.VipsImage>?
        guard call(&out) == 0, let out else { throw VipsRuntime.lastError("\(what) failed") }
        return VipsPicture(out)
    }

    private func derive(_ what: String, _ call: (UnsafeMutablePointer<CLibVips.VipsImage>, UnsafeMutablePointer<UnsafeMutablePointer<CLibVips.VipsImage>?>) -> Int32) throws -> VipsPicture {
        try Self.make(what) { call(pointer, $0) }
    }

    // MARK: - Making images

    /// The header of an encoded image (`bytes` must outlive the result).
    static func header(_ bytes: UnsafeRawBufferPointer) throws -> VipsPicture {
        try VipsRuntime.start()
        return try make("reading the header") { bindery_vips_header(bytes.baseAddress, bytes.count, $0) }
    }

    /// Decoded, upright, shrunk to fit `width` × `height` (never enlarged).
    /// `loadOptions` lets the decoder shrink as it decodes (`shrink=2`,
    /// `scale=0.5`); `colourManaged` converts through the embedded profile.
    static func fit(_ bytes: UnsafeRawBufferPointer, width: Int, height: Int, loadOptions: String = "",
                    colourManaged: Bool = false) throws -> VipsPicture {
        try VipsRuntime.start()
        return try make("decoding") {
            bindery_vips_fit(bytes.baseAddress, bytes.count, loadOptions, Int32(width), Int32(height), colourManaged ? 1 : 0, $0)
        }
    }

    /// How the bands of raw pixels are to be read.
    enum ColourSpace {
        case grey, srgb, cmyk

        var interpretation: VipsInterpretation {
            switch self {
            case .grey: return VIPS_INTERPRETATION_B_W
            case .srgb: return VIPS_INTERPRETATION_sRGB
            case .cmyk: return VIPS_INTERPRETATION_CMYK
            }
        }
    }

    /// An image of `pixels` (row by row, `bands` 8- or 16-bit samples each).
    static func pixels(_ pixels: UnsafeRawBufferPointer, width: Int, height: Int, bands: Int,
                       sixteenBit: Bool = false, colourSpace: ColourSpace) throws -> VipsPicture {
        try VipsRuntime.start()
        guard let made = vips_image_new_from_memory_copy(pixels.baseAddress, pixels.count, Int32(width), Int32(height),
                                                         Int32(bands), sixteenBit ? VIPS_FORMAT_USHORT : VIPS_FORMAT_UCHAR)
        else { throw VipsRuntime.lastError("making an image failed") }
        var interpretation = colourSpace.interpretation
        if sixteenBit { interpretation = colourSpace == .grey ? VIPS_INTERPRETATION_GREY16 : VIPS_INTERPRETATION_RGB16 }
        bindery_vips_set_interpretation(made, interpretation)
        return VipsPicture(made)
    }

    /// A canvas filled with `colour` (one value per band: grey, RGB or
    /// RGBA), in memory so it can be drawn on.
    static func canvas(width: Int, height: Int, colour: [UInt8]) throws -> VipsPicture {
        try VipsRuntime.start()
        var ink = colour.map(Double.init)
        return try make("making a canvas") { bindery_vips_canvas(Int32(width), Int32(height), &ink, Int32(ink.count), $0) }
    }

    /// Pango markup rendered as a coverage mask, wrapped at `width` pixels.
    static func text(_ markup: String, font: String, width: Int, spacing: Int = 0, centred: Bool = false) throws -> VipsPicture {
        try VipsRuntime.start()
        return try make("rendering text") {
            bindery_vips_text(markup, font, Int32(width), Int32(spacing),
                              Int32(centred ? VIPS_ALIGN_CENTRE.rawValue : VIPS_ALIGN_LOW.rawValue), $0)
        }
    }

    // MARK: - Reading the header

    var width: Int { Int(vips_image_get_width(pointer)) }
    var height: Int { Int(vips_image_get_height(pointer)) }
    var bands: Int { Int(vips_image_get_bands(pointer)) }
    var hasAlpha: Bool { vips_image_hasalpha(pointer) != 0 }
    var interpretation: VipsInterpretation { vips_image_get_interpretation(pointer) }
    var isEightBit: Bool { vips_image_get_format(pointer) == VIPS_FORMAT_UCHAR }
    /// Frames of an animation (GIF, WebP); 1 for a still.
    var pageCount: Int { Int(vips_image_get_n_pages(pointer)) }
    /// EXIF orientation 1…8 (1 = upright).
    var orientation: Int { Int(vips_image_get_orientation(pointer)) }
    /// Carries an ICC colour profile.
    var hasColourProfile: Bool { bindery_vips_has_profile(pointer) == 1 }

    func integer(_ name: String) -> Int? {
        var value: Int32 = 0
        return bindery_vips_get_int(pointer, name, &value) == 1 ? Int(value) : nil
    }

    func setInteger(_ name: String, _ value: Int) {
        bindery_vips_set_int(pointer, name, Int32(value))
    }

    // MARK: - Converting

    func colourspace(_ space: VipsInterpretation) throws -> VipsPicture {
        try derive("colour conversion") { bindery_vips_colourspace($0, space, $1) }
    }

    func colourspace(_ space: ColourSpace) throws -> VipsPicture {
        try colourspace(space.interpretation)
    }

    func castToUInt8() throws -> VipsPicture {
        try derive("conversion to 8 bits") { bindery_vips_cast_uchar($0, $1) }
    }

    func flattenedOnWhite() throws -> VipsPicture {
        try derive("flattening") { bindery_vips_flatten_white($0, $1) }
    }

    func bands(_ first: Int, count: Int) throws -> VipsPicture {
        try derive("band extraction") { bindery_vips_extract_bands($0, Int32(first), Int32(count), $1) }
    }

    /// Shrunk and cropped to fill `width` × `height`, keeping the busiest part.
    func filling(width: Int, height: Int) throws -> VipsPicture {
        try derive("cropping") { bindery_vips_fill($0, Int32(width), Int32(height), $1) }
    }

    /// A nearest-neighbour sample at most `size` pixels on its long side.
    func sample(maximumSide size: Int) throws -> VipsPicture {
        try derive("sampling") { bindery_vips_sample($0, Int32(size), $1) }
    }

    /// The smallest sample value over all bands.
    func minimum() throws -> Double {
        var value = 0.0
        guard bindery_vips_min(pointer, &value) == 0 else { throw VipsRuntime.lastError("measuring failed") }
        return value
    }

    /// The pixels computed once and kept in memory, so several consumers can
    /// read them (a decoder streaming its input can be read only once).
    func inMemory() throws -> VipsPicture {
        guard let copy = vips_image_copy_memory(pointer) else { throw VipsRuntime.lastError("decoding failed") }
        return VipsPicture(copy)
    }

    /// The pixels as bytes, row by row.
    func pixelBytes() throws -> Data {
        var size = 0
        guard let memory = vips_image_write_to_memory(pointer, &size) else { throw VipsRuntime.lastError("decoding failed") }
        defer { g_free(memory) }
        return Data(bytes: memory, count: size)
    }

    // MARK: - Drawing (on an in-memory canvas)

    func drawRectangle(_ colour: [UInt8], x: Int, y: Int, width: Int, height: Int) throws {
        var ink = colour.map(Double.init)
        guard bindery_vips_draw_rect(pointer, &ink, Int32(ink.count), Int32(x), Int32(y), Int32(width), Int32(height)) == 0
        else { throw VipsRuntime.lastError("drawing failed") }
    }

    /// Paints `colour` through `mask` (e.g. text) with its top left at `x`, `y`.
    func drawMask(_ mask: VipsPicture, colour: [UInt8], x: Int, y: Int) throws {
        var ink = colour.map(Double.init)
        guard bindery_vips_draw_mask(pointer, &ink, Int32(ink.count), mask.pointer, Int32(x), Int32(y)) == 0
        else { throw VipsRuntime.lastError("drawing failed") }
    }

    func drawImage(_ image: VipsPicture, x: Int, y: Int) throws {
        guard bindery_vips_draw_image(pointer, image.pointer, Int32(x), Int32(y)) == 0
        else { throw VipsRuntime.lastError("drawing failed") }
    }

    // MARK: - Encoding

    /// Encoded by `suffix` with saver options, e.g. `.jpg[Q=75,strip]`.
    func encoded(_ suffix: String) throws -> Data {
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        guard bindery_vips_save(pointer, suffix, &buffer, &length) == 0, let buffer else {
            throw VipsRuntime.lastError("encoding failed")
        }
        defer { g_free(buffer) }
        return Data(bytes: buffer, count: length)
    }
}
