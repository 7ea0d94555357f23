import Foundation

/// One synthetic article, drawn from its own random stream: header
/// (epoch or `日期：` variant), date line, lead image and caption, prose and
/// the tag soup of FORMAT.md.
struct ArticleText {
    private var random: SplitMix64
    private let identity: Int
    private let script: Script
    private let host: String
    /// Seconds since 1970 UTC of the publication.
    private let published: Int

    init(identity: Int, generator: ArchiveGenerator) {
        self.identity = identity
        random = SplitMix64(seed: generator.seed, stream: identity)
        let roll = random.below(100)
        script = roll < 60 ? .simplified : roll < 70 ? .traditional : .english
        if let sources = generator.sources {
            host = Self.sourcePool[identity % min(max(sources, 1), Self.sourcePool.count)]
        } else {
            host = random.pick(Self.hosts[script] ?? [])
        }
        let day = identity % generator.days
        published = generator.firstDay + day * 86_400 + random.int(in: 3600...(11 * 3600))
    }

    static let hosts: [Script: [String]] = [
        .simplified: ["www.voachinese.com", "www.rfi.fr", "www.bbc.com", "www.dw.com"],
        .traditional: ["www.rfa.org", "www.bbc.com", "www.voacantonese.com"],
        .english: ["www.voanews.com", "www.bbc.co.uk", "www.dw.com", "www.rfi.fr"],
    ]

    /// Hosts for `--sources N`: some that the built-in site rules name
    /// (美国之音, The Economist), the others shown as hosts.
    static let sourcePool = [
        "www.voachinese.com", "www.bbc.com", "www.economist.com", "www.dw.com", "www.rfa.org", "www.voanews.com",
        "www.rfi.fr", "www.voacantonese.com", "www.bbc.co.uk", "apnews.com", "www.reuters.com", "www.abc.net.au",
    ]

    /// Body sizes in bytes at cumulative fractions: a log-normal-like shape
    /// with a ~5 KB median and a tail to 90 KB (FORMAT.md: median ~5.6 KB
    /// file, 0.5–90 KB). Interpolated linearly between the points.
    static let bodySizeQuantiles: [(fraction: Double, bytes: Double)] = [
        (0, 400), (0.10, 1_900), (0.25, 3_150), (0.50, 4_700), (0.75, 6_350),
        (0.90, 8_400), (0.97, 12_500), (0.99, 21_000), (0.997, 40_000), (1, 90_000),
    ]

    static func bodySize(at fraction: Double) -> Int {
        for (lower, upper) in zip(bodySizeQuantiles, bodySizeQuantiles.dropFirst()) where fraction <= upper.fraction {
            let t = (fraction - lower.fraction) / (upper.fraction - lower.fraction)
            return Int(lower.bytes + t * (upper.bytes - lower.bytes))
        }
        return Int(bodySizeQuantiles[bodySizeQuantiles.count - 1].bytes)
    }

    /// The file's bytes; `archiveDelay` seconds later than publication for a re-archived copy.
    mutating func render(archiveDelay: Int) -> [UInt8] {
        var out: [UInt8] = []
        let bodyTarget = Self.bodySize(at: random.unit())
        out.reserveCapacity(bodyTarget + 1024)
        header(archived: published + 60 * random.int(in: 1...90) + archiveDelay, into: &out)
        body(target: bodyTarget, into: &out)
        out.append(UInt8(ascii: "\n"))
        return out
    }

    // MARK: Header

    private mutating func header(archived: Int, into out: inout [UInt8]) {
        let datedHeader = random.chance(0.15)
        if !datedHeader {
            out.append(contentsOf: "<!--\(archived)000-->\n".utf8)
        }
        out.append(UInt8(ascii: "["))
        title(into: &out)
        out.append(contentsOf: "](".utf8)
        out.append(contentsOf: url().utf8)
        out.append(contentsOf: ")\n".utf8)
        let underline = random.below(10)
        out.append(contentsOf: (underline < 8 ? "------" : underline == 8 ? "======" : "---").utf8)
        out.append(UInt8(ascii: "\n"))
        if datedHeader {
            // RFC 822 as the feed wrote it: GMT, or local time with an offset.
            let date = random.chance(0.5)
                ? CivilTime(epochSeconds: published).rfc1123(zone: "GMT")
                : CivilTime(epochSeconds: published, offset: 8 * 3600).rfc1123(zone: "+0800")
            out.append(contentsOf: "日期：\(date)\n".utf8)
        }
        out.append(UInt8(ascii: "\n"))
    }

    private mutating func title(into out: inout [UInt8]) {
        let headline = TextSynth.headline(script, &random)
        let english = script == .english
        switch random.below(100) {
        case 0..<4: // nested brackets: `[[视频]Title](url)`
            out.append(contentsOf: (english ? "[Video] " : "[视频]").utf8)
            out += headline
        case 4..<8: // entities, decoded by the reader
            out.append(contentsOf: "&quot;".utf8); out += headline; out.append(contentsOf: "&quot; &amp; more".utf8)
        case 8..<11: // Markdown-looking characters and parentheses
            out.append(contentsOf: "*Update* (2) ".utf8); out += headline; out.append(contentsOf: " #1_a".utf8)
        case 11:
            // A blank line inside the brackets (rare, but real).
            out += headline; out.append(contentsOf: "\n\n".utf8); out += TextSynth.headline(script, &random)
        default:
            out += headline
        }
    }

    private mutating func url() -> String {
        let scheme = random.chance(0.05) ? "http" : "https"
        let slash = random.chance(0.03) ? "//" : "/"
        let section = random.chance(0.02) ? "a/story_(video)" : random.pick(["a", "news", "world", "zh"])
        return "\(scheme)://\(host)\(slash)\(section)/\(identity)-\(String(random.next() % 10_000_000, radix: 10)).html"
    }

    // MARK: Body

    private mutating func body(target: Int, into out: inout [UInt8]) {
        let start = out.count
        dateLine(into: &out)
        if random.chance(0.8) { leadImage(into: &out) }
        if random.chance(0.5) {
            TextSynth.sentence(script, &random, into: &out)
            out.append(contentsOf: " — ".utf8)
        }
        let soup = SoupPlan(&random, hasLocalImage: identity % 5 == 0)
        out.append(contentsOf: "<p>".utf8)
        var paragraph = 0
        while out.count - start < target {
            if paragraph > 0 {
                if random.chance(0.15) {
                    out.append(contentsOf: "</p><p>".utf8)
                } else {
                    out.append(contentsOf: "<br /><br />".utf8)
                }
            }
            prose(into: &out)
            soup.insert(after: paragraph, script: script, &random, into: &out)
            paragraph += 1
        }
        out.append(contentsOf: "</p>".utf8)
        if soup.feedFooter {
            out.append(contentsOf: "<br><hr><div>获取更多RSS：<a href=\"https://feedx.net\" target=\"_blank\">https://feedx.net</a></div>".utf8)
        }
    }

    private mutating func dateLine(into out: inout [UInt8]) {
        let time = CivilTime(epochSeconds: published)
        let local = CivilTime(epochSeconds: published, offset: 8 * 3600)
        switch random.below(100) {
        case 0..<60: out.append(contentsOf: "<div><i>\(time.rfc1123(zone: "GMT"))</i></div>".utf8)
        case 60..<70:
            let author = String(decoding: TextSynth.names[random.below(TextSynth.names.count)], as: UTF8.self)
            out.append(contentsOf: "<div><i>\(author)<br>\(local.iso8601(zone: "+08:00"))</i></div>".utf8)
        case 70..<78: out.append(contentsOf: "<div><i>\(local.chineseDay)</i></div>".utf8)
        case 78..<85: out.append(contentsOf: "<div><i>\(time.isoWithoutZone)</i></div>".utf8)
        case 85..<90: out.append(contentsOf: "<div>\(time.dayMonthYear)</div>".utf8)
        case 90..<95: out.append(contentsOf: "<div></div>".utf8)
        default: break // no date line: the body starts with text
        }
    }

    private mutating func leadImage(into out: inout [UInt8]) {
        let path = "cdn.\(host.replacingOccurrences(of: "www.", with: ""))/img/\(random.next() % 1_000_000)_w900.jpg"
        let source: String
        switch random.below(100) {
        case 0..<60: source = "https://images.weserv.nl?url=\(path)"
        case 60..<80: source = "https://images.weserv.nl/?url=\(path)"
        case 80..<95: source = "https://\(path)"
        default: source = "//\(path)"
        }
        out.append(contentsOf: "<img src=\"\(source)\" width=\"100%\"><div><small style=\"color: #999;\">".utf8)
        TextSynth.sentence(script, &random, into: &out)
        out.append(contentsOf: "</small></div>".utf8)
    }

    /// A paragraph of 1–5 sentences, sometimes with a link, emphasis,
    /// `&nbsp;`, a raw no-break or zero-width space, an emoji or a bare CR.
    private mutating func prose(into out: inout [UInt8]) {
        for index in 0..<random.int(in: 1...5) {
            if index > 0 && script == .english { out.append(UInt8(ascii: " ")) }
            switch random.below(100) {
            case 0..<6:
                out.append(contentsOf: "<a href=\"https://\(host)/a/\(random.next() % 100_000).html\" target=\"_blank\">".utf8)
                TextSynth.sentence(script, &random, into: &out)
                out.append(contentsOf: "</a>".utf8)
            case 6..<9:
                out.append(contentsOf: "<strong>".utf8)
                TextSynth.sentence(script, &random, into: &out)
                out.append(contentsOf: "</strong>".utf8)
            case 9..<11:
                out.append(contentsOf: "<font color=\"#333\" style=\"font-size: 14px\">".utf8)
                TextSynth.sentence(script, &random, into: &out)
                out.append(contentsOf: "</font>".utf8)
            default:
                TextSynth.sentence(script, &random, into: &out)
            }
            switch random.below(200) {
            case 0..<4: out.append(contentsOf: "&nbsp;".utf8)
            case 4..<6: out.append(contentsOf: "\u{00A0}".utf8)
            case 6..<8: out.append(contentsOf: "\u{200B}".utf8)
            case 8..<12: out += random.pick(TextSynth.emoji)
            case 12: out.append(UInt8(ascii: "\r"))
            default: break
            }
        }
    }
}
