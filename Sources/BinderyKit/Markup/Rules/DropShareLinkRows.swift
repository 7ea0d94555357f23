/// Rows of bookmark and share buttons (`Share: Facebook | Twitter |
/// 分享到微博`, WordPress's `Add to del.icio.us`) are links to share
/// services, not the article. A line at the end or start of the body whose
/// every link goes to a share service, with no more text than a label and
/// separators, goes.
struct DropShareLinkRows: LineRecognizer {
    /// Host (or host + path start) of share and bookmark endpoints.
    static let shareEndpoints: [(host: String, path: String)] = [
        ("del.icio.us", "/post"), ("delicious.com", "/save"), ("digg.com", "/submit"), ("reddit.com", "/submit"),
        ("facebook.com", "/sharer"), ("facebook.com", "/share"), ("twitter.com", "/intent"), ("twitter.com", "/share"),
        ("x.com", "/intent"), ("linkedin.com", "/share"), ("plus.google.com", "/share"), ("pinterest.com", "/pin/create"),
        ("stumbleupon.com", "/submit"), ("service.weibo.com", "/share"), ("t.me", "/share"), ("telegram.me", "/share"),
        ("api.whatsapp.com", "/send"), ("wa.me", "/"), ("line.me", "/R/msg"), ("social-plugins.line.me", "/"),
        ("connect.qq.com", "/widget/shareqq"), ("sns.qzone.qq.com", "/cgi-bin/qzshare"), ("getpocket.com", "/save"),
    ]
    /// Room for a label (`Share this:`, `分享到：`) and separators.
    static let maximumOtherText = 24

    var positions: Set<LineRule.Position> { [.start, .end] }

    func recognize(_ line: BodyLine, at position: LineRule.Position) -> (verdict: LineVerdict, rule: String)? {
        guard !line.links.isEmpty, line.links.allSatisfy(Self.isShareLink) else { return nil }
        let other = line.textOutsideLinks.filter { !$0.isPunctuation && !$0.isSymbol && !$0.isWhitespace }
        guard other.count <= Self.maximumOtherText else { return nil }
        return (.drop, "DropShareLinkRows")
    }

    static func isShareLink(_ href: String) -> Bool {
        if href.utf8.starts(with: "mailto:?".utf8) { return true }
        guard let (found, path) = WebURL.hostAndPath(href) else { return false }
        let host = found.hasPrefix("www.") ? String(found.dropFirst(4)) : found
        return shareEndpoints.contains { endpoint in
            (host == endpoint.host || host.hasSuffix("." + endpoint.host)) && path.hasPrefix(endpoint.path)
        }
    }
}
