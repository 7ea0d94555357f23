import XCTest
@testable import BinderyKit
import HTTPTestServer

/// Remote images against a local HTTP server started by the test itself.
final class AssetsFetchTests: XCTestCase {
    private var server: LocalHTTPServer!
    private var sandbox: URL!
    private var cache: URL!

    static let jpeg = AssetsFixtures.jpeg(width: 640, height: 480)
    static let png = AssetsFixtures.png(width: 20, height: 10)
    static let gif = AssetsFixtures.gif(width: 30, height: 30)
    static let webp = AssetsFixtures.webp(width: 50, height: 40)
    /// What the test proxy serves: a different image than the origin's.
    static let proxied = AssetsFixtures.gif(width: 64, height: 48, seed: 7)

    override func setUpWithError() throws {
        sandbox = try AssetsFixtures.temporaryFolder()
        cache = sandbox.appendingPathComponent("cache", isDirectory: true)
        server = try LocalHTTPServer { path, previousHits in
            let big = Data(repeating: 0xFF, count: 1_200_000)
            switch path {
            case "/a.jpg": return .ok(Self.jpeg)
            case "/b.png": return .ok(Self.png, type: "image/png")
            case "/c.gif": return .ok(Self.gif, type: "image/gif")
            case "/d.webp": return .ok(Self.webp, type: "image/webp")
            case "/e.svg": return .ok(AssetsFixtures.safeSVG, type: "image/svg+xml")
            case "/evil.svg": return .ok(Data("<svg><script>x()</script></svg>".utf8), type: "image/svg+xml")
            case "/copy.jpg": return .ok(Self.jpeg)
            case "/r1": return .redirect("/r2", status: 301)
            case "/r2": return .redirect("/r3")
            case "/r3": return .redirect("/a.jpg")
            case "/missing.png": return .status(404)
            case "/flaky.png": return previousHits == 0 ? .status(500) : .ok(Self.png, type: "image/png")
            case "/broken.png": return .status(503)
            case "/slow.jpg": return LocalHTTPServer.Response(status: 200, body: Self.jpeg, delay: 4)
            case "/big.jpg": return .ok(Data([0xFF, 0xD8, 0xFF]) + big)
            case "/big-unannounced.jpg":
                return LocalHTTPServer.Response(status: 200, body: Data([0xFF, 0xD8, 0xFF]) + big, contentLength: -1)
            case "/error-page.jpg":
                return .ok(Data("<!DOCTYPE html><html><body>Oops</body></html>".utf8), type: "image/jpeg")
            case "/to-file": return .redirect("file:///etc/passwd")
            case "/to-ftp": return .redirect("ftp://127.0.0.1/a.jpg")
            default:
                if path.hasPrefix("/loop/"), let n = Int(path.dropFirst(6)) { return .redirect("/loop/\(n + 1)") }
                if path.hasPrefix("/proxy?url=") { return .ok(Self.proxied, type: "image/gif") }
                if path.hasPrefix("/deadproxy?url=") { return .status(404) }
                return .status(404)
            }
        }
    }

    override func tearDownWithError() throws {
        server.stop()
        try? FileManager.default.removeItem(at: sandbox)
    }

    private var proxies: [ImageProxy] {
        [ImageProxy(host: "127.0.0.1:\(server.port)", style: .queryParameter)]
    }

    private func resolver(offline: Bool = false, policy: ImageSourcePolicy = .asWritten, timeout: TimeInterval = 2,
                          budget: Int = 100_000_000, now: @escaping @Sendable () -> Date = { Date() }) -> AssetResolver {
        AssetResolver(options: AssetsFixtures.options(cache: cache, offline: offline, policy: policy, proxies: proxies,
                                                      timeout: timeout, budget: budget, now: now))
    }

    private func article(_ paths: [String]) -> CleanedArticle {
        let article = AssetsFixtures.article(root: sandbox, relativePath: "week/story.txt")
        return AssetsFixtures.cleaned(article, paths.map { AssetsFixtures.img(server.base + $0, alt: "alt \($0)") })
    }

    /// Resolves one image and returns its asset or the warning.
    private func fetch(_ path: String, with resolver: AssetResolver? = nil) -> (asset: Asset?, warning: String?) {
        let result = (resolver ?? self.resolver()).resolve(article([path]))
        return (result.assets.first, result.diagnostics.first?.message)
    }

    // MARK: - Fetching

    func testFetchesEachImageTypeByBytesWithBinderyUserAgent() {
        let resolver = self.resolver()
        let cleaned = article(["/a.jpg", "/b.png", "/c.gif", "/d.webp", "/e.svg"])
        resolver.prefetch(resolver.remoteReferences(in: cleaned))
        let result = resolver.resolve(cleaned)
        XCTAssertEqual(result.assets.map(\.type), [.jpeg, .png, .gif, .webp, .svg])
        XCTAssertEqual(result.assets.first?.data, Self.jpeg)
        XCTAssertTrue(result.diagnostics.isEmpty, "\(result.diagnostics)")
        XCTAssertEqual(result.article.body.pictures.map(\.binding), result.assets.map { .bundled(fileName: $0.fileName) })
        XCTAssertTrue(server.receivedUserAgents.allSatisfy { $0 == BinderyVersion.userAgent && $0.hasPrefix("Bindery/\(BinderyVersion.string) ") },
                      "\(server.receivedUserAgents)")
        XCTAssertEqual(server.receivedUserAgents.count, 5)
    }

    func testRedirectChainIsFollowed() {
        XCTAssertEqual(fetch("/r1").asset?.data, Self.jpeg)
        XCTAssertEqual(server.hitCount("/a.jpg"), 1)
    }

    func testTooManyRedirectsFail() {
        let outcome = fetch("/loop/0")
        XCTAssertNil(outcome.asset)
        XCTAssertTrue(outcome.warning?.contains("more than 5 redirects") ?? false, outcome.warning ?? "")
        XCTAssertEqual(server.hitCount("/loop/5"), 1, "five redirects are followed")
        XCTAssertEqual(server.hitCount("/loop/6"), 0, "the sixth is not")
    }

    func testRedirectToOtherSchemesIsRefused() {
        for path in ["/to-file", "/to-ftp"] {
            let outcome = fetch(path)
            XCTAssertNil(outcome.asset, path)
            XCTAssertTrue(outcome.warning?.contains("refused") ?? false, "\(path): \(outcome.warning ?? "")")
        }
    }

    func testNotFoundFailsWithoutRetry() {
        let outcome = fetch("/missing.png")
        XCTAssertNil(outcome.asset)
        XCTAssertTrue(outcome.warning?.contains("HTTP status 404") ?? false, outcome.warning ?? "")
        XCTAssertEqual(server.hitCount("/missing.png"), 1)
    }

    func testAnUnreachableHostCostsOneAttemptNotOnePerPicture() throws {
        // A port where nothing listens: the connection is refused.
        let closed = try LocalHTTPServer { _, _ in .status(200) }
        let deadBase = closed.base
        closed.stop()
        let resolver = self.resolver()
        let paths = (1...8).map { "\(deadBase)/p\($0).jpg" }
        let cleaned = AssetsFixtures.cleaned(AssetsFixtures.article(root: sandbox, relativePath: "week/story.txt"),
                                             paths.map { AssetsFixtures.img($0, alt: "a") })
        let start = Date()
        resolver.prefetch(resolver.remoteReferences(in: cleaned))
        let result = resolver.resolve(cleaned)
        XCTAssertTrue(result.assets.isEmpty)
        XCTAssertEqual(result.diagnostics.count, 8)
        XCTAssertTrue(result.diagnostics.contains { $0.message.contains("did not answer earlier in this run") },
                      "\(result.diagnostics)")
        XCTAssertLessThanOrEqual(resolver.requestsMade, 6, "at most one request per download job")
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
        // A working host in the same run is unaffected.
        XCTAssertNotNil(fetch("/a.jpg", with: resolver).asset)
    }

    func testServerErrorIsRetriedOnce() {
        XCTAssertEqual(fetch("/flaky.png").asset?.data, Self.png)
        XCTAssertEqual(server.hitCount("/flaky.png"), 2)
        XCTAssertNil(fetch("/broken.png", with: resolver()).asset)
        XCTAssertEqual(server.hitCount("/broken.png"), 2, "one retry, not more")
    }

    func testSlowResponseTimesOut() {
        let start = Date()
        let outcome = fetch("/slow.jpg", with: resolver(timeout: 1))
        XCTAssertNil(outcome.asset)
        XCTAssertTrue(outcome.warning?.contains("timed out") ?? false, outcome.warning ?? "")
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertEqual(server.hitCount("/slow.jpg"), 2, "timeouts are retried once")
        XCTAssertGreaterThan(elapsed, 1.9, "each attempt waits the whole timeout")
        XCTAssertLessThan(elapsed, 3.5, "the timeout cuts the 4 s wait short")
    }

    func testOversizeBodyIsRefused() {
        for path in ["/big.jpg", "/big-unannounced.jpg"] {
            let outcome = fetch(path)
            XCTAssertNil(outcome.asset, path)
            XCTAssertTrue(outcome.warning?.contains("larger than 1000000 bytes") ?? false, "\(path): \(outcome.warning ?? "")")
        }
    }

    func testHTMLServedAsImageIsAFailure() {
        let outcome = fetch("/error-page.jpg")
        XCTAssertNil(outcome.asset)
        XCTAssertTrue(outcome.warning?.contains("not an image (served as image/jpeg)") ?? false, outcome.warning ?? "")
        XCTAssertNil(fetch("/evil.svg").asset)
    }

    func testFailureLeavesAltTextAndNamesFileAndURL() {
        let result = resolver().resolve(article(["/missing.png"]))
        XCTAssertEqual(result.article.body, [.paragraph([.picture(Picture(source: server.base + "/missing.png", alt: "alt /missing.png",
                                                                            binding: .missing))])])
        XCTAssertEqual(result.diagnostics.first?.file, "week/story.txt")
        XCTAssertTrue(result.diagnostics.first?.message.contains(server.base + "/missing.png") ?? false)
        XCTAssertEqual(result.missingImages, 1)
    }

    // MARK: - Cache

    func testDuplicateURLsAreFetchedOnceAndIdenticalContentStoredOnce() {
        let resolver = self.resolver()
        let cleaned = article(["/a.jpg", "/a.jpg", "/copy.jpg"])
        let urls = resolver.remoteReferences(in: cleaned)
        XCTAssertEqual(urls.count, 2)
        resolver.prefetch(urls + urls)
        XCTAssertEqual(AssetLedger().admit(resolver.resolve(cleaned).assets).count, 1)
        XCTAssertEqual(server.hitCount("/a.jpg"), 1)
        XCTAssertEqual(server.hitCount("/copy.jpg"), 1)
        let blobs = (try? FileManager.default.contentsOfDirectory(atPath: cache.appendingPathComponent("blobs").path)) ?? []
        XCTAssertEqual(blobs, [SHA256.hexDigest(Self.jpeg)])
    }

    func testSecondRunWithSameCacheMakesNoRequests() {
        let paths = ["/a.jpg", "/b.png", "/r1", "/c.gif"]
        let first = resolver()
        first.prefetch(first.remoteReferences(in: article(paths)))
        let firstAssets = first.resolve(article(paths)).assets
        let hits = server.totalHits
        XCTAssertGreaterThan(hits, 0)

        let second = resolver()
        second.prefetch(second.remoteReferences(in: article(paths)))
        XCTAssertEqual(second.resolve(article(paths)).assets, firstAssets)
        XCTAssertEqual(server.totalHits, hits, "nothing downloaded twice")
        XCTAssertEqual(second.requestsMade, 0)
    }

    func testOfflineUsesCacheOnlyWithServerStopped() {
        let online = resolver()
        let expected = online.resolve(article(["/a.jpg", "/d.webp"])).assets
        server.stop()
        let offline = resolver(offline: true)
        let result = offline.resolve(article(["/a.jpg", "/d.webp", "/b.png"]))
        XCTAssertEqual(result.assets, expected)
        XCTAssertEqual(result.diagnostics.count, 1)
        XCTAssertTrue(result.diagnostics.first?.message.contains("not in the image cache") ?? false)
        XCTAssertEqual(offline.requestsMade, 0)
    }

    func testFailuresAreRememberedUntilTheyExpire() {
        XCTAssertNil(fetch("/missing.png").asset)
        XCTAssertEqual(server.hitCount("/missing.png"), 1)
        let again = fetch("/missing.png")
        XCTAssertTrue(again.warning?.contains("remembered") ?? false, again.warning ?? "")
        XCTAssertEqual(server.hitCount("/missing.png"), 1, "a dead URL is not hammered")
        let later = resolver(now: { Date().addingTimeInterval(2 * 3600) })
        XCTAssertNil(fetch("/missing.png", with: later).asset)
        XCTAssertEqual(server.hitCount("/missing.png"), 2, "tried again after the memory expired")
    }

    func testCacheHoldsNoTemporaryFilesAndValidEntries() throws {
        _ = fetch("/a.jpg")
        _ = fetch("/missing.png")
        let urls = try FileManager.default.contentsOfDirectory(atPath: cache.appendingPathComponent("urls").path).sorted()
        XCTAssertEqual(urls.count, 2)
        XCTAssertTrue(urls.allSatisfy { $0.count == 64 && !$0.hasPrefix(".") })
        let entry = try Data(contentsOf: cache.appendingPathComponent("urls/\(SHA256.hexDigest(server.base + "/a.jpg"))"))
        XCTAssertEqual(AssetCache.parseEntry(entry), .image(hash: SHA256.hexDigest(Self.jpeg), type: .jpeg))
    }

    func testConcurrentWritersToOneCacheAgree() {
        let paths = (0..<8).map { _ in "/a.jpg" } + ["/b.png", "/c.gif"]
        let group = DispatchGroup()
        let references = resolver().remoteReferences(in: article(paths))
        for _ in 0..<4 {
            group.enter()
            let r = resolver()
            Thread {
                r.prefetch(references)
                group.leave()
            }.start()
        }
        XCTAssertEqual(group.wait(timeout: .now() + 20), .success)
        let check = resolver(offline: true).resolve(article(["/a.jpg", "/b.png", "/c.gif"]))
        XCTAssertEqual(check.assets.map(\.type), [.jpeg, .png, .gif])
    }

    func testUnusableCacheFolderFallsBackToMemoryWithAWarning() throws {
        let file = sandbox.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: file)
        let resolver = AssetResolver(options: AssetsFixtures.options(cache: file.appendingPathComponent("cache")))
        XCTAssertTrue(resolver.cacheDiagnostic?.message.contains("kept in memory") ?? false, "\(String(describing: resolver.cacheDiagnostic))")
        XCTAssertEqual(resolver.resolve(article(["/a.jpg", "/a.jpg"])).assets.map(\.data), [Self.jpeg])
        XCTAssertEqual(server.hitCount("/a.jpg"), 1)
        XCTAssertNil(self.resolver().cacheDiagnostic)
    }

    // MARK: - Proxies and budget

    func testProxyPolicyChoosesWhichURLToFetchFirst() {
        let proxied = "/proxy?url=127.0.0.1:\(server.port)/a.jpg"
        XCTAssertEqual(fetch(proxied, with: resolver(policy: .asWritten)).asset?.data, Self.proxied)
        XCTAssertEqual(server.hitCount("/a.jpg"), 0)
        try? FileManager.default.removeItem(at: cache)
        XCTAssertEqual(fetch(proxied, with: resolver(policy: .origin)).asset?.data, Self.jpeg)
        XCTAssertEqual(server.hitCount(proxied), 1, "origin succeeded, proxy not asked again")
    }

    func testProxyFailureFallsBackToOrigin() {
        let outcome = fetch("/deadproxy?url=127.0.0.1:\(server.port)/b.png")
        XCTAssertEqual(outcome.asset?.data, Self.png)
        XCTAssertNil(outcome.warning)
    }

    func testDownloadBudgetStopsFurtherDownloads() {
        let resolver = self.resolver(budget: 10)
        let result = resolver.resolve(article(["/a.jpg", "/b.png"]))
        XCTAssertEqual(result.assets.map(\.type), [.jpeg])
        XCTAssertTrue(result.diagnostics.first?.message.contains("budget") ?? false, "\(result.diagnostics)")
        XCTAssertEqual(server.hitCount("/b.png"), 0)
    }
}
