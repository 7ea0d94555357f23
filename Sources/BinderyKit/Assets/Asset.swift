import Foundation

/// Media types of the pictures Bindery reads, decided from a file's bytes,
/// never its name. Outputs carry some as they are (`AssetOptions.acceptedTypes`);
/// the others are converted to JPEG or PNG.
public enum ImageType: String, Sendable, Hashable, CaseIterable {
    case jpeg = "image/jpeg"
    case png = "image/png"
    case gif = "image/gif"
    case webp = "image/webp"
    case svg = "image/svg+xml"
    case avif = "image/avif"
    case heif = "image/heif"
    case tiff = "image/tiff"
    case bmp = "image/bmp"

    public var mediaType: String { rawValue }

    public var fileExtension: String {
        switch self {
        case .jpeg: return "jpg"
        case .png: return "png"
        case .gif: return "gif"
        case .webp: return "webp"
        case .svg: return "svg"
        case .avif: return "avif"
        case .heif: return "heif"
        case .tiff: return "tiff"
        case .bmp: return "bmp"
        }
    }
}

/// An image to bundle with the output.
public struct Asset: Sendable, Hashable {
    /// Content-derived file name, e.g. `3f2a9c0d1e2b4a5c.jpg`; identical bytes give the same name.
    public var fileName: String
    public var type: ImageType
    public var data: Data

    public init(fileName: String, type: ImageType, data: Data) {
        self.fileName = fileName
        self.type = type
        self.data = data
    }
}
