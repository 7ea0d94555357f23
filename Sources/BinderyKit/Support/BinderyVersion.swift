/// The version Bindery reports (`bindery --version`, the User-Agent of image requests).
public enum BinderyVersion {
    public static let string = "0.1.0"
    /// Names Bindery and its version to the sites it fetches images from.
    public static var userAgent: String { "Bindery/\(string) (news archive to e-book binder)" }
}
