import Foundation

/// The whole `bindery text` job after selection: articles cleaned and
/// rendered on all cores, the digest streamed to a file (atomically) or to
/// standard output. Pictures are not fetched: text shows their captions.
public struct TextExport {
    public var digest: Digest
    public var metadata: BookMetadata
    /// Columns per line; 0 means no wrapping.
    public var width: Int

    public init(digest: Digest, metadata: BookMetadata, width: Int = 72) {
        self.digest = digest
        self.metadata = metadata
        self.width = width
    }

    /// Writes the digest to `target`; problems go to `log`.
    /// - Throws: `OutputError` when the output cannot be written.
    public func write(to target: OutputTarget, log: DiagnosticLog, progress: ((Int, Int) -> Void)? = nil) throws {
        let pipeline = ArticlePipeline(digest: digest, binding: nil, log: log, progress: progress)
        try PlainTextExporter(metadata: metadata, digest: digest, width: width).export(pipeline, to: target)
    }
}
