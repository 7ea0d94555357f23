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
            let byName = String.compareUTF8(a.origin.displayName, b.origin.displayName)
            if byName != 0 { return byName < 0 }
            return String.compareUTF8(a.origin.url.path, b.origin.url.path) < 0
        }
    }
}
