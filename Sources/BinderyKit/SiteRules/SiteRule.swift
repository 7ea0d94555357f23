import Foundation

/// What Bindery knows about one site: which articles are its, what it is
/// called, and what its templates put into titles and bodies that is not
/// the article. Read from a rule file (`RuleFileReader`, README "Site
/// rules"); applied by `SiteRules.annotate` (titles, publisher) and the
/// cleaning rules `ApplySiteSelectors` and `ApplyLineRules` (bodies).
public struct SiteRule: Sendable {
    /// Unique among the rules in use; a user's rule of the same name
    /// replaces a built-in one. Reports name rules after it.
    public var name: String
    /// Which article URLs are the site's.
    public var hosts: [HostPattern]
    /// The name readers know the site by (`美国之音`), shown in bylines,
    /// lists and front matter instead of the host.
    public var publisher: String?
    /// Other names of the site, recognised as a reposting source in titles.
    public var aliases: [String] = []
    /// Removed from titles wherever they match (a site suffix).
    public var titleStrip: [TextPattern] = []
    /// Reposting prefixes: matched at the start of a title, cut from it and
    /// kept as "via" (the first capture group, else the match's text).
    public var titleVia: [TextPattern] = []
    /// Elements dropped with their content.
    public var remove: [Selector] = []
    /// Elements replaced by their content.
    public var unwrap: [Selector] = []
    /// Elements whose text is a credit (translator, editor): taken out of
    /// the body and shown as a closing line.
    public var credits: [Selector] = []
    /// Elements whose text is one of the article's tags (they stay in place).
    public var tags: [Selector] = []
    /// Player modules turned into an audio or video embed.
    public var players: [PlayerRule] = []
    /// Lines recognised by their text: dropped, or kept as a credit or as
    /// the link to the original-language version.
    public var lines: [LineRule] = []
    /// Where the rule was written: `rules.json:3` or `built-in:rfi.json:2`.
    public var origin: String

    public init(name: String, hosts: [HostPattern], publisher: String? = nil, origin: String) {
        self.name = name
        self.hosts = hosts
        self.publisher = publisher
        self.origin = origin
    }
}

/// A host, with an optional path prefix: `rfi.fr/cn` matches `rfi.fr` and
/// its subdomains (`www.rfi.fr`), for paths `/cn` and below (`/cn/…`, not
/// `/cnn`).
public struct HostPattern: Sendable, Hashable, CustomStringConvertible {
    /// Lower case, without a leading `www.`.
    public var host: String
    /// Starts with `/`, no trailing `/`; empty for the whole host.
    public var pathPrefix: String

    /// Parses `host[/path]`.
    /// - Throws: `Failure` for a scheme, a port, an empty host or spaces.
    public init(_ text: String) throws {
        var rest = text.trimmingHTMLWhitespace().lowercased()
        guard !rest.contains("://") else { throw Failure(message: "write a host without its scheme: \(text)") }
        var path = ""
        if let slash = rest.firstIndex(of: "/") {
            path = String(rest[slash...])
            rest = String(rest[..<slash])
        }
        while path.hasSuffix("/") { path.removeLast() }
        if rest.hasPrefix("www.") { rest.removeFirst(4) }
        guard !rest.isEmpty, !rest.contains(":"), !rest.contains(where: \.isWhitespace),
              !rest.hasPrefix("."), !rest.hasSuffix(".") else {
            throw Failure(message: "not a host (like voachinese.com or rfi.fr/cn): \(text)")
        }
        host = rest
        pathPrefix = path
        dottedHost = "." + rest
    }

    /// `.` + `host`, for the subdomain test.
    private let dottedHost: String

    public struct Failure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    public var description: String { host + pathPrefix }

    public func matches(_ url: URL) -> Bool {
        guard let place = Place(url) else { return false }
        return matches(place)
    }

    /// A URL's host and path as patterns compare them: lower case, no
    /// trailing dot on the host, no doubled slash (feeds write one after the
    /// host now and then) at the start of the path.
    struct Place {
        var host: String
        var path: String

        init?(_ url: URL) {
            guard var (host, path) = WebURL.hostAndPath(url.absoluteString) else { return nil }
            if host.hasSuffix(".") { host.removeLast() }
            path = path.lowercased()
            while path.hasPrefix("//") { path.removeFirst() }
            self.host = host
            self.path = path
        }
    }

    /// Byte-wise (hosts and paths are lower-case ASCII or percent-encoded):
    /// every article is looked up.
    func matches(_ place: Place) -> Bool {
        let placeHost = place.host.utf8
        guard placeHost.elementsEqual(host.utf8) || placeHost.reversed().starts(with: dottedHost.utf8.reversed()) else { return false }
        guard !pathPrefix.isEmpty else { return true }
        let path = place.path.utf8
        guard path.starts(with: pathPrefix.utf8) else { return false }
        let rest = path.dropFirst(pathPrefix.utf8.count)
        return rest.isEmpty || rest.first == UInt8(ascii: "/")
    }

    /// How specific the pattern is: longer hosts, then longer paths, win.
    var specificity: (Int, Int) { (host.utf8.count, pathPrefix.utf8.count) }
}

/// A player module (`<div class="m-em-audio"><script type="application/json">
/// {"url": "….mp3"}</script>FILE TITLE</div>`) and where its media URL and
/// title are; it becomes an `Embed`.
public struct PlayerRule: Sendable {
    public var select: Selector
    public var kind: Embed.Kind
    /// Tried in order; the first that gives an `http(s)` URL wins. Without
    /// one, the embed links to the article.
    public var url: [ValueSource]
    /// Tried in order; the first non-empty text wins.
    public var title: [ValueSource]

    public init(select: Selector, kind: Embed.Kind, url: [ValueSource], title: [ValueSource]) {
        self.select = select
        self.kind = kind
        self.url = url
        self.title = title
    }
}

/// Where a player's URL or title is found.
public enum ValueSource: Sendable, Hashable, CustomStringConvertible {
    /// `json:KEY` — the first string value of `KEY` (at any depth) in a JSON
    /// `script` inside the module.
    case json(String)
    /// `attr:NAME` — the attribute on the module, else on the first
    /// element inside it that has it.
    case attribute(String)
    /// `link` — the first link inside the module.
    case link
    /// `text` — the module's own text (scripts aside).
    case text
    /// `next-text` — the short run of text right after the module (up to the
    /// next line break or block), which is then taken out of the body.
    case nextText

    public var description: String {
        switch self {
        case .json(let key): return "json:" + key
        case .attribute(let name): return "attr:" + name
        case .link: return "link"
        case .text: return "text"
        case .nextText: return "next-text"
        }
    }
}

/// A line of the body recognised by its text (white space collapsed; a
/// `<br>` or a block ends a line).
public struct LineRule: Sendable {
    public enum Position: String, Sendable, CaseIterable {
        /// The first lines of the body, one after another while they match.
        case start
        /// The last lines of the body, one after another while they match.
        case end
        /// Any line.
        case anywhere
    }

    public enum Action: Sendable, Hashable {
        /// Not the article: dropped.
        case drop
        /// A credit (translation, editing, reporting): a closing line.
        case credit
        /// A link to the article in another language (`en`): shown beside
        /// the link to the original; the line's text goes.
        case originalVersion(language: String)
    }

    public var pattern: TextPattern
    public var position: Position
    public var action: Action
    /// Only lines whose text is mostly link text (cross-link rows such as
    /// `相关报道 <a>…</a>`), so that prose starting the same way stays.
    public var mostlyLinks: Bool

    public init(pattern: TextPattern, position: Position, action: Action = .drop, mostlyLinks: Bool = false) {
        self.pattern = pattern
        self.position = position
        self.action = action
        self.mostlyLinks = mostlyLinks
    }
}
