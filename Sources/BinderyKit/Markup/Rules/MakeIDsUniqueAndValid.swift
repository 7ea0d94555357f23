import Foundation

/// Keeps an `id` only where a `#fragment` link of the article points to it,
/// made a valid XML `ID` (an NCName: XML Namespaces §3, which EPUB 3.3
/// XHTML requires) and unique in the body. Fragment links follow the renamed
/// targets; links to targets that do not exist are unwrapped (their text
/// stays).
struct MakeIDsUniqueAndValid: BodyRule {
    func apply(to body: inout [Node], in context: inout CleaningContext) {
        var targets = Set<String>()
        var hasIDs = false
        Self.survey(body, targets: &targets, hasIDs: &hasIDs)
        guard hasIDs || !targets.isEmpty else { return }
        var renamed: [String: String] = [:]
        var used = Set<String>()
        body = Self.assignIDs(body, targets: targets, renamed: &renamed, used: &used)
        if !targets.isEmpty { body = Self.retargetLinks(body, renamed: renamed) }
    }

    private static func fragment(of href: String?) -> String? {
        guard let href, href.hasPrefix("#") else { return nil }
        let raw = String(href.dropFirst())
        return raw.removingPercentEncoding ?? raw
    }

    private static func survey(_ nodes: [Node], targets: inout Set<String>, hasIDs: inout Bool) {
        for case .element(let e) in nodes {
            if e[attribute: "id"] != nil { hasIDs = true }
            if e.name == "a", let target = fragment(of: e[attribute: "href"]) { targets.insert(target) }
            survey(e.children, targets: &targets, hasIDs: &hasIDs)
        }
    }

    private static func assignIDs(_ nodes: [Node], targets: Set<String>, renamed: inout [String: String], used: inout Set<String>) -> [Node] {
        nodes.map { node in
            guard case .element(var e) = node else { return node }
            if let id = e[attribute: "id"] {
                if targets.contains(id), renamed[id] == nil {
                    let valid = uniqueName(validName(id), used: &used)
                    renamed[id] = valid
                    e[attribute: "id"] = valid
                } else {
                    e[attribute: "id"] = nil
                }
            }
            if !e.children.isEmpty { e.children = assignIDs(e.children, targets: targets, renamed: &renamed, used: &used) }
            return .element(e)
        }
    }

    private static func retargetLinks(_ nodes: [Node], renamed: [String: String]) -> [Node] {
        var out: [Node] = []
        out.reserveCapacity(nodes.count)
        for node in nodes {
            guard case .element(var e) = node else {
                out.append(node)
                continue
            }
            e.children = retargetLinks(e.children, renamed: renamed)
            if e.name == "a", let target = fragment(of: e[attribute: "href"]) {
                guard let id = renamed[target] else {
                    out += e.children
                    continue
                }
                e[attribute: "href"] = "#" + id
            }
            out.append(.element(e))
        }
        return out
    }

    /// `raw` as an NCName: characters outside letters, digits, `-`, `_`, `.`
    /// become `-`; a name not starting with a letter or `_` gets an `id-` prefix.
    static func validName(_ raw: String) -> String {
        var name = ""
        for scalar in raw.unicodeScalars {
            let ok = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" || scalar == "."
            name.unicodeScalars.append(ok ? scalar : "-")
        }
        if let first = name.unicodeScalars.first, first.properties.isAlphabetic || first == "_" { return name }
        return "id-" + name
    }

    private static func uniqueName(_ name: String, used: inout Set<String>) -> String {
        var candidate = name
        var counter = 2
        while used.contains(candidate) {
            candidate = "\(name)-\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }
}
