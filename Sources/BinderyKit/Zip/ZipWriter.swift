import CLibZip
import Foundation

/// Writes a zip archive with libzip. (Skeleton: the EPUB work replaces this.)
public final class ZipWriter {
    public enum Method: Sendable { case store, deflate }
    public init(url: URL) throws {}
    /// Adds an entry; entries appear in the archive in the order added.
    public func add(path: String, data: Data, method: Method) throws {}
    public func close() throws {}
}

let libzipVersion = String(cString: zip_libzip_version())
