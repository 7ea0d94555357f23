/// The C libraries Bindery was built against, as `bindery --version` shows
/// them (each folder that imports one says which it got).
public enum LibraryVersions {
    public static var all: [(name: String, version: String)] {
        [("libxml2", HTMLParser.libraryVersion), ("libzip", LibZip.libraryVersion),
         ("libdeflate", Deflater.libraryVersion), ("libcurl", SMTPTransport.libraryVersion),
         ("libvips", VipsRuntime.libraryVersion)]
    }

    /// `libxml2 2.9.14, libzip 1.7.3, …`.
    public static var summary: String {
        all.map { "\($0.name) \($0.version)" }.joined(separator: ", ")
    }
}
