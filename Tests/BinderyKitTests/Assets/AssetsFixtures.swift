import Foundation
@testable import BinderyKit

/// Minimal image files: valid signatures and headers, enough for sniffing
/// and dimension reading. `seed` varies the bytes so contents differ.
enum AssetsFixtures {
    static func png(width: Int, height: Int, seed: UInt8 = 0) -> Data {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
        bytes += Array("IHDR".utf8) + be32(width) + be32(height) + [8, 6, 0, 0, 0] + [0, 0, 0, seed]
        bytes += [0, 0, 0, 0] + Array("IEND".utf8) + [0xAE, 0x42, 0x60, 0x82]
        return Data(bytes)
    }

    static func jpeg(width: Int, height: Int, seed: UInt8 = 0) -> Data {
        var bytes: [UInt8] = [0xFF, 0xD8]
        // APP0 (JFIF), then a comment, then SOF0.
        bytes += [0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]
        bytes += [0xFF, 0xFE, 0x00, 0x03, seed]
        bytes += [0xFF, 0xC0, 0x00, 0x11, 0x08] + be16(height) + be16(width) + [3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]
        bytes += [0xFF, 0xD9]
        return Data(bytes)
    }

    static func gif(width: Int, height: Int, seed: UInt8 = 0) -> Data {
        Data(Array("GIF89a".utf8) + le16(width) + le16(height) + [0, 0, 0, seed, 0x3B])
    }

    /// Extended WebP (`VP8X`) header.
    static func webp(width: Int, height: Int, seed: UInt8 = 0) -> Data {
        var bytes = Array("RIFF".utf8) + [30, 0, 0, 0] + Array("WEBP".utf8) + Array("VP8X".utf8) + [10, 0, 0, 0]
        bytes += [0, 0, 0, 0] + le24(width - 1) + le24(height - 1) + [seed, 0]
        return Data(bytes)
    }

    static let safeSVG = Data("""
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><linearGradient id="g"/></defs>\
        <rect width="10" height="10" fill="url(#g)"/><use href="#g"/></svg>
        """.utf8)

    static func be16(_ v: Int) -> [UInt8] { [UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
    static func be32(_ v: Int) -> [UInt8] { [UInt8(v >> 24 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
    static func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
    static func le24(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF)] }

    /// A fresh temporary folder (real path), removed by the caller.
    static func temporaryFolder() throws -> URL {
        let base = URL(fileURLWithPath: NSTemporaryDirectory(), isDirectory: true)
            .appendingPathComponent("bindery-assets-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        return URL(fileURLWithPath: base.resolvingSymlinksInPath().path, isDirectory: true)
    }

    /// An article stored at `root/relativePath`, with an optional URL.
    static func article(root: URL, relativePath: String = "article.txt", url: String? = nil) -> Article {
        let file = root.appendingPathComponent(relativePath)
        return Article(origin: SourceFile(url: file, root: root, displayName: relativePath),
                       title: "Test", url: url.flatMap(URL.init(string:)), instant: nil)
    }

    /// `body` (cleaned HTML) as the cleaner hands it on: converted to content.
    static func cleaned(_ article: Article, _ body: [Node]) -> CleanedArticle {
        CleanedArticle(article: article, body: ContentConverter.blocks(body))
    }

    static func img(_ src: String, alt: String = "") -> Node {
        .element(Element("img", attributes: [Attribute("src", src), Attribute("alt", alt)]))
    }

    /// Options for tests: given cache folder, short timeouts, no retry pause.
    static func options(cache: URL?, includeImages: Bool = true, offline: Bool = false,
                        policy: ImageSourcePolicy = .asWritten, proxies: [ImageProxy] = [],
                        timeout: TimeInterval = 2, maxImageBytes: Int = 1_000_000,
                        budget: Int = 100_000_000, now: @escaping @Sendable () -> Date = { Date() }) -> AssetOptions {
        AssetOptions(includeImages: includeImages, offline: offline, sourcePolicy: policy, cacheDirectory: cache,
                     jobs: 4, requestTimeout: timeout, retryDelay: 0.05, maxRedirects: 5,
                     maxImageBytes: maxImageBytes, downloadBudgetBytes: budget, failureMemory: 3600,
                     proxies: proxies, now: now)
    }
}
