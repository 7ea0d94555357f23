import Foundation
import XCTest
@testable import BinderyKit

/// Articles and cleaning for the site rule tests.
enum SiteRulesTestSupport {
    static func article(title: String = "Test", url: String, author: String? = nil) -> Article {
        let file = URL(fileURLWithPath: "/tmp/archive/001_site.txt")
        return Article(origin: SourceFile(url: file, root: file.deletingLastPathComponent(), displayName: "001_site.txt"),
                       title: title, url: URL(string: url), instant: nil, author: author)
    }

    /// `html` cleaned as an article at `url`, with `rules`.
    static func clean(_ html: String, url: String, rules: SiteRules = .builtIn) -> CleanedArticle {
        ArticleCleaner(siteRules: rules).clean(article(url: url), html: html).0
    }

    /// The cleaned tree of `html`, serialized (Bindery's own elements included).
    static func tree(_ html: String, url: String, rules: SiteRules = .builtIn) -> String {
        XHTMLSerializer.serialize(ArticleCleaner(siteRules: rules).cleanTree(article(url: url), html: html).0)
    }

    /// A rule file's sites, or the test fails.
    static func sites(_ json: String, file: StaticString = #filePath, line: UInt = #line) -> [SiteRule] {
        do {
            return try RuleFileReader.read(json, file: "test.json")
        } catch {
            XCTFail("\(error)", file: file, line: line)
            return []
        }
    }

    /// The error a rule file gets.
    static func problem(_ json: String) -> SiteRulesError? {
        do {
            _ = try RuleFileReader.read(json, file: "rules.json")
            return nil
        } catch {
            return error as? SiteRulesError
        }
    }

    /// The folder of site-template fixtures (`Tests/SiteArchive`).
    static var siteArchive: URL { ExportSamplesFixture.packageRoot.appendingPathComponent("Tests/SiteArchive") }
}
