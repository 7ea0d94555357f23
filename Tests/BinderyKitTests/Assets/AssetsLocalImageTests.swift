import XCTest
@testable import BinderyKit

final class AssetsLocalImageTests: XCTestCase {
    private var sandbox: URL!
    private var root: URL!

    override func setUpWithError() throws {
        sandbox = try AssetsFixtures.temporaryFolder()
        root = sandbox.appendingPathComponent("archive", isDirectory: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("week/images"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("shared"), withIntermediateDirectories: true)
        try AssetsFixtures.png(width: 10, height: 10).write(to: root.appendingPathComponent("week/images/a.png"))
        try AssetsFixtures.gif(width: 5, height: 5).write(to: root.appendingPathComponent("shared/logo.gif"))
        // A real image outside the root: must never be bundled.
        try AssetsFixtures.jpeg(width: 9, height: 9).write(to: sandbox.appendingPathComponent("secret.jpg"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: sandbox)
    }

    private func resolve(_ body: [Node], url: String? = nil) -> ResolvedArticle {
        let resolver = AssetResolver(options: AssetsFixtures.options(cache: nil))
        let article = AssetsFixtures.article(root: root, relativePath: "week/article.txt", url: url)
        return resolver.resolve(AssetsFixtures.cleaned(article, body))
    }

    func testRelativeFileInsideRootIsBundled() {
        let result = resolve([AssetsFixtures.img("images/a.png", alt: "A")])
        XCTAssertEqual(result.assets.count, 1)
        XCTAssertEqual(result.assets.first?.type, .png)
        let name = SHA256.hexDigest(AssetsFixtures.png(width: 10, height: 10)).prefix(16) + ".png"
        XCTAssertEqual(result.assets.first?.fileName, String(name))
        XCTAssertEqual(result.article.body, [.paragraph([.picture(Picture(source: "images/a.png", alt: "A", binding: .bundled(fileName: String(name))))])])
        XCTAssertTrue(result.diagnostics.isEmpty)
    }

    func testDotDotInsideRootIsAccepted() {
        let result = resolve([AssetsFixtures.img("../shared/logo.gif")])
        XCTAssertEqual(result.assets.map(\.type), [.gif])
    }

    func testEscapesAreRefusedWithAWarning() throws {
        for src in ["../../secret.jpg", "/" + sandbox.path.dropFirst() + "/secret.jpg", "file://" + sandbox.path + "/secret.jpg"] {
            let result = resolve([AssetsFixtures.img(src, alt: "secret")])
            XCTAssertTrue(result.assets.isEmpty, src)
            XCTAssertEqual(result.missingImages, 1, src)
            XCTAssertEqual(result.article.body, [.paragraph([.picture(Picture(source: src, alt: "secret", binding: .missing))])], src)
            XCTAssertEqual(result.diagnostics.count, 1, src)
            XCTAssertEqual(result.diagnostics.first?.file, "week/article.txt")
            XCTAssertTrue(result.diagnostics.first?.message.contains(src) ?? false, "\(src): \(result.diagnostics)")
        }
    }

    func testSymlinkOutOfRootIsRefused() throws {
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("week/images/link.jpg").path,
                                                   withDestinationPath: sandbox.appendingPathComponent("secret.jpg").path)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("week/out").path,
                                                   withDestinationPath: sandbox.path)
        for src in ["images/link.jpg", "out/secret.jpg"] {
            let result = resolve([AssetsFixtures.img(src)])
            XCTAssertTrue(result.assets.isEmpty, src)
            XCTAssertTrue(result.diagnostics.first?.message.contains("outside the input folder") ?? false, "\(result.diagnostics)")
            XCTAssertEqual(result.article.body, [], "empty alt leaves nothing")
        }
    }

    func testSymlinkInsideRootIsFollowed() throws {
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("week/images/alias.gif").path,
                                                   withDestinationPath: root.appendingPathComponent("shared/logo.gif").path)
        XCTAssertEqual(resolve([AssetsFixtures.img("images/alias.gif")]).assets.map(\.type), [.gif])
    }

    func testTypeComesFromBytesNotName() throws {
        try AssetsFixtures.png(width: 3, height: 3).write(to: root.appendingPathComponent("week/images/named.jpg"))
        try Data("hello, not an image".utf8).write(to: root.appendingPathComponent("week/images/text.png"))
        let png = resolve([AssetsFixtures.img("images/named.jpg")])
        XCTAssertEqual(png.assets.first?.type, .png)
        XCTAssertTrue(png.assets.first?.fileName.hasSuffix(".png") ?? false)
        let text = resolve([AssetsFixtures.img("images/text.png", alt: "t")])
        XCTAssertTrue(text.assets.isEmpty)
        XCTAssertTrue(text.diagnostics.first?.message.contains("not an image") ?? false, "\(text.diagnostics)")
    }

    func testUnsafeLocalSVGIsRefusedAndSafeOneAccepted() throws {
        try Data("<svg onload='x()'></svg>".utf8).write(to: root.appendingPathComponent("week/images/bad.svg"))
        try AssetsFixtures.safeSVG.write(to: root.appendingPathComponent("week/images/good.svg"))
        XCTAssertTrue(resolve([AssetsFixtures.img("images/bad.svg")]).assets.isEmpty)
        XCTAssertEqual(resolve([AssetsFixtures.img("images/good.svg")]).assets.first?.type, .svg)
    }

    func testMissingFileWithoutArticleURLIsAWarning() {
        let result = resolve([AssetsFixtures.img("images/none.png", alt: "gone")])
        XCTAssertEqual(result.missingImages, 1)
        XCTAssertTrue(result.diagnostics.first?.message.contains("images/none.png") ?? false)
    }

    func testMissingFileWithArticleURLBecomesRemote() {
        let resolver = AssetResolver(options: AssetsFixtures.options(cache: nil))
        let article = AssetsFixtures.article(root: root, relativePath: "week/article.txt", url: "https://news.example.com/2024/01/story.html")
        let cleaned = AssetsFixtures.cleaned(article, [AssetsFixtures.img("pics/none.png"), AssetsFixtures.img("images/a.png")])
        XCTAssertEqual(resolver.remoteReferences(in: cleaned), [URL(string: "https://news.example.com/2024/01/pics/none.png")!])
    }

    func testDataURIIsDecodedAndSniffed() {
        let png = AssetsFixtures.png(width: 2, height: 2)
        let ok = resolve([AssetsFixtures.img("data:image/png;base64," + png.base64EncodedString())])
        XCTAssertEqual(ok.assets.first?.data, png)
        let html = resolve([AssetsFixtures.img("data:image/png;base64," + Data("<html>".utf8).base64EncodedString(), alt: "x")])
        XCTAssertTrue(html.assets.isEmpty)
        XCTAssertEqual(html.missingImages, 1)
    }

    func testOtherSchemesAreRefused() {
        let result = resolve([AssetsFixtures.img("ftp://example.com/a.png", alt: "f"), AssetsFixtures.img("javascript:alert(1)")])
        XCTAssertTrue(result.assets.isEmpty)
        XCTAssertEqual(result.missingImages, 2)
        XCTAssertEqual(result.diagnostics.count, 2)
    }
}
