/// What becomes of a line a rule recognises.
enum LineVerdict: Equatable {
    case drop
    /// Kept as a credit line (`CleanedArticle.credits`).
    case credit
    /// Kept as the link to the article in another language.
    case originalVersion(href: String, language: String)
}

/// A rule that recognises lines of the cleaned body by their text and
/// links (`BodyLine`): the generic feed-footer rules and a site's `lines`.
/// `ApplyLineRules` offers it the lines at the end and start of the body,
/// one after another while some rule takes them, and every line when it
/// looks anywhere.
protocol LineRecognizer: Sendable {
    /// Where it looks.
    var positions: Set<LineRule.Position> { get }
    /// Its verdict on `line` (found at `position`) and the name it reports
    /// under, or `nil` to keep the line.
    func recognize(_ line: BodyLine, at position: LineRule.Position) -> (verdict: LineVerdict, rule: String)?
}

/// A site's `lines` rules as a recognizer.
struct SiteLineRecognizer: LineRecognizer {
    let site: SiteRule

    var positions: Set<LineRule.Position> { Set(site.lines.map(\.position)) }

    func recognize(_ line: BodyLine, at position: LineRule.Position) -> (verdict: LineVerdict, rule: String)? {
        for rule in site.lines where rule.position == position {
            guard !line.isEmpty, rule.pattern.matches(line.text) else { continue }
            if rule.mostlyLinks, line.linkShare < 0.5 { continue }
            let name = "\(site.name): lines \(rule.pattern.source)"
            switch rule.action {
            case .drop: return (.drop, name)
            case .credit: return (.credit, name)
            case .originalVersion(let language):
                // Without a link there is nothing to keep but the words: keep them.
                guard let href = line.links.first(where: { URIScheme.of($0) == "http" || URIScheme.of($0) == "https" }) else { continue }
                return (.originalVersion(href: href, language: language), name)
            }
        }
        return nil
    }
}
