import XCTest
@testable import BinderyKit

/// What processing decides, recorded in the content model: a tracking pixel
/// goes without a trace (no warning, not counted missing, a link that only
/// held it goes too); a damaged picture is missing, with a warning whose
/// cause groups it with the others of its kind.
final class AssetsPictureBindingTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = try AssetsFixtures.temporaryFolder()
        try PictureFixtures.photo(width: 1, height: 1, as: ".gif").write(to: root.appendingPathComponent("pixel.gif"))
        try PictureFixtures.truncatedJPEG().write(to: root.appendingPathComponent("broken.jpg"))
        try PictureFixtures.photo(width: 400, height: 300, as: ".webp").write(to: root.appendingPathComponent("photo.webp"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private func resolver() -> AssetResolver {
        var options = AssetsFixtures.options(cache: root.appendingPathComponent("cache"))
        options.acceptedTypes = AssetOptions.epubTypes
        options.pictures = .digestDefault
        return AssetResolver(options: options)
    }

    private func cleaned(_ body: [Node]) -> CleanedArticle {
        AssetsFixtures.cleaned(AssetsFixtures.article(root: root), body)
    }

    func testTrackingPixelGoesWithoutATraceAndItsLinkWithIt() {
        let resolver = resolver()
        let pixelLink: Node = .element(Element("a", attributes: [Attribute("href", "https://x.org/")],
                                               children: [AssetsFixtures.img("pixel.gif", alt: "pixel")]))
        let result = resolver.resolve(cleaned([.element(Element("p", children: [.text("Text"), pixelLink])),
                                               AssetsFixtures.img("photo.webp", alt: "Photo")]))
        XCTAssertEqual(result.article.body.pictures.map(\.source), ["photo.webp"], "\(result.article.body)")
        XCTAssertEqual(result.article.body.first, .paragraph([.text("Text")]))
        XCTAssertEqual(result.assets.map(\.type), [.jpeg], "the WebP is converted for the EPUB")
        XCTAssertEqual(result.article.body.pictures.map(\.binding), [.bundled(fileName: result.assets[0].fileName)])
        XCTAssertEqual(result.missingImages, 0)
        XCTAssertEqual(resolver.missingImageCount, 0)
        XCTAssertTrue(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    func testDamagedPictureIsMissingBesideItsCaptionWithAGroupedWarning() {
        let resolver = resolver()
        let figure: Node = .element(Element("figure", children: [
            AssetsFixtures.img("broken.jpg"), .element(Element("figcaption", children: [.text("Harbour")])),
        ]))
        let result = resolver.resolve(cleaned([figure]))
        XCTAssertEqual(result.article.body, [.figure(Figure(pictures: [Picture(source: "broken.jpg", alt: "", binding: .missing)],
                                                          caption: [.text("Harbour")]))])
        XCTAssertEqual(result.missingImages, 1)
        XCTAssertEqual(result.diagnostics.count, 1)
        let warning = result.diagnostics[0]
        XCTAssertEqual(warning.kind, .pictureMissing)
        XCTAssertEqual(warning.subject, "broken.jpg")
        XCTAssertTrue(warning.message.contains("damaged picture"), warning.message)
        XCTAssertEqual(warning.cause, "pictures left out: damaged picture")
    }
}
