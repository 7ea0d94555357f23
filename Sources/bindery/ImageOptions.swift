import ArgumentParser
import BinderyKit
import Foundation

/// Whether an EPUB has pictures at all, how they are fetched and prepared,
/// its cover and its size budget.
struct ImageOptionGroup: ParsableArguments {
    @Flag(help: "Text only: leave every picture out (captions stay).")
    var noImages = false

    @OptionGroup var fetching: ImageFetchOptionGroup
    @OptionGroup var book: BookPictureOptionGroup

    var assetOptions: AssetOptions {
        var options = fetching.assetOptions
        options.includeImages = !noImages
        options.pictures = fetching.pictures.settings(default: .ereader)
        return options
    }
}

/// How pictures are prepared for the reader (epub and markdown).
struct PictureOptionGroup: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Scale and colour pictures for a device: \(DevicePreset.allCases.map(\.rawValue).joined(separator: ", ")) (epub default: ereader, 1264x1680 colour; markdown default: original).",
        valueName: "name"))
    var device: DevicePreset?

    @Option(help: ArgumentHelp("Largest picture size, overriding the device's (never enlarged).", valueName: "WxH"))
    var imageSize: String?

    @Flag(inversion: .prefixedNo, help: "Pictures in grey (single channel), or in colour; default: the device's.")
    var grayscale: Bool?

    @Option(help: ArgumentHelp("JPEG quality of re-encoded pictures, 1-100 (default \(PictureSettings.defaultQuality)).", valueName: "n"))
    var imageQuality: Int?

    func validate() throws {
        if let imageSize, PictureBox(parsing: imageSize) == nil {
            throw ValidationError("--image-size '\(imageSize)' is not WIDTHxHEIGHT with sides from 16 to 10000, e.g. 1072x1448.")
        }
        if let imageQuality, !(1...100).contains(imageQuality) {
            throw ValidationError("--image-quality must be between 1 and 100.")
        }
    }

    /// The settings the options ask for, starting from `fallback` when no --device is given.
    func settings(default fallback: DevicePreset) -> PictureSettings {
        var settings = PictureSettings(device: device ?? fallback)
        if let box = imageSize.flatMap(PictureBox.init(parsing:)) { settings.box = box }
        if let grayscale { settings.grayscale = grayscale }
        if let imageQuality { settings.quality = imageQuality }
        return settings
    }
}

extension DevicePreset: ExpressibleByArgument {}

/// The EPUB's cover and size budget.
struct BookPictureOptionGroup: ParsableArguments {
    @Option(help: ArgumentHelp("A picture to use as the cover instead of the drawn one.", valueName: "file"))
    var cover: String?

    @Flag(help: "No cover at all.")
    var noCover = false

    @Option(help: ArgumentHelp(
        "Largest book file, e.g. 50MB: pictures are made smaller first, then the book is split into volumes (NAME (1 of 2).epub …).",
        valueName: "size"))
    var maxSize: String?

    func validate() throws {
        if let cover {
            guard let data = FileManager.default.contents(atPath: cover) else { throw ValidationError("--cover: cannot read \(cover)") }
            guard ImageType.sniff(data) != nil else { throw ValidationError("--cover: \(cover) is not a picture (JPEG, PNG, GIF, WebP, AVIF, HEIF, TIFF, BMP)") }
        }
        if cover != nil && noCover { throw ValidationError("--cover and --no-cover contradict each other.") }
        if let maxSize, ByteSize.parse(maxSize) == nil {
            throw ValidationError("--max-size '\(maxSize)' is not a size such as 50MB, 700KB or 2GB (at least 100KB).")
        }
    }

    var coverPicture: Data? { cover.flatMap { FileManager.default.contents(atPath: $0) } }
    var maxBytes: Int? { maxSize.flatMap(ByteSize.parse) }
}

/// `50MB`, `50 MB`, `700KB`, `1.5GB`, `52428800` (decimal units, as mail services state limits).
enum ByteSize {
    static func parse(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        let units: [(String, Double)] = [("GB", 1e9), ("MB", 1e6), ("KB", 1e3), ("G", 1e9), ("M", 1e6), ("K", 1e3), ("B", 1)]
        var number = trimmed
        var factor = 1.0
        for (suffix, value) in units where trimmed.hasSuffix(suffix) {
            number = String(trimmed.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
            factor = value
            break
        }
        guard let value = Double(number), value.isFinite, value > 0 else { return nil }
        let bytes = value * factor
        guard bytes >= 100_000, bytes < 1e15 else { return nil }
        return Int(bytes)
    }
}

/// How pictures are fetched, cached and prepared (epub and markdown).
struct ImageFetchOptionGroup: ParsableArguments {
    @Flag(help: "Fetch nothing from the network: use local and cached pictures only.")
    var offline = false

    @Option(help: ArgumentHelp("Image cache folder (default: $XDG_CACHE_HOME/bindery or ~/.cache/bindery).", valueName: "dir"))
    var cache: String?

    @Option(help: ArgumentHelp("How many pictures to download at once.", valueName: "n"))
    var imageJobs: Int = 6

    @Option(help: ArgumentHelp("Fetch a proxied picture through the proxy as written, or from its origin; the other is the fallback.",
                               valueName: "as-written|origin"))
    var imageSource: ImageSourceArgument = .asWritten

    @OptionGroup var pictures: PictureOptionGroup

    func validate() throws {
        guard (1...64).contains(imageJobs) else { throw ValidationError("--image-jobs must be between 1 and 64.") }
    }

    /// Pictures as the options say, kept as they are by default (notes).
    var assetOptions: AssetOptions {
        var options = AssetOptions(offline: offline, sourcePolicy: imageSource.policy, jobs: imageJobs,
                                   pictures: pictures.settings(default: .original))
        if let cache { options.cacheDirectory = URL(fileURLWithPath: cache).standardizedFileURL }
        return options
    }
}

enum ImageSourceArgument: String, ExpressibleByArgument, CaseIterable {
    case asWritten = "as-written"
    case origin
    var policy: ImageSourcePolicy { self == .origin ? .origin : .asWritten }
}

/// The closing lines of `bindery epub`: counts, size and where the book
/// went; what --max-size did; one line per volume of a split book.
enum EpubSummaryText {
    static func lines(_ result: EPUBExport.Result, digest: Digest, output: String) -> String {
        var line = "\(digest.articleCountText), \(digest.chapterCountText), \(counted(imageCount(result), "image"))"
        if result.missingImages > 0 { line += " (\(result.missingImages.formatted) missing)" }
        if result.picturesProcessed > 0 { line += ", \(counted(result.picturesProcessed, "picture")) processed" }
        guard !result.volumes.isEmpty else {
            line += ", \(ByteCount.format(Int64(result.summary.byteCount))) → \(output)"
            return ([line] + (result.sizeReport.map { ["--max-size: \($0)"] } ?? [])).joined(separator: "\n")
        }
        var lines = [line + ", in \(result.volumes.count) volumes:"]
        for volume in result.volumes {
            lines.append("  \(counted(volume.articleCount, "article")), \(ByteCount.format(Int64(volume.byteCount))) → \(volume.destination.path)")
        }
        if let report = result.sizeReport { lines.append("--max-size: \(report)") }
        return lines.joined(separator: "\n")
    }

    /// Pictures in the book, or in all its volumes.
    static func imageCount(_ result: EPUBExport.Result) -> Int {
        result.volumes.isEmpty ? result.summary.imageCount : result.volumes.reduce(0) { $0 + $1.imageCount }
    }

    /// The `output` of `--report`: the book, or for a split book the
    /// volumes' total with each volume listed.
    static func reportOutput(_ result: EPUBExport.Result, digest: Digest, destination: URL) -> ExportReport.Output {
        func output(_ summary: EPUBSummary) -> ExportReport.Output {
            ExportReport.Output(path: summary.destination.path, format: "epub", bytes: summary.byteCount,
                                articles: summary.articleCount, chapters: summary.chapterCount)
        }
        guard !result.volumes.isEmpty else { return output(result.summary) }
        var whole = ExportReport.Output(path: destination.path, format: "epub volumes",
                                        bytes: result.volumes.reduce(0) { $0 + $1.byteCount },
                                        articles: digest.articleCount, chapters: digest.chapters.count)
        whole.volumes = result.volumes.map(output)
        return whole
    }
}
