import XCTest
@testable import BinderyKit

/// The built-in site rules, one fixture per FORMAT.md excerpt, and a
/// user's rules of every kind.
final class MarkupSiteRuleTests: XCTestCase {
    typealias S = SiteRulesTestSupport

    private func paragraphs(_ body: [Block]) -> [String] {
        body.compactMap { block in
            if case .paragraph(let run) = block { return run.plainText }
            return nil
        }
    }

    func testDWCopyrightNoticeGoes() {
        let html = """
            <p>距离元宵灯会还有一个多月。</p><p>© 2020年 德国之声版权声明：本文所有内容受到著作权法保护，如无德国之声特别授权，不得擅自使用。</p>
            """
        let cleaned = S.clean(html, url: "https://www.dw.com/zh/灯会/a-67890123".addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed)!)
        XCTAssertEqual(paragraphs(cleaned.body), ["距离元宵灯会还有一个多月。"])
        XCTAssertEqual(cleaned.removed.map(\.rule), ["dw-zh: lines ^©\\s*\\d{4}\\s*年?\\s*(德国之声版权声明|德國之聲版權聲明)"])
        // Elsewhere the same words are the article's.
        XCTAssertEqual(paragraphs(S.clean(html, url: "https://news.example.org/a.html").body).count, 2)
    }

    func testReutersCreditIsKeptAndTheBadgeGoes() {
        let html = """
            <div class="StandardArticleBody_body"><p>路透青湾1月9日 - 合作社周二公布收入。</p>\
            <div class="Attribution_container"><div class="Attribution_attribution"><p class="Attribution_content">编译 王五;审校 赵六</p></div></div>\
            <div class="StandardArticleBody_trustBadgeContainer"><span class="StandardArticleBody_trustBadgeTitle">我们的标准：</span>\
            <span class="trustBadgeUrl"><a href="https://www.thomsonreuters.com/en/about-us/trust-principles.html">汤森路透“信任原则”</a></span></div></div>
            """
        let cleaned = S.clean(html, url: "https://cn.reuters.com/article/idCNKBS2A90AB")
        XCTAssertEqual(paragraphs(cleaned.body), ["路透青湾1月9日 - 合作社周二公布收入。"])
        XCTAssertEqual(cleaned.credits, ["编译 王五;审校 赵六"])
        XCTAssertEqual(cleaned.removed, [RemovedText(rule: "reuters-cn: remove [class*=trustBadgeContainer]", text: "我们的标准：汤森路透“信任原则”")])
    }

    func testNYTTranslationCreditAndEnglishOriginal() {
        let html = """
            <p>如今只剩下一条船。</p><p>林小雨自青湾对本文有报道贡献。</p>翻译：纽约时报中文网<br/>\
            <a href="https://www.nytimes.com/2024/01/09/world/asia/qingwan-ferrymen.html">点击查看本文英文版。</a>
            """
        let cleaned = S.clean(html, url: "https://cn.nytimes.com/china/20240110/qingwan-ferrymen/")
        XCTAssertEqual(paragraphs(cleaned.body), ["如今只剩下一条船。"])
        XCTAssertEqual(cleaned.credits, ["林小雨自青湾对本文有报道贡献。", "翻译：纽约时报中文网"], "in the order they stood")
        XCTAssertEqual(cleaned.originalVersion,
                       OriginalVersion(href: "https://www.nytimes.com/2024/01/09/world/asia/qingwan-ferrymen.html", language: "en"))
        XCTAssertEqual(cleaned.removed.map(\.text), ["点击查看本文英文版。"])
        // Traditional characters, inside the last paragraph.
        let hant = #"<p>正文。<br/>翻譯：紐約時報中文網<br/><a href="https://www.nytimes.com/x.html">點擊查看本文英文版。</a></p>"#
        let traditional = S.clean(hant, url: "https://cn.nytimes.com/zh-hant/china/x/")
        XCTAssertEqual(paragraphs(traditional.body), ["正文。"])
        XCTAssertEqual(traditional.credits, ["翻譯：紐約時報中文網"])
        XCTAssertEqual(traditional.originalVersion?.href, "https://www.nytimes.com/x.html")
    }

    func testAnOriginalLineWithoutALinkStays() {
        let cleaned = S.clean("<p>正文。</p><p>点击查看本文英文版。</p>", url: "https://cn.nytimes.com/china/x/")
        XCTAssertEqual(paragraphs(cleaned.body), ["正文。", "点击查看本文英文版。"])
        XCTAssertNil(cleaned.originalVersion)
    }

    func testRFIAudioPlayerBecomesAnEmbedAndRelatedReportsGo() {
        let html = """
            <p>本周末的青湾灯会吸引了数万名游客。</p><div class="m-em-audio m-em-audio--inline"><script type="application/json">\
            {"sources":[{"url":"https://aod.rfi.example/chinois/FRANCE_Qingwan_Lanterns_20240111.mp3","type":"audio/mpeg"}],"duration":312}\
            </script>FRANCE _Qingwan Lanterns 20240111 Jeudi Enr Trad</div>\
            <p><em><strong>相关报道 <a href="https://www.rfi.fr/cn/x">青湾渡口夜航船首航</a></strong></em></p>\
            <p>相关报道指出，灯会期间古镇的客栈几乎全部客满。</p>
            """
        let cleaned = S.clean(html, url: "https://www.rfi.fr/cn/中国/20240111-x".addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed)!)
        XCTAssertEqual(cleaned.body, [
            .paragraph([.text("本周末的青湾灯会吸引了数万名游客。")]),
            .embed(Embed(kind: .audio, url: "https://aod.rfi.example/chinois/FRANCE_Qingwan_Lanterns_20240111.mp3",
                         title: "FRANCE _Qingwan Lanterns 20240111 Jeudi Enr Trad")),
            .paragraph([.text("相关报道指出，灯会期间古镇的客栈几乎全部客满。")]),
        ], "the cross-link goes, prose starting with the same words stays")
        XCTAssertEqual(cleaned.firedRules["rfi-cn: players div.m-em-audio"], 1)
        XCTAssertEqual(cleaned.removed.map(\.text), ["相关报道 青湾渡口夜航船首航"])
    }

    func testAPlayerTitleAfterTheModule() {
        let rules = SiteRules.builtIn.adding(S.sites("""
            {"sites": [{"name": "radio", "hosts": "radio.example", "players": [
              {"select": ".player", "kind": "audio", "url": "attr:data-mp3", "title": ["text", "next-text"]}]}]}
            """))
        let html = #"<p>Intro.</p><div class="player" data-mp3="/audio/x.mp3"></div>Harbour report, 9 January<br/>Then the text.<p>More.</p>"#
        let cleaned = S.clean(html, url: "https://radio.example/a/1", rules: rules)
        XCTAssertEqual(cleaned.body, [
            .paragraph([.text("Intro.")]),
            .embed(Embed(kind: .audio, url: "https://radio.example/audio/x.mp3", title: "Harbour report, 9 January")),
            .paragraph([.text("Then the text.")]),
            .paragraph([.text("More.")]),
        ])
    }

    func testFTAdSlotsAndCopyrightGo() {
        let html = """
            <p>青湾港口扩建计划周四获得批准。</p>\
            <div class="mpu-container-instory" data-ad='[{"devices":["PC","iPhoneWeb"],"pattern":"MPU","position":"Middle3","container":"mpuInStory"}]'></div>\
            <p>规划显示，新码头将可以停靠更大的货轮。</p>\
            <p>[{"devices":["PC"],"pattern":"MPU","position":"Middle1","container":"mpuInStory"}]'&gt;</p>\
            <p>当地商会认为，扩建将带来就业岗位。</p>\
            <p>版权声明：本文版权归FT中文网所有，未经允许任何单位或个人不得转载。</p>
            """
        let cleaned = S.clean(html, url: "https://cn.ft.com/story/001101234")
        XCTAssertEqual(paragraphs(cleaned.body), ["青湾港口扩建计划周四获得批准。", "规划显示，新码头将可以停靠更大的货轮。", "当地商会认为，扩建将带来就业岗位。"])
        XCTAssertEqual(cleaned.firedRules["ftchinese: remove .mpu-container-instory"], 1)
        XCTAssertEqual(cleaned.removed.count, 2, "\(cleaned.removed)")
        // Ad configuration quoted inside Chinese prose is prose.
        let quoted = #"<p>广告代码写着"container":"mpuInStory"，读者看不懂。</p>"#
        XCTAssertEqual(paragraphs(S.clean(quoted, url: "https://cn.ft.com/story/2").body).count, 1)
    }

    func testCDTRepostKeepsViaAndTags() throws {
        let article = SiteRules.builtIn.annotate(S.article(title: "美国之音 | 青湾港务局公布冬季夜航船时刻表",
                                                           url: "https://chinadigitaltimes.net/chinese/2024/01/x/"))
        XCTAssertEqual(article.via, "美国之音")
        let (cleaned, _) = ArticleCleaner().clean(article, html: "<p>青湾港务局周一公布冬季夜航船时刻表。</p>" + MarkupBoilerplateRuleTests.betterFeedFooter)
        XCTAssertEqual(paragraphs(cleaned.body), ["青湾港务局周一公布冬季夜航船时刻表。"])
        XCTAssertEqual(cleaned.tags, ["harbour", "Port Alder"])
        XCTAssertEqual(cleaned.firedRules["TitleViaPrefix"], 1, "header rules are counted with the body's")
    }

    func testAUserRuleOfEveryKind() {
        let rules = SiteRules.builtIn.adding(S.sites("""
            {"sites": [{"name": "harbour", "hosts": "harbour.example",
              "remove": ["aside .ad", "[data-tracking]"], "unwrap": ["span.inner"], "credits": [".credit-line"],
              "tags": ["ul.topics a"],
              "lines": [{"text": "^Read more:", "at": "end"}, {"text": "^Updated:", "at": "start", "keep-as": "credit"}]}]}
            """))
        let html = """
            <p>Updated: 9 January, 10:00</p><p>The <span class="inner">harbour</span> reopened.</p>\
            <aside><div class="ad">Buy boats</div><p>Tide table below.</p></aside><div data-tracking="x">pixel</div>\
            <p class="credit-line">Reporting by Lin Yu</p><ul class="topics"><li><a href="https://harbour.example/t/ports">Ports</a></li></ul>\
            <p>Read more: <a href="https://harbour.example/more">older stories</a></p>
            """
        let cleaned = S.clean(html, url: "https://harbour.example/a/1", rules: rules)
        XCTAssertEqual(S.tree(html, url: "https://harbour.example/a/1", rules: rules),
                       #"<p>The harbour reopened.</p><div><p>Tide table below.</p></div><ul><li><a href="https://harbour.example/t/ports">Ports</a></li></ul>"#)
        XCTAssertEqual(cleaned.credits, ["Updated: 9 January, 10:00", "Reporting by Lin Yu"])
        XCTAssertEqual(cleaned.tags, ["Ports"])
        XCTAssertEqual(Set(cleaned.firedRules.keys), [
            "harbour: remove aside .ad", "harbour: remove [data-tracking]", "harbour: unwrap span.inner", "harbour: credits .credit-line",
            "harbour: tags ul.topics a", "harbour: lines ^Read more:", "harbour: lines ^Updated:",
        ])
    }
}
