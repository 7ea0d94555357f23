import XCTest

/// Site rules from the command line: `bindery rules`, `--site-rules`, and
/// what the rules change in each output format.
final class SiteRulesCommandTests: XCTestCase {
    static var siteArchive: URL { BinderyProcess.packageRoot.appendingPathComponent("Tests/SiteArchive") }

    func testRulesCommandCountsWhatFired() throws {
        let result = try BinderyProcess.run(["rules", Self.siteArchive.path, "--removed"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let out = result.stdout
        for line in [
            #"^\s+2  chinadigitaltimes\s+中国数字时代\s+chinadigitaltimes.net  \(built-in:chinadigitaltimes.json:4\)$"#,
            #"^\s+0\s+un-news-zh"#,
            #"^\s+3\s+3\s+TitleViaPrefix$"#,
            #"^\s+1\s+3\s+CollectRelTags$"#,
            #"^\s+1\s+1\s+rfi-cn: players div\.m-em-audio$"#,
            #"^\s+1\s+1\s+reuters-cn: credits \[class\*=Attribution_container\]$"#,
            #"^13 articles, 12 changed by a rule$"#,
            #"^  dw-zh: lines "#,
            #"^      © 2024年 德国之声版权声明"#,
        ] {
            XCTAssertNotNil(out.range(of: "(?m)" + line, options: .regularExpression), "\(line) not in:\n\(out)")
        }
    }

    func testBadRuleFileIsAUsageErrorNamingFileLineAndField() throws {
        let folder = try BinderyProcess.temporaryFolder(self)
        let file = folder.appendingPathComponent("mine.json")
        try Data("""
            {
              "sites": [
                {
                  "name": "harbour",
                  "hosts": ["harbour.example"],
                  "remove": [".ad", "div..x"]
                }
              ]
            }
            """.utf8).write(to: file)
        for command in [["rules"], ["list"], ["epub", "-o", folder.appendingPathComponent("b.epub").path]] {
            let result = try BinderyProcess.run(command + [Self.siteArchive.path, "--site-rules", file.path])
            XCTAssertEqual(result.status, 2, "\(command): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("\(file.path):6: sites[0].remove[1]: bad selector \"div..x\""), result.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("b.epub").path))
        let missing = try BinderyProcess.run(["list", Self.siteArchive.path, "--site-rules", "/no/such.json"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("/no/such.json: cannot read the rule file"), missing.stderr)
    }

    func testUserRulesAddAndOverride() throws {
        let folder = try BinderyProcess.temporaryFolder(self)
        let file = folder.appendingPathComponent("mine.json")
        try Data("""
            {"sites": [
              {"name": "economist", "hosts": "economist.com", "publisher": "经济学人"},
              {"name": "weekly", "hosts": "weekly.example.net", "publisher": "Port Alder Weekly",
               "lines": [{"text": "^Skippers had been asked", "at": "end"}]}
            ]}
            """.utf8).write(to: file)
        let list = try BinderyProcess.run(["list", Self.siteArchive.path, "--site-rules", file.path, "--time-zone", "UTC"])
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertTrue(list.stdout.contains("经济学人 · 0 images · SiteArchive/12_economist.txt"), list.stdout)
        XCTAssertTrue(list.stdout.contains("Port Alder Weekly · 0 images · SiteArchive/02_wordpress_appeared_first.txt"), list.stdout)
        XCTAssertTrue(list.stdout.contains("[视频] 青湾渡口夜航船首航"), list.stdout)
        let rules = try BinderyProcess.run(["rules", Self.siteArchive.path, "--site-rules", file.path])
        XCTAssertTrue(rules.stdout.contains("weekly: lines ^Skippers had been asked"), rules.stdout)
        XCTAssertNotNil(rules.stdout.range(of: #"(?m)^\s+1  economist\s+经济学人\s+economist\.com  \("# + file.path + #":2\)$"#,
                                           options: .regularExpression), rules.stdout)
    }

    func testSiteArchiveBookShowsPublishersCreditsAndOriginalsAndPassesEpubcheck() throws {
        let book = try BinderyProcess.temporaryFolder(self).appendingPathComponent("sites.epub")
        let result = try BinderyProcess.run(["epub", Self.siteArchive.path, "-o", book.path, "--offline", "--time-zone", "Asia/Shanghai", "--strict"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let check = try ExternalTool.epubcheck(book)
        XCTAssertEqual(check.errors, 0, check.output)
        XCTAssertEqual(check.warnings, 0, check.output)
        let contents = try BookContents(book)
        let pages = contents.xhtmlFiles.map(\.content).joined(separator: "\n")
        XCTAssertTrue(pages.contains(#"<span class="source">纽约时报中文网</span>"#))
        XCTAssertTrue(pages.contains(#"<a class="original-version" href="https://www.nytimes.com/2024/01/09/world/asia/qingwan-ferrymen.html" hreflang="en">英文原文</a>"#))
        XCTAssertTrue(pages.contains(#"<p class="credit"><small>编译 王五;审校 赵六</small></p>"#))
        XCTAssertTrue(pages.contains(#"<span class="via">via 美国之音</span>"#))
        XCTAssertTrue(pages.contains("<figcaption>渡口的候船室周三重新开放，新装了暖气和座椅。（Getty Images）</figcaption>"), pages)
        XCTAssertTrue(pages.contains("<h1>[视频] 青湾渡口夜航船首航</h1>"))
        XCTAssertTrue(pages.contains(#"<span class="author">林海音</span>"#), "doubled byline collapsed")
        XCTAssertTrue(pages.contains(#"<span class="author">陈晓岚</span>"#), "null dropped")
        for noise in ["Feed enhanced by", "appeared first on", "德国之声版权声明", "我们的标准", "点击查看本文英文版", "图片版权",
                      "Image caption", "mpuInStory", "法国国际广播电台 - RFI", "FRANCE _Qingwan Lanterns 20240111 Jeudi Enr Trad</p>"] {
            XCTAssertFalse(pages.contains(noise), noise)
        }
        let package = String(decoding: contents.entries.first { $0.name.hasSuffix("package.opf") }?.data ?? Data(), as: UTF8.self)
        XCTAssertTrue(package.contains("<dc:subject>交通</dc:subject>"), package)
    }

    func testSiteArchiveNotesCarryPublisherAuthorTagsViaAndOriginal() throws {
        let vault = try BinderyProcess.temporaryFolder(self)
        let result = try BinderyProcess.run(["markdown", Self.siteArchive.path, "-o", vault.path, "--offline", "--time-zone", "UTC"])
        XCTAssertEqual(result.status, 0, result.stderr)
        func note(_ name: String) throws -> String { try String(contentsOf: vault.appendingPathComponent(name), encoding: .utf8) }
        let cdt = try note("2024-01-08 青湾港务局公布冬季夜航船时刻表.md")
        XCTAssertTrue(cdt.contains("publisher: \"中国数字时代\"\nvia: \"美国之音\"\n"), cdt)
        XCTAssertTrue(cdt.contains("tags:\n  - \"news\"\n  - \"青湾\"\n  - \"渡口\"\n  - \"交通\"\n---"), cdt)
        XCTAssertFalse(cdt.contains("author:"), "no author in the byline, none in the front matter")
        let nyt = try note("2024-01-10 青湾老渡口的最后一代摆渡人.md")
        XCTAssertTrue(nyt.contains("author: \"林海音\"\npublisher: \"纽约时报中文网\"\noriginal: \"https://www.nytimes.com/2024/01/09/world/asia/qingwan-ferrymen.html\"\n"), nyt)
        XCTAssertTrue(nyt.hasSuffix("*林小雨自青湾对本文有报道贡献。*\n\n*翻译：纽约时报中文网*\n"), nyt)
        let video = try note("2024-01-12 视频 青湾渡口夜航船首航.md")
        XCTAssertTrue(video.hasPrefix("---\ntitle: \"[视频] 青湾渡口夜航船首航\"\n"), video)
    }
}
