import Foundation

/// The whole `bindery markdown` job after selection: pictures bound to
/// attachments (through the cache and the network) when the notes keep them,
/// notes rendered on all cores and written into the vault, or one digest note.
public struct MarkdownExport {
    public var digest: Digest
    public var metadata: BookMetadata
    public var options: MarkdownExportOptions
    public var assets: AssetOptions

    public init(digest: Digest, metadata: BookMetadata, options: MarkdownExportOptions, assets: AssetOptions = AssetOptions()) {
        self.digest = digest
        self.metadata = metadata
        self.options = options
        self.assets = assets
    }

    public struct Result: Sendable {
        public var summary: MarkdownExportSummary
        /// Pictures that could not be had and were replaced by their text.
        public var missingImages: Int
        /// HTTP requests sent for pictures.
        public var requests: Int
    }

    /// Writes the vault (or the digest note) to `target`; problems go to `log`.
    /// - Throws: `OutputError` when a file cannot be written.
    public func write(to target: OutputTarget, log: DiagnosticLog, progress: ((Int, Int) -> Void)? = nil) throws -> Result {
        var resolver: AssetResolver?
        if options.bindsPictures(toStandardOutput: target == .standardOutput) {
            let pictures = AssetResolver(options: assets)
            if let problem = pictures.cacheDiagnostic { log.report(problem) }
            resolver = pictures
        }
        let pipeline = ArticlePipeline(digest: digest, binding: resolver.map { .init(resolver: $0) }, log: log, progress: progress)
        let summary = try MarkdownExporter(options: options, metadata: metadata, digest: digest).export(pipeline, to: target)
        return Result(summary: summary, missingImages: resolver?.missingImageCount ?? 0, requests: resolver?.requestsMade ?? 0)
    }
}
