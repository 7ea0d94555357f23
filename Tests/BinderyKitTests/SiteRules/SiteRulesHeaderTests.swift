import XCTest
@testable import BinderyKit

/// Title and byline rules, applied before the digest is built.
final class SiteRulesHeaderTests: XCTestCase {
    typealias S = SiteRulesTestSupport

    private func annotate(_ title: String, url: String = "https://news.example.org/a/1.html", author: String? = nil,
                          rules: SiteRules = .builtIn) -> Article {
        rules.annotate(S.article(title: title, url: url, author: author))
    }

    func testStripTitleAffixesCutsTheSiteSuffix() {
        let rfi = "https://www.rfi.fr/cn/x.html"
        let article = annotate("青湾灯会吸引数万游客 – 法国国际广播电台 - RFI", url: rfi)
        XCTAssertEqual(article.title, "青湾灯会吸引数万游客")
        XCTAssertEqual(article.appliedRules.first?.hasPrefix("rfi-cn: title.strip"), true, "\(article.appliedRules)")
        XCTAssertEqual(annotate("灯会 - 法國國際廣播電台 - RFI", url: rfi).title, "灯会")
        XCTAssertEqual(annotate("法广 – 法国国际广播电台 - RFI", url: rfi).title, "法广", "only the suffix")
        XCTAssertEqual(annotate("– 法国国际广播电台 - RFI", url: rfi).title, "– 法国国际广播电台 - RFI", "never to nothing")
        XCTAssertEqual(annotate("灯会 – 法国国际广播电台 - RFI", url: "https://www.voachinese.com/a/1.html").title,
                       "灯会 – 法国国际广播电台 - RFI", "another site's suffix stays")
    }

    func testMarkTitleTagsMakesLeadingLabelsMarkers() {
        var article = annotate("[视频]青湾渡口[新]夜航船首航")
        XCTAssertEqual(article.title, "青湾渡口[新]夜航船首航", "only leading labels")
        XCTAssertEqual(article.titleMarkers, ["视频"])
        XCTAssertEqual(article.displayTitle, "[视频] 青湾渡口[新]夜航船首航")
        XCTAssertEqual(article.appliedRules, ["MarkTitleTags"])
        article = annotate("【视频】[新] 东岛大桥合龙")
        XCTAssertEqual(article.titleMarkers, ["视频", "新"])
        XCTAssertEqual(article.displayTitle, "[视频] [新] 东岛大桥合龙")
        XCTAssertEqual(annotate("[Video] Harbour lights return").titleMarkers, ["Video"])
        for kept in ["[2024] Year in review", "[视频]", "[A rather long bracketed phrase] here", "Harbour [update]", "[C++] tips"] {
            let unchanged = annotate(kept)
            XCTAssertEqual(unchanged.title, kept)
            XCTAssertEqual(unchanged.titleMarkers, [])
        }
    }

    func testTitleViaPrefixKeepsTheRepostingSource() {
        var article = annotate("美国之音 | 青湾港务局公布冬季夜航船时刻表", url: "https://chinadigitaltimes.net/chinese/2024/01/x/")
        XCTAssertEqual(article.title, "青湾港务局公布冬季夜航船时刻表")
        XCTAssertEqual(article.via, "美国之音")
        XCTAssertEqual(article.publisher, "中国数字时代")
        XCTAssertEqual(article.appliedRules, ["TitleViaPrefix"])
        article = annotate("德国之声｜东岛湿地列入保护名录")
        XCTAssertEqual(article.title, "东岛湿地列入保护名录")
        XCTAssertEqual(article.via, "德国之声")
        XCTAssertEqual(annotate("联合国新闻 | 沿海城镇如何应对更强的冬季风暴").via, "联合国新闻")
        XCTAssertEqual(annotate("美國之音｜繁體標題").via, "美國之音", "aliases count")
        // Its own name: the prefix goes, there is no "via".
        article = annotate("美国之音 | 本台消息", url: "https://www.voachinese.com/a/1.html")
        XCTAssertEqual(article.title, "本台消息")
        XCTAssertNil(article.via)
        for kept in ["观点 | 青湾需要新码头吗", "美国之音报道：青湾", "美国之音 |", "美国之音"] {
            let unchanged = annotate(kept)
            XCTAssertEqual(unchanged.title, kept)
            XCTAssertNil(unchanged.via, kept)
        }
    }

    func testASiteViaPatternNamesItsSource() {
        let sites = S.sites(#"{"sites": [{"name": "wire", "hosts": "wire.example", "title": {"via": ["^【(.+?)】"]}}]}"#)
        let rules = SiteRules.builtIn.adding(sites)
        let article = annotate("【新华社】港口扩建获批", url: "https://wire.example/1", rules: rules)
        XCTAssertEqual(article.title, "港口扩建获批")
        XCTAssertEqual(article.via, "新华社")
        XCTAssertEqual(article.appliedRules, ["wire: title.via ^【(.+?)】"])
    }

    func testBylinePlaceholdersGo() {
        XCTAssertEqual(annotate("t", author: "null 李澄欣").author, "李澄欣")
        XCTAssertEqual(annotate("t", author: "undefined").author, nil)
        XCTAssertEqual(annotate("t", author: "陈晓岚, null").author, "陈晓岚")
        XCTAssertEqual(annotate("t", author: "null 陈晓岚").appliedRules, ["DropBylinePlaceholders"])
        XCTAssertEqual(annotate("t", author: "Nullarbor Smith").author, "Nullarbor Smith", "whole words only")
        XCTAssertEqual(annotate("t", author: "洪沙 （综合报道）").author, "洪沙 （综合报道）", "when in doubt, keep")
    }

    func testDoubledBylinesCollapse() {
        XCTAssertEqual(annotate("t", author: "KONEY BAI,KONEY BAI").author, "KONEY BAI")
        XCTAssertEqual(annotate("t", author: "黄安伟,黄安伟").author, "黄安伟")
        XCTAssertEqual(annotate("t", author: "黄安伟，黄安伟").author, "黄安伟")
        XCTAssertEqual(annotate("t", author: "Koney Bai, KONEY BAI").author, "Koney Bai")
        XCTAssertEqual(annotate("t", author: "张三、李四、张三").author, "张三、李四")
        XCTAssertEqual(annotate("t", author: "张三、李四").author, "张三、李四")
        XCTAssertEqual(annotate("t", author: "张三、李四").appliedRules, [])
        XCTAssertEqual(annotate("t", author: "null KONEY BAI,KONEY BAI").author, "KONEY BAI", "both rules")
    }

    func testTitleRulesComeBeforeTheDigest() throws {
        // Chapters, contents and note names use the annotated title.
        let articles = SiteRules.builtIn.annotate([
            S.article(title: "[视频]灯会 – 法国国际广播电台 - RFI", url: "https://www.rfi.fr/cn/a.html"),
        ])
        let digest = DigestBuilder(options: SelectionOptions(timeZone: TimeZone(identifier: "UTC")!)).build(articles)
        XCTAssertEqual(digest.articles.map(\.displayTitle), ["[视频] 灯会"])
        XCTAssertEqual(digest.articles.first?.publisherName, "法广")
    }

    func testWithoutRulesOnlyGenericRulesApply() {
        let article = annotate("美国之音 | 标题 – 法国国际广播电台 - RFI", url: "https://www.rfi.fr/cn/a.html", rules: .none)
        XCTAssertEqual(article.title, "美国之音 | 标题 – 法国国际广播电台 - RFI", "no site knows these names")
        XCTAssertNil(article.publisher)
        XCTAssertEqual(article.publisherName, "rfi.fr")
    }
}
