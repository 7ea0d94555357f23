import Foundation

/// The site rules in use: the built-in ones (`SiteRules/BuiltIn/*.json` in this
/// repository, built into the library by `BuiltIn/embed.sh`), plus any the
/// user adds (`--site-rules FILE`).
///
/// A site is looked up by an article's URL: the most specific host pattern
/// wins (longer host, then longer path), and among equals the rule added
/// last. A user's site with the name of a built-in one replaces it.
public struct SiteRules: Sendable {
    /// In the order they were added.
    public private(set) var sites: [SiteRule]
    /// Publisher names and aliases, longest first: reposting sources.
    let knownSources: [String]

    public init(sites: [SiteRule]) {
        var byName: [String: Int] = [:]
        var kept: [SiteRule] = []
        for site in sites {
            if let index = byName[site.name] {
                kept[index] = site
            } else {
                byName[site.name] = kept.count
                kept.append(site)
            }
        }
        self.sites = kept
        var names = Set<String>()
        for site in kept {
            if let publisher = site.publisher { names.insert(publisher) }
            names.formUnion(site.aliases)
        }
        knownSources = names.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
    }

    /// No rules at all: generic cleaning only.
    public static let none = SiteRules(sites: [])

    /// The rules that come with Bindery, for the feeds of FORMAT.md.
    public static let builtIn: SiteRules = {
        var sites: [SiteRule] = []
        for file in BuiltInSiteRules.files {
            do {
                sites += try RuleFileReader.read(file.text, file: "built-in:" + file.name)
            } catch {
                // The tests read every built-in file; this cannot happen in a release.
                fatalError("built-in site rules do not parse: \(error)")
            }
        }
        return SiteRules(sites: sites)
    }()

    /// These rules and the sites of the rule files at `paths`, in order.
    /// - Throws: `SiteRulesError` for a file that cannot be read or used.
    public func adding(files paths: [String]) throws -> SiteRules {
        var added: [SiteRule] = []
        for path in paths {
            let text: String
            do {
                text = TextBytes.string(try TextBytes.readFile(path)[...])
            } catch let failure as TextBytes.ReadFailure {
                throw SiteRulesError(file: path, line: 0, message: "cannot read the rule file: \(failure.reason)")
            }
            added += try RuleFileReader.read(text, file: path)
        }
        return adding(added)
    }

    /// These rules with `sites` added; a site named like one here replaces it.
    public func adding(_ sites: [SiteRule]) -> SiteRules {
        SiteRules(sites: self.sites + sites)
    }

    /// The rule for the article at `url`, if a site's hosts cover it.
    public func site(for url: URL?) -> SiteRule? {
        guard let url, let place = HostPattern.Place(url) else { return nil }
        var best: (site: Int, specificity: (Int, Int))?
        for (index, site) in sites.enumerated() {
            for pattern in site.hosts where pattern.matches(place) {
                if let current = best, pattern.specificity < current.specificity { continue }
                best = (index, pattern.specificity)
            }
        }
        return best.map { sites[$0.site] }
    }

    /// The publisher name for the article at `url` (`美国之音`), if a rule knows it.
    public func publisher(for url: URL?) -> String? {
        site(for: url)?.publisher
    }

    /// A site's own patterns first, then the generic rules (a site's
    /// `【SOURCE】` via pattern must see the brackets before they become a marker).
    static let headerRules: [any HeaderRule] = [
        StripTitleAffixes(), TitleViaPrefix(), MarkTitleTags(), DropBylinePlaceholders(), CollapseDoubledByline(),
    ]

    /// `article` with its publisher set and the title and byline rules
    /// applied (`Article.appliedRules` names those that changed something).
    /// Run before the digest is built: its chapters, contents and note
    /// names use the result.
    public func annotate(_ article: Article) -> Article {
        var article = article
        let site = site(for: article.url)
        article.publisher = site?.publisher
        var context = HeaderContext(site: site, knownSources: knownSources)
        for rule in Self.headerRules { rule.apply(to: &article, in: &context) }
        article.appliedRules = context.fired
        return article
    }

    public func annotate(_ articles: [Article]) -> [Article] {
        articles.concurrentMap(annotate)
    }
}
