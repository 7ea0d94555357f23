extension Article {
    /// The order of a scan and of the articles within a chapter: by instant
    /// (undated last), then display name, then path — a total order, so the
    /// result never depends on the order files were found in.
    static func readingOrder(_ a: Article, _ b: Article) -> Bool {
        switch (a.instant, b.instant) {
        case let (x?, y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default:
            if a.origin.displayName != b.origin.displayName {
                return a.origin.displayName.utf8.lexicographicallyPrecedes(b.origin.displayName.utf8)
            }
            return a.origin.url.path.utf8.lexicographicallyPrecedes(b.origin.url.path.utf8)
        }
    }
}
