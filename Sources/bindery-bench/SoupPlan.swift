/// Which pieces of web tag soup one article carries, and after which
/// paragraph each goes (FORMAT.md "Embeds and noise"). Drawn once per
/// article so that the rates hold per article, not per paragraph.
struct SoupPlan {
    enum Block: CaseIterable {
        case table, list, iframe, video, script, style, noscript, svg, lazyImage,
             relativeImages, dataImage, tweet, figure, strayEndTags, unclosedTags
    }

    /// Per-article rates, in percent.
    static let rates: [Block: Int] = [
        .table: 5, .list: 8, .iframe: 5, .video: 2, .script: 5, .style: 4, .noscript: 2, .svg: 1,
        .lazyImage: 5, .relativeImages: 3, .dataImage: 1, .tweet: 2, .figure: 4, .strayEndTags: 3, .unclosedTags: 3,
    ]

    private(set) var placements: [(block: Block, paragraph: Int)] = []
    /// Every 5th article shows an image from the archive's own `images/` folder.
    private(set) var localImage: Int?
    private(set) var feedFooter: Bool

    init(_ random: inout SplitMix64, hasLocalImage: Bool) {
        for block in Block.allCases where random.below(100) < (Self.rates[block] ?? 0) {
            placements.append((block, random.below(4)))
        }
        localImage = hasLocalImage ? random.below(LocalImages.names.count) : nil
        feedFooter = random.chance(0.1)
    }

    func insert(after paragraph: Int, script: Script, _ random: inout SplitMix64, into out: inout [UInt8]) {
        if paragraph == 0, let localImage {
            let name = LocalImages.names[localImage]
            out.append(contentsOf: "<img src=\"images/\(name)\" alt=\"local \(name)\">".utf8)
        }
        for placement in placements where placement.paragraph == paragraph {
            out.append(contentsOf: Self.html(placement.block, script: script, &random).utf8)
        }
    }

    private static func html(_ block: Block, script: Script, _ random: inout SplitMix64) -> String {
        func words(_ count: Int) -> String {
            var bytes: [UInt8] = []
            for index in 0..<count {
                if index > 0 && script == .english { bytes.append(UInt8(ascii: " ")) }
                bytes += random.pick(TextSynth.vocabulary(script))
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        let number = random.next() % 100_000
        switch block {
        case .table:
            var rows = "<table border=\"1\" style=\"width:100%\"><tr><th>\(words(2))</th><th>\(words(1))</th></tr>"
            for row in 0..<random.int(in: 2...6) { rows += "<tr><td>\(words(2))</td><td>\(row * 17 + 3)%</td></tr>" }
            return rows + "</table>"
        case .list:
            let tag = random.chance(0.5) ? "ul" : "ol"
            var items = "<\(tag) class=\"list\">"
            for _ in 0..<random.int(in: 2...5) { items += "<li>\(words(4))" + (random.chance(0.5) ? "</li>" : "") }
            return items + "</\(tag)>"
        case .iframe:
            return "<iframe width=\"560\" height=\"315\" src=\"https://www.youtube.com/embed/v\(number)\" frameborder=\"0\" allowfullscreen></iframe>"
        case .video:
            return "<video controls poster=\"https://cdn.example.org/p\(number).jpg\"><source src=\"https://cdn.example.org/v\(number).mp4\" type=\"video/mp4\"></video>"
        case .script:
            return "<script type=\"text/javascript\">window.dataLayer = window.dataLayer || []; if (a < b && c > d) { track(\(number)); }</script>"
        case .style:
            return "<style>.ad > p { color: red; } p:first-child::before { content: \"<x>\"; }</style>"
        case .noscript:
            return "<noscript><img src=\"https://pixel.example.org/\(number).gif\" width=\"1\" height=\"1\"></noscript>"
        case .svg:
            return "<svg width=\"24\" height=\"24\" viewBox=\"0 0 24 24\"><path d=\"M12 2L2 22h20z\"/></svg>"
        case .lazyImage:
            return "<img class=\"lazy\" src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" data-src=\"https://cdn.example.org/lazy/\(number).jpg\" srcset=\"https://cdn.example.org/lazy/\(number)_480.jpg 480w, https://cdn.example.org/lazy/\(number)_960.jpg 960w\" alt=\"\(words(2))\">"
        case .relativeImages:
            return "<img src=\"//cdn.example.org/rel/\(number).jpg\"><img src=\"/images/root/\(number).png\" alt=\"\">"
        case .dataImage:
            return "<img src=\"data:image/png;base64,\(LocalImages.tinyPNGBase64)\" alt=\"\(words(1))\">"
        case .tweet:
            return "<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">\(words(6)) <a href=\"https://t.co/x\(number)\">pic.twitter.com/x\(number)</a></p>&mdash; Someone (@someone) <a href=\"https://twitter.com/someone/status/\(number)\">January 9, 2024</a></blockquote><script async src=\"https://platform.twitter.com/widgets.js\" charset=\"utf-8\"></script>"
        case .figure:
            return "<figure class=\"wp-block-image\"><img src=\"https://images.weserv.nl/?url=cdn.example.org/fig/\(number).jpg\" alt=\"\"><figcaption>\(words(5))</figcaption></figure>"
        case .strayEndTags:
            return "</span></div></font>"
        case .unclosedTags:
            return "<div class=\"note\"><b>\(words(3))<span style=\"color:#c00\">\(words(2))"
        }
    }
}
