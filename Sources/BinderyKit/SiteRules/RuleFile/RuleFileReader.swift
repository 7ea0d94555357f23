import Foundation

/// Reads a rule file (README "Site rules") into `SiteRule`s, checking every
/// field: an unknown field, a value of the wrong type, a selector, pattern
/// or host that does not parse is a `SiteRulesError` naming the file, the
/// line and the field — never silently ignored, since a misspelt `"remvoe"`
/// would otherwise leave the noise in place without a word.
enum RuleFileReader {
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - file: how messages name the file.
    /// - Throws: `SiteRulesError`.
    static func read(_ text: String, file: String) throws -> [SiteRule] {
        let document = try LocatedJSON.parse(text, file: file)
        let reader = Reader(file: file)
        let top = try reader.object(document, at: "", fields: ["sites", "note"])
        guard let sites = top["sites"] else {
            throw SiteRulesError(file: file, line: document.line, message: "a rule file is an object with a \"sites\" list")
        }
        var rules: [SiteRule] = []
        var names = Set<String>()
        for (index, site) in try reader.array(sites, at: "sites").enumerated() {
            let rule = try reader.site(site, at: "sites[\(index)]")
            guard names.insert(rule.name).inserted else {
                throw SiteRulesError(file: file, line: site.line, field: "sites[\(index)].name",
                                     message: "a second site named \"\(rule.name)\" in the same file")
            }
            rules.append(rule)
        }
        return rules
    }

    private struct Reader {
        let file: String

        func failure(_ value: LocatedJSON, _ field: String, _ message: String) -> SiteRulesError {
            SiteRulesError(file: file, line: value.line, field: field, message: message)
        }

        /// The members of an object, refusing fields not in `fields`.
        func object(_ value: LocatedJSON, at field: String, fields: [String]) throws -> [String: LocatedJSON] {
            guard case .object(let members) = value.value else {
                throw failure(value, field, "expected an object, found \(value.kindName)")
            }
            var result: [String: LocatedJSON] = [:]
            for member in members {
                guard fields.contains(member.key) else {
                    let inside = field.isEmpty ? "the file" : field
                    throw failure(member.value, join(field, member.key),
                                  "unknown field in \(inside) (known: \(fields.joined(separator: ", ")))")
                }
                result[member.key] = member.value
            }
            return result
        }

        func array(_ value: LocatedJSON, at field: String) throws -> [LocatedJSON] {
            guard case .array(let items) = value.value else { throw failure(value, field, "expected a list, found \(value.kindName)") }
            return items
        }

        func string(_ value: LocatedJSON, at field: String) throws -> String {
            guard case .string(let text) = value.value else { throw failure(value, field, "expected a string, found \(value.kindName)") }
            guard !text.isBlank else { throw failure(value, field, "must not be empty") }
            return text
        }

        func bool(_ value: LocatedJSON, at field: String) throws -> Bool {
            guard case .bool(let flag) = value.value else { throw failure(value, field, "expected true or false, found \(value.kindName)") }
            return flag
        }

        /// A list of strings; a single string counts as a list of one.
        func strings(_ value: LocatedJSON, at field: String) throws -> [(String, LocatedJSON, String)] {
            if case .string = value.value { return [(try string(value, at: field), value, field)] }
            return try array(value, at: field).enumerated().map { index, item in
                let itemField = "\(field)[\(index)]"
                return (try string(item, at: itemField), item, itemField)
            }
        }

        func selectors(_ value: LocatedJSON?, at field: String) throws -> [Selector] {
            guard let value else { return [] }
            return try strings(value, at: field).map { text, item, itemField in try selector(text, item, itemField) }
        }

        func selector(_ text: String, _ value: LocatedJSON, _ field: String) throws -> Selector {
            do {
                return try Selector(text)
            } catch let problem as SelectorParser.Failure {
                throw failure(value, field, "bad selector \"\(text)\": \(problem.message)")
            }
        }

        func patterns(_ value: LocatedJSON?, at field: String) throws -> [TextPattern] {
            guard let value else { return [] }
            return try strings(value, at: field).map { text, item, itemField in try pattern(text, item, itemField) }
        }

        func pattern(_ text: String, _ value: LocatedJSON, _ field: String) throws -> TextPattern {
            do {
                return try TextPattern(text)
            } catch let problem as TextPattern.Failure {
                throw failure(value, field, problem.message)
            }
        }

        func site(_ value: LocatedJSON, at field: String) throws -> SiteRule {
            let fields = try object(value, at: field, fields: [
                "name", "hosts", "publisher", "aliases", "title", "remove", "unwrap", "credits", "tags", "players", "lines", "note",
            ])
            guard let nameValue = fields["name"] else { throw failure(value, field, "a site needs a \"name\"") }
            let name = try string(nameValue, at: join(field, "name"))
            guard name.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "." }) else {
                throw failure(nameValue, join(field, "name"), "use lower-case letters, digits, '-', '_' and '.' (\"\(name)\")")
            }
            guard let hostsValue = fields["hosts"] else { throw failure(value, field, "site \"\(name)\" needs \"hosts\"") }
            let hosts = try strings(hostsValue, at: join(field, "hosts")).map { text, item, itemField -> HostPattern in
                do {
                    return try HostPattern(text)
                } catch let problem as HostPattern.Failure {
                    throw failure(item, itemField, problem.message)
                }
            }
            guard !hosts.isEmpty else { throw failure(hostsValue, join(field, "hosts"), "name at least one host") }
            var rule = SiteRule(name: name, hosts: hosts, origin: "\(file):\(value.line)")
            if let publisher = fields["publisher"] { rule.publisher = try string(publisher, at: join(field, "publisher")).collapsingWhitespace() }
            if let aliases = fields["aliases"] {
                rule.aliases = try strings(aliases, at: join(field, "aliases")).map { $0.0.collapsingWhitespace() }
            }
            if let title = fields["title"] {
                let titleField = join(field, "title")
                let parts = try object(title, at: titleField, fields: ["strip", "via", "note"])
                rule.titleStrip = try patterns(parts["strip"], at: join(titleField, "strip"))
                rule.titleVia = try patterns(parts["via"], at: join(titleField, "via"))
            }
            rule.remove = try selectors(fields["remove"], at: join(field, "remove"))
            rule.unwrap = try selectors(fields["unwrap"], at: join(field, "unwrap"))
            rule.credits = try selectors(fields["credits"], at: join(field, "credits"))
            rule.tags = try selectors(fields["tags"], at: join(field, "tags"))
            if let players = fields["players"] {
                rule.players = try array(players, at: join(field, "players")).enumerated().map { index, item in
                    try player(item, at: "\(join(field, "players"))[\(index)]")
                }
            }
            if let lines = fields["lines"] {
                rule.lines = try array(lines, at: join(field, "lines")).enumerated().map { index, item in
                    try line(item, at: "\(join(field, "lines"))[\(index)]")
                }
            }
            return rule
        }

        func player(_ value: LocatedJSON, at field: String) throws -> PlayerRule {
            let fields = try object(value, at: field, fields: ["select", "kind", "url", "title", "note"])
            guard let selectValue = fields["select"] else { throw failure(value, field, "a player needs \"select\"") }
            let select = try selector(try string(selectValue, at: join(field, "select")), selectValue, join(field, "select"))
            guard let kindValue = fields["kind"] else { throw failure(value, field, "a player needs \"kind\": \"audio\" or \"video\"") }
            let kindText = try string(kindValue, at: join(field, "kind"))
            guard let kind = Embed.Kind(rawValue: kindText), kind != .page else {
                throw failure(kindValue, join(field, "kind"), "expected \"audio\" or \"video\", found \"\(kindText)\"")
            }
            let url = try fields["url"].map { try sources($0, at: join(field, "url")) } ?? [.json("url"), .attribute("data-src"), .link]
            let title = try fields["title"].map { try sources($0, at: join(field, "title")) } ?? [.text]
            return PlayerRule(select: select, kind: kind, url: url, title: title)
        }

        func sources(_ value: LocatedJSON, at field: String) throws -> [ValueSource] {
            try strings(value, at: field).map { text, item, itemField in
                switch text {
                case "link": return .link
                case "text": return .text
                case "next-text": return .nextText
                default:
                    if text.hasPrefix("json:"), text.count > 5 { return .json(String(text.dropFirst(5))) }
                    if text.hasPrefix("attr:"), text.count > 5 { return .attribute(String(text.dropFirst(5)).lowercased()) }
                    throw failure(item, itemField, "expected \"json:KEY\", \"attr:NAME\", \"link\", \"text\" or \"next-text\", found \"\(text)\"")
                }
            }
        }

        func line(_ value: LocatedJSON, at field: String) throws -> LineRule {
            let fields = try object(value, at: field, fields: ["text", "at", "keep-as", "language", "mostly-links", "note"])
            guard let textValue = fields["text"] else { throw failure(value, field, "a line rule needs \"text\": a regular expression") }
            let pattern = try pattern(try string(textValue, at: join(field, "text")), textValue, join(field, "text"))
            guard let atValue = fields["at"] else { throw failure(value, field, "a line rule needs \"at\": \"start\", \"end\" or \"anywhere\"") }
            let atText = try string(atValue, at: join(field, "at"))
            guard let position = LineRule.Position(rawValue: atText) else {
                throw failure(atValue, join(field, "at"), "expected \"start\", \"end\" or \"anywhere\", found \"\(atText)\"")
            }
            var action = LineRule.Action.drop
            if let keepValue = fields["keep-as"] {
                switch try string(keepValue, at: join(field, "keep-as")) {
                case "credit": action = .credit
                case "original":
                    var language = "en"
                    if let languageValue = fields["language"] {
                        language = try string(languageValue, at: join(field, "language"))
                        guard LanguageTag.isWellFormed(language) else {
                            throw failure(languageValue, join(field, "language"), "not a BCP 47 language tag such as en or fr: \"\(language)\"")
                        }
                    }
                    action = .originalVersion(language: language)
                case let other:
                    throw failure(keepValue, join(field, "keep-as"), "expected \"credit\" or \"original\", found \"\(other)\"")
                }
            }
            if let languageValue = fields["language"], action == .drop || action == .credit {
                throw failure(languageValue, join(field, "language"), "\"language\" goes with \"keep-as\": \"original\"")
            }
            let mostlyLinks = try fields["mostly-links"].map { try bool($0, at: join(field, "mostly-links")) } ?? false
            return LineRule(pattern: pattern, position: position, action: action, mostlyLinks: mostlyLinks)
        }

        private func join(_ field: String, _ key: String) -> String {
            field.isEmpty ? key : field + "." + key
        }
    }
}
