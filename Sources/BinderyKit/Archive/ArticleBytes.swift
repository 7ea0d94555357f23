/// One article file read from bytes already in memory.
public struct ArticleRead: Sendable {
    /// `nil` when the bytes hold no article (the diagnostics say why).
    public var article: Article?
    /// The body HTML, as `ArchiveReader.loadBody(of:)` gives it.
    public var body: String
    public var diagnostics: [Diagnostic]
}

extension ArchiveReader {
    /// Reads the bytes of one article file exactly as `scan` and then
    /// `loadBody(of:)` read the file on disk: the header and date from the
    /// first `headBytes`, the body from all of them. `file` names the file
    /// in messages and is where local pictures would be looked for.
    public func read(bytes: [UInt8], as file: SourceFile) -> ArticleRead {
        let head = head(Array(bytes.prefix(Self.headBytes)), fileSize: bytes.count, file: file)
        guard let article = head.article else { return ArticleRead(article: nil, body: "", diagnostics: head.diagnostics) }
        do {
            return ArticleRead(article: article, body: try body(of: bytes, file: file.displayName, encoding: article.textEncoding).text, diagnostics: head.diagnostics)
        } catch {
            return ArticleRead(article: article, body: "", diagnostics: head.diagnostics + [.warning(file.displayName, "cannot read body: \(error)")])
        }
    }
}
