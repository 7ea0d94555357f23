import XCTest
@testable import BinderyKit

/// The rules that come with Bindery: built from `SiteRules/BuiltIn/*.json`, and
/// knowing the publishers FORMAT.md lists for the archives' feed hosts.
final class SiteRulesBuiltInTests: XCTestCase {
    func testEmbeddedRulesMatchSiteRulesFolder() throws {
        let folder = ExportSamplesFixture.packageRoot.appendingPathComponent("Sources/BinderyKit/SiteRules/BuiltIn")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
            .sorted { String.compareUTF8($0, $1) < 0 }
        XCTAssertEqual(BuiltInSiteRules.files.map(\.name), names, "SiteRules/BuiltIn/*.json and BuiltInSiteRules.swift differ: run Sources/BinderyKit/SiteRules/BuiltIn/embed.sh")
        for file in BuiltInSiteRules.files {
            let source = try String(contentsOf: folder.appendingPathComponent(file.name), encoding: .utf8)
            // A multi-line string literal drops the newline before its closing delimiter.
            XCTAssertTrue(file.text + "\n" == source, "\(file.name) differs from its embedded copy: run Sources/BinderyKit/SiteRules/BuiltIn/embed.sh")
        }
    }

    func testEveryBuiltInFileReadsAndNamesAreUnique() throws {
        var names = Set<String>()
        for file in BuiltInSiteRules.files {
            let sites = try RuleFileReader.read(file.text, file: file.name)
            XCTAssertFalse(sites.isEmpty, file.name)
            for site in sites {
                XCTAssertTrue(names.insert(site.name).inserted, "two built-in sites named \(site.name)")
                XCTAssertNotNil(site.publisher, "\(site.name) has no publisher name")
            }
        }
        XCTAssertEqual(SiteRules.builtIn.sites.count, names.count)
    }

    /// FORMAT.md, "Publisher names for the feed hosts of these archives".
    func testPublishersOfTheFeedHosts() {
        let expected: [(String, String)] = [
            ("https://www.voachinese.com/a/pakistan-iran/7447552.html", "美国之音"),
            ("https://www.bbc.com/zhongwen/simp/world-67890123", "BBC 中文"),
            ("https://www.bbc.co.uk/zhongwen/trad/world-67890123", "BBC 中文"),
            ("https://www.dw.com/zh/标题/a-67890123".addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed)!, "德国之声"),
            ("https://www.rfi.fr/cn/中国/20240111-x".addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed)!, "法广"),
            ("https://cn.reuters.com/article/idCNKBS2A90AB", "路透中文网"),
            ("https://cn.nytimes.com/china/20240110/x/", "纽约时报中文网"),
            ("https://cn.ft.com/story/001101234", "FT中文网"),
            ("https://www.rfa.org/mandarin/yataibaodao/x.html", "自由亚洲电台"),
            ("https://chinadigitaltimes.net/chinese/2024/01/x/", "中国数字时代"),
            ("https://www.economist.com/china/2024/01/13/x", "The Economist"),
        ]
        for (url, publisher) in expected {
            XCTAssertEqual(SiteRules.builtIn.publisher(for: URL(string: url)), publisher, url)
        }
        XCTAssertNil(SiteRules.builtIn.publisher(for: URL(string: "https://www.dw.com/en/x/a-1")), "only DW's Chinese pages")
        XCTAssertNil(SiteRules.builtIn.publisher(for: URL(string: "https://www.example.org/zh/a/1.html")))
    }
}
