/// Records in an article's content what became of each picture: bundled
/// under its asset's file name, or missing. A missing picture stays when
/// something can stand in for it — its alt text, or the caption of its
/// figure — and goes otherwise (together with a link that only held it), so
/// no renderer meets a picture it can say nothing about. A dropped picture
/// (a tracking pixel) goes without a trace and is not counted.
enum ImageRewriter {
    /// `isDropped(source)`: the picture is to leave out silently.
    /// `fileName(source)`: the bundled file for a picture's source, or `nil`
    /// when it cannot be had. Returns the body and how many distinct
    /// pictures went missing (one warning each: the counts agree).
    static func bind(_ body: [Block], isDropped: (String) -> Bool = { _ in false },
                     fileName: (String) -> String?) -> (body: [Block], missing: Int) {
        var missingSources = Set<String>()
        let bound = ContentRewriter.rewritePictures(body) { picture, captioned in
            var picture = picture
            if isDropped(picture.source) { return nil }
            if let name = fileName(picture.source) {
                picture.binding = .bundled(fileName: name)
                return picture
            }
            missingSources.insert(picture.source)
            guard captioned || !picture.alt.isBlank else { return nil }
            picture.binding = .missing
            return picture
        }
        return (bound, missingSources.count)
    }
}
