import Foundation

/// How pictures are prepared for a reading device: the box they must fit,
/// colour or grey, and the JPEG quality of re-encoded photos.
public struct PictureSettings: Sendable, Hashable {
    /// Largest width and height in pixels; `nil` keeps every picture's size.
    public var box: PictureBox?
    /// Everything becomes single-channel grey (e-ink).
    public var grayscale: Bool
    /// JPEG quality, 1…100.
    public var quality: Int

    public static let defaultQuality = 75

    public init(box: PictureBox?, grayscale: Bool = false, quality: Int = PictureSettings.defaultQuality) {
        self.box = box
        self.grayscale = grayscale
        self.quality = min(100, max(1, quality))
    }

    /// The preset's box and colour mode at the default quality.
    public init(device: DevicePreset) {
        self.init(box: device.box, grayscale: device.isGrayscale)
    }

    /// Keeps pictures as they are wherever the output can carry them
    /// (no box, colour, metadata kept); only what a reader cannot show is
    /// converted. The Markdown default.
    public static let original = PictureSettings(device: .original)

    /// What an e-book gets unless told otherwise (`DevicePreset.ereader`).
    public static let digestDefault = PictureSettings(device: .ereader)

    /// True when a picture is re-encoded only if it must be (the `original` preset).
    var keepsOriginals: Bool { box == nil && !grayscale }

    /// These settings scaled down by `factor` (0…1] with quality `quality`:
    /// the steps `--max-size` takes before it splits a book. Settings
    /// without a box scale the default e-reader box.
    func reduced(scale factor: Double, quality: Int) -> PictureSettings {
        let base = box ?? DevicePreset.ereader.box!
        let scaled = PictureBox(width: max(1, Int((Double(base.width) * factor).rounded())),
                                height: max(1, Int((Double(base.height) * factor).rounded())))
        return PictureSettings(box: scaled, grayscale: grayscale, quality: min(self.quality, quality))
    }

    /// Part of the processed-picture cache key: everything that changes the
    /// output bytes, plus a version to bump when the processing changes.
    var cacheTag: String {
        let size = box.map { "\($0.width)x\($0.height)" } ?? "any"
        return "pictures-v1 box=\(size) grey=\(grayscale ? 1 : 0) q=\(quality)"
    }

    /// `1072×1448, grey, quality 75`, for summaries.
    public var summary: String {
        let size = box.map { "\($0.width)×\($0.height)" } ?? "original size"
        return "\(size), \(grayscale ? "grey" : "colour"), quality \(quality)"
    }
}

/// A width × height in pixels.
public struct PictureBox: Sendable, Hashable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// `1072x1448` (or `1072×1448`); `nil` unless both sides are 16…10000.
    public init?(parsing text: String) {
        let parts = text.lowercased().split(whereSeparator: { $0 == "x" || $0 == "×" })
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]),
              (16...10_000).contains(width), (16...10_000).contains(height) else { return nil }
        self.init(width: width, height: height)
    }
}

/// Reading devices with their screens: pictures are scaled to fit the
/// screen (never enlarged), in grey for e-ink.
public enum DevicePreset: String, Sendable, CaseIterable {
    /// The e-book default: a 6–7" e-reader screen, colour kept (colour
    /// screens and tablets keep it; e-ink shows it grey anyway).
    case ereader
    /// Kindle and Kindle Paperwhite class (6–6.8", 300 ppi).
    case kindle
    case kindleScribe = "kindle-scribe"
    /// Kobo Clara and Libra class.
    case kobo
    /// Kobo Libra Colour / Clara Colour (Kaleido colour layer).
    case koboColor = "kobo-color"
    /// reMarkable 2.
    case remarkable
    /// iPad-class tablets and phones: colour, larger.
    case tablet
    /// No scaling, colour and bytes kept; only what the output cannot carry is converted.
    case original

    public var box: PictureBox? {
        switch self {
        case .ereader, .kobo, .koboColor: return PictureBox(width: 1264, height: 1680)
        case .kindle: return PictureBox(width: 1072, height: 1448)
        case .kindleScribe: return PictureBox(width: 1860, height: 2480)
        case .remarkable: return PictureBox(width: 1404, height: 1872)
        case .tablet: return PictureBox(width: 1536, height: 2048)
        case .original: return nil
        }
    }

    public var isGrayscale: Bool {
        switch self {
        case .kindle, .kindleScribe, .kobo, .remarkable: return true
        case .ereader, .koboColor, .tablet, .original: return false
        }
    }
}
