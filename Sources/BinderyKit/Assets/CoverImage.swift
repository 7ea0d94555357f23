import Foundation

extension Asset {
    /// Pixel size from the header bytes; `nil` for SVG.
    public var dimensions: ImageDimensions? { ImageDimensions.read(data) }
}

extension AssetResolver {
    /// The book's cover: the most prominent of `assets` (pass the first
    /// chapter's assets in reading order): the largest by pixel area, the
    /// first on ties. Images with a side under `minimumSide` pixels (icons,
    /// tracking pixels) and SVGs (no pixel size) never qualify; `nil` when
    /// none does. The EPUB writer declares the result `cover-image`
    /// (EPUB 3.3, 5.4.1.3 manifest properties).
    public static func coverImage(among assets: [Asset], minimumSide: Int = 100) -> Asset? {
        var best: (asset: Asset, area: Int)?
        for asset in assets {
            guard let size = asset.dimensions, min(size.width, size.height) >= minimumSide else { continue }
            if size.area > (best?.area ?? 0) { best = (asset, size.area) }
        }
        return best?.asset
    }
}
