/// Video and breaking-news items start their titles with a label in
/// brackets: `[视频]`, `【视频】`, `[新]`, `[Video]`. That is not the headline
/// but a mark on it: it becomes one of `Article.titleMarkers`, which every
/// output shows the same way (`Article.displayTitle`), and the headline
/// starts with its first word. Only short labels of letters count (`[2024]`
/// or a bracketed phrase stays in the title), at most three, and a title is
/// never emptied.
struct MarkTitleTags: HeaderRule {
    static let maximumLabelLength = 8
    static let maximumMarkers = 3
    static let brackets: [(open: Character, close: Character)] = [("[", "]"), ("【", "】"), ("［", "］"), ("〔", "〕")]

    func apply(to article: inout Article, in context: inout HeaderContext) {
        var rest = Substring(article.title)
        var markers: [String] = []
        while markers.count < Self.maximumMarkers, let (label, after) = Self.leadingLabel(rest) {
            markers.append(label)
            rest = after.drop(while: { $0.isWhitespace })
        }
        guard !markers.isEmpty, !rest.isEmpty else { return }
        article.title = String(rest)
        article.titleMarkers += markers
        context.fired("MarkTitleTags")
    }

    /// `[label]` at the start of `text`, and what follows it.
    static func leadingLabel(_ text: Substring) -> (String, Substring)? {
        guard let first = text.first, let pair = brackets.first(where: { $0.open == first }),
              let close = text.dropFirst().firstIndex(of: pair.close) else { return nil }
        let label = text[text.index(after: text.startIndex)..<close].trimmingCharacters(in: .whitespaces)
        guard !label.isEmpty, label.count <= maximumLabelLength,
              label.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == " " }) else { return nil }
        return (label, text[text.index(after: close)...])
    }
}
