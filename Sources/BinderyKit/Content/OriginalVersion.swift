/// The same article in the language it was first written in (NYT Chinese
/// links every translation to its English original): shown beside the link
/// to the article, not as a line of its text.
public struct OriginalVersion: Sendable, Hashable {
    /// An absolute `http(s)` URL.
    public var href: String
    /// BCP 47 tag of its language (`en`).
    public var language: String

    public init(href: String, language: String) {
        self.href = href
        self.language = language
    }
}
