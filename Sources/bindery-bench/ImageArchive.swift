import Foundation

/// The archive of the image benchmark: articles in the layout of FORMAT.md
/// (epoch header, linked title, date line, lead picture with caption, then
/// paragraphs), `imagesPerArticle` remote pictures each, all fetched from
/// `baseURL`. Every 10th article also shows the previous article's lead
/// picture again, as feeds reuse photos: a fetch that must not repeat.
/// The same arguments always give byte-identical files.
struct ImageArchive {
    /// `(file name, data)` of every served picture, in article order.
    var images: [(name: String, data: Data)]
    /// Like `http://127.0.0.1:8080`; pictures are at `baseURL/img/NAME`.
    var baseURL: String
    var imagesPerArticle = 5
    /// 2024-01-08 00:00 UTC; articles are spread over one week, one chapter a day.
    var firstDay = 1_704_672_000

    var articleCount: Int { (images.count + imagesPerArticle - 1) / imagesPerArticle }

    /// How many `img` elements point at a picture seen before in the archive.
    var duplicateReferences: Int { (0..<articleCount).filter(repeatsPicture).count }

    func write(to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for index in 0..<articleCount {
            let (name, text) = article(index)
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
    }

    /// The file name and text of article `index`.
    func article(_ index: Int) -> (name: String, text: String) {
        let published = firstDay + (index % 7) * 86_400 + 3_600 + index * 37
        let time = CivilTime(epochSeconds: published)
        let pictures = images.indices.dropFirst(index * imagesPerArticle).prefix(imagesPerArticle).map { images[$0].name }
        var text = "<!--\(published + 600)000-->\n"
        text += "[Picture story \(index + 1): the week in photos](https://news.example.org/a/photos-\(index + 1).html)\n------\n\n"
        text += "<div><i>\(time.rfc1123(zone: "GMT"))</i></div>"
        if let lead = pictures.first {
            text += "<img src=\"\(url(lead))\" width=\"100%\"><div><small style=\"color: #999;\">Photo \(index + 1).1, a caption as feeds write it.</small></div>"
        }
        text += "Lead sentence of story \(index + 1). <p>"
        for (number, picture) in pictures.enumerated().dropFirst() {
            text += "Paragraph \(number) tells what picture \(number + 1) shows, in a few plain words.<br /><br />"
            text += "<img src=\"\(url(picture))\" alt=\"Photo \(index + 1).\(number + 1)\"><br /><br />"
        }
        if repeatsPicture(index) {
            text += "Seen before: <img src=\"\(url(images[(index - 1) * imagesPerArticle].name))\"><br /><br />"
        }
        text += "Last paragraph of story \(index + 1).</p>\n"
        return (String(format: "%04d_images.txt", index), text)
    }

    private func url(_ name: String) -> String { "\(baseURL)/img/\(name)" }

    private func repeatsPicture(_ index: Int) -> Bool { index > 0 && index % 10 == 0 }
}
