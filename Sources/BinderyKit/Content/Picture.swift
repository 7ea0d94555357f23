/// A picture an article shows, and what became of it.
public struct Picture: Sendable, Hashable {
    /// The source as the cleaner chose it: an absolute `http(s)` URL, a
    /// base64 `data:` URI of a raster image, or a relative path exactly as
    /// the article wrote it (the Assets stage decides whether it names a file
    /// inside the input folder).
    public var source: String
    /// What the picture shows, for readers who cannot see it; may be empty.
    public var alt: String
    public var width: Int?
    public var height: Int?
    public var binding: PictureBinding

    public init(source: String, alt: String, width: Int? = nil, height: Int? = nil, binding: PictureBinding = .unbound) {
        self.source = source
        self.alt = alt
        self.width = width
        self.height = height
        self.binding = binding
    }
}

/// Whether a picture's bytes are part of the output.
public enum PictureBinding: Sendable, Hashable {
    /// Not looked up (plain text, Markdown with remote pictures).
    case unbound
    /// Bundled with the output under this content-derived file name
    /// (`Asset.fileName`); each renderer knows its own folder.
    case bundled(fileName: String)
    /// Looked up and not to be had: renderers show the alt text (or the
    /// figure's caption) in its place.
    case missing
}
