import XCTest
@testable import BinderyKit

final class AssetsResolverTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = try AssetsFixtures.temporaryFolder()
        try AssetsFixtures.png(width: 10, height: 10).write(to: root.appendingPathComponent("a.png"))
        try AssetsFixtures.png(width: 10, height: 10).write(to: root.appendingPathComponent("copy-of-a.png"))
        try AssetsFixtures.jpeg(width: 800, height: 600).write(to: root.appendingPathComponent("b.jpg"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private func cleaned(_ body: [Node]) -> CleanedArticle {
        AssetsFixtures.cleaned(AssetsFixtures.article(root: root), body)
    }

    private func figure(_ src: String, caption: String) -> Node {
        .element(Element("figure", children: [
            AssetsFixtures.img(src, alt: "alt text"),
            .element(Element("figcaption", children: [.text(caption)])),
        ]))
    }

    func testPicturesAreFoundWhereverTheySit() {
        let body: [Node] = [
            figure("a.png", caption: "c"),
            .element(Element("p", children: [.text("x"), .element(Element("a", attributes: [Attribute("href", "https://x.org/")],
                                                                          children: [AssetsFixtures.img("b.jpg")]))])),
        ]
        XCTAssertEqual(cleaned(body).body.pictures.map(\.source), ["a.png", "b.jpg"])
        XCTAssertEqual(cleaned([.text("none")]).body.pictures, [])
    }

    func testFailedFigureImageStaysMissingBesideItsCaption() {
        let resolver = AssetResolver(options: AssetsFixtures.options(cache: nil))
        let result = resolver.resolve(cleaned([figure("missing.png", caption: "Caption")]))
        XCTAssertEqual(result.article.body, [.figure(Figure(pictures: [Picture(source: "missing.png", alt: "alt text", binding: .missing)],
                                                          caption: [.text("Caption")]))])
        XCTAssertEqual(result.missingImages, 1)
        XCTAssertEqual(resolver.missingImageCount, 1)
    }

    func testLinkWrappingOnlyADroppedImageGoesToo() {
        let resolver = AssetResolver(options: AssetsFixtures.options(cache: nil, includeImages: false))
        let linked: Node = .element(Element("a", attributes: [Attribute("href", "https://x.org/")], children: [AssetsFixtures.img("a.png")]))
        let kept: Node = .element(Element("a", attributes: [Attribute("href", "https://x.org/")], children: [AssetsFixtures.img("a.png", alt: "A")]))
        let result = resolver.resolve(cleaned([.element(Element("p", children: [linked, .text("t"), kept]))]))
        XCTAssertEqual(result.article.body, [.paragraph([
            .text("t"), .link(href: "https://x.org/", [.picture(Picture(source: "a.png", alt: "A", binding: .missing))]),
        ])])
    }

    func testTypesTheOutputCannotCarryAreLeftOutWithAWarning() throws {
        try AssetsFixtures.webp(width: 300, height: 200).write(to: root.appendingPathComponent("w.webp"))
        var options = AssetsFixtures.options(cache: nil)
        options.acceptedTypes = AssetOptions.epubTypes
        let resolver = AssetResolver(options: options)
        let result = resolver.resolve(cleaned([figure("w.webp", caption: "Web picture"), figure("b.jpg", caption: "Photo")]))
        XCTAssertEqual(result.assets.map(\.type), [.jpeg])
        XCTAssertEqual(result.missingImages, 1)
        XCTAssertEqual(result.diagnostics.count, 1)
        XCTAssertTrue(result.diagnostics[0].message.contains("image/webp"), result.diagnostics[0].message)
        XCTAssertEqual(result.article.body.pictures.map(\.binding), [.missing, .bundled(fileName: result.assets[0].fileName)])
    }

    func testImagesDisabledMarksEveryPictureMissingSilently() {
        let resolver = AssetResolver(options: AssetsFixtures.options(cache: nil, includeImages: false))
        let body: [Node] = [figure("a.png", caption: "Cap"), AssetsFixtures.img("b.jpg", alt: "Bee"), AssetsFixtures.img("b.jpg")]
        let result = resolver.resolve(cleaned(body))
        XCTAssertTrue(result.assets.isEmpty)
        XCTAssertTrue(result.diagnostics.isEmpty)
        XCTAssertEqual(result.article.body, [
            .figure(Figure(pictures: [Picture(source: "a.png", alt: "alt text", binding: .missing)], caption: [.text("Cap")])),
            .paragraph([.picture(Picture(source: "b.jpg", alt: "Bee", binding: .missing))]),
        ])
        XCTAssertEqual(resolver.missingImageCount, 2)  // distinct pictures: b.jpg twice is one
        XCTAssertEqual(resolver.remoteReferences(in: cleaned([AssetsFixtures.img("https://x.org/a.png")])), [])
    }

    func testIdenticalContentIsOneAssetAndNewOnlyOnce() {
        let resolver = AssetResolver(options: AssetsFixtures.options(cache: nil))
        let ledger = AssetLedger()
        let first = resolver.resolve(cleaned([AssetsFixtures.img("a.png"), AssetsFixtures.img("copy-of-a.png"), AssetsFixtures.img("b.jpg")]))
        XCTAssertEqual(ledger.admit(first.assets).map(\.type), [.png, .jpeg])
        let bindings = first.article.body.pictures.map(\.binding)
        XCTAssertEqual(bindings[0], bindings[1], "same content, same file")
        XCTAssertEqual(bindings, [first.assets[0], first.assets[0], first.assets[1]].map { .bundled(fileName: $0.fileName) })
        let second = resolver.resolve(cleaned([AssetsFixtures.img("b.jpg"), AssetsFixtures.img("a.png")]))
        XCTAssertTrue(ledger.admit(second.assets).isEmpty)
        XCTAssertEqual(second.article.body.pictures.count, 2)
    }

    func testLedgerAdmitsInCallOrder() {
        let a = AssetResolver.asset(AssetsFixtures.png(width: 1, height: 1), type: .png)
        let b = AssetResolver.asset(AssetsFixtures.gif(width: 1, height: 1), type: .gif)
        let ledger = AssetLedger()
        XCTAssertEqual(ledger.admit([b, a, b]).map(\.fileName), [b.fileName, a.fileName])
        XCTAssertEqual(ledger.admit([a]), [])
    }

    func testConcurrentResolveThenOrderedAdmitIsDeterministic() {
        let resolver = AssetResolver(options: AssetsFixtures.options(cache: nil))
        let articles = (0..<40).map { i in cleaned([AssetsFixtures.img(i % 2 == 0 ? "a.png" : "b.jpg")]) }
        var results = [ResolvedArticle?](repeating: nil, count: articles.count)
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: articles.count) { i in
            let r = resolver.resolve(articles[i])
            lock.lock()
            results[i] = r
            lock.unlock()
        }
        let ledger = AssetLedger()
        let newPerArticle = results.map { ledger.admit($0?.assets ?? []).map(\.type) }
        XCTAssertEqual(newPerArticle[0], [.png])
        XCTAssertEqual(newPerArticle[1], [.jpeg])
        XCTAssertTrue(newPerArticle.dropFirst(2).allSatisfy { $0.isEmpty })
    }

    func testCoverIsLargestByAreaFirstOnTiesAndSkipsIcons() {
        let small = AssetResolver.asset(AssetsFixtures.png(width: 200, height: 200), type: .png)
        let large = AssetResolver.asset(AssetsFixtures.jpeg(width: 1200, height: 800), type: .jpeg)
        let tie = AssetResolver.asset(AssetsFixtures.webp(width: 800, height: 1200), type: .webp)
        let banner = AssetResolver.asset(AssetsFixtures.gif(width: 5000, height: 20), type: .gif)
        XCTAssertEqual(AssetResolver.coverImage(among: [small, large, tie, banner])?.fileName, large.fileName)
        XCTAssertEqual(AssetResolver.coverImage(among: [small, tie, large])?.fileName, tie.fileName)
        XCTAssertNil(AssetResolver.coverImage(among: [banner]))
        XCTAssertNil(AssetResolver.coverImage(among: []))
    }
}
