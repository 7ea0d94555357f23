import Foundation

/// Which cover an EPUB gets. The user's own picture (`--cover`) wins, fitted
/// into 1600 × 2560 as JPEG or PNG; otherwise `CoverArtist` draws one from
/// the digest, with the most prominent picture of the first chapter as its
/// lead picture. When drawing fails, that picture alone is the cover.
struct BookCover: Sendable {
    /// The bytes of the user's cover picture.
    var userPicture: Data?
    /// Grey covers for grey books.
    var grayscale: Bool
    /// JPEG quality of a drawn cover: `CoverArtist.quality`, or the
    /// pictures' when they are asked to be smaller than the default (a size
    /// budget, `--image-quality`): at 1600 × 2560 the cover outweighs a
    /// week of small pictures.
    var quality = CoverArtist.quality

    init(userPicture: Data?, pictures: PictureSettings?) {
        self.userPicture = userPicture
        grayscale = pictures?.grayscale ?? false
        if let pictures, pictures.quality < PictureSettings.defaultQuality { quality = pictures.quality }
    }

    /// A smaller lead picture would be blown up more than threefold across the cover.
    static let leadPictureMinimumSide = 400

    func make(name: String, digest: Digest, metadata: BookMetadata, volume: String?, lead: Asset?,
              log: DiagnosticLog) -> Asset? {
        if let userPicture {
            if let asset = fitted(userPicture, log: log) { return asset }
        }
        let text = CoverContent.text(name: name, digest: digest, metadata: metadata, volume: volume, picture: lead?.data)
        do {
            let cover = try CoverArtist.draw(text, grayscale: grayscale, quality: quality)
            for warning in cover.warnings { log.report(.warning(nil, warning)) }
            return AssetResolver.asset(cover.jpeg, type: .jpeg)
        } catch {
            log.report(.warning(nil, "cover could not be drawn (\(error)); \(lead == nil ? "the book has none" : "the lead picture is the cover")"))
            return lead
        }
    }

    private func fitted(_ data: Data, log: DiagnosticLog) -> Asset? {
        guard let type = ImageType.sniff(data) else {
            log.report(.warning(nil, "--cover: not a picture Bindery reads; a cover is drawn instead"))
            return nil
        }
        let processor = PictureProcessor(settings: PictureSettings(box: CoverArtist.size, grayscale: grayscale, quality: 90),
                                         accepted: [.jpeg, .png])
        switch processor.process(data, type: type) {
        case .original: return AssetResolver.asset(data, type: type)
        case .converted(let bytes, let type): return AssetResolver.asset(bytes, type: type)
        case .dropped, .undecodable:
            log.report(.warning(nil, "--cover: the picture cannot be decoded; a cover is drawn instead"))
            return nil
        }
    }
}
