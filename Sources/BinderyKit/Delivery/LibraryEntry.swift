import Foundation

/// One book the library lists, and so one of the only files it serves.
public struct LibraryEntry: Sendable, Hashable {
    /// Stable, URL-safe id: 16 hex digits of SHA-256 of the path relative to
    /// the library folder. No request path is ever turned into a file path;
    /// requests name books by this id.
    public var id: String
    /// Path below the library folder, `/`-separated.
    public var relativePath: String
    /// The file's real path (symbolic links resolved, inside the library).
    public var url: URL
    public var stamp: FileStamp
    public var info: BookInfo

    public var fileName: String { url.lastPathComponent }

    /// The cover as served: JPEG or PNG only (what e-readers show), by the
    /// type the package document declares (the bytes are checked when served).
    public var coverType: ImageType? {
        switch info.cover?.mediaType.lowercased() {
        case "image/jpeg"?, "image/jpg"?: return .jpeg
        case "image/png"?: return .png
        default: return nil
        }
    }
}

/// What tells one version of a file from another without reading it:
/// device, inode, size and modification time (nanoseconds).
public struct FileStamp: Sendable, Hashable {
    public var device: UInt64
    public var inode: UInt64
    public var size: Int64
    public var modifiedNanoseconds: Int64

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modifiedNanoseconds = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    }

    public var modified: Date { Date(timeIntervalSince1970: TimeInterval(modifiedNanoseconds / 1_000_000_000)) }

    /// A strong validator for HTTP (RFC 9110 §8.8.3): changes whenever the file does.
    public var entityTag: String {
        "\"" + String(inode, radix: 16) + "-" + String(size, radix: 16) + "-" + String(modifiedNanoseconds, radix: 16) + "\""
    }
}
