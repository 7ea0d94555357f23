import Foundation

/// How images are obtained.
public struct AssetOptions: Sendable {
    /// `false`: text only; every image is replaced by its caption/alt text.
    public var includeImages: Bool
    public init(includeImages: Bool = true) {
        self.includeImages = includeImages
    }
}

/// Turns the image references of cleaned articles into bundled assets.
/// (Skeleton: the Assets work replaces this.)
public final class AssetResolver: @unchecked Sendable {
    public let options: AssetOptions
    public init(options: AssetOptions) {
        self.options = options
    }

    /// Rewrites each `img` of `article` to `linkPrefix + asset.fileName`, or
    /// replaces it by its alt text when the image cannot be had. Returns the
    /// assets this call saw for the first time (each distinct content once per
    /// resolver) and the problems, tied to the article's file.
    public func bind(_ article: CleanedArticle, linkPrefix: String) -> (article: CleanedArticle, newAssets: [Asset], diagnostics: [Diagnostic]) {
        (article, [], [])
    }
}
