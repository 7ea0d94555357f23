import XCTest
@testable import BinderyKit

/// Reading rule files: every field, and a clear error naming file, line
/// and field for everything that is wrong.
final class SiteRulesFileTests: XCTestCase {
    typealias S = SiteRulesTestSupport

    static let complete = """
        {
          "note": "a complete site",
          "sites": [
            {
              "name": "harbour-news",
              "hosts": ["harbour.example.org/news", "www.harbour.example.net"],
              "publisher": "Harbour  News",
              "aliases": ["HN"],
              "title": { "strip": ["\\\\s+- Harbour News$"], "via": ["^(Wire) \\\\| "] },
              "remove": [".related", "aside .ad"],
              "unwrap": "span.inner",
              "credits": [".byline-credit"],
              "tags": ["ul.topics a"],
              "players": [
                { "select": ".podcast", "kind": "audio", "url": ["attr:data-mp3", "link"], "title": "next-text" }
              ],
              "lines": [
                { "text": "^Read more:", "at": "end" },
                { "text": "^Translated by", "at": "end", "keep-as": "credit" },
                { "text": "^Original:", "at": "start", "keep-as": "original", "language": "fr" },
                { "text": "^See also", "at": "anywhere", "mostly-links": true }
              ]
            }
          ]
        }
        """

    func testEveryFieldIsRead() throws {
        let sites = S.sites(Self.complete)
        XCTAssertEqual(sites.count, 1)
        let site = try XCTUnwrap(sites.first)
        XCTAssertEqual(site.name, "harbour-news")
        XCTAssertEqual(site.hosts.map(\.description), ["harbour.example.org/news", "harbour.example.net"])
        XCTAssertEqual(site.publisher, "Harbour News", "white space collapsed")
        XCTAssertEqual(site.aliases, ["HN"])
        XCTAssertEqual(site.titleStrip.map(\.source), ["\\s+- Harbour News$"])
        XCTAssertEqual(site.titleVia.map(\.source), ["^(Wire) \\| "])
        XCTAssertEqual(site.remove.map(\.source), [".related", "aside .ad"])
        XCTAssertEqual(site.unwrap.map(\.source), ["span.inner"], "a single string is a list of one")
        XCTAssertEqual(site.credits.map(\.source), [".byline-credit"])
        XCTAssertEqual(site.tags.map(\.source), ["ul.topics a"])
        XCTAssertEqual(site.players.count, 1)
        XCTAssertEqual(site.players.first?.kind, .audio)
        XCTAssertEqual(site.players.first?.url, [.attribute("data-mp3"), .link])
        XCTAssertEqual(site.players.first?.title, [.nextText])
        XCTAssertEqual(site.lines.map(\.position), [.end, .end, .start, .anywhere])
        XCTAssertEqual(site.lines.map(\.action), [.drop, .credit, .originalVersion(language: "fr"), .drop])
        XCTAssertEqual(site.lines.map(\.mostlyLinks), [false, false, false, true])
        XCTAssertEqual(site.origin, "test.json:4")
    }

    /// README's complete example is a rule file that reads, with every kind of field.
    func testREADMEExampleReads() throws {
        let readme = try String(contentsOf: ExportSamplesFixture.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try XCTUnwrap(readme.range(of: "## Site rules"))
        let start = try XCTUnwrap(readme.range(of: "```json\n", range: section.upperBound..<readme.endIndex))
        let end = try XCTUnwrap(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
        let sites = try RuleFileReader.read(String(readme[start.upperBound..<end.lowerBound]), file: "README.md")
        let site = try XCTUnwrap(sites.first)
        XCTAssertFalse(site.hosts.isEmpty || site.publisher == nil || site.aliases.isEmpty || site.titleStrip.isEmpty
                       || site.titleVia.isEmpty || site.remove.isEmpty || site.unwrap.isEmpty || site.credits.isEmpty
                       || site.tags.isEmpty || site.players.isEmpty || site.lines.isEmpty, "the example shows every field")
        let rules = SiteRules.builtIn.adding(sites)
        let article = rules.annotate(S.article(title: "[Wire] Harbour reopens - Port Alder News", url: "https://news.example.com/portalder/1"))
        XCTAssertEqual(article.title, "Harbour reopens")
        XCTAssertEqual(article.via, "Wire")
    }

    func testPlayerDefaults() throws {
        let site = try XCTUnwrap(S.sites(#"{"sites": [{"name": "a", "hosts": "a.example", "players": [{"select": "video.x", "kind": "video"}]}]}"#).first)
        XCTAssertEqual(site.players.first?.url, [.json("url"), .attribute("data-src"), .link])
        XCTAssertEqual(site.players.first?.title, [.text])
    }

    func testHostPatternsMatchSubdomainsAndPathSegments() throws {
        let rfi = try HostPattern("https://www.rfi.fr/cn".replacingOccurrences(of: "https://", with: ""))
        XCTAssertTrue(rfi.matches(URL(string: "https://www.rfi.fr/cn/中国/20240111-x".addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed)!)!))
        XCTAssertTrue(rfi.matches(URL(string: "http://rfi.fr/cn")!))
        XCTAssertTrue(rfi.matches(URL(string: "https://www.rfi.fr//cn/x.html")!), "a doubled slash after the host")
        XCTAssertFalse(rfi.matches(URL(string: "https://www.rfi.fr/cnn/x.html")!), "a path prefix is whole segments")
        XCTAssertFalse(rfi.matches(URL(string: "https://www.rfi.fr/fr/x.html")!))
        XCTAssertFalse(rfi.matches(URL(string: "https://notrfi.fr/cn/x.html")!), "a host is matched at a dot")
        XCTAssertTrue(try HostPattern("voachinese.com").matches(URL(string: "https://WWW.VOACHINESE.COM/a/1.html")!))
        for bad in ["https://voachinese.com", "voachinese.com:443", "", "/cn", "a b.com", ".com"] {
            XCTAssertThrowsError(try HostPattern(bad), bad)
        }
    }

    func testAUserFileAddsAndOverrides() throws {
        let folder = try TestFolder()
        let file = folder.file("mine.json")
        try Data("""
            {"sites": [
              {"name": "rfi-cn", "hosts": ["rfi.fr/cn"], "publisher": "RFI 华语"},
              {"name": "port-alder", "hosts": ["news.example.com"], "publisher": "Port Alder News"}
            ]}
            """.utf8).write(to: file)
        let rules = try SiteRules.builtIn.adding(files: [file.path])
        XCTAssertEqual(rules.sites.count, SiteRules.builtIn.sites.count + 1, "one replaced, one added")
        XCTAssertEqual(rules.publisher(for: URL(string: "https://www.rfi.fr/cn/x.html")), "RFI 华语")
        XCTAssertEqual(rules.publisher(for: URL(string: "https://news.example.com/a.html")), "Port Alder News")
        XCTAssertEqual(rules.publisher(for: URL(string: "https://www.voachinese.com/a/1.html")), "美国之音", "the others stay")
        // The replaced site lost its built-in title rule with it.
        let article = rules.annotate(S.article(title: "标题 – 法国国际广播电台 - RFI", url: "https://www.rfi.fr/cn/x.html"))
        XCTAssertEqual(article.title, "标题 – 法国国际广播电台 - RFI")
        XCTAssertEqual(article.publisher, "RFI 华语")
    }

    func testTheMostSpecificHostWinsThenTheLastAdded() throws {
        let broad = S.sites(#"{"sites": [{"name": "bbc", "hosts": ["bbc.com"], "publisher": "BBC"}]}"#)
        let rules = SiteRules.builtIn.adding(broad)
        XCTAssertEqual(rules.publisher(for: URL(string: "https://www.bbc.com/zhongwen/simp/x")), "BBC 中文", "longer path wins")
        XCTAssertEqual(rules.publisher(for: URL(string: "https://www.bbc.com/news/x")), "BBC")
        let same = S.sites(#"{"sites": [{"name": "bbc-zh-mine", "hosts": ["bbc.com/zhongwen"], "publisher": "BBC Chinese"}]}"#)
        XCTAssertEqual(rules.adding(same).publisher(for: URL(string: "https://www.bbc.com/zhongwen/x")), "BBC Chinese",
                       "among equals, the rule added last")
        XCTAssertNil(rules.site(for: nil))
        XCTAssertNil(rules.site(for: URL(string: "https://unknown.example/x")))
    }

    func testBadFilesNameFileLineAndField() {
        let cases: [(json: String, line: Int, field: String?, message: String)] = [
            ("{\n  \"sites\": [\n    {\"name\": \"a\", \"hosts\": [\"a.example\"],\n     \"remvoe\": [\".x\"]}\n  ]\n}", 4, "sites[0].remvoe",
             "unknown field in sites[0] (known: name, hosts"),
            ("{\"sites\": [{\"name\": \"a\", \"hosts\": \"a.example\",\n\"remove\": [\".a..b\"]}]}", 2, "sites[0].remove[0]",
             "bad selector \".a..b\": a class name must follow"),
            ("{\"sites\": [{\"name\": \"a\", \"hosts\": \"a.example\",\n\"lines\": [{\"text\": \"(unclosed\", \"at\": \"end\"}]}]}", 2,
             "sites[0].lines[0].text", "not a valid regular expression"),
            ("{\"sites\": [{\"name\": \"a\",\n \"hosts\": [\"https://a.example\"]}]}", 2, "sites[0].hosts[0]", "without its scheme"),
            ("{\"sites\": [{\"hosts\": \"a.example\"}]}", 1, "sites[0]", "a site needs a \"name\""),
            ("{\"sites\": [{\"name\": \"a\"}]}", 1, "sites[0]", "needs \"hosts\""),
            ("{\"sites\": [{\"name\": \"A B\", \"hosts\": \"a.example\"}]}", 1, "sites[0].name", "lower-case letters"),
            ("{\"sites\": [{\"name\": \"a\", \"hosts\": \"a.example\", \"publisher\": 7}]}", 1, "sites[0].publisher",
             "expected a string, found a number"),
            ("{\"sites\": [{\"name\": \"a\", \"hosts\": \"a.example\", \"remove\": {\"x\": 1}}]}", 1, "sites[0].remove",
             "expected a list, found an object"),
            ("{\"sites\": [{\"name\": \"a\", \"hosts\": \"a.example\",\n\"players\": [{\"select\": \".p\", \"kind\": \"radio\"}]}]}", 2,
             "sites[0].players[0].kind", "expected \"audio\" or \"video\""),
            ("{\"sites\": [{\"name\": \"a\", \"hosts\": \"a.example\",\n\"players\": [{\"select\": \".p\", \"kind\": \"audio\", \"url\": [\"href\"]}]}]}", 2,
             "sites[0].players[0].url[0]", "expected \"json:KEY\""),
            ("{\"sites\": [{\"name\": \"a\", \"hosts\": \"a.example\",\n\"lines\": [{\"text\": \"x\", \"at\": \"middle\"}]}]}", 2,
             "sites[0].lines[0].at", "expected \"start\", \"end\" or \"anywhere\""),
            ("{\"sites\": [{\"name\": \"a\", \"hosts\": \"a.example\",\n\"lines\": [{\"text\": \"x\"}]}]}", 2, "sites[0].lines[0]",
             "needs \"at\""),
            ("{\"sites\": [{\"name\": \"a\", \"hosts\": \"a.example\",\n\"lines\": [{\"text\": \"x\", \"at\": \"end\", \"keep-as\": \"quote\"}]}]}", 2,
             "sites[0].lines[0].keep-as", "expected \"credit\" or \"original\""),
            ("{\"sites\": [{\"name\": \"a\", \"hosts\": \"a.example\",\n\"lines\": [{\"text\": \"x\", \"at\": \"end\", \"language\": \"en\"}]}]}", 2,
             "sites[0].lines[0].language", "goes with \"keep-as\": \"original\""),
            ("{\"sites\": [{\"name\": \"a\", \"hosts\": \"a.example\",\n\"lines\": [{\"text\": \"x\", \"at\": \"end\", \"mostly-links\": \"yes\"}]}]}", 2,
             "sites[0].lines[0].mostly-links", "expected true or false"),
            ("{\"sites\": [{\"name\": \"a\", \"hosts\": \"a.example\"},\n{\"name\": \"a\", \"hosts\": \"b.example\"}]}", 2, "sites[1].name",
             "a second site named \"a\""),
            ("{\"site\": []}", 1, "site", "unknown field in the file"),
            ("{}", 1, nil, "a rule file is an object with a \"sites\" list"),
            ("[]", 1, "", "expected an object, found a list"),
        ]
        for (json, line, field, message) in cases {
            guard let problem = SiteRulesTestSupport.problem(json) else {
                XCTFail("accepted: \(json)")
                continue
            }
            XCTAssertEqual(problem.file, "rules.json")
            XCTAssertEqual(problem.line, line, "\(problem)")
            XCTAssertEqual(problem.field ?? "", field ?? "", "\(problem)")
            XCTAssertTrue(problem.message.contains(message), "\(problem)")
            XCTAssertTrue(problem.description.hasPrefix("rules.json:\(line): "), problem.description)
        }
    }

    func testInvalidJSONNamesLineAndColumn() {
        let cases: [(String, Int, String)] = [
            ("{\n  \"sites\": [\n    {\"name\": \"a\",}\n  ]\n}", 3, "column 18: expected a field name"),
            ("{\n  \"sites\": [\n    {\"name\": 'a'}\n  ]\n}", 3, "expected a value"),
            ("{\"sites\": [\n]\n,}", 3, "expected a field name"),
            ("{\"sites\": [] // comment\n}", 1, "expected ',' or '}'"),
            ("{\"sites\": [{\"name\": \"a\", \"name\": \"b\"}]}", 1, "the field \"name\" appears twice"),
            ("{\"sites\": [{\"name\": \"a\\d\"}]}", 1, "unknown escape \\d (a regular expression's backslash is written \\\\ in JSON)"),
            ("{\"sites\": [{\"name\": \"a\n\"}]}", 1, "a string must end on the line it starts"),
            ("{\"sites\": []} x", 1, "unexpected text after the end"),
            ("", 1, "the document ends where a value should be"),
            ("{\"sites\": [tru]}", 1, "did you mean true?"),
        ]
        for (json, line, message) in cases {
            guard let problem = SiteRulesTestSupport.problem(json) else {
                XCTFail("accepted: \(json)")
                continue
            }
            XCTAssertEqual(problem.line, line, "\(problem)")
            XCTAssertTrue(problem.message.contains(message), "\(problem)")
        }
    }

    func testJSONValuesAreReadExactly() throws {
        let value = try LocatedJSON.parse("\u{FEFF}{\"a\": [1, -2.5e3, true, false, null, \"\\u00e9\\ud83d\\ude00\\n\\\"\"]}", file: "x")
        guard case .object(let members) = value.value, case .array(let items) = members.first?.value.value else {
            return XCTFail("\(value)")
        }
        XCTAssertEqual(items.count, 6)
        if case .number(let n) = items[1].value { XCTAssertEqual(n, -2500) } else { XCTFail() }
        if case .string(let s) = items[5].value { XCTAssertEqual(s, "é😀\n\"") } else { XCTFail() }
    }

    func testAnUnreadableFileIsNamed() {
        XCTAssertThrowsError(try SiteRules.builtIn.adding(files: ["/no/such/rules.json"])) { error in
            let problem = error as? SiteRulesError
            XCTAssertEqual(problem?.file, "/no/such/rules.json")
            XCTAssertTrue(problem?.description.hasPrefix("/no/such/rules.json: cannot read the rule file") ?? false, "\(error)")
        }
    }
}
