import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Test feeds, written for these tests: one per format and per trouble
/// real feeds have.
enum FeedFixtures {
    /// RSS 2.0 with `content:encoded` in CDATA, relative links, an escaped-HTML
    /// description, an HTML entity XML does not know, malformed dates, and
    /// entries without title, without link (a permalink guid) or without date.
    static let rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
             xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
        <channel>
          <title>Port Alder News</title>
          <link>https://news.example.org/</link>
          <description>Local news from Port Alder</description>
          <item>
            <title>Harbour reopens after the January storm</title>
            <link>https://news.example.org/port-alder/harbour-reopens.html</link>
            <guid isPermaLink="false">harbour-2024-01-08</guid>
            <pubDate>Mon, 08 Jan 2024 07:15:00 GMT</pubDate>
            <dc:creator>Jane Doe</dc:creator>
            <description>The harbour master lifted the closure order.</description>
            <content:encoded><![CDATA[<p>The harbour master lifted the closure order shortly after dawn, four days after waves damaged the northern breakwater.</p><p>Fishing boats returned to the <a href="/port-alder/basin.html">inner basin</a> on Monday morning.</p><img src="/img/boats.jpg" alt="Boats in the basin">]]></content:encoded>
            <media:thumbnail url="https://news.example.org/img/thumb.jpg"/>
          </item>
          <item>
            <title>Ferry timetable &amp; fares &mdash; what changes on Monday</title>
            <link>https://news.example.org/port-alder/ferry.html</link>
            <pubDate>Tue, 9 Jan 2024 18:30 +0800</pubDate>
            <description>&lt;p&gt;Morning ferries run every &lt;b&gt;forty&lt;/b&gt; minutes from Monday, and fares rise by a tenth.&lt;/p&gt;</description>
          </item>
          <item>
            <link>https://news.example.org/port-alder/town-hall.html</link>
            <pubDate>Wed, 10 Jan 2024 09:00:00 +0100</pubDate>
            <description>The town hall is closed on Friday for the lantern festival preparations.</description>
          </item>
          <item>
            <title>Lantern festival: volunteers wanted</title>
            <guid>https://news.example.org/port-alder/lanterns.html</guid>
            <pubDate>Thu, 11 Jan 2024 10:00:00 +0000</pubDate>
            <description>Sign up at the library before the end of the month.</description>
          </item>
          <item>
            <title>Library opening hours (undated notice)</title>
            <link>https://news.example.org/port-alder/library-hours.html</link>
            <description>The library opens at nine on weekdays.</description>
          </item>
        </channel>
        </rss>
        """

    /// Atom 1.0 with `xml:base` on the feed, an entry and a content element,
    /// an HTML title, XHTML content, and a summary-only entry.
    static let atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example.net/">
          <title type="text">Tidewater Notes</title>
          <link href="/"/>
          <id>tag:blog.example.net,2024:feed</id>
          <updated>2024-01-14T13:00:00Z</updated>
          <entry xml:base="posts/2024/">
            <title type="html">Salt &lt;em&gt;marsh&lt;/em&gt; walks</title>
            <link rel="alternate" type="text/html" href="salt-marsh.html"/>
            <id>tag:blog.example.net,2024:salt-marsh</id>
            <published>2024-01-12T09:30:00+01:00</published>
            <updated>2024-01-12T10:00:00Z</updated>
            <author><name>R. Moss</name></author>
            <content type="html" xml:base="images/">&lt;p&gt;The &lt;a href="../salt-marsh-map.html"&gt;map&lt;/a&gt; shows three loops across the marsh, each under an hour at a gentle pace.&lt;/p&gt;&lt;p&gt;&lt;img src="heron.jpg" alt="A heron"&gt;&lt;/p&gt;</content>
          </entry>
          <entry>
            <title>Winter tides</title>
            <link href="https://blog.example.net/winter-tides"/>
            <id>tag:blog.example.net,2024:winter-tides</id>
            <updated>2024-01-13T08:00:00Z</updated>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>High water at <strong>07:42</strong> on Saturday, the highest of the month.</p></div></content>
          </entry>
          <entry>
            <title>Summary only</title>
            <link href="/summary-only"/>
            <id>tag:blog.example.net,2024:summary-only</id>
            <updated>2024-01-14T08:00:00-05:00</updated>
            <summary>A short summary of a longer post about the estuary.</summary>
          </entry>
        </feed>
        """

    /// JSON Feed 1.1: HTML and text content, a relative URL, a numeric id.
    static let json = """
        {
          "version": "https://jsonfeed.org/version/1.1",
          "title": "Hill Weather",
          "home_page_url": "https://weather.example.com/",
          "items": [
            {
              "id": "frost-2024-01-15",
              "url": "https://weather.example.com/2024/01/15/frost",
              "title": "Frost warning for the hills",
              "content_html": "<p>Frost is expected above 300 m tonight; see the <a href=\\"/maps/frost\\">frost map</a>.</p>",
              "date_published": "2024-01-15T06:00:00+00:00",
              "authors": [{"name": "Met Desk"}]
            },
            {
              "id": 2,
              "url": "/2024/01/16/rain",
              "title": "Rain by noon",
              "content_text": "Rain arrives by noon.\\n\\nUmbrellas advised in the valley.",
              "date_published": "2024-01-16T05:30:00Z"
            }
          ]
        }
        """

    /// A Chinese feed, `{DECLARATION}` replaced by the test. 镕 is a GBK
    /// character outside GB2312 (as real "GB2312" feeds hold).
    static let chinese = """
        <?xml version="1.0"{DECLARATION}?>
        <rss version="2.0"><channel><title>青湾新闻</title><link>https://www.example.cn/</link>
        <item><title>青湾古镇灯会筹备进入最后阶段</title><link>https://www.example.cn/news/2024/lantern.html</link>
        <pubDate>Mon, 08 Jan 2024 12:40:00 GMT</pubDate>
        <description><![CDATA[<p>距离元宵灯会还有一个多月，青湾古镇的手工艺人已经开始赶制今年的花灯。</p>]]></description></item>
        <item><title>朱镕基故居修缮完成</title><link>https://www.example.cn/news/2024/house.html</link>
        <pubDate>Tue, 09 Jan 2024 02:00:00 GMT</pubDate>
        <description>故居今日起对公众开放，参观需提前预约。</description></item>
        </channel></rss>
        """

    /// A traditional-Chinese feed without any encoding declaration (for Big5).
    static let traditional = """
        <?xml version="1.0"?>
        <rss version="2.0"><channel><title>臺灣新聞</title><link>https://www.example.tw/</link>
        <item><title>燈會籌備進入最後階段</title><link>https://www.example.tw/news/lantern.html</link>
        <pubDate>Mon, 08 Jan 2024 12:40:00 GMT</pubDate>
        <description>距離元宵燈會還有一個多月，古鎮的手工藝人已經開始趕製今年的花燈。</description></item>
        </channel></rss>
        """

    static func chinese(declaring encoding: String?) -> String {
        chinese.replacingOccurrences(of: "{DECLARATION}", with: encoding.map { " encoding=\"\($0)\"" } ?? "")
    }

    /// Broken the ways real feeds break: HTML entities, a bare `&`, an
    /// unescaped tag left open, and the end cut off.
    static let illFormed = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Broken &amp; Co</title><link>https://broken.example.com/</link>
        <item><title>First &mdash; still fine</title><link>https://broken.example.com/1</link>
        <pubDate>Mon, 08 Jan 2024 10:00:00 GMT</pubDate><description>AT&T says&nbsp;hello to Caf&eacute; owners.</description></item>
        <item><title>Second, with a tag left open</title><link>https://broken.example.com/2</link>
        <pubDate>Tue, 09 Jan 2024 10:00:00 GMT</pubDate><description><p>Raw markup in XML</description></item>
        <item><title>Third, after the damage</title><link>https://broken.example.com/3</link>
        <pubDate>Wed, 10 Jan 2024 10:00:00 GMT</pubDate><description>Still readable.</description></item>
        <item><title>Fourth, cut off
        """

    /// RSS 1.0 (RDF).
    static let rdf = """
        <?xml version="1.0"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel rdf:about="https://rdf.example.org/"><title>RDF Site</title><link>https://rdf.example.org/</link></channel>
          <item rdf:about="https://rdf.example.org/a"><title>RDF item</title><link>https://rdf.example.org/a</link>
            <dc:date>2024-01-05T12:00:00+09:00</dc:date><description>An RSS 1.0 item.</description></item>
        </rdf:RDF>
        """

    /// `text` encoded in `encoding` (iconv), for the GBK and Big5 feeds.
    static func encoded(_ text: String, as encoding: String) -> Data {
        let descriptor = iconv_open(encoding, "UTF-8")
        precondition(descriptor != iconv_t(bitPattern: -1), "iconv cannot encode \(encoding)")
        defer { iconv_close(descriptor) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
        let written = input.withUnsafeMutableBufferPointer { source -> Int in
            output.withUnsafeMutableBufferPointer { target -> Int in
                var inPointer = source.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
                var inLeft = source.count
                var outPointer = target.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
                var outLeft = target.count
                let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                precondition(result != -1, "iconv failed: \(errno)")
                return target.count - outLeft
            }
        }
        return Data(output[0..<written])
    }
}
