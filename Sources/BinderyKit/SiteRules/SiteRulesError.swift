/// A rule file that cannot be used: what is wrong, and where.
///
/// Thrown when a rule file cannot be read, is not valid JSON, or holds a
/// field that is unknown, of the wrong type, or whose value (a selector, a
/// pattern, a host) does not parse. The description names the file, the
/// line and the field, as compilers do: `rules.json:7: sites[0].remove[1]:
/// bad selector ".a..b": a class name must follow "."`.
public struct SiteRulesError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it (or `built-in:NAME.json`).
    public var file: String
    /// 1-based; 0 when the file could not be read at all.
    public var line: Int
    /// The field's path in the file (`sites[0].remove[1]`), when one is at fault.
    public var field: String?
    public var message: String

    public init(file: String, line: Int, field: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String {
        var text = file
        if line > 0 { text += ":\(line)" }
        text += ": "
        if let field, !field.isEmpty { text += field + ": " }
        return text + message
    }
}
