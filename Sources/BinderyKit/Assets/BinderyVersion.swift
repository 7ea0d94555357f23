/// The version Bindery reports (User-Agent, `--version`, generator metadata).
public enum BinderyVersion {
    public static let string = "0.1.0"
    /// Where a site operator reading the User-Agent can learn what Bindery is.
    public static let homepage = "https://github.com/bindery/bindery"

    /// `Bindery/0.1.0 (+https://…)`, the conventional bot form (RFC 9110 10.1.5).
    public static var userAgent: String { "Bindery/\(string) (+\(homepage))" }
}
